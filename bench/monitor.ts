/**
 * The regional monitor at scale (issue 8, "Speed" and "Done when"): the import against a raw COPY,
 * and the monitor pages' server time on a small set against a Flanders-scale set.
 *
 * For each database — PGlite (a fresh folder in a temporary directory) and PostgreSQL (a fresh
 * database created on the server of --pg URL or DATABASE_URL, dropped at the end; skipped without
 * one) — the script migrates and seeds the real structure like the app, then:
 *
 *   1. IMPORT: adds 500 generated municipalities (NIS codes 99000–99499, which no real Belgian
 *      area uses, named "Gegenereerde gemeente 99xxx (bench)", under the arrondissement Leuven)
 *      and as many generated indicators (rule `sum`) as --rows needs at 20 years per area, and
 *      writes two files of exactly the same observations to a temporary folder: a Statbel-style
 *      long CSV (`;`, decimal comma, `cd_munty_refnis;indicator;periode;waarde;status`) and the
 *      CSV a raw COPY reads (ids resolved). Each repetition then measures, each time from an
 *      empty observations table (TRUNCATE; same indexes and foreign keys as production):
 *        a. COPY observations (…) FROM STDIN of the COPY file (PGlite: from /dev/blob);
 *        b. stageImport + commitImport through the real import service (read, validate, stage,
 *           upsert, audit, aggregates recompute), with the time split into its parts.
 *   2. PAGES: the monitor pages' data (what the public routes load: the catalogue, an indicator
 *      page with its series, ranking and map, a municipality's and a region's profile, the
 *      Streekfoto) with their SQL statement counts, on the example data (small), then after adding
 *      300 generated areas × 300 indicators × 20 years (≈ 1.8M observations; the example
 *      indicators are among the 300), then once more after ANALYZE.
 *
 * It prints figures; it asserts nothing. See bench/README.md.
 *
 *   npm run bench:monitor                          PGlite only (or PostgreSQL too with DATABASE_URL)
 *   npm run bench:monitor -- --pg postgres://app@127.0.0.1:5432/postgres
 *   npm run bench:monitor -- --rows 200000 --reps 3
 *   npm run bench:monitor -- --only import         or --only pages
 *   npm run bench:monitor -- --no-pglite           PostgreSQL only
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inArray, like, sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { rows, type Db } from '../src/lib/server/db/client';
import { areas, indicators } from '../src/lib/server/db/schema';
import { openFile } from '../src/lib/server/monitor/import/read';
import { commitImport, stageImport } from '../src/lib/server/monitor/import/import.service';
import { cataloguePage, indicatorPage, profilePage } from '../src/lib/server/monitor/charts/pages';
import { getStreekfoto } from '../src/lib/server/monitor/streekfoto.queries';
import { exampleIndicators, seedExampleMonitor } from '../src/lib/server/seed/example-monitor';
import { seedStructure } from '../src/lib/server/seed/seed.service';
import {
	analyze,
	benchContext as ctxOf,
	machineLine,
	measure,
	median,
	ms,
	note,
	openPglite,
	openPostgres,
	out,
	positiveInt,
	runBench,
	serverVersion,
	table,
	tempDir,
	usageError,
	type Operation,
	type Target
} from './support';

// ---------------------------------------------------------------- options

type Options = {
	rows: number;
	reps: number;
	pageReps: number;
	pg?: string;
	pglite: boolean;
	only?: 'import' | 'pages';
};

function parseArgs(argv: string[]): Options {
	const options: Options = {
		rows: 1_000_000,
		reps: 2,
		pageReps: 7,
		pg: process.env.DATABASE_URL || undefined,
		pglite: true
	};
	const positive = (arg: string, raw: string | undefined) => positiveInt(arg, raw, USAGE);
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--rows') options.rows = positive(arg, argv[++i]);
		else if (arg === '--reps') options.reps = positive(arg, argv[++i]);
		else if (arg === '--page-reps') options.pageReps = positive(arg, argv[++i]);
		else if (arg === '--pg') options.pg = argv[++i] || usage('--pg needs a URL');
		else if (arg === '--no-pglite') options.pglite = false;
		else if (arg === '--only') {
			const what = argv[++i];
			if (what !== 'import' && what !== 'pages') usage('--only import or --only pages');
			options.only = what;
		} else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown argument ${arg}`);
	}
	return options;
}

const USAGE =
	'usage: tsx bench/monitor.ts [--pg URL] [--rows N] [--reps N] [--page-reps N] [--only import|pages] [--no-pglite]';
function usage(problem?: string): never {
	return usageError(USAGE, problem);
}

// ---------------------------------------------------------------- generated areas and indicators

const YEARS = 20;
const FIRST_YEAR = 2005;
const nisOf = (i: number) => String(99000 + i);

/** Generated municipalities 99000… under the arrondissement Leuven; returns their ids in order. */
async function addAreas(db: Db, count: number): Promise<string[]> {
	const [parent] = await rows<{ id: string }>(
		db,
		sql`select id from areas where nis_code in ('24000', '20001') order by nis_code desc limit 1`
	);
	const values = Array.from({ length: count }, (_, i) => ({
		level: 'gemeente' as const,
		nisCode: nisOf(i),
		slug: `gegenereerde-gemeente-${nisOf(i)}-bench`,
		name: { nl: `Gegenereerde gemeente ${nisOf(i)} (bench)` },
		parentId: parent.id,
		isExample: true
	}));
	const made = await db
		.insert(areas)
		.values(values)
		.onConflictDoNothing()
		.returning({ id: areas.id, nis: areas.nisCode });
	const byNis = new Map(made.map((a) => [a.nis!, a.id]));
	return values.map((v) => byNis.get(v.nisCode)!);
}

