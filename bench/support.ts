/**
 * What the scale benchmarks (cooperation.ts, monitor.ts, plans.ts) share: temporary folders that
 * are removed however the run ends, the databases (a fresh PGlite folder, or a fresh database on
 * a PostgreSQL server that is dropped at the end), the service context, the measuring loop with
 * its SQL statement count, and the printing (machine line, aligned tables).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { ServiceContext } from '../src/lib/server/context';
import { openDatabase, rows, type Database, type Db } from '../src/lib/server/db/client';
import { countQueries } from '../src/lib/server/db/query-counter';
import { system, type Principal } from '../src/lib/server/policy';

// ---------------------------------------------------------------- output

let quiet = false;
/** Progress on stderr (silenced by `setQuiet`, e.g. for --json). */
export const note = (text: string) => {
	if (!quiet) process.stderr.write(text);
};
export const setQuiet = (value: boolean) => {
	quiet = value;
};
/** A line of the report on stdout. */
export const out = (text = '') => process.stdout.write(`${text}\n`);

export function usageError(usageLine: string, problem?: string): never {
	if (problem) process.stderr.write(`bench: ${problem}\n`);
	process.stderr.write(`${usageLine}\n`);
	process.exit(problem ? 2 : 0);
}

/** The value of an option that takes a positive integer (exits with the usage line if not). */
export function positiveInt(arg: string, raw: string | undefined, usageLine: string): number {
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1)
		usageError(usageLine, `${arg} needs a positive integer`);
	return value;
}

export function median(values: number[]) {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Milliseconds with three significant figures or so. */
export const ms = (v: number) =>
	v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toString();

export function machine() {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cores: cpus.length,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		loadAverage: Math.round(os.loadavg()[0] * 100) / 100
	};
}

export function machineLine(m = machine()) {
	return `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; load average (1 min) ${m.loadAverage.toFixed(2)}`;
}

export const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Aligned columns: the first `rightFrom` columns to the left, the others to the right. */
export function table(rowsIn: string[][], rightFrom: number) {
	const widths = rowsIn[0].map((_, i) => Math.max(...rowsIn.map((r) => r[i].length)));
	const lines: string[] = [];
	for (const [i, row] of rowsIn.entries()) {
		lines.push(
			row
				.map((cell, c) => (c < rightFrom ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
				.join('  ')
				.trimEnd()
		);
		if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
	}
	return lines;
}

// ---------------------------------------------------------------- temporary folders, clean-up

const tempDirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

function removeTempDirs() {
	for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
process.on('exit', removeTempDirs);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		removeTempDirs();
		process.exit(130);
	});
}

/** A new folder under the system's temporary directory, removed when the process ends. */
export function tempDir(prefix: string) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	tempDirs.push(dir);
	return dir;
}

/** Something to undo at the end of the run (after main, also when it failed). */
export function onCleanup(fn: () => Promise<void>) {
	cleanups.push(fn);
}

/** Run the benchmark's main, then the clean-ups; exit 0, or 1 with the error on stderr. */
export function runBench(main: () => Promise<void>) {
	main()
		.then(async () => {
			for (const c of cleanups.splice(0)) await c();
			process.exit(0);
		})
		.catch(async (e) => {
			process.stderr.write(
				`\nbench: ${e instanceof Error ? (e.stack ?? e.message).slice(0, 2000) : e}${e instanceof Error && e.cause ? `\ncause: ${e.cause}` : ''}\n`
			);
			for (const c of cleanups.splice(0)) await c().catch(() => {});
			process.exit(1);
		});
}

// ---------------------------------------------------------------- databases

export type Target = { name: 'PGlite' | 'PostgreSQL'; database: Database; pglite?: PGlite };

/**
 * PGlite in a data folder: `dir` if given (kept), otherwise a new temporary one (removed at the
 * end). Closed by the clean-ups.
 */
export async function openPglite(purpose: string, dir?: string): Promise<Target> {
	const dataDir = dir ?? tempDir(`streekplatform-${purpose.replace(/\W+/g, '-')}-`);
	const database = await openDatabase({ kind: 'pglite-dir', dataDir, purpose });
	return {
		name: 'PGlite',
		database,
		pglite: (database.db as unknown as { $client: PGlite }).$client
	};
}

/** A fresh database `name_<pid>` on the server of `url`, dropped by the clean-ups. */
export async function openPostgres(url: string, name: string): Promise<Target> {
	const dbName = `${name}_${process.pid}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists ${dbName}`);
	await admin.unsafe(`create database ${dbName}`);
	await admin.end();
	const dbUrl = new URL(url);
	dbUrl.pathname = `/${dbName}`;
	const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 5 });
	onCleanup(async () => {
		const dropper = postgres(url, { max: 1, onnotice: () => {} });
		await dropper.unsafe(`drop database if exists ${dbName} with (force)`);
		await dropper.end();
	});
	return { name: 'PostgreSQL', database };
}

/** A service context acting as the CLI "bench", as `principal` (the system by default). */
export const benchContext = (db: Db, principal: Principal = system): ServiceContext => ({
	db,
	actor: { type: 'cli', label: 'bench' },
	requestId: 'bench',
	locale: 'nl',
	principal
});

export async function serverVersion(db: Db) {
	const [v] = await rows<{ v: string }>(db, sql`select current_setting('server_version') as v`);
	return v.v;
}

/** ANALYZE the whole database; returns how long it took (ms). */
export async function analyze(db: Db) {
	const t = performance.now();
	await db.execute(sql`analyze`);
	return performance.now() - t;
}

// ---------------------------------------------------------------- measuring

export type Operation = {
	name: string;
	/** Prepare what run needs (not timed). */
	before?: () => Promise<void>;
	/** Runs once per repetition; returns a short description of what it returned. */
	run: () => Promise<string>;
	/** Undo what run did (not timed). */
	after?: () => Promise<void>;
};

export type Measure = { ms: number; min: number; max: number; queries: number; result: string };

/**
 * Each operation `reps` times: the median, min and max server time and the SQL statements it sent
 * (counted with countQueries). Warm-up, not counted: every operation once (code paths, JIT, the
 * database's caches), then each once more right before its own repetitions.
 */
export async function measure(
	ops: Operation[],
	reps: number,
	progress: (op: Operation) => void = () => note('.')
): Promise<Measure[]> {
	const results: Measure[] = [];
	const once = async (op: Operation) => {
		await op.before?.();
		await op.run();
		await op.after?.();
	};
	for (const op of ops) await once(op);
	for (const op of ops) {
		await once(op);
		const times: number[] = [];
		let queries = 0;
		let result = '';
		for (let i = 0; i < reps; i++) {
			await op.before?.();
			const started = performance.now();
			const counted = await countQueries(op.run);
			times.push(performance.now() - started);
			await op.after?.();
			queries = counted.queries;
			result = counted.result;
		}
		results.push({
			ms: median(times),
			min: Math.min(...times),
			max: Math.max(...times),
			queries,
			result
		});
		progress(op);
	}
	return results;
}
