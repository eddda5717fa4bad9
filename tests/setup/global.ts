/**
 * Vitest global setup: migrate once, then let every test file start from a copy.
 * - PGlite (default): dump the migrated (and the migrated + seeded) data folder to files;
 *   each test file loads one into a fresh in-memory PGlite (~1 s instead of ~4 s).
 * - PostgreSQL (DATABASE_URL set): build two template databases; each test file gets its own
 *   database cloned from one of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteExtensions, type Database } from '../../src/lib/server/db/client';
import { seedStructure } from '../../src/lib/server/seed/seed.service';
import { cliActor } from '../../src/lib/server/context';
import { system } from '../../src/lib/server/policy';

declare module 'vitest' {
	export interface ProvidedContext {
		dbKind: 'pglite' | 'postgres';
		snapshots: { empty: string; seeded: string };
	}
}

const tmp = path.resolve('.tmp/test');

async function prepare(database: Database, seeded: boolean) {
	await database.migrate();
	if (seeded)
		await seedStructure({ db: database.db, actor: cliActor, locale: 'nl', principal: system });
}

export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (!url) {
		fs.mkdirSync(tmp, { recursive: true });
		const snapshots = { empty: path.join(tmp, 'empty.tar'), seeded: path.join(tmp, 'seeded.tar') };
		for (const [kind, file] of Object.entries(snapshots)) {
			const pglite = await PGlite.create({ extensions: await pgliteExtensions() });
			const database = await openDatabase({ kind: 'pglite-instance', pglite });
			await prepare(database, kind === 'seeded');
			const dump = await pglite.dumpDataDir('none');
			fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
			await database.close();
		}
		project.provide('dbKind', 'pglite');
		project.provide('snapshots', snapshots);
		return;
	}

	const admin = postgres(url, { max: 1, onnotice: () => {} });
	const suffix = `${process.pid}`;
	const names = { empty: `sp_tpl_empty_${suffix}`, seeded: `sp_tpl_seeded_${suffix}` };
	for (const [kind, name] of Object.entries(names)) {
		await admin.unsafe(`drop database if exists ${name}`);
		await admin.unsafe(`create database ${name}`);
		const dbUrl = new URL(url);
		dbUrl.pathname = `/${name}`;
		const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 2 });
		await prepare(database, kind === 'seeded');
		await database.close();
	}
	project.provide('dbKind', 'postgres');
	project.provide('snapshots', names);

	return async () => {
		// Drop the per-file clones and the templates.
		const clones = await admin<{ datname: string }[]>`
			select datname from pg_database where datname like ${`sp_t_%_${suffix}_%`}`;
		for (const { datname } of clones)
			await admin.unsafe(`drop database if exists ${datname} with (force)`);
		for (const name of Object.values(names))
			await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	};
}
