/**
 * Start-up benchmark of the built server on the embedded database (PGlite).
 *
 * For each run: a fresh temporary DATA_DIR, `node server.js` started on it (an EMPTY folder:
 * create + migrate + seed), stopped with SIGTERM, then started again on the same folder (an
 * EXISTING folder: open + check migrations + check seed) and stopped again. The time measured is
 * from spawn to the first 200 of GET /readyz. It prints figures; it asserts nothing.
 *
 *   npm run bench                       3 runs
 *   npm run bench -- --runs 5           5 runs
 *   npm run bench -- --port 3200        a fixed port (default: a free one on 127.0.0.1)
 *   npm run bench -- --json             one JSON object instead of the table
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
const POLL_MS = 25;

function parseArgs(argv) {
	const options = { runs: 3, port: 0, json: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--runs' || arg === '--port') {
			const value = Number(argv[++i]);
			if (!Number.isInteger(value) || value < 1) usage(`${arg} needs a positive integer`);
			options[arg.slice(2)] = value;
		} else if (arg === '--json') options.json = true;
		else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown argument ${arg}`);
	}
	return options;
}

function usage(problem) {
	if (problem) process.stderr.write(`bench: ${problem}\n`);
	process.stderr.write('usage: node bench/startup.js [--runs N] [--port PORT] [--json]\n');
	process.exit(problem ? 2 : 0);
}

/** Everything this script started or made, so that every way out cleans it up. */
const children = new Set();
const tempDirs = new Set();

function cleanup() {
	for (const child of children) {
		try {
			child.kill('SIGKILL');
		} catch {
			// already gone
		}
	}
	children.clear();
	for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
	tempDirs.clear();
}

process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		cleanup();
		process.exit(130);
	});
}

function ensureBuilt() {
	if (fs.existsSync(path.join(root, 'build', 'handler.js'))) return;
	process.stderr.write(
		'bench: build/ is missing; building first (node scripts/start.js --build-only)\n'
	);
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'scripts/start.js'), '--build-only'],
		{
			cwd: root,
			stdio: 'inherit'
		}
	);
	if (result.status !== 0) throw new Error('the build failed');
}

