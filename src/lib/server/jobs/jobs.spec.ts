import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { rows } from '../db/client';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { jobs } from './jobs';

const t = useTestDatabase();

describe('db.analyze', () => {
	it('gives the planner statistics of the seeded tables', async () => {
		const job = jobs.find((j) => j.name === 'db.analyze')!;
		const tuples = async () => {
			const [areas] = await rows<{ reltuples: number }>(
				t.db,
				sql`select reltuples::float8 as reltuples from pg_class where relname = 'areas'`
			);
			return Number(areas.reltuples);
		};
		// The embedded database never analyses by itself: no statistics after seeding (on
		// PostgreSQL autovacuum may already have run on the template).
		if (inject('dbKind') === 'pglite') expect(await tuples()).toBeLessThanOrEqual(0);
		const result = await job.run(t.ctx(), { period: 'test', now: new Date() } as never);
		expect(result).toBe('statistieken bijgewerkt');
		// The seeded structure holds well over 33 municipalities.
		expect(await tuples()).toBeGreaterThan(33);
	});
});
