/**
 * The built server as the public-face benchmarks use it: `node server.js` on a fresh temporary
 * PGlite folder and a free loopback port, stopped and removed however the run ends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HOST = '127.0.0.1';

const children = new Set<ChildProcess>();
const folders = new Set<string>();
function cleanup() {
	for (const child of children) child.kill('SIGKILL');
	for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => {
		cleanup();
		process.exit(130);
	});

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, HOST, () => {
			const port = (probe.address() as net.AddressInfo).port;
			probe.close(() => resolve(port));
		});
	});
}

/** Build once if there is no build yet (the benchmarks measure the existing build/). */
export function ensureBuilt() {
	if (fs.existsSync(path.join(root, 'build', 'handler.js'))) return;
	process.stderr.write('no build/ yet: building first…\n');
	const result = spawnSync(process.execPath, ['scripts/start.js', '--build-only'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) throw new Error('build failed');
}

export type RunningServer = { base: string; pid: number; stop(): Promise<void> };

/** Start the server with its example data on an empty folder and wait for /readyz. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	ensureBuilt();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-'));
	folders.add(dataDir);
	const port = await freePort();
	const base = `http://${HOST}:${port}`;
	const { DATABASE_URL: _db, ORIGIN: _origin, ...inherited } = process.env;
	const child = spawn(process.execPath, ['server.js'], {
		cwd: root,
		env: {
			...inherited,
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST,
			LOG_LEVEL: 'warn',
			JOBS_ENABLED: 'false',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.add(child);
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		const ready = await fetch(`${base}/readyz`).then(
			(r) => r.ok,
			() => false
		);
		if (ready) break;
		if (Date.now() > deadline) throw new Error('server did not become ready in 180 s');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		base,
		pid: child.pid!,
		async stop() {
			const exited = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await exited;
			children.delete(child);
			fs.rmSync(dataDir, { recursive: true, force: true });
			folders.delete(dataDir);
		}
	};
}
