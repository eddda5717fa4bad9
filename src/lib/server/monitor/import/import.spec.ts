import { createReadStream } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { rejection } from '../../../../../tests/helpers/errors';
import {
	areas,
	auditEvents,
	indicators,
	monitorImportRows,
	monitorImports,
	observations
} from '../../db/schema';
import type { Db } from '../../db';
import type { Principal } from '../../policy';
import {
	chooseIndicator,
	commitImport,
	importAll,
	importErrorsCsv,
	importPreview,
	pgNumber,
	stageImport,
	stagePush
} from './import.service';
import { runMonitorImport } from './cli';

const t = useTestDatabase();
const fixtures = path.resolve('tests/fixtures/monitor/import');
const fixture = (name: string) => createReadStream(path.join(fixtures, name));
const bytes = (s: string | Uint8Array) => [typeof s === 'string' ? Buffer.from(s) : s];

async function indicator(code: string, values: Partial<typeof indicators.$inferInsert> = {}) {
	const [row] = await t.db
		.insert(indicators)
		.values({
			code,
			name: { nl: `${code} (voorbeeld)` },
			unit: 'aantal',
			domain: 'demografie',
			isExample: true,
			...values
		})
		.onConflictDoNothing()
		.returning();
	return row ?? (await t.db.select().from(indicators).where(eq(indicators.code, code)))[0];
}

async function counts(db: Db = t.db) {
	const [o] = await db.select({ n: count() }).from(observations);
	const [c] = await db
		.select({ n: count() })
		.from(monitorImports)
		.where(eq(monitorImports.status, 'committed'));
	const [a] = await db.select({ n: count() }).from(auditEvents);
	const [s] = await db.select({ n: count() }).from(monitorImportRows);
	return { observations: o.n, committed: c.n, audit: a.n, staging: s.n };
}

async function observation(code: string, nis: string, period: string) {
	const [ind] = await t.db.select().from(indicators).where(eq(indicators.code, code));
	const [area] = await t.db.select().from(areas).where(eq(areas.nisCode, nis));
	const [o] = await t.db
		.select()
		.from(observations)
		.where(
			and(
				eq(observations.indicatorId, ind.id),
				eq(observations.areaId, area.id),
				eq(observations.period, period)
			)
		);
	return o;
}

/** The counts without the staging rows (kept by a failed workspace import for its preview). */
function published(c: Awaited<ReturnType<typeof counts>>): Omit<typeof c, 'staging'>;
function published(): Promise<Omit<Awaited<ReturnType<typeof counts>>, 'staging'>>;
function published(c?: Awaited<ReturnType<typeof counts>>) {
	const strip = ({ staging: _, ...rest }: Awaited<ReturnType<typeof counts>>) => rest;
	return c ? strip(c) : counts().then(strip);
}

const bevolking = () => indicator('voorbeeld-bevolking', { minValue: 0, aggregation: 'sum' });
const werkloosheid = () =>
	indicator('voorbeeld-werkloosheid', {
		unit: '%',
		decimals: 1,
		minValue: 0,
		maxValue: 100,
		domain: 'arbeidsaanbod'
	});

