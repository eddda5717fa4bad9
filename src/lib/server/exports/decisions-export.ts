/**
 * The decisions register as CSV and XLSX, with the register's current filters and every row (not
 * one page). One column list serves both formats; the conventions are those of the members
 * exchange (exchange/csv.ts, exchange/xlsx.ts): CSV in UTF-8 with a BOM and `;`, cells that Excel
 * would run as formulas guarded with an apostrophe; XLSX cells written as text.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { asc, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { agendaItems } from '../db/schema';
import { today } from '../clock';
import { guardFormula } from '../exchange/csv';
import { tr } from '../../i18n';
import { numberAgenda } from '../meetings/agenda';
import { decisionStatusLabels, listDecisions } from '../meetings/decisions.service';
import { workspaceBody } from '../meetings/workspace.queries';

export const decisionColumns = [
	'decision_id',
	'reference',
	'year',
	'number',
	'body_slug',
	'body_name',
	'meeting_date',
	'meeting_id',
	'item_number',
	'item_title',
	'title',
	'text',
	'outcome',
	'votes_for',
	'votes_against',
	'votes_abstain',
	'public'
] as const;

export type DecisionColumn = (typeof decisionColumns)[number];
export type DecisionExportRow = Record<DecisionColumn, string>;

/** The register's own filters from a query string (unknown parameters and blanks ignored). */
export function registerFilters(url: URL, names = ['orgaan', 'q', 'jaar', 'status']) {
	return Object.fromEntries(
		names.flatMap((k) => {
			const v = url.searchParams.get(k)?.trim();
			return v ? [[k, v]] : [];
		})
	);
}

/** Agenda numbers (1, 1.2) of the items of these meetings, from their whole agendas. */
async function itemNumbers(db: DbOrTx, meetingIds: string[]) {
	const out = new Map<string, string>();
	if (meetingIds.length === 0) return out;
	const rows = await db
		.select({
			id: agendaItems.id,
			meetingId: agendaItems.meetingId,
			parentId: agendaItems.parentId,
			position: agendaItems.position,
			durationMinutes: agendaItems.durationMinutes
		})
		.from(agendaItems)
		.where(inArray(agendaItems.meetingId, meetingIds))
		.orderBy(asc(agendaItems.position));
	const byMeeting = new Map<string, typeof rows>();
	for (const r of rows) {
		const list = byMeeting.get(r.meetingId) ?? [];
		list.push(r);
		byMeeting.set(r.meetingId, list);
	}
	for (const items of byMeeting.values()) {
		for (const i of numberAgenda(items, new Date(0))) out.set(i.id, i.number);
	}
	return out;
}

type Register = Awaited<ReturnType<typeof listDecisions>>;

async function toRows(db: DbOrTx, register: Register): Promise<DecisionExportRow[]> {
	const numbers = await itemNumbers(db, [...new Set(register.items.map((d) => d.meetingId))]);
	const n = (v: number | null) => (v === null ? '' : String(v));
	return register.items.map((d) => ({
		decision_id: d.id,
		reference: d.reference,
		year: String(d.year),
		number: String(d.number),
		body_slug: d.bodySlug,
		body_name: tr(d.bodyName, 'nl'),
		meeting_date: today(d.meetingStartsAt),
		meeting_id: d.meetingId,
		item_number: d.agendaItemId ? (numbers.get(d.agendaItemId) ?? '') : '',
		item_title: d.itemTitle ?? '',
		title: d.title,
		text: d.text,
		outcome: decisionStatusLabels[d.status],
		votes_for: n(d.votesFor),
		votes_against: n(d.votesAgainst),
		votes_abstain: n(d.votesAbstain),
		public: d.isPublic ? 'ja' : 'nee'
	}));
}

/** The public register's rows (public decisions only, whoever asks). */
export async function publicDecisionRows(ctx: ServiceContext, filters: Record<string, string>) {
	return toRows(ctx.db, await listDecisions(ctx, filters, { all: true }));
}

/** A body's register for its members: closed decisions included (body:read_closed). */
export async function bodyDecisionRows(
	ctx: ServiceContext,
	slug: string,
	filters: Record<string, string>
) {
	const body = await workspaceBody(ctx, slug);
	const register = await listDecisions(
		ctx,
		{ ...filters, orgaan: body.slug },
		{ closed: true, all: true }
	);
	return toRows(ctx.db, register);
}

/** CSV for Belgian Excel: BOM, `;`, CRLF, formula-like cells guarded. */
export function decisionsCsv(rows: DecisionExportRow[]): string {
	return (
		'\uFEFF' +
		stringify(
			rows.map((r) => decisionColumns.map((c) => guardFormula(r[c]))),
			{ header: true, columns: [...decisionColumns], delimiter: ';', record_delimiter: '\r\n' }
		)
	);
}

/** One sheet "Besluiten", a bold frozen header row, every value as text. */
export async function decisionsXlsx(rows: DecisionExportRow[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Streekplatform';
	const sheet = workbook.addWorksheet('Besluiten', { views: [{ state: 'frozen', ySplit: 1 }] });
	const wide: Partial<Record<DecisionColumn, number>> = { title: 40, text: 60, item_title: 30 };
	sheet.columns = decisionColumns.map((c) => ({
		header: c,
		key: c,
		width: wide[c] ?? Math.max(12, c.length + 2),
		style: { numFmt: '@' }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of rows) sheet.addRow(decisionColumns.map((c) => row[c]));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
