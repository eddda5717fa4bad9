import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildMembership, buildOrganisation } from '../../../../tests/helpers/factories';
import type { ServiceContext } from '../context';
import { countQueries, type Db } from '../db';
import { auditEvents, bodies, memberships, people } from '../db/schema';
import { AppError } from '../errors';
import type { Principal } from '../policy';
import { exchangeColumns, type ExchangeRow, type SourceRow } from './columns';
import { parseCsv, toCsv } from './csv';
import { applyImport, exportMemberships, ImportRefused, previewImport } from './exchange.service';
import { parseExchangeFile } from './parse';
import { parseXlsx, toXlsx } from './xlsx';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();

async function counts(db: Db = t.db) {
	const [p] = await db.select({ n: count() }).from(people);
	const [m] = await db.select({ n: count() }).from(memberships);
	const [a] = await db.select({ n: count() }).from(auditEvents);
	return { people: p.n, memberships: m.n, audit: a.n };
}

/** A CSV file as a person would make it (example data), with `;` like Belgian Excel. */
const csvOf = (rows: Partial<ExchangeRow>[], delimiter = ';') =>
	[
		exchangeColumns.join(delimiter),
		...rows.map((r) => exchangeColumns.map((c) => r[c] ?? '').join(delimiter))
	].join('\n');

async function someBody() {
	const [body] = await t.db.select().from(bodies).limit(1);
	return body;
}

/** Import a file: preview, then apply; returns what the preview said. Fails on errors. */
async function importText(text: string, ctx: ServiceContext = t.ctx()) {
	const parsed = parseCsv(text);
	expect(parsed.errors).toEqual([]);
	const preview = await previewImport(ctx, parsed.rows);
	return { parsed, preview };
}

/** Expect the file to be refused with this message on this line, and nothing written. */
async function expectRefused(
	rows: SourceRow[],
	line: number,
	message: RegExp | string,
	ctx = t.ctx()
) {
	const before = await counts();
	const preview = await previewImport(ctx, rows);
	expect(preview.changes).toEqual([]);
	expect(
		preview.errors.some(
			(e) =>
				e.line === line &&
				(typeof message === 'string' ? e.message.includes(message) : message.test(e.message))
		)
	).toBe(true);
	const err = await rejection(applyImport(ctx, rows), ImportRefused);
	expect(err.code).toBe('invalid_input');
	expect(err.message).toMatch(/Er is niets geïmporteerd/);
	expect(err.errors).toEqual(preview.errors);
	expect(await counts()).toEqual(before);
	return preview.errors;
}

