/**
 * The open-data ZIP: one CSV per table (tables.*.ts) and a README.md generated from the same
 * column lists, with the licence. Built again only when the data changed: the version is cheap
 * (row counts and last changes of the tables the CSVs read, and today's date because current
 * memberships and dossier stages depend on it); the ZIP of the last version is kept in memory.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { count, max, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { zipSync, strToU8 } from 'fflate';
import { today } from '../clock';
import type { DbOrTx } from '../db';
import * as s from '../db/schema';
import { guardFormula } from '../exchange/csv';
import { getSiteSettings } from '../settings/settings.service';
import type { AnyTable, Column } from './columns';
import { openDataLicence } from './licence';
import { bodiesTable, membershipsTable, participantsTable } from './tables.structure';
import { agendaItemsTable, decisionsTable, meetingsTable } from './tables.meetings';
import {
	actionsTable,
	dossiersTable,
	objectivesTable,
	plansTable,
	updatesTable
} from './tables.plans';
import { indicatorsTable, observationsTable } from './tables.monitor';

export const ZIP_NAME = 'streekplatform-open-data.zip';

/** Every CSV of the ZIP, in the README's order. */
export const openDataTables: AnyTable[] = [
	bodiesTable,
	participantsTable,
	membershipsTable,
	meetingsTable,
	agendaItemsTable,
	decisionsTable,
	plansTable,
	objectivesTable,
	actionsTable,
	updatesTable,
	indicatorsTable,
	observationsTable,
	dossiersTable
];

/** A cell as text: dates as ISO 8601, empty for null, formula-like text (not numbers) guarded. */
function cell(value: ReturnType<Column<unknown>['value']>): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	// A number is never a formula: -3.5 stays a number for the spreadsheet.
	if (typeof value === 'number') return String(value);
	return guardFormula(value);
}

/** The exchange's CSV format: UTF-8 with a BOM, `;` between fields, CRLF (exchange/csv.ts). */
export function toCsv(t: AnyTable, rows: unknown[]): string {
	return (
		'\uFEFF' +
		stringify(
			rows.map((r) => t.columns.map((c) => cell(c.value(r)))),
			{
				header: true,
				columns: t.columns.map((c) => c.name),
				delimiter: ';',
				record_delimiter: '\r\n'
			}
		)
	);
}

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The README: what the files are, the CSV format, the licence, and every column of every CSV. */
export function readme(opts: {
	siteName: string;
	origin: string;
	licence: ReturnType<typeof openDataLicence>;
	version: string;
	counts: Record<string, number>;
}): string {
	const lines = [
		`# Open data of ${opts.siteName}`,
		'',
		`The public data of ${opts.origin}: one CSV file per table below. Only what the site itself publishes is in it: closed meetings, closed agenda items and decisions, unpublished plans and dossiers, and the names of people who did not agree to a public name are left out.`,
		'',
		`Built on ${today()} (data version ${opts.version}). The same data is available as a JSON API: ${opts.origin}/api/v1 (documented in ${opts.origin}/api/v1/openapi.json).`,
		'',
		'## Licence',
		'',
		`${opts.licence.nameEn}: ${opts.licence.url}. Mention "${opts.siteName}" as the source.`,
		"The monitor's figures (indicators.csv, observations.csv) come from the sources named per indicator; their own licence is in the `licence` column.",
		'',
		'## Format',
		'',
		'- UTF-8 with a byte-order mark, `;` between fields, CRLF line ends, a header row: what Excel in Belgium opens directly.',
		'- A cell that starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so spreadsheets do not run it as a formula; remove it when you read the value.',
		'- Empty cell: no value. Dates are `YYYY-MM-DD`; date-times are ISO 8601 in UTC; booleans are `true`/`false`; numbers use a `.` as decimal separator.',
		'- Translatable texts have a Dutch (`_nl`) and an English (`_en`) column; the English one is empty when not translated.',
		"- Ids are UUIDs, the same as in the API; slugs are the names in the site's URLs.",
		''
	];
	for (const t of openDataTables) {
		lines.push(`## ${t.file}`, '', `${t.description} Rows: ${opts.counts[t.file] ?? 0}.`, '');
		lines.push('| Column | Type | Meaning |', '| --- | --- | --- |');
		for (const c of t.columns) {
			lines.push(`| \`${c.name}\` | ${c.type} | ${escapeCell(c.description)} |`);
		}
		lines.push('');
	}
	return lines.join('\n');
}

