import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { areas, auditEvents, indicators } from '../db/schema';
import type { Principal } from '../policy';
import { commitImport, stageImport } from '../monitor/import/import.service';
import { parseRefnis, parseRefnisDate, REFNIS_MAX_BYTES, type RefnisLevel } from './refnis';
import { addAreasFromRefnis, areaCountsByLevel, type RefnisResult } from './refnis.service';

const t = useTestDatabase();

const staff: Principal = {
	kind: 'user',
	userId: '00000000-0000-4000-8000-000000000001',
	name: 'Staf',
	email: 'staf@example.org',
	role: 'staff',
	bodyRoles: {}
};
const ctx = () => t.ctx({ principal: staff });

const fixture = (name: string) => fs.readFile(path.resolve('tests/fixtures/areas', name));
const importFixture = (name: string) =>
	fs.readFile(path.resolve('tests/fixtures/monitor/import', name));

const HEADER =
	'LVL_REFNIS;CD_REFNIS;CD_SUP_REFNIS;TX_REFNIS_NL;TX_REFNIS_FR;DT_VLDT_START;DT_VLDT_END';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n');

async function counts() {
	const [a] = await t.db.select({ n: count() }).from(areas);
	const [e] = await t.db.select({ n: count() }).from(auditEvents);
	return { areas: a.n, audit: e.n };
}

async function area(nis: string) {
	const [row] = await t.db.select().from(areas).where(eq(areas.nisCode, nis));
	return row;
}

const perLevel = (r: RefnisResult) =>
	Object.fromEntries(r.levels.map((l) => [l.level, [l.added, l.known]])) as Record<
		RefnisLevel,
		[number, number]
	>;

/** The refusal, asserting that nothing was added and no audit row was written. */
async function refused(bytes: Uint8Array, fileName = 'lijst.csv', maxBytes?: number) {
	const before = await counts();
	const e = await rejection(addAreasFromRefnis(ctx(), { fileName, bytes, maxBytes }));
	expect(e.code).toBe('invalid_input');
	expect(await counts()).toEqual(before);
	return e as typeof e & { errors?: string[] };
}

describe('reading a REFNIS list', () => {
	it('dates: DD/MM/YYYY and ISO, impossible dates refused', () => {
		expect(parseRefnisDate('01/01/2025')).toBe('2025-01-01');
		expect(parseRefnisDate('31/12/9999')).toBe('9999-12-31');
		expect(parseRefnisDate('2019-01-01')).toBe('2019-01-01');
		expect(parseRefnisDate('31/02/2024')).toBeUndefined();
		expect(parseRefnisDate('2024')).toBeUndefined();
	});

	it('the fixture: `;`, CRLF, Statbel levels, "-" as no parent, "since always" and "still valid"', async () => {
		const list = await parseRefnis(await fixture('refnis-voorbeeld.csv'));
		expect(list).toMatchObject({ format: 'csv', delimiter: ';' });
		expect(list.entries).toHaveLength(13);
		const byCode = new Map(list.entries.map((e) => [e.code, e]));
		expect(byCode.get('02000')).toMatchObject({
			level: 'gewest',
			parentCode: null,
			validFrom: null
		});
		expect(byCode.get('11002')).toMatchObject({
			level: 'gemeente',
			parentCode: '11000',
			name: 'Antwerpen',
			nameFr: 'Anvers',
			validFrom: '1977-01-01',
			validTo: null
		});
		expect(byCode.get('44012')).toMatchObject({ validTo: '2024-12-31' });
		expect(byCode.get('11001')).not.toHaveProperty('nameFr');
	});

	it('`|` with a BOM and LF, lower-case headers, level names, DT_VLDT_STOP, French fallback', async () => {
		const text =
			'\uFEFFlvl_refnis|cd_refnis|cd_sup_refnis|tx_refnis_nl|tx_refnis_fr|dt_vldt_start|dt_vldt_stop\n' +
			'arrondissement|52000|20002||Arrondissement de Charleroi|01/01/1970|\n' +
			'Gemeente|52011|52000|Charleroi|Charleroi|01/01/1977|31/12/9999\n';
		const list = await parseRefnis(Buffer.from(text));
		expect(list.delimiter).toBe('|');
		expect(list.entries).toEqual([
			expect.objectContaining({
				level: 'arrondissement',
				code: '52000',
				name: 'Arrondissement de Charleroi',
				validTo: null
			}),
			expect.objectContaining({ level: 'gemeente', code: '52011', parentCode: '52000' })
		]);
	});

	it('tab-separated', async () => {
		const text = HEADER.replaceAll(';', '\t') + '\n4\t24062\t24000\tLeuven\tLouvain\t\t\n';
		const list = await parseRefnis(Buffer.from(text));
		expect(list).toMatchObject({ delimiter: '\t', entries: [{ code: '24062', name: 'Leuven' }] });
	});
});