/** A port that is free on the loopback interface right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, HOST, () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/** Status code of GET url, or 0 when nothing answers (yet). */
function status(url) {
	return new Promise((resolve) => {
		const req = http.get(url, { timeout: 1000, agent: false }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** VmHWM (peak resident set size) of a live process in bytes, if Linux tells. */
function peakRss(pid) {
	try {
		const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** The server's environment: the embedded database in `dataDir`, JSON logs, loopback only. */
function serverEnv(dataDir, port) {
	const env = { ...process.env };
	delete env.DATABASE_URL; // measure the embedded database even if a PostgreSQL URL is set
	delete env.ORIGIN;
	return {
		...env,
		DATA_DIR: dataDir,
		HOST,
		PORT: String(port),
		LOG_FORMAT: 'json',
		LOG_LEVEL: 'info',
		SEED_ON_START: 'true'
	};
}

/** Start the server, wait for /readyz, read its peak RSS, stop it with SIGTERM. */
async function startAndStop(dataDir, port) {
	const output = [];
	const started = performance.now();
	const child = spawn(process.execPath, [path.join(root, 'server.js')], {
		cwd: root,
		env: serverEnv(dataDir, port),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.add(child);
	child.stdout.on('data', (chunk) => output.push(chunk));
	child.stderr.on('data', (chunk) => output.push(chunk));
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => {
			children.delete(child);
			resolve({ code, signal });
		})
	);
	let exit;
	void exited.then((e) => (exit = e));

	try {
		const url = `http://${HOST}:${port}/readyz`;
		let readyMs;
		while (readyMs === undefined) {
			if (exit) throw new Error(`the server stopped before it was ready (${describe(exit)})`);
			if (performance.now() - started > START_TIMEOUT_MS)
				throw new Error(`not ready within ${START_TIMEOUT_MS / 1000} s`);
			if ((await status(url)) === 200) readyMs = performance.now() - started;
			else await sleep(POLL_MS);
		}
		const rss = peakRss(child.pid);

		const stopping = performance.now();
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
		const end = await exited;
		clearTimeout(timer);
		const stopMs = performance.now() - stopping;
		if (end.code !== 0) throw new Error(`the server did not stop cleanly (${describe(end)})`);

		const logs = parseLog(Buffer.concat(output).toString('utf8'));
		return { readyMs, stopMs, rss, databaseMs: logs.databaseMs, seeded: logs.seeded };
	} catch (e) {
		child.kill('SIGKILL');
		await exited;
		const tail = Buffer.concat(output).toString('utf8').trim().split('\n').slice(-5).join('\n');
		throw new Error(`${e.message}${tail ? `\n--- last server output ---\n${tail}` : ''}`, {
			cause: e
		});
	}
}

const describe = (exit) => (exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`);

/** The server's own figures from its JSON log lines. */
function parseLog(text) {
	let databaseMs;
	let seeded = false;
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line);
			if (entry.msg === 'database ready') databaseMs = entry.ms;
			if (entry.msg === 'seed data loaded') seeded = true;
		} catch {
			// not a log line
		}
	}
	return { databaseMs, seeded };
}

function summary(values) {
	const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}

const ms = (v) => (v === undefined ? '—' : `${Math.round(v)}`);
const mb = (v) => (v === undefined ? '—' : `${Math.round(v / 1024 / 1024)}`);

function machine() {
	const cpus = os.cpus();
	return {
		date: new Date().toISOString(),
		cores: cpus.length,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		/** 1-minute load average before the first run: other work on the machine skews the figures. */
		loadAverage: Math.round(os.loadavg()[0] * 100) / 100
	};
}

function printTable(result) {
	const m = result.machine;
	const lines = [
		`Streekplatform start-up (embedded PGlite), ${result.runs} run(s), ${m.date}`,
		`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`,
		`load average (1 min) before the runs: ${m.loadAverage}`,
		''
	];
	const rows = [
		['data folder', 'measure', 'min', 'median', 'max'],
		...['empty', 'existing'].flatMap((kind) => {
			const s = result[kind];
			return [
				[
					kind,
					'spawn → /readyz 200 (ms)',
					...['min', 'median', 'max'].map((k) => ms(s.ready?.[k]))
				],
				[
					'',
					'database ready, from log (ms)',
					...['min', 'median', 'max'].map((k) => ms(s.database?.[k]))
				],
				['', 'SIGTERM → exit (ms)', ...['min', 'median', 'max'].map((k) => ms(s.stop?.[k]))],
				['', 'peak RSS, VmHWM (MB)', ...['min', 'median', 'max'].map((k) => mb(s.rss?.[k]))]
			];
		})
	];
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	for (const [i, row] of rows.entries()) {
		lines.push(
			row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
		);
		if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
	}
	const r = result.ratio;
	lines.push(
		'',
		`ratio existing/empty (spawn → ready, per run): ${r.perRun.map((v) => v.toFixed(2)).join(', ')}` +
			` (median ${r.median.toFixed(2)})`
	);
	if (result.warnings.length) lines.push('', ...result.warnings.map((w) => `note: ${w}`));
	process.stdout.write(`${lines.join('\n')}\n`);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	ensureBuilt();
	const before = machine();
	const port = options.port || (await freePort());
	const samples = { empty: [], existing: [] };
	const warnings = [];

	for (let run = 1; run <= options.runs; run++) {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streekplatform-bench-'));
		tempDirs.add(dataDir);
		if (!options.json) process.stderr.write(`run ${run}/${options.runs}: empty folder… `);
		const empty = await startAndStop(dataDir, port);
		if (!options.json) process.stderr.write(`${ms(empty.readyMs)} ms; existing folder… `);
		const existing = await startAndStop(dataDir, port);
		if (!options.json) process.stderr.write(`${ms(existing.readyMs)} ms\n`);
		if (!empty.seeded)
			warnings.push(`run ${run}: the empty folder was not seeded (SEED_ON_START?)`);
		if (existing.seeded) warnings.push(`run ${run}: the existing folder was seeded again`);
		samples.empty.push(empty);
		samples.existing.push(existing);
		fs.rmSync(dataDir, { recursive: true, force: true });
		tempDirs.delete(dataDir);
	}

	const perRun = samples.existing.map((e, i) => e.readyMs / samples.empty[i].readyMs);
	const of = (list, key) => summary(list.map((s) => s[key]));
	const result = {
		machine: before,
		runs: options.runs,
		port,
		empty: {
			ready: of(samples.empty, 'readyMs'),
			database: of(samples.empty, 'databaseMs'),
			stop: of(samples.empty, 'stopMs'),
			rss: of(samples.empty, 'rss')
		},
		existing: {
			ready: of(samples.existing, 'readyMs'),
			database: of(samples.existing, 'databaseMs'),
			stop: of(samples.existing, 'stopMs'),
			rss: of(samples.existing, 'rss')
		},
		ratio: { perRun, median: summary(perRun).median },
		warnings
	};
	if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
	else printTable(result);
}

main().then(
	() => process.exit(0),
	(e) => {
		process.stderr.write(`\nbench: ${e.message}\n`);
		process.exit(1);
	}
);
