import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, readLock } from './data-dir-lock';
import { openDatabase } from './client';

const dirs: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
	for (const c of children.splice(0)) c.kill('SIGKILL');
	for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-lock-'));
	dirs.push(dir);
	return dir;
}

function writeLock(dir: string, pid: number) {
	fs.writeFileSync(
		path.join(dir, 'streekplatform.lock'),
		JSON.stringify({ pid, purpose: 'de Streekplatform-server', since: new Date().toISOString() })
	);
}

describe('the embedded data folder lock', () => {
	it('refuses at once while another live process holds the folder, and says what to do', async () => {
		const dir = tempDir();
		const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		children.push(other);
		writeLock(dir, other.pid!);
		const lockBefore = fs.readFileSync(path.join(dir, 'streekplatform.lock'), 'utf8');

		expect(() => acquireDataDirLock(dir, 'npm run db:seed')).toThrow(
			/in gebruik door de Streekplatform-server \(pid \d+\)\. Stop die eerst/
		);
		// Opening the database refuses the same way, before PGlite touches the folder.
		await expect(
			openDatabase({ kind: 'pglite-dir', dataDir: dir, purpose: 'test' })
		).rejects.toMatchObject({
			code: 'locked'
		});
		expect(fs.existsSync(path.join(dir, 'pglite', 'PG_VERSION'))).toBe(false);
		expect(fs.readFileSync(path.join(dir, 'streekplatform.lock'), 'utf8')).toBe(lockBefore);
	});

	it('takes over the lock of a process that died', async () => {
		const dir = tempDir();
		const dead = spawn(process.execPath, ['-e', '0']);
		await new Promise((r) => dead.on('exit', r));
		writeLock(dir, dead.pid!);
		const release = acquireDataDirLock(dir, 'test');
		expect(readLock(dir)?.pid).toBe(process.pid);
		release();
		expect(readLock(dir)).toBeUndefined();
	});

	it('refuses an unwritable data folder with a message naming DATA_DIR', async () => {
		const file = path.join(tempDir(), 'een-bestand');
		fs.writeFileSync(file, '');
		await expect(
			openDatabase({ kind: 'pglite-dir', dataDir: path.join(file, 'data'), purpose: 'test' })
		).rejects.toThrow(/^DATA_DIR .* is niet schrijfbaar/);
	});
});