describe('reading the formats', () => {
	it('long CSV with BOM, CRLF, semicolons, decimal comma and a status column', async () => {
		await werkloosheid();
		const { importId, summary } = await stageImport(t.ctx(), {
			fileName: 'werkloosheid-lang-bom-crlf.csv',
			source: fixture('werkloosheid-lang-bom-crlf.csv'),
			indicatorCode: 'voorbeeld-werkloosheid'
		});
		expect(summary).toMatchObject({
			format: 'statbel-csv-long',
			delimiter: ';',
			decimal: ',',
			bom: true,
			lineEnding: 'CRLF',
			layout: 'long',
			nisColumn: 'cd_munty_refnis',
			periodColumn: 'periode',
			valueColumn: 'waarde',
			statusColumn: 'status',
			lines: 5,
			valid: 4,
			empty: 1,
			errors: 0,
			// Pajottegem (from 2025) in 2024: recomputed on today's boundaries.
			recomputed: 1
		});
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.firstRows[0]).toMatchObject({
			line: 2,
			nisCode: '24062',
			areaName: 'Leuven',
			period: '2023',
			value: 5.2,
			status: 'final',
			origin: 'supplied'
		});
		const result = await commitImport(t.ctx(), importId);
		expect(result).toMatchObject({ inserted: 4, updated: 0, unchanged: 0 });
		expect(await observation('voorbeeld-werkloosheid', '24062', '2024')).toMatchObject({
			value: 4.9,
			status: 'provisional',
			origin: 'supplied',
			importId
		});
		expect(await observation('voorbeeld-werkloosheid', '23106', '2024')).toMatchObject({
			value: 3.8,
			status: 'estimated',
			origin: 'recomputed'
		});
		expect(
			(
				await t.db
					.select({ n: count() })
					.from(monitorImportRows)
					.where(eq(monitorImportRows.importId, importId))
			)[0].n
		).toBe(0);
		const [imp] = await t.db.select().from(monitorImports).where(eq(monitorImports.id, importId));
		expect(imp).toMatchObject({ status: 'committed', inserted: 4, rows: 4 });
		expect(imp.commitMs).toBeGreaterThanOrEqual(0);
	});

	it('wide CSV with commas and LF: unknown valid NIS codes are skipped and counted; a re-import is a no-op; a corrected file updates', async () => {
		await bevolking();
		const first = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-breed.csv',
				source: fixture('bevolking-breed.csv'),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(first.summary).toMatchObject({
			format: 'statbel-csv-wide',
			delimiter: ',',
			decimal: '.',
			bom: false,
			lineEnding: 'LF',
			layout: 'wide',
			nisColumn: 'NIS code',
			periodColumns: ['2022', '2023', '2024'],
			skipped: 1,
			skippedCodes: ['11002'],
			empty: 1,
			valid: 11,
			recomputed: 3
		});
		expect(first.committed).toMatchObject({ inserted: 11, updated: 0, unchanged: 0, skipped: 1 });
		expect(await observation('voorbeeld-bevolking', '23023', '2024')).toMatchObject({
			value: 8921,
			origin: 'supplied'
		});
		expect(await observation('voorbeeld-bevolking', '23106', '2022')).toMatchObject({
			origin: 'recomputed'
		});

		const before = await counts();
		const again = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-breed.csv',
				source: fixture('bevolking-breed.csv'),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(again.committed).toMatchObject({ inserted: 0, updated: 0, unchanged: 11 });
		expect(await observation('voorbeeld-bevolking', '24062', '2024')).toMatchObject({
			value: 103210,
			importId: first.importId
		});
		expect((await counts()).observations).toBe(before.observations);

		const corrected = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-breed-gecorrigeerd.csv',
				source: fixture('bevolking-breed-gecorrigeerd.csv'),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(corrected.committed).toMatchObject({ inserted: 1, updated: 1, unchanged: 10 });
		expect(await observation('voorbeeld-bevolking', '24062', '2024')).toMatchObject({
			value: 103500,
			importId: corrected.importId
		});
		expect(await observation('voorbeeld-bevolking', '24001', '2024')).toMatchObject({
			value: 31200
		});
	});

	it('a Provincies in Cijfers selection table as JSON (typed numbers, province row)', async () => {
		await bevolking();
		const { summary, importId } = await stageImport(t.ctx(), {
			fileName: 'pic-selectie.json',
			source: fixture('pic-selectie.json'),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary).toMatchObject({
			format: 'pic-json',
			layout: 'wide',
			nisColumn: 'Geocode',
			valid: 5,
			empty: 1,
			skipped: 1,
			errors: 0
		});
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.firstRows.map((r) => r.nisCode)).toContain('20001');
	});

	it('a Provincies in Cijfers CSV download: title lines above the header, thousands points', async () => {
		await bevolking();
		const { summary, importId } = await stageImport(t.ctx(), {
			fileName: 'pic-download.csv',
			source: fixture('pic-download.csv'),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary).toMatchObject({ headerLine: 4, decimal: ',', valid: 4, errors: 0 });
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.firstRows[0]).toMatchObject({ line: 5, value: 102275 });
	});

	it('XLSX: typed numbers and NIS codes (a lost leading zero comes back)', async () => {
		await bevolking();
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Bevolking (voorbeeld)');
		sheet.addRow(['NIS', 'Gemeente', 2023, 2024]);
		sheet.addRow([24062, 'Leuven', 102275, 103210]);
		sheet.addRow([1000, 'België', 11800000, 11900000]);
		sheet.addRow(['23002', 'Asse', 33000.5, null]);
		const data = Buffer.from(await workbook.xlsx.writeBuffer());
		const { summary, importId } = await stageImport(t.ctx(), {
			fileName: 'bevolking.xlsx',
			source: bytes(data),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary).toMatchObject({
			format: 'xlsx',
			layout: 'wide',
			valid: 5,
			empty: 1,
			errors: 0
		});
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.firstRows.map((r) => r.nisCode)).toEqual([
			'24062',
			'24062',
			'01000',
			'01000',
			'23002'
		]);
		expect(preview.firstRows[4].value).toBe(33000.5);
	});

	it('XLSX with merged cells is refused; formulas are errors with their cell', async () => {
		await bevolking();
		const before = await counts();
		const merged = new ExcelJS.Workbook();
		const s1 = merged.addWorksheet('Blad1');
		s1.addRow(['NIS', 'Gemeente', 2023, 2024]);
		s1.addRow([24062, 'Leuven', 1, 2]);
		s1.mergeCells('C2:D2');
		const e1 = await rejection(
			stageImport(t.ctx(), {
				fileName: 'samengevoegd.xlsx',
				source: bytes(Buffer.from(await merged.xlsx.writeBuffer())),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(e1.message).toContain('Samengevoegde cellen (C2:D2)');

		const formula = new ExcelJS.Workbook();
		const s2 = formula.addWorksheet('Blad1');
		s2.addRow(['NIS', 'Gemeente', 2023, 2024]);
		s2.addRow([24062, 'Leuven', 1, { formula: 'C2*2', result: 2 }]);
		const { summary, importId } = await stageImport(t.ctx(), {
			fileName: 'formule.xlsx',
			source: bytes(Buffer.from(await formula.xlsx.writeBuffer())),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary.errors).toBe(1);
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.errors).toEqual([
			{ line: 2, message: 'Formule in cel D2: vervang formules door hun waarden.' }
		]);
		const e2 = await rejection(commitImport(t.ctx(), importId));
		expect(e2.message).toBe(
			'Er is 1 fout gevonden: verbeter het bestand en laad het opnieuw op. Er is niets geïmporteerd.'
		);
		// The staged rows stay for the preview page; nothing else changed.
		expect(await published()).toEqual(published(before));
	});
});

describe('validation: all or nothing, every error with its line', () => {
	it('a ceased municipality after its end is an error', async () => {
		await bevolking();
		const before = await counts();
		const out = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-galmaarden-2025.csv',
				source: fixture('bevolking-galmaarden-2025.csv'),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(out.committed).toBeNull();
		expect(out.errors).toEqual([
			{
				line: 2,
				message:
					'Galmaarden (23023) bestaat niet meer sinds 01/01/2025: er kan geen waarde voor 2025 zijn. Gebruik de code van de fusiegemeente.'
			}
		]);
		expect(await counts()).toEqual(before);
	});

	it('a failure in the last row imports nothing and marks nothing committed', async () => {
		await bevolking();
		const before = await counts();
		const { importId, summary } = await stageImport(t.ctx(), {
			fileName: 'bevolking-fout-laatste-regel.csv',
			source: fixture('bevolking-fout-laatste-regel.csv'),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary).toMatchObject({ valid: 5, errors: 1 });
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.errors).toEqual([{ line: 4, message: '"veel" is geen getal.' }]);
		expect(preview.import.status).toBe('failed');
		const e = await rejection(commitImport(t.ctx(), importId));
		expect(e.code).toBe('invalid_input');
		// The staged rows stay for the preview page; nothing else changed.
		expect(await published()).toEqual(published(before));
	});

	it('a negative population is refused by the indicator minimum', async () => {
		await bevolking();
		const before = await counts();
		const out = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-negatief.csv',
				source: fixture('bevolking-negatief.csv'),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(out.errors).toEqual([
			{
				line: 4,
				message: 'De waarde -5 ligt onder het minimum (0) van indicator "voorbeeld-bevolking".'
			}
		]);
		expect(await counts()).toEqual(before);
	});

	it('malformed NIS, bad period, duplicate key and unknown indicator code, each with its line', async () => {
		await bevolking();
		await werkloosheid();
		const before = await counts();
		const out = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'indicatoren-lang-fouten.csv',
				source: fixture('indicatoren-lang-fouten.csv')
			})
		);
		expect(out.summary).toMatchObject({ indicatorColumn: 'indicator', layout: 'long' });
		expect(out.errors).toEqual([
			{ line: 5, message: 'Ongeldige NIS-code "2406X": een NIS-code heeft vijf cijfers.' },
			{
				line: 6,
				message:
					'Ongeldige periode "2024Q5": gebruik een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of datum (2024-03-15), tussen 1800 en 2100.'
			},
			{
				line: 7,
				message:
					'Dubbele waarde: NIS-code 24001, periode 2024, indicator voorbeeld-werkloosheid staat ook op regel 4.'
			},
			{
				line: 8,
				message: 'Onbekende indicator "bestaat-niet": voeg ze eerst toe aan de catalogus.'
			}
		]);
		expect(await counts()).toEqual(before);
	});

	it('bounds messages write numbers as PostgreSQL does (the checks run in JS while reading and in SQL after a choice)', () => {
		// Compared with `select x::float8::text` on PostgreSQL 15.
		expect([-5, 0.5, 1e15, 1.5e-5, 123456789012345, 0.0001, 1e6].map(pgNumber)).toEqual([
			'-5',
			'0,5',
			'1e+15',
			'1,5e-05',
			'123456789012345',
			'0,0001',
			'1000000'
		]);
	});

	it('10,000 bad rows are all listed (and downloadable)', async () => {
		await bevolking();
		const before = await counts();
		const lines = ['NIS;jaar;waarde'];
		for (let i = 0; i < 10_000; i++) lines.push(`24062;${2000 + (i % 20)};fout${i}`);
		const { importId, summary } = await stageImport(t.ctx(), {
			fileName: 'fouten.csv',
			source: bytes(lines.join('\n')),
			indicatorCode: 'voorbeeld-bevolking'
		});
		expect(summary.errors).toBe(10_000);
		const preview = await importPreview(t.ctx(), importId);
		expect(preview.errors).toHaveLength(200);
		expect(preview.errors[0]).toEqual({ line: 2, message: '"fout0" is geen getal.' });
		const csv = await importErrorsCsv(t.ctx(), importId);
		const csvLines = csv.trimEnd().split('\r\n');
		expect(csvLines).toHaveLength(10_001);
		expect(csvLines[0]).toBe('\uFEFFregel;fout');
		expect(csvLines[10_000]).toBe('10001;"""fout9999"" is geen getal."');
		// The staged rows stay for the preview page; nothing else changed.
		expect(await published()).toEqual(published(before));
	});
});

