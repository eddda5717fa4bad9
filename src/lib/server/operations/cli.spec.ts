/**
 * The operator's commands on the embedded database while its server runs: they refuse at once,
 * say what to do, and write nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../db/data-dir-lock';

let dataDir: string;
let release: () => void;

beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ops-cli-'));
	// What the running server holds (db/data-dir-lock.ts).
	release = acquireDataDirLock(dataDir, 'de Streekplatform-server');
});
afterAll(() => {
	release();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
	delete env.DATABASE_URL;
	return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
		env,
		encoding: 'utf8',
		timeout: 60_000
	});
}

describe('backup, restore and db:move on an embedded database in use', () => {
	it.each([
		['backup', '--out', 'b.ndjson.gz'],
		['restore', 'b.ndjson.gz'],
		['db:move', '--to', 'postgres://app@127.0.0.1:1/streek']
	])('%s refuses with a message and writes nothing', (command, ...rest) => {
		const args = rest.map((a) => (a.endsWith('.gz') ? path.join(dataDir, a) : a));
		const before = fs.readdirSync(dataDir).sort();
		const result = cli(command, ...args);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(
			/^streekplatform: De ingebouwde database in .* is in gebruik door de Streekplatform-server \(pid \d+\)\. Stop die eerst/
		);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(fs.readdirSync(dataDir).sort()).toEqual(before);
	});
});
