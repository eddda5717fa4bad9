/**
 * Backup, restore and db:move round trips on a database where every table holds rows. Under
 * `npm test` every database is PGlite; under `npm run test:pg` the targets are PostgreSQL
 * (the source of the move stays PGlite): PGlite → PostgreSQL, then PostgreSQL → file → an
 * empty PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/db';
import { fillEveryTable } from '../../../../tests/helpers/fill-every-table';
import { images } from '../../../../tests/helpers/images';
import { rejection } from '../../../../tests/helpers/errors';
import type { ServiceContext } from '../context';
import { openDatabase, pgliteExtensions, rows, type Database } from '../db/client';
import { storeFile } from '../files/files.service';
import { blobPath, filesDir } from '../files/storage';
import { system } from '../policy';
import { seedAllExamples } from '../seed/all-examples';
import { seedStructure } from '../seed/seed.service';
import { schemaTableNames } from './catalog';
import {
	dailyBackup,
	moveDatabase,
	restoreBackup,
	tableChecksums,
	writeBackup,
	type Checksums
} from './backup.service';

let dataDir: string;
let source: Database;
let sha256: string;
const opened: Database[] = [];

beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-backup-'));
	process.env.DATA_DIR = dataDir;
	const pglite = await PGlite.create('memory://', { extensions: await pgliteExtensions() });
	source = await openDatabase({ kind: 'pglite-instance', pglite });
	await source.migrate();
	const ctx: ServiceContext = {
		db: source.db,
		actor: { type: 'cli', label: 'test' },
		requestId: 'test',
		locale: 'nl',
		principal: system
	};
	await seedStructure(ctx);
	await seedAllExamples(ctx);
	sha256 = (await storeFile(ctx, 'logo', { name: 'logo.png', data: images.png })).sha256;
	await fillEveryTable(source.db);
}, 180_000);

afterAll(async () => {
	await Promise.all([source, ...opened].map((d) => d?.close()));
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An empty, migrated database of the suite's kind (PostgreSQL under test:pg). */
async function emptyTarget() {
	const target = await openTestDatabase(false);
	opened.push(target);
	return target;
}

async function counts(database: Database) {
	const out: Record<string, number> = {};
	for (const name of schemaTableNames()) {
		const [{ n }] = await rows<{ n: number }>(
			database.db,
			sql.raw(`select count(*)::int as n from "${name}"`)
		);
		out[name] = n;
	}
	return out;
}

const emptyTables = (c: Checksums) =>
	Object.entries(c)
		.filter(([, s]) => s.rows === 0)
		.map(([t]) => t);

