/**
 * What the operations scripts (deployment, faults, sweep, load) start on loopback: a throwaway
 * PostgreSQL, app instances from the current build, and a time budget. Each script cleans up what
 * it started, also when it fails. Run with tsx; the app must be built (`npm run build`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const cleanups: (() => Promise<void> | void)[] = [];
/** Run at exit (in reverse order), also after a failure or a blown budget. */
export function onCleanup(fn: () => Promise<void> | void) {
	cleanups.unshift(fn);
}
async function cleanUp() {
	while (cleanups.length) {
		try {
			await cleanups.shift()!();
		} catch (e) {
			process.stderr.write(`cleanup: ${(e as Error).message}\n`);
		}
	}
}

/**
 * Run a script's main with a time budget: past it, the script fails (and cleans up). Prints
 * `PASS <name> (<seconds> s)` or `FAIL <name>: <reason>` and sets the exit code.
 */
export function script(name: string, budgetSeconds: number, main: () => Promise<void>) {
	const started = Date.now();
	const timer = setTimeout(() => {
		process.stderr.write(`FAIL ${name}: over its budget of ${budgetSeconds} s\n`);
		void cleanUp().finally(() => process.exit(1));
	}, budgetSeconds * 1000);
	const stop = () => void cleanUp().finally(() => process.exit(130));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	main().then(
		async () => {
			clearTimeout(timer);
			await cleanUp();
			process.stdout.write(`PASS ${name} (${Math.round((Date.now() - started) / 1000)} s)\n`);
			process.exit(0);
		},
		async (e: unknown) => {
			clearTimeout(timer);
			process.stderr.write(`FAIL ${name}: ${(e as Error)?.stack ?? e}\n`);
			await cleanUp();
			process.exit(1);
		}
	);
}

export function check(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until fn returns a truthy value, or fail after timeoutMs. */
export async function waitFor<T>(what: string, fn: () => Promise<T>, timeoutMs = 60_000) {
	const until = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < until) {
		try {
			const value = await fn();
			if (value) return value;
		} catch (e) {
			last = e;
		}
		await sleep(200);
	}
	throw new Error(`timed out waiting for ${what}${last ? ` (${(last as Error).message})` : ''}`);
}

export function tempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `streek-${prefix}-`));
	onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** The PostgreSQL binaries: pg_config's, else the newest under /usr/lib/postgresql. */
export function pgBin(): string {
	const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	const candidates = [fromConfig.stdout?.trim()].filter(Boolean) as string[];
	if (fs.existsSync('/usr/lib/postgresql'))
		candidates.push(
			...fs
				.readdirSync('/usr/lib/postgresql')
				.sort((a, b) => Number(b) - Number(a))
				.map((v) => `/usr/lib/postgresql/${v}/bin`)
		);
	const bin = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
	if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)');
	return bin;
}

/** As root, PostgreSQL's tools must run as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', command, ...args]]
		: [command, args];
}

function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
	return result.stdout;
}

/** `run` without blocking the event loop: requests in flight keep being answered meanwhile. */
function runAsync(command: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout!.on('data', (d) => (out += d));
		child.stderr!.on('data', (d) => (out += d));
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} failed: ${out}`))
		);
	});
}

export type Postgres = Awaited<ReturnType<typeof startPostgres>>;

/** A throwaway PostgreSQL cluster on 127.0.0.1:port (user `app`, trust), removed at cleanup. */
export async function startPostgres(port: number) {
	const bin = pgBin();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streek-pg-'));
	if (process.getuid?.() === 0) run('chown', ['postgres', dir]);
	const data = path.join(dir, 'data');
	run(
		...asPostgres(`${bin}/initdb`, [
			'-D',
			data,
			'-U',
			'app',
			'--auth=trust',
			'-E',
			'UTF8',
			'--locale=C.UTF-8'
		])
	);
	const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
	const pgCtl = (...args: string[]) => run(...asPostgres(`${bin}/pg_ctl`, ['-D', data, ...args]));
	const startArgs = ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', 'start'];
	run(...asPostgres(`${bin}/pg_ctl`, startArgs));
	let running = true;
	onCleanup(() => {
		if (running) pgCtl('-m', 'immediate', 'stop');
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const url = (db = 'postgres') => `postgres://app@127.0.0.1:${port}/${db}`;
	const psql = (sql: string, db = 'postgres') =>
		run(`${bin}/psql`, ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', url(db), '-c', sql]).trim();
	return {
		port,
		bin,
		url,
		psql,
		/** A new empty database; returns its URL. */
		createDatabase(name: string) {
			psql(`create database ${name}`);
			return url(name);
		},
		/** Stop the server (pg_ctl waits for it); the caller's requests go on meanwhile. */
		async stop(mode: 'fast' | 'immediate' = 'fast') {
			await runAsync(...asPostgres(`${bin}/pg_ctl`, ['-D', data, '-m', mode, 'stop']));
			running = false;
		},
		/** Start it again and wait until it accepts connections. */
		async start() {
			await runAsync(...asPostgres(`${bin}/pg_ctl`, startArgs));
			running = true;
		},
		log: () => fs.readFileSync(path.join(dir, 'log'), 'utf8')
	};
}

