/**
 * A small scheduler for daily and periodic jobs. Every instance may tick; each run is claimed by
 * inserting (job, period) under a unique key, so with several instances a run happens once.
 * Runs and failures are stored (job_runs) and logged; admins see them in the workspace.
 */
import { hostname } from 'node:os';
import { desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { jobRuns } from '../db/schema';
import { log } from '../log';
import { observeJobRun } from '../metrics/metrics';
import { mutate } from '../audit/audit.service';
import { AppError } from '../errors';
import { authorize, system } from '../policy';

export type Job = {
	name: string;
	/**
	 * `daily` runs once per Brussels calendar day from `atHour`; `weekly` once per ISO week from
	 * `weekday` (1 = Monday … 7 = Sunday) at `atHour` (later that week if no instance ran then);
	 * `everyMinutes` every N minutes.
	 */
	schedule:
		| { daily: { atHour: number } }
		| { weekly: { weekday: number; atHour: number } }
		| { everyMinutes: number };
	/** `period` is the claimed period (a Brussels date, an ISO week like 2026-W48, …). */
	run(ctx: ServiceContext, run: { period: string; now: Date }): Promise<string | void>;
};

const instance = `${hostname()}:${process.pid}`;

function brusselsParts(now: Date) {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		hourCycle: 'h23'
	}).formatToParts(now);
	const get = (t: string) => parts.find((p) => p.type === t)!.value;
	return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

const DAY = 86_400_000;

/** The ISO 8601 week of a calendar date (YYYY-MM-DD): year, week and weekday (1 = Monday). */
export function isoWeekOf(date: string): { year: number; week: number; weekday: number } {
	const d = new Date(`${date}T00:00:00Z`);
	const weekday = ((d.getUTCDay() + 6) % 7) + 1;
	// The week belongs to the year of its Thursday.
	const thursday = new Date(d.getTime() + (4 - weekday) * DAY);
	const year = thursday.getUTCFullYear();
	const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
	return { year, week, weekday };
}