describe('bad input: the whole file refused, nothing stored', () => {
	const imports = async () => (await t.db.select({ n: count() }).from(monitorImports))[0].n;

	it('a file over the limit is refused while it streams', async () => {
		await bevolking();
		const before = { ...(await counts()), imports: await imports() };
		let read = 0;
		async function* endless() {
			yield Buffer.from('NIS;2023\n');
			for (;;) {
				read++;
				yield Buffer.from('24062;1\n'.repeat(1024));
				if (read > 10_000) throw new Error('the stream was not stopped');
			}
		}
		const e = await rejection(
			stageImport(t.ctx(), {
				fileName: 'groot.csv',
				source: endless(),
				indicatorCode: 'voorbeeld-bevolking',
				maxBytes: 100 * 1024
			})
		);
		expect(e.message).toBe(
			'Het bestand is groter dan 0 MB. Splits het of vraag de beheerder om MONITOR_IMPORT_MAX_MB te verhogen.'.replace(
				'0 MB',
				'1 MB'
			)
		);
		expect(read).toBeLessThan(20);
		expect({ ...(await counts()), imports: await imports() }).toEqual(before);
	});

	it('a binary file renamed .csv gets a clear message', async () => {
		await bevolking();
		const before = { ...(await counts()), imports: await imports() };
		const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
		const e = await rejection(
			stageImport(t.ctx(), {
				fileName: 'foto.csv',
				source: bytes(binary),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(e.message).toContain('geen CSV-bestand in UTF-8');
		expect(e.message).toContain('binaire gegevens');
		expect({ ...(await counts()), imports: await imports() }).toEqual(before);
	});

	it('an unknown indicator code is refused before anything is read', async () => {
		const before = { ...(await counts()), imports: await imports() };
		const e = await rejection(
			stageImport(t.ctx(), {
				fileName: 'bevolking-breed.csv',
				source: fixture('bevolking-breed.csv'),
				indicatorCode: 'bevolking met spaties'
			})
		);
		expect(e.message).toBe(
			'Onbekende indicator "bevolking met spaties": kies een indicator uit de catalogus.'
		);
		expect(e.fields).toEqual({ indicator: [e.message] });
		expect({ ...(await counts()), imports: await imports() }).toEqual(before);
	});

	it('a file without a NIS column says what it expected', async () => {
		const before = { ...(await counts()), imports: await imports() };
		const e = await rejection(
			stageImport(t.ctx(), { fileName: 'x.csv', source: bytes('Gemeente;2023\nLeuven;5\n') })
		);
		expect(e.message).toContain('Geen kolom met NIS-codes gevonden');
		expect({ ...(await counts()), imports: await imports() }).toEqual(before);
	});

	it('a user without monitor:manage and a token without observations:write are refused', async () => {
		const user: Principal = {
			kind: 'user',
			userId: '00000000-0000-4000-8000-000000000001',
			name: 'Lid',
			email: 'lid@voorbeeld.be',
			role: 'user',
			bodyRoles: {}
		};
		const token: Principal = {
			kind: 'token',
			tokenId: 'x',
			organisationId: 'y',
			scopes: ['structure:read']
		};
		for (const principal of [user, token]) {
			const e = await rejection(
				stageImport(t.ctx({ principal }), {
					fileName: 'bevolking-breed.csv',
					source: fixture('bevolking-breed.csv')
				})
			);
			expect(e.code).toBe('forbidden');
		}
	});
});

describe('choosing the indicator after the upload', () => {
	it('a file without indicator column waits for the choice; bounds are checked again', async () => {
		await bevolking();
		await werkloosheid();
		const { importId, summary } = await stageImport(t.ctx(), {
			fileName: 'bevolking-breed.csv',
			source: fixture('bevolking-breed.csv')
		});
		expect(summary).toMatchObject({ valid: 11, unresolved: 11, errors: 0 });
		const e = await rejection(commitImport(t.ctx(), importId));
		expect(e.message).toBe(
			'Kies de indicator: het bestand heeft geen kolom met een indicatorcode.'
		);
		// A percentage cannot be 103210: every value is above its maximum.
		const wrong = await chooseIndicator(t.ctx(), importId, 'voorbeeld-werkloosheid');
		expect(wrong.summary).toMatchObject({ errors: 11, indicatorCode: 'voorbeeld-werkloosheid' });
		const right = await chooseIndicator(t.ctx(), importId, 'voorbeeld-bevolking');
		expect(right.summary).toMatchObject({ errors: 0, unresolved: 0, valid: 11 });
		const [imp] = await t.db.select().from(monitorImports).where(eq(monitorImports.id, importId));
		expect(imp.status).toBe('staged');
	});
});

describe('API push', () => {
	it('validates like a file and commits; status and missing values', async () => {
		await werkloosheid();
		const ctx = t.ctx({
			actor: { type: 'token', id: 't' },
			principal: {
				kind: 'token',
				tokenId: 't',
				organisationId: 'o',
				scopes: ['observations:write']
			}
		});
		const out = await importAll(
			ctx,
			stagePush(ctx, {
				indicator: 'voorbeeld-werkloosheid',
				observations: [
					{ area: '24107', period: '2024-Q1', value: 5.5, status: 'provisional' },
					{ area: '24107', period: '2024-Q2', value: null, status: 'confidential' },
					{ area: '24107', period: '2024-Q3', value: null }
				]
			})
		);
		expect(out.summary).toMatchObject({ format: 'api', valid: 2, empty: 1 });
		expect(out.committed).toMatchObject({ inserted: 2 });
		expect(await observation('voorbeeld-werkloosheid', '24107', '2024-Q2')).toMatchObject({
			value: null,
			status: 'confidential'
		});
		const [a] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'monitor.import'), eq(auditEvents.recordId, out.importId)));
		expect(a).toMatchObject({ actorType: 'token', actorId: 't' });
	});

	it('bad observations are listed by position and nothing is stored', async () => {
		await werkloosheid();
		const before = await counts();
		const out = await importAll(
			t.ctx(),
			stagePush(t.ctx(), {
				indicator: 'voorbeeld-werkloosheid',
				observations: [
					{ area: '24107', period: '2024', value: 5 },
					{ area: '24107', period: '2024', value: 150 }
				]
			})
		);
		expect(out.errors.map((e) => e.line)).toEqual([2]);
		expect(out.errors[0].message).toContain('boven het maximum (100)');
		expect(await counts()).toEqual(before);
	});
});