describe('adding areas from a REFNIS list', () => {
	it('adds the unknown areas with their parents, leaves the known ones alone, and audits', async () => {
		const leuvenBefore = await area('24062');
		const before = await counts();
		const result = await addAreasFromRefnis(ctx(), {
			fileName: 'refnis-voorbeeld.csv',
			bytes: await fixture('refnis-voorbeeld.csv')
		});
		expect(perLevel(result)).toEqual({
			land: [0, 0],
			gewest: [0, 1],
			provincie: [2, 1],
			arrondissement: [2, 1],
			gemeente: [5, 1]
		});
		expect(result).toMatchObject({ added: 9, known: 4, format: 'csv' });
		expect(await counts()).toEqual({ areas: before.areas + 9, audit: before.audit + 1 });

		const flanders = await area('02000');
		const province = await area('10000');
		const arr = await area('11000');
		const antwerpen = await area('11002');
		expect(province).toMatchObject({
			level: 'provincie',
			slug: 'antwerpen',
			name: { nl: 'Provincie Antwerpen', fr: "Province d'Anvers" },
			parentId: flanders.id,
			isExample: false
		});
		expect(arr).toMatchObject({
			level: 'arrondissement',
			slug: 'antwerpen',
			parentId: province.id
		});
		expect(antwerpen).toMatchObject({
			level: 'gemeente',
			slug: 'antwerpen',
			parentId: arr.id,
			validFrom: '1977-01-01',
			validTo: null,
			successorId: null
		});
		// Listed before its parents in the file: still added after them.
		const dePinte = await area('44012');
		expect(dePinte).toMatchObject({ validTo: '2024-12-31', parentId: (await area('44000')).id });
		expect(await area('44000')).toMatchObject({ parentId: (await area('40000')).id });
		// Existing areas are never changed.
		expect(await area('24062')).toEqual(leuvenBefore);

		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'areas.refnis_import'));
		expect(audit.changes).toMatchObject({
			file: { after: 'refnis-voorbeeld.csv' },
			added: { after: { provincie: 2, arrondissement: 2, gemeente: 5 } },
			known: { after: { gewest: 1, gemeente: 1 } }
		});

		// Again: everything is known now, nothing added.
		const again = await addAreasFromRefnis(ctx(), {
			fileName: 'refnis-voorbeeld.csv',
			bytes: await fixture('refnis-voorbeeld.csv')
		});
		expect(again).toMatchObject({ added: 0, known: 13 });
		expect((await counts()).areas).toBe(before.areas + 9);

		const levels = await areaCountsByLevel(t.db);
		expect(levels.find((l) => l.level === 'provincie')?.count).toBe(3);
	});

	it('an import of Belgian figures no longer skips the added municipality (11002 Antwerpen)', async () => {
		await t.db
			.insert(indicators)
			.values({
				code: 'voorbeeld-bevolking',
				name: { nl: 'Bevolking (voorbeeld)' },
				unit: 'aantal',
				domain: 'demografie',
				aggregation: 'sum',
				isExample: true
			})
			.onConflictDoNothing();
		// The import as the CLI (system): the staff principal above has no user row.
		const { importId, summary } = await stageImport(t.ctx(), {
			fileName: 'bevolking-breed.csv',
			source: createReadStream(path.resolve('tests/fixtures/monitor/import/bevolking-breed.csv')),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary).toMatchObject({ skipped: 0, skippedCodes: [], errors: 0, valid: 14 });
		const committed = await commitImport(t.ctx(), importId);
		expect(committed).toMatchObject({ inserted: 14, skipped: 0 });
	});

	it('XLSX with typed numbers (a lost leading zero) and date cells; a slug already taken gets the code', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('TU_COM_REFNIS');
		sheet.addRow(['Lijst van de NIS-codes']);
		sheet.addRow([
			'LVL_REFNIS',
			'CD_REFNIS',
			'CD_SUP_REFNIS',
			'TX_REFNIS_NL',
			'TX_REFNIS_FR',
			'DT_VLDT_START',
			'DT_VLDT_END'
		]);
		sheet.addRow([
			1,
			3000,
			'-',
			'Waals Gewest',
			'Région wallonne',
			new Date(Date.UTC(1970, 0, 1)),
			new Date(Date.UTC(9999, 11, 31))
		]);
		sheet.addRow([
			2,
			20002,
			3000,
			'Provincie Waals-Brabant',
			'Province du Brabant wallon',
			new Date(Date.UTC(1995, 0, 1)),
			null
		]);
		sheet.addRow([
			3,
			25000,
			20002,
			'Arrondissement Nijvel',
			'Arrondissement de Nivelles',
			null,
			null
		]);
		// Made up: a second municipality called Leuven, to show the slug rule.
		sheet.addRow([4, 25999, 25000, 'Leuven', null, null, null]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const result = await addAreasFromRefnis(ctx(), { fileName: 'refnis.xlsx', bytes });
		expect(result).toMatchObject({ format: 'xlsx', added: 4, known: 0 });
		const wallonia = await area('03000');
		expect(wallonia).toMatchObject({
			level: 'gewest',
			parentId: (await area('01000')).id,
			validFrom: null
		});
		expect(await area('20002')).toMatchObject({ parentId: wallonia.id, validFrom: '1995-01-01' });
		expect(await area('25999')).toMatchObject({ slug: 'leuven-25999', name: { nl: 'Leuven' } });
		expect(await area('24062')).toMatchObject({ slug: 'leuven' });
	});

	it('needs monitor:manage', async () => {
		const before = await counts();
		const e = await rejection(
			addAreasFromRefnis(t.ctx({ principal: { ...staff, role: 'user' } as Principal }), {
				fileName: 'refnis-voorbeeld.csv',
				bytes: await fixture('refnis-voorbeeld.csv')
			})
		);
		expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});
});