/** The tables the CSVs read, with the columns that tell a change. */
const tracked: [PgTable, unknown][] = [
	[s.bodies, s.bodies.updatedAt],
	[s.participants, s.participants.updatedAt],
	[s.memberships, s.memberships.updatedAt],
	[s.people, s.people.updatedAt],
	[s.organisations, s.organisations.updatedAt],
	[s.areas, s.areas.updatedAt],
	[s.policyDomains, s.policyDomains.updatedAt],
	[s.meetings, s.meetings.updatedAt],
	[s.agendaItems, s.agendaItems.updatedAt],
	[s.decisions, s.decisions.updatedAt],
	[s.plans, s.plans.updatedAt],
	[s.planItems, s.planItems.updatedAt],
	[s.planMeasures, s.planMeasures.updatedAt],
	[s.planUpdates, s.planUpdates.createdAt],
	[s.indicators, s.indicators.updatedAt],
	[s.observations, s.observations.updatedAt],
	[s.dossiers, s.dossiers.updatedAt],
	[s.siteSettings, s.siteSettings.updatedAt]
];

/**
 * A cheap version of the published data: counts and last changes, plus a hash of the small
 * link tables that have no updated_at (an answer recorded changes a dossier's stage).
 */
export async function dataVersion(db: DbOrTx): Promise<string> {
	const parts = await Promise.all([
		...tracked.map(([table, column]) =>
			db
				.select({ n: count(), at: max(column as typeof s.bodies.updatedAt) })
				.from(table)
				.then(([r]) => `${r.n}@${r.at?.toISOString() ?? '-'}`)
		),
		db
			.select({
				h: sql<string>`md5(coalesce(string_agg(concat_ws(',', ${s.dossierAddressees.id}, ${s.dossierAddressees.sentOn}, ${s.dossierAddressees.answeredOn}), ';' order by ${s.dossierAddressees.id}), ''))`
			})
			.from(s.dossierAddressees)
			.then(([r]) => r.h),
		db
			.select({
				h: sql<string>`md5(coalesce(string_agg(concat_ws(',', ${s.dossierDecisions.dossierId}, ${s.dossierDecisions.decisionId}), ';' order by 1), ''))`
			})
			.from(s.dossierDecisions)
			.then(([r]) => r.h)
	]);
	parts.push(today());
	return createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 16);
}

export type OpenDataZip = { version: string; etag: string; bytes: Uint8Array; origin: string };

/** Build the ZIP of the data as it is now. */
export async function buildOpenDataZip(
	db: DbOrTx,
	origin: string,
	version?: string
): Promise<OpenDataZip> {
	const v = version ?? (await dataVersion(db));
	const settings = await getSiteSettings(db);
	const files: Record<string, Uint8Array> = {};
	const counts: Record<string, number> = {};
	for (const t of openDataTables) {
		const rows = await t.rows(db);
		counts[t.file] = rows.length;
		files[t.file] = strToU8(toCsv(t, rows));
	}
	const text = readme({
		siteName: settings.name,
		origin,
		licence: openDataLicence(settings),
		version: v,
		counts
	});
	// A fixed time in the entries: the same data gives the same bytes.
	const mtime = new Date('2000-01-01T00:00:00Z');
	const entries = Object.fromEntries(
		Object.entries({ 'README.md': strToU8(text), ...files }).map(([name, data]) => [
			name,
			[data, { mtime }] as [Uint8Array, { mtime: Date }]
		])
	);
	const bytes = zipSync(entries, { level: 6 });
	return { version: v, etag: `"od-${v}"`, bytes, origin };
}

let cached: OpenDataZip | undefined;
let building: Promise<OpenDataZip> | undefined;

/** The ZIP of the current data version: the kept one when nothing changed, else a new one. */
export async function currentOpenDataZip(db: DbOrTx, origin: string): Promise<OpenDataZip> {
	const version = await dataVersion(db);
	if (cached?.version === version && cached.origin === origin) return cached;
	// Concurrent requests for a new version share one build.
	if (!building) {
		building = buildOpenDataZip(db, origin, version).finally(() => (building = undefined));
	}
	const zip = await building;
	cached = zip;
	return zip;
}