const benchCode = (i: number) => `bench-${String(i).padStart(3, '0')}`;

async function addIndicators(db: Db, count: number, from = 0): Promise<string[]> {
	if (count <= 0) return [];
	const values = Array.from({ length: count }, (_, k) => ({
		code: benchCode(from + k),
		name: { nl: `Gegenereerde indicator ${from + k} (bench)` },
		unit: 'aantal',
		decimals: 1,
		domain: ['demografie', 'arbeidsaanbod', 'ondernemerschap', 'werkgelegenheid'][(from + k) % 4],
		aggregation: 'sum' as const,
		position: 1000 + from + k,
		isExample: true
	}));
	const made: { id: string; code: string }[] = [];
	for (let i = 0; i < values.length; i += 100) {
		made.push(
			...(await db
				.insert(indicators)
				.values(values.slice(i, i + 100))
				.returning({ id: indicators.id, code: indicators.code }))
		);
	}
	const byCode = new Map(made.map((m) => [m.code, m.id]));
	return values.map((v) => byCode.get(v.code)!);
}

/** A deterministic value with one decimal: the Statbel text (comma) and the COPY text (point). */
const valueOf = (n: number) => {
	const tenths = (n * 7919 + 13) % 1_000_000;
	const whole = Math.floor(tenths / 10);
	return { comma: `${whole},${tenths % 10}`, point: `${whole}.${tenths % 10}` };
};

/** Write both files of the same `count` observations (streamed, with back-pressure). */
async function writeFiles(
	dir: string,
	count: number,
	areaIds: string[],
	indicatorIds: string[]
): Promise<{ statbel: string; copy: string; bytes: number }> {
	const statbel = path.join(dir, 'statbel-long.csv');
	const copy = path.join(dir, 'copy.csv');
	const a = fs.createWriteStream(statbel);
	const b = fs.createWriteStream(copy);
	const write = async (stream: fs.WriteStream, text: string) => {
		if (!stream.write(text)) await once(stream, 'drain');
	};
	await write(a, 'cd_munty_refnis;indicator;periode;waarde;status\n');
	let n = 0;
	let bufA = '';
	let bufB = '';
	outer: for (let ind = 0; ind < indicatorIds.length; ind++) {
		for (let ar = 0; ar < areaIds.length; ar++) {
			for (let y = 0; y < YEARS; y++) {
				if (n >= count) break outer;
				const year = FIRST_YEAR + y;
				const v = valueOf(n);
				const provisional = y === YEARS - 1;
				bufA += `${nisOf(ar)};${benchCode(ind)};${year};${v.comma};${provisional ? 'voorlopig' : ''}\n`;
				bufB += `${indicatorIds[ind]},${areaIds[ar]},${year},${year}-01-01,${v.point},${provisional ? 'provisional' : 'final'},supplied\n`;
				n++;
				if (bufA.length > 1 << 16) {
					await write(a, bufA);
					await write(b, bufB);
					bufA = '';
					bufB = '';
				}
			}
		}
	}
	await write(a, bufA);
	await write(b, bufB);
	a.end();
	b.end();
	await Promise.all([once(a, 'finish'), once(b, 'finish')]);
	return { statbel, copy, bytes: fs.statSync(statbel).size };
}

// ---------------------------------------------------------------- import: COPY vs the service