describe('export', () => {
	it('writes the same columns as CSV (BOM, ;) and XLSX, and reads them back', async () => {
		const body = await someBody();
		const { person, membership } = await buildMembership(t.db, {
			bodyId: body.id,
			givenName: 'Voorbeeld; "Lien"',
			familyName: 'Exportmans',
			startOn: '2025-01-01'
		});
		const rows = await exportMemberships(t.ctx(), { bodySlug: body.slug });
		const mine = rows.find((r) => r.membership_id === membership.id)!;
		expect(mine).toMatchObject({
			person_id: person.id,
			body_slug: body.slug,
			role: 'member',
			start_on: '2025-01-01',
			public_name: 'nee'
		});
		const csv = toCsv(rows);
		expect(csv.startsWith('\uFEFFperson_id;given_name;')).toBe(true);
		expect(parseCsv(csv).rows.map((r) => r.values)).toEqual(rows);
		expect(parseCsv(csv).rows[0].line).toBe(2);
		const xlsx = await parseXlsx(await toXlsx(rows));
		expect(xlsx.errors).toEqual([]);
		expect(xlsx.rows.map((r) => r.values)).toEqual(rows);
	});

	it('lets a body manager export their own body only', async () => {
		const [a, b] = await t.db.select().from(bodies).limit(2);
		const secretary: Principal = {
			kind: 'user',
			userId: crypto.randomUUID(),
			name: 'Voorbeeld',
			email: 'secretaris@example.org',
			role: 'user',
			bodyRoles: { [a.id]: ['secretary'] }
		};
		await expect(
			exportMemberships(t.ctx({ principal: secretary }), { bodySlug: a.slug })
		).resolves.toBeInstanceOf(Array);
		await expect(
			exportMemberships(t.ctx({ principal: secretary }), { bodySlug: b.slug })
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(exportMemberships(t.ctx({ principal: secretary }))).rejects.toMatchObject({
			code: 'forbidden'
		});
	});
});

describe('import: bad input changes nothing', () => {
	it('refuses a CSV with a duplicate id', async () => {
		const body = await someBody();
		const { person, membership } = await buildMembership(t.db, { bodyId: body.id });
		const same = {
			person_id: person.id,
			given_name: person.givenName,
			family_name: person.familyName,
			membership_id: membership.id,
			body_slug: body.slug,
			role: 'member'
		};
		const { rows } = parseCsv(csvOf([same, { ...same, note: 'voorbeeld' }]));
		await expectRefused(rows, 3, `membership_id ${membership.id} staat ook op regel 2`);
	});

	it('refuses an unknown organisation, listing every bad row with its line', async () => {
		const body = await someBody();
		const { rows } = parseCsv(
			csvOf([
				{
					given_name: 'Voorbeeld',
					family_name: 'Een',
					body_slug: body.slug,
					organisation_slug: 'bestaat-niet'
				},
				{ given_name: 'Voorbeeld', family_name: 'Twee', body_slug: body.slug },
				{ given_name: '', family_name: 'Drie', body_slug: 'geen-orgaan' }
			])
		);
		const errors = await expectRefused(rows, 2, 'Onbekende organisatie: "bestaat-niet"');
		expect(errors).toContainEqual({ line: 4, message: 'Voornaam (given_name) ontbreekt.' });
		expect(errors).toContainEqual({ line: 4, message: 'Onbekend orgaan: "geen-orgaan".' });
		expect(errors.some((e) => e.line === 3)).toBe(false);
	});

	it('numbers rows by the line they start on, also after a note spanning lines', async () => {
		const body = await someBody();
		const text = [
			exchangeColumns.join(';'),
			`;Voorbeeld;Meerdere;;;;${body.slug};member;;;;nee;;"regel een`,
			`regel twee"`,
			'',
			`;Voorbeeld;Fout;;;;${body.slug};member;;2025-02-01;2025-01-01;nee;;`
		].join('\r\n');
		const parsed = parseCsv(text);
		expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
		expect(parsed.rows[0].values.note).toBe('regel een\r\nregel twee');
		await expectRefused(parsed.rows, 5, 'Het lidmaatschap eindigt (2025-01-01)');
	});

	it('refuses a non-empty id that does not exist', async () => {
		const id = crypto.randomUUID();
		const { rows } = parseCsv(
			csvOf([{ person_id: id, given_name: 'Voorbeeld', family_name: 'Onbekend' }])
		);
		await expectRefused(rows, 2, `Onbekende persoon: person_id ${id} bestaat niet.`);
	});

	it('refuses a membership that ends before it starts', async () => {
		const body = await someBody();
		const { rows } = parseCsv(
			csvOf([
				{
					given_name: 'Voorbeeld',
					family_name: 'Omgekeerd',
					body_slug: body.slug,
					start_on: '2025-06-01',
					end_on: '2025-01-31'
				}
			])
		);
		await expectRefused(
			rows,
			2,
			'Het lidmaatschap eindigt (2025-01-31) voor het begint (2025-06-01).'
		);
	});

	it('refuses a person in the same role twice in one body at the same time (in the file and against the database)', async () => {
		const body = await someBody();
		const { person } = await buildMembership(t.db, {
			bodyId: body.id,
			role: 'chair',
			startOn: '2024-01-01'
		});
		const p = {
			person_id: person.id,
			given_name: person.givenName,
			family_name: person.familyName,
			body_slug: body.slug
		};
		const inDb = parseCsv(csvOf([{ ...p, role: 'chair', start_on: '2025-01-01' }])).rows;
		await expectRefused(inDb, 2, /al voorzitter van orgaan .* \(een bestaand lidmaatschap\)/);
		const inFile = parseCsv(
			csvOf([
				{ ...p, role: 'secretary', start_on: '2025-01-01', end_on: '2025-12-31' },
				{ ...p, role: 'secretaris', start_on: '2025-06-01' }
			])
		).rows;
		await expectRefused(inFile, 3, /al secretaris van orgaan .* \(regel 2\)/);
	});

	it('refuses moving a membership to another body', async () => {
		const [a, b] = await t.db.select().from(bodies).limit(2);
		const { person, membership } = await buildMembership(t.db, { bodyId: a.id });
		const { rows } = parseCsv(
			csvOf([
				{
					person_id: person.id,
					given_name: person.givenName,
					family_name: person.familyName,
					membership_id: membership.id,
					body_slug: b.slug,
					role: 'member'
				}
			])
		);
		await expectRefused(
			rows,
			2,
			`Lidmaatschap ${membership.id} kan niet naar een ander orgaan verhuizen`
		);
	});

	it('refuses a public name without a consent date', async () => {
		const body = await someBody();
		const { rows } = parseCsv(
			csvOf([
				{ given_name: 'Voorbeeld', family_name: 'Publiek', body_slug: body.slug, public_name: 'ja' }
			])
		);
		await expectRefused(rows, 2, 'Een publieke naam vraagt een datum van toestemming');
	});

	it('refuses an XLSX with formulas, naming the cell', async () => {
		const body = await someBody();
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Voorbeeld');
		sheet.addRow([...exchangeColumns]);
		sheet.addRow(
			exchangeColumns.map((c) =>
				c === 'given_name'
					? 'Voorbeeld'
					: c === 'family_name'
						? 'Formule'
						: c === 'body_slug'
							? body.slug
							: ''
			)
		);
		sheet.getCell('K2').value = {
			formula: 'TODAY()',
			result: new Date()
		} as ExcelJS.CellFormulaValue;
		const parsed = await parseExchangeFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(parsed.rows).toEqual([]);
		expect(parsed.errors).toEqual([
			{
				line: 2,
				message: expect.stringMatching(/^Formule in cel K2 \(werkblad "Voorbeeld", rij 2\)/)
			}
		]);
	});

	it('refuses an XLSX with merged cells, naming the cells', async () => {
		const body = await someBody();
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Voorbeeld');
		sheet.addRow([...exchangeColumns]);
		sheet.addRow(
			exchangeColumns.map((c) =>
				c === 'given_name'
					? 'Voorbeeld'
					: c === 'family_name'
						? 'Samen'
						: c === 'body_slug'
							? body.slug
							: ''
			)
		);
		sheet.addRow(
			exchangeColumns.map((c) =>
				c === 'given_name'
					? 'Voorbeeld'
					: c === 'family_name'
						? 'Samen'
						: c === 'body_slug'
							? body.slug
							: ''
			)
		);
		sheet.mergeCells('G2:G3');
		const parsed = await parseExchangeFile(new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(parsed.rows).toEqual([]);
		expect(parsed.errors[0]).toEqual({
			line: 2,
			message: expect.stringMatching(/^Samengevoegde cellen G2 \(werkblad "Voorbeeld", rij 2\)/)
		});
		expect(parsed.errors.map((e) => e.line)).toEqual([2, 3]);
	});

	it('refuses a file that is neither CSV in UTF-8 nor XLSX, and unknown columns', async () => {
		expect((await parseExchangeFile(new Uint8Array([0xff, 0xfe, 0x00]))).errors[0].message).toMatch(
			/geen CSV-bestand in UTF-8/
		);
		expect(parseCsv('voornaam;naam\nA;B').errors[0]).toEqual({
			line: 1,
			message: 'Onbekende kolom(men): voornaam, naam.'
		});
	});
});

describe('import: preview and apply', () => {
	it('applies exactly what the preview showed, with an audit row per record and a summary', async () => {
		const body = await someBody();
		const org = await buildOrganisation(t.db);
		const { person, membership } = await buildMembership(t.db, {
			bodyId: body.id,
			startOn: '2020-01-01'
		});
		const text = csvOf(
			[
				{
					given_name: 'Voorbeeld',
					family_name: 'Nieuw',
					email: 'nieuw@example.org',
					body_slug: body.slug,
					role: 'lid',
					organisation_slug: org.slug,
					start_on: '2025-01-01',
					public_name: 'ja',
					public_name_consent_at: '2025-01-02'
				},
				{
					person_id: person.id,
					given_name: person.givenName,
					family_name: 'Gewijzigd',
					membership_id: membership.id,
					body_slug: body.slug,
					role: 'member',
					start_on: '2020-01-01',
					end_on: '2024-12-31'
				}
			],
			','
		);
		const before = await counts();
		const { parsed, preview } = await importText(text);
		expect(preview.errors).toEqual([]);
		expect(preview.changes.map((c) => [c.line, c.record, c.action])).toEqual([
			[2, 'person', 'create'],
			[2, 'membership', 'create'],
			[3, 'person', 'update'],
			[3, 'membership', 'update']
		]);
		expect(preview.changes[2].fields).toEqual(['familyName']);
		expect(preview.changes[3].fields).toEqual(['endOn']);
		expect(await counts()).toEqual(before);

		const summary = await applyImport(t.ctx(), parsed.rows);
		expect(summary).toEqual({
			peopleCreated: 1,
			peopleUpdated: 1,
			membershipsCreated: 1,
			membershipsUpdated: 1,
			unchanged: 0
		});
		expect(await counts()).toEqual({
			people: before.people + 1,
			memberships: before.memberships + 1,
			audit: before.audit + 5
		});
		const [trail] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.recordId, person.id));
		expect(trail).toMatchObject({
			action: 'person.import_update',
			recordType: 'person',
			changes: { familyName: { before: person.familyName, after: 'Gewijzigd' } }
		});
		const exported = await exportMemberships(t.ctx(), { bodySlug: body.slug });
		expect(exported.find((r) => r.membership_id === membership.id)).toMatchObject({
			family_name: 'Gewijzigd',
			end_on: '2024-12-31'
		});
		expect(exported.find((r) => r.family_name === 'Nieuw')).toMatchObject({
			organisation_slug: org.slug,
			role: 'member',
			public_name: 'ja',
			public_name_consent_at: '2025-01-02T00:00:00.000Z'
		});

		// The same file again: the new row would be a second new person, the changed one is unchanged.
		const again = await previewImport(t.ctx(), parsed.rows.slice(1));
		expect(again).toEqual({ changes: [], unchanged: 2, errors: [] });
	});

	it('keeps a body manager to their own body', async () => {
		const [a, b] = await t.db.select().from(bodies).limit(2);
		const secretary: Principal = {
			kind: 'user',
			userId: crypto.randomUUID(),
			name: 'Voorbeeld',
			email: 'secretaris@example.org',
			role: 'user',
			bodyRoles: { [a.id]: ['secretary'] }
		};
		const ctx = t.ctx({ principal: secretary });
		const { rows } = parseCsv(
			csvOf([
				{ given_name: 'Voorbeeld', family_name: 'Hier', body_slug: a.slug },
				{ given_name: 'Voorbeeld', family_name: 'Elders', body_slug: b.slug },
				{ given_name: 'Voorbeeld', family_name: 'Zonder' }
			])
		);
		const before = await counts();
		const preview = await previewImport(ctx, rows, { bodySlug: a.slug });
		expect(preview.errors).toEqual([
			{ line: 3, message: `Orgaan "${b.slug}" valt buiten deze import (alleen "${a.slug}").` },
			{ line: 4, message: 'Elke regel moet een lidmaatschap van dit orgaan bevatten.' }
		]);
		await rejection(applyImport(ctx, rows, { bodySlug: a.slug }), ImportRefused);
		await expect(applyImport(ctx, rows, { bodySlug: b.slug })).rejects.toBeInstanceOf(AppError);
		await expect(previewImport(ctx, rows)).rejects.toMatchObject({ code: 'forbidden' });
		expect(await counts()).toEqual(before);
		// Someone from another body may be added, but not renamed, by this body's managers.
		const { person: outsider } = await buildMembership(t.db, { bodyId: b.id });
		const rename = parseCsv(
			csvOf([
				{
					person_id: outsider.id,
					given_name: 'Andere',
					family_name: outsider.familyName,
					body_slug: a.slug
				}
			])
		).rows;
		expect((await previewImport(ctx, rename, { bodySlug: a.slug })).errors).toEqual([
			{
				line: 2,
				message:
					'Deze persoon is geen lid van dit orgaan: naam en contactgegevens blijven ongewijzigd.'
			}
		]);
		const add = parseCsv(
			csvOf([
				{
					person_id: outsider.id,
					given_name: outsider.givenName,
					family_name: outsider.familyName,
					body_slug: a.slug
				}
			])
		).rows;
		expect((await previewImport(ctx, add, { bodySlug: a.slug })).errors).toEqual([]);
		await applyImport(ctx, rows.slice(0, 1), { bodySlug: a.slug });
		expect((await counts()).memberships).toBe(before.memberships + 2);
	});
});

