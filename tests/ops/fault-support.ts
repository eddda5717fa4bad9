/**
 * What the fault tests (tests/ops/faults.ts) share: the environment they start (PostgreSQL, an
 * app on it, the scenario's personas), HTTP helpers with a persona's session, and a time bound
 * per sub-test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sleep, type App, type Postgres } from './harness';

export const PG_PORT = 54421;
export const APP_PORT = 3421;
export const APP2_PORT = 3422;

export type Persona = { email: string; sessionToken: string };
export type Scenario = Record<string, Persona> & { observationsToken: string };

export type FaultContext = {
	pg: Postgres;
	db: string;
	dbUrl: string;
	dataDir: string;
	app: App;
	env: Record<string, string>;
	scenario: Scenario;
	/** The checkout whose build runs (its scripts run the CLI). */
	cwd: string;
	work: string;
	/** Aborted when the sub-test is past its time bound (within): stop the load, put things back. */
	signal?: AbortSignal;
};

let lastStep = '';
/** What the running sub-test is doing now; a sub-test past its bound names it. */
export function step(what: string) {
	lastStep = what;
}

/** No request of these tests may wait longer than this for its answer. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** The environment every app and CLI process of these tests gets. */
export function appEnv(port: number, extra: Record<string, string>): Record<string, string> {
	return {
		ORIGIN: `http://127.0.0.1:${port}`,
		JOBS_ENABLED: 'false',
		API_RATE_LIMIT: '1000000',
		LOG_LEVEL: 'warn',
		...extra
	};
}

/** A request as a persona (session cookie) or anonymous, with the app's Origin for forms. */
export async function request(
	app: App,
	pathname: string,
	options: {
		method?: string;
		persona?: Persona;
		form?: Record<string, string> | FormData;
		json?: unknown;
		bearer?: string;
		accept?: string;
		timeoutMs?: number;
	} = {}
) {
	const headers: Record<string, string> = {
		origin: app.url,
		accept: options.accept ?? 'text/html'
	};
	if (options.persona) headers.cookie = `sp_session=${options.persona.sessionToken}`;
	if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
	let body: BodyInit | undefined;
	if (options.form instanceof FormData) body = options.form;
	else if (options.form) {
		headers['content-type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	} else if (options.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(options.json);
	}
	const response = await fetch(`${app.url}${pathname}`, {
		method: options.method ?? (body ? 'POST' : 'GET'),
		headers,
		body,
		redirect: 'manual',
		// An answer that never comes is a failure with the path in it, not a hung test.
		signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS)
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/**
 * A multipart POST through node:http: a server that answers before it has read the whole body
 * (a refused upload) and closes the connection still gives its answer (fetch would fail).
 */
export async function postMultipart(
	app: App,
	pathname: string,
	form: FormData,
	headers: Record<string, string>
): Promise<{ status: number; text: string }> {
	const encoded = new Response(form);
	const body = Buffer.from(await encoded.arrayBuffer());
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = http.request(
			`${app.url}${pathname}`,
			{
				method: 'POST',
				headers: {
					origin: app.url,
					'content-type': encoded.headers.get('content-type')!,
					'content-length': String(body.length),
					...headers
				}
			},
			(res) => {
				answered = true;
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (text += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
				res.on('error', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		req.on('error', (e) => {
			if (!answered) reject(e);
		});
		req.end(body);
	});
}

/**
 * Run a sub-test within its own time bound; prints PASS/FAIL and returns whether it passed. Past
 * the bound its signal is aborted and the failure names the step it was at.
 */
export async function within(
	name: string,
	seconds: number,
	fn: (signal: AbortSignal) => Promise<string | void>
) {
	const started = Date.now();
	const bound = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	step('');
	try {
		const note = await Promise.race([
			fn(bound.signal),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => {
					reject(new Error(`over its bound of ${seconds} s, at: ${lastStep || 'start'}`));
					bound.abort();
				}, seconds * 1000);
			})
		]);
		const s = Math.round((Date.now() - started) / 1000);
		process.stdout.write(`PASS faults/${name} (${s} s)${note ? `: ${note}` : ''}\n`);
		return true;
	} catch (e) {
		process.stdout.write(`FAIL faults/${name}: ${(e as Error)?.stack ?? e}\n`);
		return false;
	} finally {
		clearTimeout(timer);
	}
}

/** A process in its own group (tsx starts a child node): SIGKILL reaches both. */
export function spawnGroup(
	command: string,
	args: string[],
	cwd: string,
	env: Record<string, string>
) {
	let output = '';
	const child: ChildProcess = spawn(command, args, {
		cwd,
		env: { ...process.env, ...env },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ? 128 : code))
	);
	return {
		child,
		exited,
		output: () => output,
		/** SIGKILL to the whole group; waits for the exit. */
		async kill() {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
			const code = await exited;
			// The group's other processes (npm's child that holds the data folder) die a moment
			// later; a zombie nobody reaps stays a member, so wait a bounded while only.
			for (let i = 0; i < 50; i++) {
				try {
					process.kill(-child.pid!, 0);
				} catch {
					break;
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			return code;
		},
		running: () => child.exitCode === null && child.signalCode === null
	};
}

/** Poll fast (for catching a moment), up to timeoutMs; returns whether it happened. */
export async function pollFast(fn: () => boolean, timeoutMs: number, everyMs = 50) {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (fn()) return true;
		await sleep(everyMs);
	}
	return false;
}

/** Is a process still there? */
export const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

export const tmpFilesIn = (dir: string) =>
	fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