describe('CLI', () => {
	it('prints the summary, or every error with its line and exit code 1; --dry-run stores nothing', async () => {
		await bevolking();
		const file = path.join(fixtures, 'bevolking-negatief.csv');
		const before = await counts();
		const bad = await runMonitorImport(t.ctx(), [file, '--indicator', 'voorbeeld-bevolking']);
		expect(bad.code).toBe(1);
		expect(bad.err).toBe(
			'regel 4: De waarde -5 ligt onder het minimum (0) van indicator "voorbeeld-bevolking".\n1 fout: er is niets geïmporteerd.\n'
		);
		const dry = await runMonitorImport(t.ctx(), [
			path.join(fixtures, 'pic-download.csv'),
			'--indicator',
			'voorbeeld-bevolking',
			'--dry-run'
		]);
		expect(dry).toMatchObject({ code: 0, err: '' });
		expect(dry.out).toContain('Scheidingsteken: ;\nDecimaalteken: komma');
		expect(dry.out).toContain('Proefimport: geen fouten, er is niets opgeslagen.');
		expect(await counts()).toEqual(before);
		const usage = await runMonitorImport(t.ctx(), []);
		expect(usage.code).toBe(2);
	});
});

describe('hostile names (found by the bad-input sweep: each answered 500 before)', () => {
	it('a NUL in the indicator code or the file name is cleaned, never a database error', async () => {
		await bevolking();
		const before = await counts();
		const unknown = await rejection(
			stageImport(t.ctx(), {
				fileName: 'x.csv',
				source: bytes('cd_munty_refnis;periode;waarde\n24062;2024;1\n'),
				indicatorCode: 'onbekend\u0000'
			})
		);
		expect(unknown.message).toMatch(/onbekend/);
		expect(await counts()).toEqual(before);

		const { importId } = await stageImport(t.ctx(), {
			fileName: 'be\u0000volking.csv',
			source: fixture('bevolking-breed.csv'),
			indicatorCode: '\u0000voorbeeld-bevolking'
		});
		const [imp] = await t.db.select().from(monitorImports).where(eq(monitorImports.id, importId));
		expect(imp.fileName).toBe('bevolking.csv');
	});
});