describe('a database where every table holds rows', () => {
	let sourceSums: Checksums;
	let moved: Database;
	const backupFile = () => path.join(dataDir, 'backup.ndjson.gz');

	it('has rows in every table of the schema', async () => {
		sourceSums = await tableChecksums(source.db);
		expect(Object.keys(sourceSums).sort()).toEqual(schemaTableNames());
		expect(emptyTables(sourceSums)).toEqual([]);
	});

	it('moves into an empty database with the same rows and checksums in every table', async () => {
		moved = await emptyTarget();
		const result = await moveDatabase(source, moved, { tmpDir: dataDir });
		expect(result.tables).toEqual(sourceSums);
		expect(await tableChecksums(moved.db)).toEqual(sourceSums);
		expect(await counts(moved)).toEqual(await counts(source));
		// Nothing of the move is left in its temporary folder.
		expect(fs.readdirSync(dataDir).filter((f) => f.includes('move'))).toEqual([]);
	});

	it('backs up and restores into another empty database: identical content and files', async () => {
		const backup = await writeBackup(moved, backupFile());
		expect(backup.tables).toEqual(sourceSums);
		expect(backup.files).toBeGreaterThan(0);
		expect(fs.statSync(backupFile()).mode & 0o077).toBe(0);
		fs.rmSync(filesDir(), { recursive: true, force: true });

		const restored = await emptyTarget();
		const result = await restoreBackup(restored, backupFile());
		expect(result.tables).toEqual(sourceSums);
		expect(await tableChecksums(restored.db)).toEqual(sourceSums);
		expect(fs.readFileSync(blobPath(sha256))).toEqual(Buffer.from(images.png));
	});

	it('refuses a database that is not empty, and replaces it when told to', async () => {
		const target = await emptyTarget();
		await target.db.execute(sql`insert into site_settings (key, value) values ('x', '"y"')`);
		const before = await tableChecksums(target.db);
		const refused = await rejection(restoreBackup(target, backupFile()));
		expect(refused.message).toMatch(/De doeldatabase is niet leeg .*--replace/);
		expect(await tableChecksums(target.db)).toEqual(before);

		await restoreBackup(target, backupFile(), { replace: true });
		expect(await tableChecksums(target.db)).toEqual(sourceSums);
	});

	it('refuses a truncated or damaged backup and writes nothing', async () => {
		const whole = zlib.gunzipSync(fs.readFileSync(backupFile())).toString('utf8');
		const cases: [string, string, RegExp][] = [
			[
				'cut.ndjson.gz',
				whole.slice(0, Math.floor(whole.length / 2)),
				/afgebroken|onvolledig|geen geldige JSON/
			],
			['edited.ndjson.gz', whole.replace('"voorbeeld', '"bewerkt'), /beschadigd \(controlesom\)/],
			['not-a-backup.ndjson.gz', '{"hello":"world"}\n', /geen kop van een back-up/]
		];
		for (const [name, text, message] of cases) {
			fs.writeFileSync(path.join(dataDir, name), zlib.gzipSync(text));
			const target = await emptyTarget();
			const refused = await rejection(restoreBackup(target, path.join(dataDir, name)));
			expect(refused.message).toMatch(message);
			expect(refused.message).toContain('Er is niets hersteld');
			expect(emptyTables(await tableChecksums(target.db)).length).toBe(schemaTableNames().length);
		}
		fs.writeFileSync(path.join(dataDir, 'plain.txt'), 'geen gzip');
		const target = await emptyTarget();
		const refused = await rejection(restoreBackup(target, path.join(dataDir, 'plain.txt')));
		expect(refused.message).toMatch(/geen gzip of is afgebroken/);
	});

	it('refuses a backup of another schema version', async () => {
		const whole = zlib.gunzipSync(fs.readFileSync(backupFile())).toString('utf8');
		const header = JSON.parse(whole.slice(1, whole.indexOf('\n')));
		const older = { ...header, migrations: header.migrations.slice(0, -1) };
		const file = path.join(dataDir, 'older.ndjson.gz');
		fs.writeFileSync(
			file,
			zlib.gzipSync(`#${JSON.stringify(older)}${whole.slice(whole.indexOf('\n'))}`)
		);
		const target = await emptyTarget();
		const refused = await rejection(restoreBackup(target, file));
		expect(refused.message).toMatch(/oudere versie van Streekplatform .*npm run db:migrate/);
		expect(emptyTables(await tableChecksums(target.db)).length).toBe(schemaTableNames().length);
	});

	it('keeps the newest daily backups and removes older ones', async () => {
		const dir = path.join(dataDir, 'daily');
		fs.mkdirSync(dir);
		for (const day of ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'])
			fs.writeFileSync(path.join(dir, `streekplatform-${day}.ndjson.gz`), 'oud');
		fs.writeFileSync(path.join(dir, 'eigen-kopie.ndjson.gz'), 'blijft');
		const done = await dailyBackup(moved, { dir, keep: 3, day: '2026-12-02' });
		expect(done.rows).toBe(Object.values(sourceSums).reduce((n, s) => n + s.rows, 0));
		expect(done.removed).toEqual([
			'streekplatform-2026-11-28.ndjson.gz',
			'streekplatform-2026-11-29.ndjson.gz'
		]);
		expect(fs.readdirSync(dir).sort()).toEqual([
			'eigen-kopie.ndjson.gz',
			'streekplatform-2026-11-30.ndjson.gz',
			'streekplatform-2026-12-01.ndjson.gz',
			'streekplatform-2026-12-02.ndjson.gz'
		]);
		const restored = await emptyTarget();
		await restoreBackup(restored, path.join(dir, 'streekplatform-2026-12-02.ndjson.gz'));
		expect(await tableChecksums(restored.db)).toEqual(sourceSums);
	});

	it('names a missing backup file', async () => {
		const target = await emptyTarget();
		const refused = await rejection(restoreBackup(target, path.join(dataDir, 'nope.gz')));
		expect(refused.message).toMatch(/bestaat niet of is niet leesbaar/);
	});
});
