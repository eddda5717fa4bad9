/**
 * A fresh database per test file, from the snapshots of the global setup:
 *
 *   const t = useTestDatabase();          // migrated and seeded with the real structure
 *   const t = useTestDatabase({ seeded: false });
 *   it('…', async () => { await listBodies(t.db, …) });
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, pgliteExtensions, type Database } from '../../src/lib/server/db/client';
import type { ServiceContext } from '../../src/lib/server/context';
import { system } from '../../src/lib/server/policy';

let counter = 0;

export async function openTestDatabase(seeded = true): Promise<Database & { url?: string }> {
	const snapshots = inject('snapshots');
	const source = seeded ? snapshots.seeded : snapshots.empty;
	if (inject('dbKind') === 'pglite') {
		const blob = new Blob([fs.readFileSync(source)]);
		const pglite = await PGlite.create('memory://', {
			loadDataDir: blob,
			extensions: await pgliteExtensions()
		});
		return openDatabase({ kind: 'pglite-instance', pglite });
	}
	const url = process.env.DATABASE_URL!;
	const name = `sp_t_${seeded ? 's' : 'e'}_${source.split('_').pop()}_${process.pid}${++counter}${Math.floor(Math.random() * 1e6)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name} template ${source}`);
	} finally {
		await admin.end();
	}
	const dbUrl = new URL(url);
	dbUrl.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 5 });
	return {
		...database,
		url: dbUrl.toString(),
		async close() {
			await database.close();
			const dropper = postgres(url, { max: 1, onnotice: () => {} });
			await dropper.unsafe(`drop database if exists ${name} with (force)`);
			await dropper.end();
		}
	};
}

export function useTestDatabase(options: { seeded?: boolean } = {}) {
	let database: (Database & { url?: string }) | undefined;
	beforeAll(async () => {
		database = await openTestDatabase(options.seeded ?? true);
	});
	afterAll(async () => {
		await database?.close();
	});
	return {
		get database(): Database & { url?: string } {
			if (!database) throw new Error('test database not open');
			return database;
		},
		get db() {
			return this.database.db;
		},
		/**
		 * A second instance on the same database: its own pool on PostgreSQL; under PGlite (one
		 * connection) the same database, so concurrent calls still interleave.
		 */
		async secondInstance(): Promise<{ db: Database['db']; close: () => Promise<void> }> {
			const url = this.database.url;
			if (inject('dbKind') === 'postgres' && url) {
				const second = await openDatabase({ kind: 'postgres', url, poolSize: 3 });
				return { db: second.db, close: () => second.close() };
			}
			return { db: this.database.db, close: async () => {} };
		},
		/** A service context acting as the CLI. */
		ctx(overrides: Partial<ServiceContext> = {}): ServiceContext {
			return {
				db: this.database.db,
				actor: { type: 'cli', label: 'test' },
				requestId: 'test-request',
				locale: 'nl',
				principal: system,
				...overrides
			};
		}
	};
}