export type App = Awaited<ReturnType<typeof startApp>>;

/**
 * `node server.js` from the build in `cwd` (default: this checkout) on 127.0.0.1:port, with the
 * given environment (DATABASE_URL, DATA_DIR, …). Resolves once /readyz answers 200.
 */
export async function startApp(options: {
	port: number;
	env?: Record<string, string>;
	cwd?: string;
	readyTimeoutMs?: number;
}) {
	const cwd = options.cwd ?? root;
	if (!fs.existsSync(path.join(cwd, 'build', 'handler.js')))
		throw new Error(`no build in ${cwd}: run npm run build first`);
	let output = '';
	let child: ChildProcess;
	let exited: Promise<number | null>;
	let peakRssKb = 0;
	const url = `http://127.0.0.1:${options.port}`;
	const launch = () => {
		child = spawn(process.execPath, ['server.js'], {
			cwd,
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(options.port),
				LOG_FORMAT: 'json',
				LOG_LEVEL: 'warn',
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (d) => (output += d));
		child.stderr!.on('data', (d) => (output += d));
		exited = new Promise((resolve) =>
			child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)))
		);
	};
	const rssKb = () => {
		try {
			const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			return 0;
		}
	};
	const ready = () =>
		waitFor(
			`${url}/readyz`,
			async () => {
				if (child.exitCode !== null)
					throw new Error(`the app exited (${child.exitCode}): ${output.slice(-2000)}`);
				return (await fetch(`${url}/readyz`)).ok;
			},
			options.readyTimeoutMs ?? 120_000
		);
	launch();
	onCleanup(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	await ready();
	return {
		url,
		port: options.port,
		get pid() {
			return child.pid!;
		},
		output: () => output,
		/** The highest resident memory (VmHWM) of the current process, in kB. */
		peakRssKb: () => Math.max(peakRssKb, rssKb()),
		/** Send a signal and wait for the exit; returns the exit code. */
		async kill(signal: NodeJS.Signals = 'SIGTERM') {
			peakRssKb = Math.max(peakRssKb, rssKb());
			child.kill(signal);
			return exited;
		},
		/** Start again (same port and settings) and wait until ready. */
		async restart() {
			launch();
			await ready();
		}
	};
}

/** `npm run <script> -- args` in the checkout, with extra environment; returns the result. */
export function npmRun(
	scriptName: string,
	args: string[],
	env: Record<string, string> = {},
	cwd = root
) {
	return spawnSync('npm', ['run', '--silent', scriptName, '--', ...args], {
		cwd,
		env: { ...process.env, ...env },
		encoding: 'utf8'
	});
}

/**
 * Load the e2e scenario (personas with sessions, API tokens, a running plan) into the database
 * `env` points at, before a server opens it, and return what `scripts/scenario.ts` wrote to `out`.
 */
export function loadScenario<T = Record<string, unknown>>(
	env: Record<string, string>,
	out: string,
	cwd = root
): T {
	const loaded = spawnSync(
		process.execPath,
		[path.join(cwd, 'node_modules/tsx/dist/cli.mjs'), 'scripts/scenario.ts', 'e2e', '--out', out],
		{ cwd, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' }
	);
	check(loaded.status === 0, `scenario: ${loaded.stderr}${loaded.stdout}`);
	return JSON.parse(fs.readFileSync(out, 'utf8')) as T;
}
