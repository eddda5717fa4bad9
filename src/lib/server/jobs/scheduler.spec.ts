import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { openDatabase } from '../db/client';
import { jobRuns } from '../db/schema';
import { auditEvents } from '../db/schema';
import { system, type Principal } from '../policy';
import {
	addDays,
	duePeriod,
	isoWeekKey,
	isoWeekMonday,
	recentRuns,
	runJobNow,
	tick,
	type Job
} from './scheduler';

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

	it('computes ISO weeks, also across the turn of the year', () => {
		expect(
			['2026-11-23', '2026-11-29', '2026-11-30', '2026-12-31', '2027-01-01', '2024-12-30'].map(
				isoWeekKey
			)
		).toEqual(['2026-W48', '2026-W48', '2026-W49', '2026-W53', '2026-W53', '2025-W01']);
		expect(isoWeekMonday('2026-W48')).toBe('2026-11-23');
		expect(isoWeekMonday('2026-W53')).toBe('2026-12-28');
		expect(isoWeekMonday('2025-W01')).toBe('2024-12-30');
		expect(isoWeekMonday('2025-W53')).toBeNull(); // 2025 has 52 weeks
		expect(isoWeekMonday('week 48')).toBeNull();
		expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
	});

	it('computes the weekly period: the ISO week, from its weekday and hour in Brussels', () => {
		const job: Job = {
			name: 'weekly',
			schedule: { weekly: { weekday: 1, atHour: 7 } },
			run: async () => {}
		};
		// Sunday 29 November 2026, 23:30 in Brussels: still week 48, due since Monday 23rd 07:00.
		expect(duePeriod(job, new Date('2026-11-29T22:30:00Z'))).toBe('2026-W48');
		// Monday 30 November, 06:30 in Brussels (05:30 UTC): week 49 not yet due.
		expect(duePeriod(job, new Date('2026-11-30T05:30:00Z'))).toBeNull();
		// Monday 30 November, 07:00 in Brussels: week 49.
		expect(duePeriod(job, new Date('2026-11-30T06:00:00Z'))).toBe('2026-W49');
		// Sunday 29 November 2026 at 23:30 UTC is already Monday 00:30 in Brussels: not yet due.
		expect(duePeriod(job, new Date('2026-11-29T23:30:00Z'))).toBeNull();
		// Later in the week (no instance ran on Monday) it is still that week's run.
		expect(duePeriod(job, new Date('2026-12-03T12:00:00Z'))).toBe('2026-W49');
	});

	it('runs a weekly job once per ISO week and hands it the period', async () => {
		const periods: string[] = [];
		const job: Job = {
			name: 'test.weekly',
			schedule: { weekly: { weekday: 1, atHour: 7 } },
			async run(_ctx, { period }) {
				periods.push(period);
			}
		};
		const ctx = t.ctx({ principal: system });
		const monday = new Date('2026-11-30T06:00:00Z');
		await Promise.all([tick(ctx, [job], monday), tick(ctx, [job], monday)]);
		await tick(ctx, [job], new Date('2026-12-04T10:00:00Z'));
		expect(periods).toEqual(['2026-W49']);
		await tick(ctx, [job], new Date('2026-12-07T06:00:00Z'));
		expect(periods).toEqual(['2026-W49', '2026-W50']);
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

	it('runs a job now at an admin’s request, for its current period, recorded and audited', async () => {
		const periods: string[] = [];
		const job: Job = {
			name: 'test.manual',
			schedule: { weekly: { weekday: 1, atHour: 7 } },
			async run(ctx, { period }) {
				// The job runs as the system, whoever asked for it.
				periods.push(`${ctx.principal.kind} ${period}`);
				return 'klaar';
			}
		};
		const user = (role: 'admin' | 'staff'): Principal => ({
			kind: 'user',
			userId: crypto.randomUUID(),
			name: role,
			email: `${role}@example.org`,
			role,
			bodyRoles: {}
		});
		const at = new Date('2026-11-30T05:30:00Z'); // Monday 06:30 in Brussels: not yet due
		const admin = t.ctx({ principal: user('admin') });
		await expect(runJobNow(admin, [job], 'test.manual', at)).resolves.toMatchObject({
			status: 'succeeded',
			result: 'klaar'
		});
		expect(periods).toEqual(['system 2026-W49']);
		const [run] = await t.db.select().from(jobRuns).where(eq(jobRuns.job, 'test.manual'));
		expect(run.period).toBe('2026-W49 (handmatig 2026-11-30T05:30:00.000Z)');
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.recordId, run.id));
		expect(audit.map((a) => a.action)).toEqual(['job.run']);
		// The scheduled run of the week still happens: a manual run does not take its place.
		await tick(t.ctx({ principal: system }), [job], new Date('2026-11-30T06:00:00Z'));
		expect(periods).toEqual(['system 2026-W49', 'system 2026-W49']);

		// Staff may read the runs but not start one; an unknown job is refused with a message.
		const before = await t.db.select().from(jobRuns);
		await expect(
			runJobNow(t.ctx({ principal: user('staff') }), [job], 'test.manual', at)
		).rejects.toMatchObject({ code: 'forbidden' });
		await expect(runJobNow(admin, [job], 'bestaat.niet', at)).rejects.toMatchObject({
			code: 'invalid_input',
			message: 'Deze taak bestaat niet.'
		});
		expect(await t.db.select().from(jobRuns)).toHaveLength(before.length);
		expect(periods).toHaveLength(2);
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
