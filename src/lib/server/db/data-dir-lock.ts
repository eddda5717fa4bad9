import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * PGlite has one connection and no lock of its own: two processes opening the same data folder
 * would corrupt it. The process that opens it holds this lock file (with its pid); another
 * process refuses at once with a message that says what to do.
 */
const LOCK_NAME = 'streekplatform.lock';

export type LockInfo = { pid: number; purpose: string; since: string };

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
	// A process killed with -9 whose parent has not reaped it yet (a container whose first
	// process does not reap) still answers signal 0: on Linux, its state says it is gone.
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
	} catch {
		return true;
	}
}

export function readLock(dataDir: string): LockInfo | undefined {
	try {
		return JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_NAME), 'utf8')) as LockInfo;
	} catch {
		return undefined;
	}
}

/** Take the lock or throw AppError('locked'); returns the release function. */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
	const file = path.join(dataDir, LOCK_NAME);
	const info: LockInfo = { pid: process.pid, purpose, since: new Date().toISOString() };
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
			let released = false;
			return () => {
				if (released) return;
				released = true;
				const current = readLock(dataDir);
				if (current?.pid === process.pid) fs.rmSync(file, { force: true });
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const holder = readLock(dataDir);
			if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
				throw new AppError(
					'locked',
					`De ingebouwde database in ${dataDir} is in gebruik door ${holder.purpose} (pid ${holder.pid}). ` +
						'Stop die eerst (Ctrl+C of kill -TERM), of zet DATABASE_URL naar een PostgreSQL-server zodat meerdere processen ze kunnen delen.'
				);
			}
			// A stale lock of a process that died: take it over.
			fs.rmSync(file, { force: true });
		}
	}
	throw new AppError('locked', `Kon de datamap ${dataDir} niet vergrendelen.`);
}