const COPY_COLUMNS = 'indicator_id, area_id, period, period_start, value, status, origin';

async function emptyObservations(target: Target) {
	await target.database.db.execute(sql`truncate observations`);
	await target.database.db.execute(sql`delete from monitor_import_rows`);
}

async function rawCopy(target: Target, file: string) {
	if (target.pglite) {
		const blob = await fs.openAsBlob(file);
		await target.pglite.query(
			`copy observations (${COPY_COLUMNS}) from '/dev/blob' with (format csv)`,
			[],
			{ blob }
		);
		return;
	}
	const client = (target.database.db as unknown as { $client: postgres.Sql }).$client;
	const writable = await client
		.unsafe(`copy observations (${COPY_COLUMNS}) from stdin with (format csv)`)
		.writable();
	await pipeline(fs.createReadStream(file), writable as unknown as Writable);
}

async function countObservations(db: Db) {
	const [c] = await rows<{ n: number; supplied: number }>(
		db,
		sql`select count(*)::int as n, count(*) filter (where origin = 'supplied')::int as supplied from observations`
	);
	return c;
}

type ImportRun = {
	copyMs: number;
	readMs: number;
	stageMs: number;
	commitTxMs: number;
	commitMs: number;
	serviceMs: number;
	copied: number;
	imported: number;
	aggregated: number;
};

/** Parse the Statbel file with the import's reader only (no validation, no database). */
async function readOnly(file: string) {
	const opened = await openFile(fs.createReadStream(file));
	let n = 0;
	for await (const r of opened.records) n += r.cells.length > 0 ? 1 : 0;
	return n;
}

async function importPart(target: Target, options: Options) {
	const db = target.database.db;
	const areasCount = 500;
	const indicatorsCount = Math.ceil(options.rows / (areasCount * YEARS));
	const t0 = performance.now();
	const areaIds = await addAreas(db, areasCount);
	const indicatorIds = await addIndicators(db, indicatorsCount);
	const dir = tempDir('streekplatform-bench-monitor-files-');
	const files = await writeFiles(dir, options.rows, areaIds, indicatorIds);
	note(
		`${target.name}: ${areasCount} areas, ${indicatorsCount} indicators, files written (${Math.round(files.bytes / 1024 / 1024)} MB, ${Math.round(performance.now() - t0)} ms)\n`
	);
	const runs: ImportRun[] = [];
	for (let rep = 0; rep < options.reps; rep++) {
		await emptyObservations(target);
		let t = performance.now();
		await rawCopy(target, files.copy);
		const copyMs = performance.now() - t;
		const copied = (await countObservations(db)).n;
		note(`  rep ${rep + 1}: COPY ${Math.round(copyMs)} ms; `);

		await emptyObservations(target);
		t = performance.now();
		await readOnly(files.statbel);
		const readMs = performance.now() - t;

		const ctx = ctxOf(db);
		t = performance.now();
		const staged = await stageImport(ctx, {
			fileName: 'bench.csv',
			source: fs.createReadStream(files.statbel),
			maxBytes: 4 * 1024 ** 3
		});
		const stageMs = performance.now() - t;
		if (staged.summary.errors || staged.summary.valid !== options.rows) {
			throw new Error(`staging went wrong: ${JSON.stringify(staged.summary)}`);
		}
		t = performance.now();
		const committed = await commitImport(ctx, staged.importId);
		const commitMs = performance.now() - t;
		const counts = await countObservations(db);
		runs.push({
			copyMs,
			readMs,
			stageMs,
			commitTxMs: committed.commitMs,
			commitMs,
			serviceMs: stageMs + commitMs,
			copied,
			imported: counts.supplied,
			aggregated: counts.n - counts.supplied
		});
		note(
			`service ${Math.round(stageMs + commitMs)} ms (stage ${Math.round(stageMs)}, commit ${committed.commitMs}, aggregates ${Math.round(commitMs - committed.commitMs)})\n`
		);
	}
	await emptyObservations(target);
	return {
		rows: options.rows,
		areas: areasCount,
		indicators: indicatorsCount,
		mb: files.bytes / 1024 / 1024,
		runs
	};
}

