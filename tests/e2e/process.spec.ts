/**
 * The server as a process: refusing to start with one clear line (port in use, bad setting,
 * unusable data folder), stopping cleanly on SIGTERM and starting again on the same data, the
 * lock on the embedded data folder, and the friendly error page. No browser.
 *
 * Every process spawned here is killed in afterEach; temporary folders live under .tmp/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmpRoot = path.join(root, '.tmp', 'e2e-process');

/** Settings these tests decide; anything inherited from the caller's shell is dropped. */
const CONTROLLED = [
	'PORT',
	'HOST',
	'ORIGIN',
	'DATA_DIR',
	'DATABASE_URL',
	'LOG_LEVEL',
	'LOG_FORMAT',
	'SEED_ON_START',
	'EXAMPLES_ON_START'
];

type Run = {
	child: ChildProcess;
	stdout: () => string;
	stderr: () => string;
	/** Resolves with the exit code (or the signal) once the process has ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const running = new Set<Run>();
const tempDirs: string[] = [];

function run(command: string, args: string[], env: Record<string, string>): Run {
	const base: Record<string, string | undefined> = { ...process.env };
	for (const name of CONTROLLED) delete base[name];
	const child = spawn(command, args, {
		cwd: root,
		env: { ...base, LOG_FORMAT: 'json', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so afterEach can end it with everything it started (npx → tsx → node).
		detached: true
	});
	let out = '';
	let err = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	const handle: Run = { child, stdout: () => out, stderr: () => err, exited };
	running.add(handle);
	void exited.then(() => running.delete(handle));
	return handle;
}

function startServer(env: Record<string, string>): Run {
	return run(process.execPath, ['server.js'], { HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
}

/** The exit of a process, or a failure naming what it printed if it takes longer than `ms`. */
async function exitWithin(proc: Run, ms: number) {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new Error(
						`process ${proc.child.pid} still running after ${ms} ms\nstdout: ${proc.stdout()}\nstderr: ${proc.stderr()}`
					)
				),
			ms
		);
	});
	try {
		return await Promise.race([proc.exited, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function tempDir(name: string): string {
	fs.mkdirSync(tmpRoot, { recursive: true });
	const dir = fs.mkdtempSync(path.join(tmpRoot, `${name}-`));
	tempDirs.push(dir);
	return dir;
}

/** Poll /healthz until it answers 200; fail early if the process dies. */
async function waitHealthy(proc: Run, port: number, ms = 45_000): Promise<number> {
	const started = Date.now();
	let ended = false;
	void proc.exited.then(() => (ended = true));
	while (Date.now() - started < ms) {
		if (ended) {
			throw new Error(`server exited before it was healthy\nstderr: ${proc.stderr()}`);
		}
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (response.status === 200) return Date.now() - started;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`server on port ${port} not healthy after ${ms} ms\nstderr: ${proc.stderr()}`);
}

/** Every body the API lists, following the cursor. */
async function countBodies(port: number): Promise<number> {
	let count = 0;
	let cursor: string | null = null;
	do {
		const url = new URL(`http://127.0.0.1:${port}/api/v1/bodies`);
		if (cursor) url.searchParams.set('cursor', cursor);
		const response = await fetch(url);
		expect(response.status).toBe(200);
		const page = (await response.json()) as { items: unknown[]; nextCursor: string | null };
		count += page.items.length;
		cursor = page.nextCursor;
	} while (cursor);
	return count;
}

/** SIGTERM, then expect a clean exit (code 0) within 5 seconds. */
async function stopGracefully(proc: Run) {
	const started = Date.now();
	proc.child.kill('SIGTERM');
	const { code, signal } = await exitWithin(proc, 5_000);
	expect({ code, signal }, `stderr: ${proc.stderr()}`).toEqual({ code: 0, signal: null });
	return Date.now() - started;
}

/** The non-empty lines a process wrote to stderr. */
function stderrLines(proc: Run): string[] {
	return proc
		.stderr()
		.split('\n')
		.filter((line) => line.trim() !== '');
}

test.afterEach(async () => {
	for (const proc of [...running]) {
		try {
			process.kill(-proc.child.pid!, 'SIGKILL');
		} catch {
			// the group has already ended
		}
		await proc.exited;
	}
	running.clear();
	for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test.describe('refusing to start', () => {
	test('a port in use: one line naming the port, and no data folder touched', async () => {
		const blocker = net.createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const { port } = blocker.address() as net.AddressInfo;
		const dataDir = path.join(tempDir('port-in-use'), 'data');
		try {
			const server = startServer({ PORT: String(port), DATA_DIR: dataDir });
			const { code } = await exitWithin(server, 10_000);
			expect(code).not.toBe(0);
			expect(code).not.toBeNull();
			const lines = stderrLines(server);
			expect(lines, proc(server)).toHaveLength(1);
			expect(lines[0]).toMatch(new RegExp(`poort ${port}\\b.*in gebruik`));
			expect(fs.existsSync(dataDir), 'DATA_DIR was created').toBe(false);
		} finally {
			await new Promise<void>((resolve) => blocker.close(() => resolve()));
		}
	});

	test('a malformed DATABASE_URL: one line naming it', async () => {
		const server = startServer({
			PORT: String(await freePort()),
			DATA_DIR: path.join(tempDir('bad-url'), 'data'),
			DATABASE_URL: 'not-a-url'
		});
		const { code } = await exitWithin(server, 10_000);
		expect(code).not.toBe(0);
		expect(code).not.toBeNull();
		const lines = stderrLines(server);
		expect(lines, proc(server)).toHaveLength(1);
		expect(lines[0]).toContain('DATABASE_URL');
	});

	test('a DATA_DIR that cannot be created: one line naming it', async () => {
		const file = path.join(tempDir('not-a-dir'), 'a-file');
		fs.writeFileSync(file, 'not a folder\n');
		const dataDir = path.join(file, 'data');
		const server = startServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
		const { code } = await exitWithin(server, 15_000);
		expect(code).not.toBe(0);
		expect(code).not.toBeNull();
		const lines = stderrLines(server);
		expect(lines, proc(server)).toHaveLength(1);
		expect(lines[0]).toContain('DATA_DIR');
		expect(lines[0]).toContain(dataDir);
		expect(fs.readFileSync(file, 'utf8')).toBe('not a folder\n');
	});
});

test.describe('running', () => {
	test('SIGTERM stops the server cleanly; a restart reuses the data', async () => {
		const dataDir = path.join(tempDir('sigterm'), 'data');
		const port = await freePort();
		const env = { PORT: String(port), DATA_DIR: dataDir };

		const first = startServer(env);
		const firstStart = await waitHealthy(first, port);
		const bodies = await countBodies(port);
		expect(bodies).toBe(12);
		const firstStop = await stopGracefully(first);
		expect(first.stdout()).toContain('seed data loaded');
		expect(first.stderr()).toBe('');

		const second = startServer(env);
		const secondStart = await waitHealthy(second, port);
		expect((await fetch(`http://127.0.0.1:${port}/regio/leuven`)).status).toBe(200);
		expect(await countBodies(port)).toBe(bodies);
		await stopGracefully(second);
		expect(second.stdout()).not.toContain('seed data loaded');
		expect(second.stdout()).toContain('database ready');
		expect(second.stderr()).toBe('');

		test.info().annotations.push({
			type: 'timings',
			description: `first start ${firstStart} ms (seeding), stop ${firstStop} ms, second start ${secondStart} ms`
		});
	});

	test('a second process on the live embedded data folder is refused at once', async () => {
		const dataDir = path.join(tempDir('locked'), 'data');
		const port = await freePort();
		const env = { PORT: String(port), DATA_DIR: dataDir };

		const server = startServer(env);
		await waitHealthy(server, port);
		const bodies = await countBodies(port);

		const seed = run('npx', ['tsx', 'scripts/cli.ts', 'seed'], { DATA_DIR: dataDir });
		const { code } = await exitWithin(seed, 20_000);
		expect(code).not.toBe(0);
		expect(code).not.toBeNull();
		const message = seed.stderr();
		expect(message).toContain('in gebruik');
		expect(message).toContain(`pid ${server.child.pid}`);
		// ... and says what to do.
		expect(message).toMatch(/Stop die eerst/);
		expect(message).toContain('DATABASE_URL');

		// The server did not notice.
		expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
		expect((await fetch(`http://127.0.0.1:${port}/regio/leuven`)).status).toBe(200);
		expect(await countBodies(port)).toBe(bodies);
		await stopGracefully(server);

		// The data is intact: a new start opens it.
		const again = startServer(env);
		await waitHealthy(again, port);
		expect((await fetch(`http://127.0.0.1:${port}/regio/leuven`)).status).toBe(200);
		expect(await countBodies(port)).toBe(bodies);
		await stopGracefully(again);
		expect(again.stdout()).not.toContain('seed data loaded');
	});

	test('the friendly error page: Dutch heading, no stack trace, a request id', async ({
		request
	}) => {
		const response = await request.get('/organen/bestaat-niet');
		expect(response.status()).toBe(404);
		expect(response.headers()['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,}$/);
		const html = await response.text();
		expect(html).toMatch(/<h1[^>]*>Pagina niet gevonden<\/h1>/);
		expect(html).not.toMatch(/\bat .+:\d+:\d+/); // stack frame
		expect(html).not.toContain('node_modules');
		expect(html).not.toMatch(/\bstack\b/i);

		// A request id sent by a proxy is kept, so logs can be matched.
		const traced = await request.get('/organen/bestaat-niet', {
			headers: { 'x-request-id': 'e2e-trace-0001' }
		});
		expect(traced.headers()['x-request-id']).toBe('e2e-trace-0001');
	});

	test('a request too large for Node (a 20 KB search in the URL) gets a worded 431', async ({
		baseURL
	}) => {
		const response = await fetch(`${baseURL}/zoeken?q=${'a'.repeat(20_000)}`);
		expect(response.status).toBe(431);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await response.text()).toContain('De aanvraag is te groot');
		// The server is fine afterwards.
		expect((await fetch(`${baseURL}/healthz`)).status).toBe(200);
	});
});

/** What a process printed, for failure messages. */
function proc(p: Run): string {
	return `stdout:\n${p.stdout()}\nstderr:\n${p.stderr()}`;
}
