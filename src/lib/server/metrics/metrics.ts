/**
 * Prometheus metrics of this process (prom-client): one registry, one small function per thing
 * observed, and `scrape()` for /metrics. Labels stay bounded: routes are SvelteKit route ids (never
 * raw paths), jobs and import kinds are names from the code.
 */
import type { EventEmitter } from 'node:events';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { version } from '../../../../package.json';
import { isAppError } from '../errors';
import { STATS_EVENT, type PageCacheStats } from '../http-cache/page-cache';
import { log } from '../log';

export const registry = new Registry();
// Process metrics under their usual names (process_resident_memory_bytes, nodejs_eventloop_lag_*,
// nodejs_gc_duration_seconds, …), so stock Node.js dashboards and alerts work unchanged.
collectDefaultMetrics({ register: registry });

const registers = [registry];
/** Seconds: requests are short; jobs and imports may take minutes. */
const LONG_BUCKETS = [0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

const httpRequests = new Counter({
	name: 'streek_http_requests_total',
	help: 'HTTP requests answered by the app (not those served from the public-page cache).',
	labelNames: ['method', 'route', 'status'] as const,
	registers
});
const httpDuration = new Histogram({
	name: 'streek_http_request_duration_seconds',
	help: 'Time from the request reaching the app to its response headers, by route.',
	labelNames: ['method', 'route'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
	registers
});

/**
 * One answered request; `routeId` is SvelteKit's `event.route.id` (null: no route matched),
 * `startedAt` the request's `performance.now()`.
 */
export function observeRequest(
	method: string,
	routeId: string | null,
	status: number,
	startedAt: number
): void {
	const route = routeId ?? 'unmatched';
	httpRequests.inc({ method, route, status: String(status) });
	httpDuration.observe({ method, route }, (performance.now() - startedAt) / 1000);
}

const statements = new Counter({
	name: 'streek_db_statements_total',
	help: 'SQL statements sent through the application database handle.',
	registers
});

/** One SQL statement sent (db/query-counter.ts). */
export function countStatement(): void {
	statements.inc();
}

const poolSize = new Gauge({
	name: 'streek_db_pool_size',
	help: 'Configured connections of this process (PostgreSQL pool; the embedded database has 1).',
	labelNames: ['driver'] as const,
	registers
});
const connections = new Gauge({
	name: 'streek_db_connections',
	help: "This process's open PostgreSQL connections by backend state (pg_stat_activity at scrape time, the scrape's own query included).",
	labelNames: ['driver', 'state'] as const,
	registers
});

const jobRuns = new Counter({
	name: 'streek_job_runs_total',
	help: 'Scheduled job runs finished by this process, by outcome (succeeded | failed).',
	labelNames: ['job', 'outcome'] as const,
	registers
});
const jobDuration = new Histogram({
	name: 'streek_job_duration_seconds',
	help: 'Duration of scheduled job runs.',
	labelNames: ['job'] as const,
	buckets: LONG_BUCKETS,
	registers
});

/** One job run finished (jobs/scheduler.ts). */
export function observeJobRun(job: string, outcome: 'succeeded' | 'failed', seconds: number): void {
	jobRuns.inc({ job, outcome });
	jobDuration.observe({ job }, seconds);
}

export type ImportKind = 'monitor' | 'plan';
const importDuration = new Histogram({
	name: 'streek_import_duration_seconds',
	help: 'Duration of applying an import (monitor: the commit; plan: check and write), by outcome (succeeded | refused | failed).',
	labelNames: ['kind', 'outcome'] as const,
	buckets: LONG_BUCKETS,
	registers
});
const importRows = new Counter({
	name: 'streek_import_rows_total',
	help: 'Rows applied by successful imports (inserted, updated or unchanged).',
	labelNames: ['kind'] as const,
	registers
});

/**
 * Run an import and observe it: its duration by outcome (`refused` = the file or the request was
 * refused with an AppError, `failed` = anything unexpected), and its rows when it succeeded.
 */
export async function timedImport<T>(
	kind: ImportKind,
	run: () => Promise<T>,
	rowsOf: (result: T) => number
): Promise<T> {
	const end = importDuration.startTimer({ kind });
	try {
		const result = await run();
		end({ outcome: 'succeeded' });
		importRows.inc({ kind }, rowsOf(result));
		return result;
	} catch (e) {
		end({ outcome: isAppError(e) ? 'refused' : 'failed' });
		throw e;
	}
}

const ready = new Gauge({
	name: 'streek_ready',
	help: '1 once migrations and the seed are done (as /readyz), else 0.',
	registers
});
new Gauge({
	name: 'streek_build_info',
	help: 'The running version (always 1).',
	labelNames: ['version'] as const,
	registers
}).set({ version }, 1);

/**
 * server.js's public-page cache answers hits before the app sees them, so they are not in
 * streek_http_requests_total; its own counts are read here at scrape time (absent without cache).
 */
const cacheHits = new Counter({
	name: 'streek_page_cache_hits_total',
	help: 'Requests answered from the public-page cache in server.js (never reach the app).',
	registers
});
const cacheEntries = new Gauge({
	name: 'streek_page_cache_entries',
	help: 'Pages held by the public-page cache.',
	registers
});
let cacheHitsSeen = 0;

function collectCacheStats(): void {
	let stats: PageCacheStats | undefined;
	(process as EventEmitter).emit(STATS_EVENT, (s: PageCacheStats) => (stats = s));
	if (!stats) return;
	if (stats.hits > cacheHitsSeen) cacheHits.inc(stats.hits - cacheHitsSeen);
	cacheHitsSeen = stats.hits;
	cacheEntries.set(stats.entries);
}

/** What /metrics reads from the database at scrape time (db/client.ts's Database). */
export type ConnectionSource = {
	driver: string;
	poolSize: number;
	/** This process's connections by backend state; null when the driver cannot tell. */
	connectionsByState(timeoutMs: number): Promise<Record<string, number> | null>;
};

/** The states PostgreSQL reports in pg_stat_activity; always exposed, so idle 0 is a series. */
const STATES = ['active', 'idle', 'idle in transaction', 'idle in transaction (aborted)'];
/** A scrape must answer quickly even when the pool is exhausted or the database hangs. */
const STATS_TIMEOUT_MS = 2000;

async function collectConnections(database: ConnectionSource): Promise<void> {
	poolSize.set({ driver: database.driver }, database.poolSize);
	try {
		const byState = await database.connectionsByState(STATS_TIMEOUT_MS);
		if (!byState) return;
		for (const state of new Set([...STATES, ...Object.keys(byState)]))
			connections.set({ driver: database.driver, state }, byState[state] ?? 0);
	} catch (e) {
		// The series is left out for this scrape: absent data, not a wrong zero.
		log().warn({ err: e }, 'metrics: connection statistics unavailable');
	}
}

/** The text /metrics answers, after reading what is only known at scrape time. */
export async function scrape(state: {
	ready: boolean;
	database?: ConnectionSource;
}): Promise<string> {
	ready.set(state.ready ? 1 : 0);
	poolSize.reset();
	connections.reset();
	if (state.database) await collectConnections(state.database);
	collectCacheStats();
	return registry.metrics();
}

export const contentType = registry.contentType;