function printImport(target: Target, version: string, r: Awaited<ReturnType<typeof importPart>>) {
	const perSecond = (ms: number) => Math.round((r.rows / ms) * 1000);
	const f = (v: number) => v.toLocaleString('en-US');
	out(
		`IMPORT on ${target.name} ${version}: ${f(r.rows)} rows (${r.areas} generated areas × ${r.indicators} indicators × ${YEARS} years), Statbel file ${r.mb.toFixed(1)} MB, ${r.runs.length} repetitions`
	);
	const lines: string[][] = [
		['measure', ...r.runs.map((_, i) => `run ${i + 1}`), 'median'],
		[
			'raw COPY (ms)',
			...r.runs.map((x) => f(Math.round(x.copyMs))),
			f(Math.round(median(r.runs.map((x) => x.copyMs))))
		],
		[
			'service: stageImport (ms)',
			...r.runs.map((x) => f(Math.round(x.stageMs))),
			f(Math.round(median(r.runs.map((x) => x.stageMs))))
		],
		[
			'  of which reading the CSV alone (ms)',
			...r.runs.map((x) => f(Math.round(x.readMs))),
			f(Math.round(median(r.runs.map((x) => x.readMs))))
		],
		[
			'service: commit transaction (ms)',
			...r.runs.map((x) => f(x.commitTxMs)),
			f(Math.round(median(r.runs.map((x) => x.commitTxMs))))
		],
		[
			'service: aggregates recompute (ms)',
			...r.runs.map((x) => f(Math.round(x.commitMs - x.commitTxMs))),
			f(Math.round(median(r.runs.map((x) => x.commitMs - x.commitTxMs))))
		],
		[
			'service: total (ms)',
			...r.runs.map((x) => f(Math.round(x.serviceMs))),
			f(Math.round(median(r.runs.map((x) => x.serviceMs))))
		],
		[
			'raw COPY (rows/s)',
			...r.runs.map((x) => f(perSecond(x.copyMs))),
			f(perSecond(median(r.runs.map((x) => x.copyMs))))
		],
		[
			'service (rows/s)',
			...r.runs.map((x) => f(perSecond(x.serviceMs))),
			f(perSecond(median(r.runs.map((x) => x.serviceMs))))
		],
		[
			'ratio service/COPY (rows/s)',
			...r.runs.map((x) => (x.copyMs / x.serviceMs).toFixed(2)),
			median(r.runs.map((x) => x.copyMs / x.serviceMs)).toFixed(2)
		]
	];
	for (const l of table(lines, 1)) out(l);
	const last = r.runs[r.runs.length - 1];
	out(
		`rows after COPY ${f(last.copied)}; after the service ${f(last.imported)} supplied + ${f(last.aggregated)} aggregated (province, region, country)`
	);
	out();
}

// ---------------------------------------------------------------- pages: small vs Flanders scale

function pageOperations(db: Db, code: string): Operation[] {
	return [
		{
			name: 'catalogue /monitor: cataloguePage',
			run: async () => {
				const p = await cataloguePage(db, 'nl');
				return `${JSON.stringify(p).length} B`;
			}
		},
		{
			name: `indicator page /monitor/indicatoren/${code}`,
			run: async () => {
				const p = await indicatorPage(db, code, {}, 'nl');
				return `${JSON.stringify(p).length} B`;
			}
		},
		{
			name: '  same, ?gebied=24062 (Leuven)',
			run: async () => {
				const p = await indicatorPage(db, code, { gebied: '24062' }, 'nl');
				return `${JSON.stringify(p).length} B`;
			}
		},
		{
			name: 'municipality profile /monitor/gebieden/24062-leuven',
			run: async () => `${JSON.stringify(await profilePage(db, '24062', 'nl')).length} B`
		},
		{
			name: 'region profile /monitor/regio/leuven',
			run: async () => `${JSON.stringify(await profilePage(db, 'leuven', 'nl')).length} B`
		},
		{
			name: 'Streekfoto /monitor/streekfoto/leuven',
			run: async () => `${JSON.stringify(await getStreekfoto(db, 'leuven', 'nl')).length} B`
		}
	];
}

/** 300 areas × 300 indicators × 20 years in one statement per indicator batch (generate_series). */
async function addFlandersScale(db: Db, areaIds: string[], indicatorIds: string[]) {
	for (let i = 0; i < indicatorIds.length; i += 20) {
		const batch = indicatorIds.slice(i, i + 20);
		await db.execute(sql`
			insert into observations (indicator_id, area_id, period, period_start, value, status, origin, is_example)
			select ind, ar, y::text, make_date(y, 1, 1), round((random() * 100000)::numeric, 1)::double precision,
				'final', 'supplied', true
			from unnest(${`{${batch.join(',')}}`}::uuid[]) ind, unnest(${`{${areaIds.join(',')}}`}::uuid[]) ar,
				generate_series(${FIRST_YEAR}::int, ${FIRST_YEAR + YEARS - 1}::int) y
			on conflict do nothing`);
	}
}

