import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { openDatabase } from '../db/client';
import { jobRuns } from '../db/schema';
import { system } from '../policy';
import { duePeriod, recentRuns, tick, type Job } from './scheduler';

const t = useTestDatabase();

function countingJob(name: string, fail = false) {
	const calls: string[] = [];
	const job: Job = {
		name,
		schedule: { daily: { atHour: 3 } },
		async run() {
			calls.push(name);
			await new Promise((r) => setTimeout(r, 50));
			if (fail) throw new Error('opzettelijke fout');
			return 'ok';
		}
	};
	return { job, calls };
}

describe('scheduler', () => {
	it('computes the daily period in Europe/Brussels', () => {
		const { job } = countingJob('x');
		expect(duePeriod(job, new Date('2026-11-27T01:30:00Z'))).toBeNull(); // 02:30 in Brussels
		expect(duePeriod(job, new Date('2026-11-27T02:30:00Z'))).toBe('2026-11-27');
		expect(duePeriod(job, new Date('2026-11-28T00:30:00Z'))).toBeNull(); // 01:30 on the next day
	});

	it('runs a daily job once however often it ticks, and records failures', async () => {
		const ok = countingJob('test.ok');
		const bad = countingJob('test.bad', true);
		const at = new Date('2026-11-27T10:00:00Z');
		const ctx = t.ctx({ principal: system });
		await Promise.all([tick(ctx, [ok.job, bad.job], at), tick(ctx, [ok.job, bad.job], at)]);
		await tick(ctx, [ok.job, bad.job], new Date('2026-11-27T18:00:00Z'));
		expect(ok.calls).toHaveLength(1);
		expect(bad.calls).toHaveLength(1);
		const runs = await recentRuns(ctx);
		expect(runs.find((r) => r.job === 'test.bad')).toMatchObject({
			status: 'failed',
			error: 'opzettelijke fout'
		});
		expect(runs.find((r) => r.job === 'test.ok')).toMatchObject({
			status: 'succeeded',
			result: 'ok'
		});
		await tick(ctx, [ok.job], new Date('2026-11-28T10:00:00Z'));
		expect(ok.calls).toHaveLength(2);
	});

	it.runIf(inject('dbKind') === 'postgres')(
		'runs once with two app instances on one PostgreSQL',
		async () => {
			// A second connection pool to the same database = a second app instance.
			const second = await openDatabase({ kind: 'postgres', url: t.database.url!, poolSize: 3 });
			try {
				const { job, calls } = countingJob('test.two-instances');
				const at = new Date('2026-11-27T10:00:00Z');
				const instances = [
					t.ctx({ principal: system }),
					{ ...t.ctx({ principal: system }), db: second.db }
				];
				await Promise.all(Array.from({ length: 10 }, (_, i) => tick(instances[i % 2], [job], at)));
				expect(calls).toHaveLength(1);
				const rows = await t.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.two-instances'));
				expect(rows).toHaveLength(1);
			} finally {
				await second.close();
			}
		}
	);
});