/** `2026-W48` for a calendar date. */
export function isoWeekKey(date: string): string {
	const { year, week } = isoWeekOf(date);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (YYYY-MM-DD) of an ISO week key like `2026-W48`; null if it is not one. */
export function isoWeekMonday(key: string): string | null {
	const m = /^(\d{4})-W(\d{2})$/.exec(key);
	if (!m) return null;
	const [year, week] = [Number(m[1]), Number(m[2])];
	// 4 January is always in week 1.
	const jan4 = Date.UTC(year, 0, 4);
	const jan4Weekday = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
	const monday = new Date(jan4 + ((week - 1) * 7 - (jan4Weekday - 1)) * DAY);
	const date = monday.toISOString().slice(0, 10);
	return isoWeekKey(date) === key ? date : null;
}

/** Add days to a calendar date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
	return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The period a job is due for at `now`, or null when it is not due yet today. */
export function duePeriod(job: Job, now: Date): string | null {
	if ('daily' in job.schedule) {
		const { date, hour } = brusselsParts(now);
		return hour >= job.schedule.daily.atHour ? date : null;
	}
	if ('weekly' in job.schedule) {
		const { date, hour } = brusselsParts(now);
		const { weekday, atHour } = job.schedule.weekly;
		const today = isoWeekOf(date).weekday;
		const due = today > weekday || (today === weekday && hour >= atHour);
		return due ? isoWeekKey(date) : null;
	}
	const slot = Math.floor(now.getTime() / (job.schedule.everyMinutes * 60_000));
	return `every-${job.schedule.everyMinutes}m-${slot}`;
}

/** Run a claimed job and record its outcome (job_runs and the log). */
async function runClaimed(
	ctx: ServiceContext,
	job: Job,
	runId: string,
	run: { period: string; now: Date }
): Promise<{ status: 'succeeded' | 'failed'; result: string | null }> {
	const started = Date.now();
	try {
		const result = (await job.run(ctx, run)) ?? null;
		await ctx.db
			.update(jobRuns)
			.set({ status: 'succeeded', finishedAt: new Date(), result })
			.where(eq(jobRuns.id, runId));
		log().info({ job: job.name, ...run, ms: Date.now() - started, result }, 'job succeeded');
		observeJobRun(job.name, 'succeeded', (Date.now() - started) / 1000);
		return { status: 'succeeded', result };
	} catch (e) {
		const message = (e instanceof Error ? e.message : String(e)).slice(0, 2000);
		await ctx.db
			.update(jobRuns)
			.set({ status: 'failed', finishedAt: new Date(), error: message })
			.where(eq(jobRuns.id, runId));
		log().error({ job: job.name, ...run, err: e }, 'job failed');
		observeJobRun(job.name, 'failed', (Date.now() - started) / 1000);
		return { status: 'failed', result: message };
	}
}

/** Claim and run every due job once; returns the names of the jobs this call ran. */
export async function tick(ctx: ServiceContext, jobs: Job[], now = new Date()): Promise<string[]> {
	const ran: string[] = [];
	for (const job of jobs) {
		const period = duePeriod(job, now);
		if (!period) continue;
		const [claimed] = await ctx.db
			.insert(jobRuns)
			.values({ job: job.name, period, instance })
			.onConflictDoNothing()
			.returning();
		if (!claimed) continue;
		await runClaimed(ctx, job, claimed.id, { period, now });
		ran.push(job.name);
	}
	return ran;
}

/** The period a job would run for at `now`, whether or not its hour has come. */
function currentPeriod(job: Job, now: Date): string {
	if ('everyMinutes' in job.schedule) return duePeriod(job, now)!;
	const { date } = brusselsParts(now);
	return 'weekly' in job.schedule ? isoWeekKey(date) : date;
}

/**
 * Run one job now, at an admin's request, for its current period (a weekly digest for this week,
 * …). The run is recorded beside the scheduled ones as "<period> (handmatig)" and audited; the
 * job itself runs as the system, as a scheduled run does. What a job sends stays once per period
 * (notifications/deliver.ts), so running it by hand never mails anyone twice.
 */
export async function runJobNow(ctx: ServiceContext, jobs: Job[], name: string, now = new Date()) {
	authorize(ctx.principal, 'jobs:run', undefined, ctx.requestId);
	const job = jobs.find((j) => j.name === name);
	if (!job)
		throw new AppError('invalid_input', 'Deze taak bestaat niet.', {
			job: ['Kies een taak uit de lijst.']
		});
	const period = currentPeriod(job, now);
	const run = await mutate(ctx, async (tx) => {
		const [row] = await tx
			.insert(jobRuns)
			.values({ job: job.name, period: `${period} (handmatig ${now.toISOString()})`, instance })
			.returning();
		return {
			result: row,
			audit: { action: 'job.run', recordType: 'job_run', recordId: row.id, changes: {} }
		};
	});
	const outcome = await runClaimed({ ...ctx, principal: system }, job, run.id, { period, now });
	return { job: job.name, ...outcome };
}

export async function recentRuns(ctx: ServiceContext, job?: string, limit = 100) {
	authorize(ctx.principal, 'jobs:read', undefined, ctx.requestId);
	return ctx.db
		.select()
		.from(jobRuns)
		.where(job ? eq(jobRuns.job, job) : undefined)
		.orderBy(desc(jobRuns.startedAt))
		.limit(limit);
}

/** Tick every minute until stopped. */
export function startScheduler(ctx: ServiceContext, jobs: Job[], intervalMs = 60_000): () => void {
	let running = false;
	const run = async () => {
		if (running) return;
		running = true;
		try {
			await tick(ctx, jobs);
		} catch (e) {
			log().error({ err: e }, 'scheduler tick failed');
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void run(), intervalMs);
	timer.unref();
	void run();
	return () => clearInterval(timer);
}