describe('bad input: a Dutch message and nothing added', () => {
	it('not a REFNIS list (an observations file, without CD_REFNIS)', async () => {
		const e = await refused(await importFixture('bevolking-breed.csv'), 'bevolking-breed.csv');
		expect(e.message).toBe(
			'Dit is geen REFNIS-lijst: er is geen kolom CD_REFNIS (de NIS-code). Kies de lijst van Statbel (TU_COM_REFNIS) met de kolommen LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS en TX_REFNIS_NL. Er is niets toegevoegd.'
		);
	});

	it('a malformed code: the message names the line; one bad line and the good ones are not added either', async () => {
		const e = await refused(
			csv(
				'3;31000;30000;Arrondissement Brugge;Arrondissement de Bruges;;',
				'4;3100A;31000;Brugge;Bruges;;'
			)
		);
		expect(e.message).toBe(
			'Er is niets toegevoegd: Regel 3: ongeldige NIS-code "3100A" in CD_REFNIS: een NIS-code heeft vijf cijfers (bv. 11002).'
		);
		expect(await area('31000')).toBeUndefined();
	});

	it('every bad line is listed', async () => {
		const e = await refused(
			csv('4;123;31000;Brugge;;;', '4;31005;31000;;;;', '4;31022;31000;Oostkamp;;32/01/2020;')
		);
		expect(e.message).toBe('Er is niets toegevoegd: 3 fouten in de REFNIS-lijst.');
		expect(e.errors).toEqual([
			'Regel 2: ongeldige NIS-code "123" in CD_REFNIS: een NIS-code heeft vijf cijfers (bv. 11002).',
			'Regel 3: geen naam (TX_REFNIS_NL, _FR of _DE is leeg).',
			'Regel 4: ongeldige datum "32/01/2020" in DT_VLDT_START: gebruik DD/MM/JJJJ.'
		]);
	});

	it('a parent found neither in the platform nor in the list', async () => {
		const e = await refused(
			csv(
				'3;38000;30000;Arrondissement Veurne;Arrondissement de Furnes;;',
				'4;38002;38000;Alveringem;;;'
			)
		);
		expect(e.message).toBe(
			'Er is niets toegevoegd: Regel 2: het bovenliggende gebied 30000 van 38000 staat niet in het platform en niet in de lijst.'
		);
		expect(await area('38002')).toBeUndefined();
	});

	it('parents that point at each other', async () => {
		const e = await refused(
			csv('3;38000;38014;Arrondissement Veurne;;;', '4;38014;38000;Veurne;;;')
		);
		expect(e.errors).toEqual([
			'Regel 2: 38000 ligt (via zijn bovenliggende gebieden) onder zichzelf.',
			'Regel 3: 38014 ligt (via zijn bovenliggende gebieden) onder zichzelf.'
		]);
	});

	it('an unknown level', async () => {
		const e = await refused(csv('9;11007;11000;Borsbeek;;;'));
		expect(e.message).toBe(
			'Er is niets toegevoegd: Regel 2: onbekend niveau "9" in LVL_REFNIS: gebruik 1 (gewest), 2 (provincie), 3 (arrondissement) of 4 (gemeente), of de naam van het niveau.'
		);
	});

	it('a binary file renamed .csv', async () => {
		const e = await refused(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]),
			'lijst.csv'
		);
		expect(e.message).toBe(
			'Dit is geen REFNIS-lijst: het bestand bevat binaire gegevens. Kies de lijst van Statbel als CSV, TXT of Excel (.xlsx). Er is niets toegevoegd.'
		);
	});

	it('a broken Excel file', async () => {
		const e = await refused(Buffer.from('PK\u0003\u0004 not really a zip'), 'lijst.xlsx');
		expect(e.message).toBe('Dit is geen leesbaar Excel-bestand (.xlsx). Er is niets toegevoegd.');
	});

	it('an empty file, and one with only blank lines', async () => {
		expect((await refused(new Uint8Array(0))).message).toBe(
			'Het bestand is leeg. Er is niets toegevoegd.'
		);
		expect((await refused(Buffer.from('\r\n\r\n'))).message).toBe(
			'Het bestand is leeg. Er is niets toegevoegd.'
		);
	});

	it('a header without lines', async () => {
		expect((await refused(csv())).message).toBe(
			'De REFNIS-lijst bevat geen enkel gebied. Er is niets toegevoegd.'
		);
	});

	it('a file over the size limit', async () => {
		const e = await refused(Buffer.alloc(REFNIS_MAX_BYTES + 1, 'a'));
		expect(e.message).toBe(
			'Het bestand is groter dan 10 MB: dat is geen REFNIS-lijst. Er is niets toegevoegd.'
		);
	});
});
