/**
 * The progress report as an A4 PDF (pdfkit, built-in Helvetica, the letterhead and the
 * "pagina X van Y" footer of exports/pdf.ts). A status is always printed as a shape and a word —
 * the colour only repeats what they say.
 */
import { formatDate, formatNumber, translate, type Locale, type MessageKey } from '../../i18n';
import { periodLabel } from '../monitor/periods';
import {
	a4Document,
	drawFooters,
	drawLetterHead,
	INK,
	MARGIN,
	MUTED,
	printable,
	type LetterHead
} from '../exports/pdf';
import {
	statusShapes,
	type ProgressReport,
	type ReportAction,
	type ReportMeasure,
	type ReportNode,
	type ReportStatus,
	type ReportUpdate
} from './report';
import type { PlanStatus } from './status';

/** The colours of the plan pages (StatusBadge.svelte), dark enough on white. */
const statusColours: Record<PlanStatus, string> = {
	not_started: '#4d4d4d',
	on_track: '#006e4f',
	at_risk: '#8a5a00',
	off_track: '#a3271f',
	done: '#00528a'
};

/** The order in which summaries list the statuses: what needs attention first. */
const summaryOrder: PlanStatus[] = ['off_track', 'at_risk', 'on_track', 'done', 'not_started'];

export function reportTitle(r: ProgressReport): string {
	return translate(r.locale, 'plans.report.heading', {
		plan: r.plan.title,
		period: r.period.title
	});
}

