/**
 * The progress report as a workbook (exceljs): "Overzicht" (the plan's status and the counts),
 * "Acties" (one row per action), "Metingen", "Updates" (the period's updates) and "Bewegingen"
 * (the actions that moved). Real typed cells — numbers as numbers, dates as dates — under a bold,
 * frozen header row. Text stays text: exceljs writes a string starting with "=" as a string, never
 * as a formula.
 */
import ExcelJS from 'exceljs';
import { translate, type MessageKey } from '../../i18n';
import { periodLabel } from '../monitor/periods';
import type { ProgressReport, ReportStatus } from './report';

const DATE = 'dd/mm/yyyy';

/** A YYYY-MM-DD day as an Excel date (midnight UTC, which exceljs writes as that day). */
const asDate = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00Z`) : null);

type Column = { header: MessageKey; width: number; date?: boolean; integer?: boolean };

function sheet(
	workbook: ExcelJS.Workbook,
	name: string,
	columns: Column[],
	label: (key: MessageKey) => string
) {
	const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
	ws.columns = columns.map((c) => ({
		header: label(c.header),
		width: c.width,
		style: c.date ? { numFmt: DATE } : c.integer ? { numFmt: '0' } : {}
	}));
	ws.getRow(1).font = { bold: true };
	return ws;
}

export async function renderReportXlsx(r: ProgressReport): Promise<Buffer> {
	const t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(r.locale, key, params);
	const yesNo = (b: boolean) => t(b ? 'plans.report.yes' : 'plans.report.no');
	const statusText = (s: ReportStatus) => `${s.label}${s.manual ? ` (${s.manual})` : ''}`;
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Streekplatform';
	workbook.title = translate(r.locale, 'plans.report.heading', {
		plan: r.plan.title,
		period: r.period.title
	});

	// Overzicht: one fact per row; each value cell typed on its own.
	const overview = sheet(
		workbook,
		t('plans.report.sheet.overview'),
		[
			{ header: 'plans.report.col.item', width: 32 },
			{ header: 'plans.report.col.value', width: 80 }
		],
		t
	);
	const fact = (label: string, value: string | number | Date | null, date = false) => {
		const row = overview.addRow([label, value]);
		if (date) row.getCell(2).numFmt = DATE;
		row.getCell(2).alignment = { wrapText: typeof value === 'string', horizontal: 'left' };
	};
	fact(t('plans.report.row.plan'), r.plan.title);
	fact(t('plans.owner'), r.plan.owner);
	fact(t('plans.report.row.from'), asDate(r.period.from), true);
	fact(t('plans.report.row.to'), asDate(r.period.to), true);
	fact(t('plans.report.row.generated'), asDate(r.generatedOn), true);
	fact(t('plans.report.row.example'), yesNo(r.plan.isExample));
	fact(t('plans.report.planStatus'), statusText(r.status));
	fact(t('plans.report.col.explanation'), r.status.explanation);
	fact(
		t('plans.report.row.allActions'),
		Object.values(r.counts).reduce((a, b) => a + b, 0)
	);
	for (const s of ['off_track', 'at_risk', 'on_track', 'done', 'not_started'] as const) {
		fact(t('plans.report.row.actions', { status: t(`plans.status.${s}`) }), r.counts[s]);
	}
	fact(t('plans.report.updatesInPeriod'), r.updates.length);
	fact(t('plans.report.movements'), r.movements.length);

	// Acties: one row per action, in tree order.
	const names = r.audience === 'members';
	const actionColumns: Column[] = [
		{ header: 'plans.report.col.path', width: 22 },
		{ header: 'plans.report.col.theme', width: 10 },
		{ header: 'plans.report.col.objective', width: 12 },
		{ header: 'plans.report.col.action', width: 12 },
		{ header: 'plans.report.col.title', width: 40 },
		{ header: 'plans.report.col.status', width: 18 },
		{ header: 'plans.report.col.manual', width: 10 },
		{ header: 'plans.report.col.explanation', width: 60 },
		{ header: 'plans.report.col.progress', width: 12, integer: true },
		{ header: 'plans.report.col.dueDate', width: 12, date: true },
		{ header: 'plans.report.col.lead', width: 24 },
		...(names ? [{ header: 'plans.report.col.owner', width: 24 } as Column] : []),
		{ header: 'plans.report.col.lastUpdateDate', width: 14, date: true },
		{ header: 'plans.report.col.lastUpdateText', width: 60 },
		{ header: 'plans.report.col.updates', width: 12, integer: true }
	];
	const actions = sheet(workbook, t('plans.report.sheet.actions'), actionColumns, t);
	for (const a of r.actions) {
		actions.addRow([
			a.path.join(' › '),
			a.path[0],
			a.path.at(-2) ?? '',
			a.externalId,
			a.title,
			a.status.label,
			yesNo(Boolean(a.status.manual)),
			a.status.explanation,
			a.progress,
			asDate(a.dueDate),
			a.lead ?? '',
			...(names ? [a.owner ?? ''] : []),
			asDate(a.lastUpdate?.reportedOn),
			a.lastUpdate?.text ?? '',
			a.updates.length
		]);
	}

	// Metingen: baseline, latest and target as numbers, their periods beside them.
	const measures = sheet(
		workbook,
		t('plans.report.sheet.measures'),
		[
			{ header: 'plans.report.col.objective', width: 12 },
			{ header: 'plans.report.col.measure', width: 10 },
			{ header: 'plans.report.col.indicator', width: 36 },
			{ header: 'plans.report.col.area', width: 18 },
			{ header: 'plans.report.col.unit', width: 10 },
			{ header: 'plans.report.col.baselinePeriod', width: 16 },
			{ header: 'plans.report.col.baseline', width: 12 },
			{ header: 'plans.report.col.latestPeriod', width: 16 },
			{ header: 'plans.report.col.latest', width: 12 },
			{ header: 'plans.report.col.targetPeriod', width: 16 },
			{ header: 'plans.report.col.target', width: 12 },
			{ header: 'plans.report.col.status', width: 18 },
			{ header: 'plans.report.col.manual', width: 10 },
			{ header: 'plans.report.col.explanation', width: 60 }
		],
		t
	);
	for (const m of r.measures) {
		measures.addRow([
			m.objective,
			m.externalId,
			m.indicator,
			m.area,
			m.unit,
			periodLabel(m.baseline.period, r.locale),
			m.baseline.value,
			m.latest ? periodLabel(m.latest.period, r.locale) : '',
			m.latest?.value ?? null,
			periodLabel(m.target.period, r.locale),
			m.target.value,
			m.status.label,
			yesNo(Boolean(m.status.manual)),
			m.status.explanation
		]);
	}

	// Updates: the period's updates, oldest first.
	const updates = sheet(
		workbook,
		t('plans.report.sheet.updates'),
		[
			{ header: 'plans.report.col.date', width: 12, date: true },
			{ header: 'plans.report.col.kind', width: 10 },
			{ header: 'plans.report.col.id', width: 12 },
			{ header: 'plans.report.col.title', width: 40 },
			{ header: 'plans.report.col.text', width: 70 },
			{ header: 'plans.report.col.progress', width: 12, integer: true },
			{ header: 'plans.report.col.proposal', width: 18 },
			...(names ? [{ header: 'plans.report.col.author', width: 24 } as Column] : [])
		],
		t
	);
	for (const u of r.updates) {
		updates.addRow([
			asDate(u.reportedOn),
			t(`plans.report.kind.${u.kind}`),
			u.externalId,
			u.title,
			u.text,
			u.progress,
			u.statusProposal?.label ?? '',
			...(names ? [u.author ?? ''] : [])
		]);
	}

	// Bewegingen: the actions whose status or progress changed in the period.
	const movements = sheet(
		workbook,
		t('plans.report.sheet.movements'),
		[
			{ header: 'plans.report.col.action', width: 12 },
			{ header: 'plans.report.col.title', width: 40 },
			{ header: 'plans.report.col.statusBefore', width: 20 },
			{ header: 'plans.report.col.statusAfter', width: 20 },
			{ header: 'plans.report.col.progressBefore', width: 14, integer: true },
			{ header: 'plans.report.col.progressAfter', width: 14, integer: true }
		],
		t
	);
	for (const a of r.movements) {
		const m = a.movement!;
		movements.addRow([
			a.externalId,
			a.title,
			m.before.label,
			m.after.label,
			m.before.progress,
			m.after.progress
		]);
	}

	return Buffer.from(await workbook.xlsx.writeBuffer());
}
