import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rows } from '../db';
import { storeFile } from '../files/files.service';
import { blobPath } from '../files/storage';
import { images } from '../../../../tests/helpers/images';
import { checkIntegrity } from './integrity';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-integrity-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const missing = '00000000-0000-4000-8000-00000000dead';

/** Run statements with foreign keys and triggers off (what a hand edit or a bad restore does). */
async function raw(...statements: string[]) {
	await t.db.transaction(async (tx) => {
		await tx.execute(sql.raw('set local session_replication_role = replica'));
		for (const s of statements) await tx.execute(sql.raw(s));
	});
}

/** Plant a problem, expect the check to name it, take it away, expect a clean report. */
async function expectFound(plant: string[], undo: string[], expected: RegExp) {
	await raw(...plant);
	try {
		const report = await checkIntegrity(t.db);
		expect(report.ok).toBe(false);
		expect(report.problems.join('\n')).toMatch(expected);
	} finally {
		await raw(...undo);
	}
	expect((await checkIntegrity(t.db)).problems).toEqual([]);
}

describe('checkIntegrity', () => {
	it('passes on the seeded database and counts what it checked', async () => {
		const report = await checkIntegrity(t.db);
		expect(report.problems).toEqual([]);
		expect(report.ok).toBe(true);
		// Every foreign key, NOT NULL column and unique index is a check of its own.
		expect(report.checked).toBeGreaterThan(200);
	});

	it('finds a row whose foreign key points nowhere (generated from the catalog)', async () => {
		await expectFound(
			[`update areas set parent_id = '${missing}' where slug = 'leuven'`],
			[`update areas set parent_id = null where parent_id = '${missing}'`],
			/areas\.parent_id verwijst naar een ontbrekende rij in areas/
		);
	});

	it('re-validates a CHECK constraint the rows do not meet (added NOT VALID)', async () => {
		await expectFound(
			[
				'alter table areas add constraint areas_probe_short_slug check (length(slug) < 3) not valid'
			],
			['alter table areas drop constraint areas_probe_short_slug'],
			/areas voldoet niet aan areas_probe_short_slug/
		);
	});

	it('finds staging rows of an import that does not exist, and of a committed import', async () => {
		await expectFound(
			[`insert into monitor_import_rows (import_id, seq, line) values ('${missing}', 1, 2)`],
			[`delete from monitor_import_rows where import_id = '${missing}'`],
			/monitor_import_rows\.import_id verwijst naar een ontbrekende rij in monitor_imports/
		);
		await expectFound(
			[
				`insert into monitor_imports (id, file_name, format, status) values ('${missing}', 'x.csv', 'api', 'committed')`,
				`insert into monitor_import_rows (import_id, seq, line) values ('${missing}', 1, 2)`
			],
			[
				`delete from monitor_import_rows where import_id = '${missing}'`,
				`delete from monitor_imports where id = '${missing}'`
			],
			/monitor_import_rows van een vastgelegde import/
		);
	});

	it('finds a scheduled run stuck on running after a crash', async () => {
		await expectFound(
			[
				`insert into job_runs (job, period, status, instance, started_at) values ('probe', 'p1', 'running', 'x', now() - interval '7 hours')`
			],
			[`delete from job_runs where job = 'probe'`],
			/job_runs die langer dan 21600 s op "running" staan/
		);
	});

	it('finds a decision counter behind the numbers it gave out', async () => {
		const [body] = await rows<{ id: string }>(t.db, sql`select id from bodies limit 1`);
		await expectFound(
			[
				`insert into decisions (id, body_id, year, number, meeting_id, title, text) values ('${missing}', '${body.id}', 1999, 7, '${missing}', 't', 't')`
			],
			[`delete from decisions where id = '${missing}'`],
			/decision_counters achter op het hoogste besluitnummer/
		);
	});

	it('finds audit rows of a user without the user, and translatable text that is not { nl }', async () => {
		await expectFound(
			[
				`insert into audit_events (actor_type, action, record_type) values ('user', 'probe', 'probe')`
			],
			[`delete from audit_events where action = 'probe'`],
			/audit_events van een gebruiker of token zonder actor_id/
		);
		await expectFound(
			[`update areas set description = '"plain text"'::jsonb where slug = 'leuven'`],
			[`update areas set description = null where slug = 'leuven'`],
			/areas\.description is geen vertaalbare tekst/
		);
	});

	it('finds revision counters below their start', async () => {
		await expectFound(
			[
				`insert into meetings (id, body_id, starts_at, ends_at, sequence) select '${missing}', id, now(), now() + interval '1 hour', -1 from bodies limit 1`
			],
			[`delete from meetings where id = '${missing}'`],
			/meetings\.sequence onder 0/
		);
	});

	it('finds file rows whose blob is missing or has another size', async () => {
		const file = await storeFile(t.ctx(), 'logo', { name: 'logo.png', data: images.png }, 'logo');
		expect((await checkIntegrity(t.db)).problems).toEqual([]);
		const blob = blobPath(file.sha256);
		fs.appendFileSync(blob, 'x');
		expect((await checkIntegrity(t.db)).problems.join('\n')).toMatch(
			new RegExp(`files waarvan het bestand een andere grootte heeft: 1 \\(${file.id}\\)`)
		);
		fs.rmSync(blob);
		expect((await checkIntegrity(t.db)).problems.join('\n')).toMatch(
			new RegExp(`files zonder bestand op schijf .*: 1 \\(${file.id}\\)`)
		);
		await t.db.execute(sql`delete from files where id = ${file.id}`);
		await t.db.execute(sql`delete from audit_events where record_id = ${file.id}`);
		expect((await checkIntegrity(t.db)).ok).toBe(true);
	});
});