/** Render a progress report to PDF bytes. */
export function renderReportPdf(
	r: ProgressReport,
	head: LetterHead,
	/** `compress: false` leaves the page streams readable (tests look for the text). */
	options: { compress?: boolean } = {}
): Promise<Buffer> {
	const locale: Locale = r.locale;
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(locale, key, params);
	const title = reportTitle(r);
	const { pdf, bytes } = a4Document({
		compress: options.compress,
		info: {
			Title: printable(title),
			Author: printable(head.legalName || head.name),
			Subject: printable(r.plan.title)
		}
	});
	const left = MARGIN;
	const width = pdf.page.width - 2 * MARGIN;
	const font = (
		name: 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique',
		size: number,
		color = INK
	) => pdf.font(name).fontSize(size).fillColor(color);
	const text = (value: string, options: PDFKit.Mixins.TextOptions & { indent?: number } = {}) => {
		const { indent = 0, ...rest } = options;
		return pdf.text(printable(value), left + indent, pdf.y, { width: width - indent, ...rest });
	};
	const labelled = (label: string, value: string) => {
		font('Helvetica-Bold', 10);
		pdf.text(printable(`${label}: `), left, pdf.y, { width, continued: true });
		font('Helvetica', 10);
		pdf.text(printable(value));
	};
	/** "• Op schema (handmatig vastgelegd)" in the status colour, then the explanation. */
	const statusLine = (s: ReportStatus, indent: number) => {
		font('Helvetica-Bold', 10, statusColours[s.status]);
		pdf.text(printable(`${s.shape} ${s.label}`), left + indent, pdf.y, {
			width: width - indent,
			continued: Boolean(s.manual || s.explanation)
		});
		if (s.manual) {
			font('Helvetica', 10, statusColours[s.status]);
			pdf.text(printable(` (${s.manual})`), { continued: Boolean(s.explanation) });
		}
		if (s.explanation) {
			font('Helvetica', 10);
			pdf.text(printable(` — ${s.explanation}`));
		}
	};
	const day = (d: string) => formatDate(d, locale);
	const value = (m: ReportMeasure, v: number) =>
		`${formatNumber(v, locale, m.decimals)}${m.unit.trim() === '%' ? ' %' : m.unit ? ` ${m.unit}` : ''}`;
	const point = (m: ReportMeasure, p: { period: string; value: number }) =>
		`${value(m, p.value)} (${periodLabel(p.period, locale)})`;

	drawLetterHead(pdf, head);

	// Title and facts.
	font('Helvetica-Bold', 18);
	text(title);
	pdf.moveDown(0.3);
	if (r.plan.isExample) {
		font('Helvetica-Bold', 10, MUTED);
		text(`${t('plans.example')}: ${t('plans.exampleNote')}`);
		pdf.moveDown(0.3);
	}
	labelled(t('plans.owner'), r.plan.owner);
	labelled(t('plans.period'), `${day(r.plan.periodStart)} – ${day(r.plan.periodEnd)}`);
	labelled(t('plans.planStatusLabel'), r.plan.planStatus);
	font('Helvetica', 9, MUTED);
	text(t('plans.report.generated', { date: day(r.generatedOn) }));
	if (r.audience === 'members') text(t('plans.report.membersVersion'));

	// Summary: the plan's status, actions per status, updates and movements in the period.
	pdf.moveDown(0.8);
	font('Helvetica-Bold', 14);
	text(t('plans.report.summary'));
	pdf.moveDown(0.2);
	font('Helvetica-Bold', 10);
	text(`${t('plans.report.planStatus')}:`);
	statusLine(r.status, 0);
	pdf.moveDown(0.4);
	font('Helvetica-Bold', 10);
	text(`${t('plans.actionCounts')}:`);
	for (const s of summaryOrder) {
		font('Helvetica', 10, statusColours[s]);
		text(`${statusShapes[s]} ${t(`plans.status.${s}`)}: ${r.counts[s]}`, { indent: 10 });
	}
	pdf.moveDown(0.4);
	labelled(t('plans.report.updatesInPeriod'), String(r.updates.length));
	pdf.moveDown(0.4);
	font('Helvetica-Bold', 10);
	text(`${t('plans.report.movements')}:`);
	if (!r.movements.length) {
		font('Helvetica-Oblique', 10, MUTED);
		text(t('plans.report.noMovements'), { indent: 10 });
	}
	for (const a of r.movements) {
		const m = a.movement!;
		font('Helvetica', 10);
		text(
			`${a.externalId} ${a.title}: ${t('plans.report.movement', {
				before: `${m.before.label} (${m.before.progress} %)`,
				after: `${m.after.label} (${m.after.progress} %)`
			})}`,
			{ indent: 10 }
		);
	}

	// The tree.
	for (const theme of r.themes) nodeBlock(theme, 0);

	drawFooters(
		pdf,
		title,
		t('plans.report.generated', { date: day(r.generatedOn) }),
		(page, pages) => t('plans.report.page', { page: String(page), pages: String(pages) })
	);
	pdf.end();
	return bytes;

	function nodeBlock(n: ReportNode, depth: number) {
		const indent = Math.min(depth, 3) * 12;
		pdf.moveDown(depth ? 0.6 : 1);
		font('Helvetica-Bold', depth ? 12 : 14);
		text(`${n.externalId} ${n.title}`, { indent });
		if (n.challenge) {
			font('Helvetica-Oblique', 9, MUTED);
			text(`${t('plans.challenge')}: ${n.challenge}`, { indent });
		}
		statusLine(n.status, indent);
		if (n.measures.length) {
			pdf.moveDown(0.3);
			font('Helvetica-Bold', 10);
			text(`${t('plans.measures')}:`, { indent });
			for (const m of n.measures) measureBlock(m, indent + 10);
		}
		for (const a of n.actions) actionBlock(a, indent + 10);
		for (const c of n.children) nodeBlock(c, depth + 1);
	}

	function measureBlock(m: ReportMeasure, indent: number) {
		pdf.moveDown(0.3);
		font('Helvetica-Bold', 10);
		text(`${m.externalId} ${m.indicator} (${m.area})`, { indent });
		font('Helvetica', 9);
		text(
			[
				`${t('plans.measure.baseline')}: ${point(m, m.baseline)}`,
				`${t('plans.measure.latest')}: ${m.latest ? point(m, m.latest) : '–'}`,
				`${t('plans.measure.target')}: ${point(m, m.target)}`
			].join(' · '),
			{ indent }
		);
		statusLine(m.status, indent);
		for (const u of m.updates) updateLine(u, indent + 10);
	}

	function actionBlock(a: ReportAction, indent: number) {
		pdf.moveDown(0.4);
		font('Helvetica-Bold', 10);
		text(`${a.externalId} ${a.title}`, { indent });
		statusLine(a.status, indent);
		font('Helvetica', 9, MUTED);
		const facts = [
			`${t('plans.action.progress')}: ${a.progress} %`,
			a.dueDate ? t('plans.report.due', { date: day(a.dueDate) }) : null,
			a.lead ? `${t('plans.action.lead')}: ${a.lead}` : null,
			a.owner ? `${t('plans.report.col.owner')}: ${a.owner}` : null,
			a.lastUpdate ? t('plans.report.lastUpdate', { date: day(a.lastUpdate.reportedOn) }) : null
		].filter(Boolean);
		text(facts.join(' · '), { indent });
		if (a.updates.length) {
			for (const u of a.updates) updateLine(u, indent + 10);
		} else {
			font('Helvetica-Oblique', 9, MUTED);
			text(t('plans.report.noUpdates'), { indent: indent + 10 });
		}
	}

	function updateLine(u: ReportUpdate, indent: number) {
		const meta = [
			day(u.reportedOn),
			u.progress !== null ? t('plans.report.progress', { progress: String(u.progress) }) : null,
			u.statusProposal
				? t('plans.report.proposal', {
						status: `${u.statusProposal.shape} ${u.statusProposal.label}`
					})
				: null,
			u.author ? t('plans.report.author', { name: u.author }) : null
		].filter(Boolean);
		font('Helvetica-Bold', 9);
		pdf.text(printable(`${meta.join(' · ')}: `), left + indent, pdf.y, {
			width: width - indent,
			continued: true
		});
		font('Helvetica', 9);
		pdf.text(printable(u.text));
	}
}
