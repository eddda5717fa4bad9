/**
 * The generated reports as pages, PDFs and the public site show them: per bound item, the report
 * filtered for an audience, whether it is frozen, and the labels its entries need.
 */
import type { DbOrTx } from '../db';
import { outcomeLabels } from '../advice/advice.service';
import { formatDate, formatDateTime } from '../../i18n';
import { decisionStatusLabels } from '../meetings/decisions.service';
import {
	meetingReportEntries,
	reportFor,
	reportIsEmpty,
	FIRST_REPORT_DAYS,
	type Audience,
	type ReportSnapshot
} from './report.service';
import { meetingShares } from './shares.service';

export type ReportView = {
	report: ReportSnapshot;
	frozen: boolean;
	empty: boolean;
	firstReportDays: number;
	decisionLabels: Record<string, string>;
	outcomeLabels: Record<string, string>;
};

/**
 * The reports on a meeting's agenda for an audience, per item id. `itemIds` limits them to the
 * items the reader sees (the public page: its public items only).
 */
export async function agendaReports(
	db: DbOrTx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	audience: Audience,
	itemIds?: string[],
	now = new Date()
): Promise<Record<string, ReportView>> {
	const entries = await meetingReportEntries(db, meeting, now);
	const visible = itemIds ? new Set(itemIds) : null;
	const out: Record<string, ReportView> = {};
	for (const [itemId, { report, frozen }] of entries) {
		if (visible && !visible.has(itemId)) continue;
		const shown = reportFor(report, audience);
		out[itemId] = {
			report: shown,
			frozen,
			empty: reportIsEmpty(shown),
			firstReportDays: FIRST_REPORT_DAYS,
			decisionLabels: decisionStatusLabels,
			outcomeLabels
		};
	}
	return out;
}

/** A report as plain lines (the agenda PDF), in Dutch. */
export function reportLines(view: ReportView, targetName: string): string[] {
	const r = view.report;
	const source = r.sourceBody.name.nl;
	const lines = [
		r.previousMeeting
			? `Verslag van ${source} sinds ${formatDate(new Date(r.since), 'nl', 'long')} (de agenda van de vorige vergadering van ${targetName}).`
			: `Verslag van ${source}: dit is de eerste vergadering van ${targetName}; het verslag beslaat de laatste ${view.firstReportDays} dagen (sinds ${formatDate(new Date(r.since), 'nl', 'long')}).`,
		view.frozen
			? `Vastgelegd bij publicatie op ${formatDateTime(new Date(r.until), 'nl')}.`
			: 'Stand van vandaag; wordt bij publicatie vastgelegd.'
	];
	if (view.empty) return [...lines, 'Niets te melden.'];
	for (const m of r.meetings) {
		lines.push(
			`Vergadering van ${formatDate(new Date(m.startsAt), 'nl')}${m.title ? `: ${m.title}` : ''}${m.visibility === 'members' ? ' (gedeeld, besloten)' : ''}`
		);
		for (const i of m.items) {
			lines.push(
				`  ${i.number}. ${i.title}${i.visibility === 'members' ? ' (gedeeld, besloten)' : ''}`
			);
		}
	}
	for (const d of r.decisions) {
		lines.push(
			`Besluit ${d.reference}: ${d.title} — ${view.decisionLabels[d.status] ?? d.status}${d.visibility === 'members' ? ' (gedeeld, besloten)' : ''}`
		);
	}
	for (const a of r.advice) {
		const other = a.otherBody.name.nl;
		lines.push(
			a.direction === 'sent'
				? `Advies verstuurd naar ${other} op ${formatDate(new Date(a.at), 'nl')}: ${a.title}`
				: `Advies van ${other} behandeld op ${formatDate(new Date(a.at), 'nl')}: ${a.title} — ${a.outcome ? view.outcomeLabels[a.outcome] : ''}`
		);
	}
	for (const a of r.actions ?? []) {
		lines.push(
			`Actie ${a.externalId} ${a.title} (${a.planTitle}): update van ${formatDate(a.reportedOn, 'nl')}${a.progress !== null ? `, ${a.progress} %` : ''}${a.updates > 1 ? ` (${a.updates} updates)` : ''}${a.visibility === 'members' ? ' (besloten plan)' : ''}`
		);
	}
	return lines;
}

/** A meeting's shares for its agenda page: the linked bodies and, per item, the ids shared with. */
export async function agendaShares(db: DbOrTx, meeting: { id: string; bodyId: string }) {
	const { linked, byItem } = await meetingShares(db, meeting);
	return {
		linked,
		byItem: Object.fromEntries([...byItem].map(([itemId, ids]) => [itemId, [...ids]])) as Record<
			string,
			string[]
		>
	};
}
