import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from './client';

/** Several instances starting together on one empty PostgreSQL must migrate once. */
describe.runIf(inject('dbKind') === 'postgres')('migrations on PostgreSQL', () => {
	it('run once when two instances start together on an empty database', async () => {
		const url = process.env.DATABASE_URL!;
		const name = `sp_migrate_${process.pid}_${Date.now()}`;
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const dbUrl = new URL(url);
		dbUrl.pathname = `/${name}`;
		const a = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 2 });
		const b = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 2 });
		try {
			await Promise.all([a.migrate(), b.migrate()]);
			const check = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
			const rows = await check`select hash from drizzle.__drizzle_migrations`;
			const hashes = rows.map((r) => r.hash as string);
			expect(hashes.length).toBeGreaterThan(0);
			expect(new Set(hashes).size).toBe(hashes.length);
			const [{ n }] =
				await check`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`;
			expect(n).toBe(1);
			await check.end();
		} finally {
			await a.close();
			await b.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	});
});