describe('queries', () => {
	it('export and preview make a fixed number of queries, for 2 rows as for 20 or more', async () => {
		const all = await t.db.select().from(bodies);
		expect(all.length).toBeGreaterThanOrEqual(10);
		for (const body of all) {
			await buildMembership(t.db, { bodyId: body.id, role: 'expert', startOn: '2020-01-01' });
			await buildMembership(t.db, { bodyId: body.id, role: 'observer', startOn: '2020-01-01' });
		}
		const exported = await exportMemberships(t.ctx());
		const rowsOf = (n: number) =>
			exported
				.filter((r) => r.membership_id)
				.slice(0, n)
				.map((values, i) => ({ line: i + 2, values: { ...values, note: 'voorbeeld gewijzigd' } }));
		const few = await countQueries(() => previewImport(t.ctx(), rowsOf(2)));
		const many = await countQueries(() => previewImport(t.ctx(), rowsOf(40)));
		expect(few.result.errors).toEqual([]);
		expect(many.result.errors).toEqual([]);
		expect(many.result.changes.length).toBeGreaterThanOrEqual(20);
		// People, bodies, organisations, memberships by id and by person: fixed, whatever the size.
		expect(few.queries).toBeLessThanOrEqual(5);
		expect(many.queries).toBeLessThanOrEqual(5);
		const exportCount = await countQueries(() => exportMemberships(t.ctx()));
		expect(exportCount.queries).toBeLessThanOrEqual(2);
	});
});