async function pagesPart(target: Target, options: Options) {
	const db = target.database.db;
	// Start from the example data only: no observations, no generated indicators, 300 areas.
	await emptyObservations(target);
	await db.delete(indicators).where(like(indicators.code, 'bench-%'));
	const ctx = ctxOf(db);
	let t = performance.now();
	await seedExampleMonitor(ctx);
	const seedMs = performance.now() - t;
	const code = exampleIndicators[0].code;
	const smallCount = (await countObservations(db)).n;
	note(`${target.name}: pages, small set (${smallCount} observations); measuring\n`);
	const ops = pageOperations(db, code);
	const small = await measure(ops, options.pageReps, () => {});

	t = performance.now();
	const generatedAreas = (
		await rows<{ id: string }>(
			db,
			sql`select id from areas where nis_code like '99%' and nis_code < '99300' order by nis_code`
		)
	).map((a) => a.id);
	const areaIds = generatedAreas.length >= 300 ? generatedAreas : await addAreas(db, 300);
	const exampleIds = (
		await db
			.select({ id: indicators.id })
			.from(indicators)
			.where(
				inArray(
					indicators.code,
					exampleIndicators.map((i) => i.code)
				)
			)
	).map((i) => i.id);
	const extra = await addIndicators(db, 300 - exampleIds.length, 500);
	await addFlandersScale(db, areaIds.slice(0, 300), [...exampleIds, ...extra]);
	const generateMs = performance.now() - t;
	const largeCount = (await countObservations(db)).n;
	note(
		`${target.name}: pages, large set (${largeCount} observations, ${Math.round(generateMs)} ms); measuring\n`
	);
	const large = await measure(ops, options.pageReps, () => {});
	const analyzeMs = await analyze(db);
	const analyzed = await measure(ops, options.pageReps, () => {});
	return {
		code,
		seedMs,
		generateMs,
		analyzeMs,
		smallCount,
		largeCount,
		ops,
		small,
		large,
		analyzed
	};
}

function printPages(
	target: Target,
	version: string,
	r: Awaited<ReturnType<typeof pagesPart>>,
	reps: number
) {
	out(
		`PAGES on ${target.name} ${version}: small = example data (${r.smallCount.toLocaleString('en-US')} observations); ` +
			`large = + 300 generated areas × 300 indicators × ${YEARS} years (${r.largeCount.toLocaleString('en-US')} observations, generated in ${Math.round(r.generateMs / 1000)} s; ANALYZE ${Math.round(r.analyzeMs)} ms); median of ${reps}`
	);
	for (const l of table(
		[
			['page data', 'queries S', 'queries L', 'small ms', 'large ms', 'ratio', 'large+ANALYZE ms'],
			...r.ops.map((o, i) => [
				o.name,
				String(r.small[i].queries),
				String(r.large[i].queries),
				ms(r.small[i].ms),
				ms(r.large[i].ms),
				(r.large[i].ms / r.small[i].ms).toFixed(2),
				ms(r.analyzed[i].ms)
			])
		],
		1
	))
		out(l);
	out(
		'what each returned (small | large): ' +
			r.ops
				.map((o, i) => `${o.name.trim()}: ${r.small[i].result} | ${r.large[i].result}`)
				.join('; ')
	);
	out();
}

// ---------------------------------------------------------------- main

async function main() {
	const options = parseArgs(process.argv.slice(2));
	out(`Streekplatform: the monitor at scale, ${new Date().toISOString()}`);
	out(`machine: ${machineLine()}`);
	out();
	const targets: (() => Promise<Target>)[] = [];
	if (options.pglite) targets.push(() => openPglite('bench/monitor'));
	if (options.pg) targets.push(() => openPostgres(options.pg!, 'streek_bench_monitor'));
	else out('PostgreSQL: skipped (no --pg URL and no DATABASE_URL)\n');
	for (const open of targets) {
		const t = performance.now();
		const target = await open();
		try {
			await target.database.migrate();
			await seedStructure(ctxOf(target.database.db));
			const version = await serverVersion(target.database.db);
			note(`${target.name}: migrated and seeded (${Math.round(performance.now() - t)} ms)\n`);
			if (options.only !== 'pages') printImport(target, version, await importPart(target, options));
			if (options.only !== 'import')
				printPages(target, version, await pagesPart(target, options), options.pageReps);
		} finally {
			await target.database.close();
		}
	}
	out(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

runBench(main);
