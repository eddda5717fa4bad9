import { createReadStream } from 'node:fs';
import type { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { version } from '../../../../package.json';
import { GET } from '../../../routes/metrics/+server';
import { indicators } from '../db/schema';
import { createPageCache, STATS_EVENT, TAGS_HEADER } from '../http-cache/page-cache';
import { tick, type Job } from '../jobs/scheduler';
import { importAll, stageImport } from '../monitor/import/import.service';
import { importPlan, planColumns, planCsv, type PlanLine } from '../plans/exchange';
import { isLoopback, metricsAccess } from './access';
import { observeRequest, scrape } from './metrics';

const t = useTestDatabase();

// ---------------------------------------------------------------------------------------------
// Reading the exposition text

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABELS = `\\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*",?)*\\}`;
// Go's ParseFloat, which Prometheus uses, takes NaN and Inf in any case (prom-client writes Nan).
const VALUE = '(?:[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[nN][aA][nN]|[-+][iI]nf)';
const SAMPLE = new RegExp(`^(${METRIC_NAME})(${LABELS})? (${VALUE})(?: -?\\d+)?$`);
const COMMENT = new RegExp(
	`^# (?:HELP ${METRIC_NAME} .*|TYPE ${METRIC_NAME} (?:counter|gauge|histogram|summary|untyped))$`
);

/** Fails on any line that is not Prometheus text format 0.0.4 (empty lines are allowed). */
function assertExposition(text: string) {
	expect(text.endsWith('\n')).toBe(true);
	const bad = text
		.slice(0, -1)
		.split('\n')
		.filter((line) => line !== '' && !SAMPLE.test(line) && !COMMENT.test(line));
	expect(bad).toEqual([]);
}

type Sample = { name: string; labels: Record<string, string>; value: number };

function samples(text: string): Sample[] {
	return text
		.split('\n')
		.map((line) => SAMPLE.exec(line))
		.filter((m) => m !== null)
		.map((m) => ({
			name: m[1],
			labels: Object.fromEntries(
				[...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]])
			),
			value: Number(m[3])
		}));
}

/** The value of the one series with these labels (among others); 0 when it is absent. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
	const found = samples(text).filter(
		(s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)
	);
	expect(found.length, `${name} ${JSON.stringify(labels)}`).toBeLessThanOrEqual(1);
	return found[0]?.value ?? 0;
}

const scrapeNow = () => scrape({ ready: true, database: t.database });

// ---------------------------------------------------------------------------------------------

describe('metrics', () => {
	it('counts requests by method, route id and status, with a duration histogram', async () => {
		const before = await scrapeNow();
		observeRequest('GET', '/organen/[slug]', 200, performance.now() - 30);
		observeRequest('GET', '/organen/[slug]', 200, performance.now());
		observeRequest('POST', null, 404, performance.now());
		const after = await scrapeNow();
		assertExposition(after);
		const route = { method: 'GET', route: '/organen/[slug]' };
		expect(
			value(after, 'streek_http_requests_total', { ...route, status: '200' }) -
				value(before, 'streek_http_requests_total', { ...route, status: '200' })
		).toBe(2);
		// No route matched: one bounded label, never the raw path.
		expect(
			value(after, 'streek_http_requests_total', {
				method: 'POST',
				route: 'unmatched',
				status: '404'
			})
		).toBe(1);
		expect(value(after, 'streek_http_request_duration_seconds_count', route)).toBe(2);
		expect(value(after, 'streek_http_request_duration_seconds_sum', route)).toBeGreaterThan(0.02);
		expect(
			value(after, 'streek_http_request_duration_seconds_bucket', { ...route, le: '+Inf' })
		).toBe(2);
		expect(after).not.toMatch(/route="\/organen\/[a-z]/);
	});

	it('exposes the process metrics, readiness and the version', async () => {
		const text = await scrape({ ready: true });
		assertExposition(text);
		for (const name of [
			'process_resident_memory_bytes',
			'process_cpu_seconds_total',
			'nodejs_eventloop_lag_p99_seconds',
			'nodejs_heap_size_used_bytes'
		])
			expect(value(text, name), name).toBeGreaterThan(0);
		expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
		expect(value(text, 'streek_ready')).toBe(1);
		expect(value(await scrape({ ready: false }), 'streek_ready')).toBe(0);
		expect(value(text, 'streek_build_info', { version })).toBe(1);
	});

	it('reports the pool size, the connections by state and the SQL statements sent', async () => {
		const before = await scrapeNow();
		await t.db.select().from(indicators).limit(1);
		await t.db.select().from(indicators).limit(1);
		const after = await scrapeNow();
		assertExposition(after);
		expect(value(after, 'streek_db_statements_total') - value(before, 'streek_db_statements_total'))
			// Two selects; on PostgreSQL nothing else runs through the handle meanwhile.
			.toBeGreaterThanOrEqual(2);
		const driver = t.database.driver;
		if (driver === 'pglite') {
			expect(value(after, 'streek_db_pool_size', { driver })).toBe(1);
			expect(after).not.toMatch(/^streek_db_connections\{/m);
		} else {
			expect(value(after, 'streek_db_pool_size', { driver })).toBe(t.database.poolSize);
			// Three statements at once open three connections; they stay open, idle.
			await Promise.all([1, 2, 3].map(() => t.db.execute(sql`select pg_sleep(0.05)`)));
			const busy = await scrapeNow();
			// The scrape's own statistics query is the one active connection of this process.
			expect(value(busy, 'streek_db_connections', { driver, state: 'active' })).toBe(1);
			expect(value(busy, 'streek_db_connections', { driver, state: 'idle' })).toBe(2);
			expect(value(busy, 'streek_db_connections', { driver, state: 'idle in transaction' })).toBe(
				0
			);
		}
	});

	it('leaves the connection series out when the statistics query fails', async () => {
		const text = await scrape({
			ready: true,
			database: {
				driver: 'postgres',
				poolSize: 7,
				connectionsByState: () => Promise.reject(new Error('statement timeout'))
			}
		});
		expect(value(text, 'streek_db_pool_size', { driver: 'postgres' })).toBe(7);
		expect(text).not.toMatch(/^streek_db_connections\{/m);
	});

	it('counts job runs by outcome and times them', async () => {
		const job = (name: string, fail: boolean): Job => ({
			name,
			schedule: { everyMinutes: 1 },
			async run() {
				await new Promise((r) => setTimeout(r, 20));
				if (fail) throw new Error('opzettelijke fout');
			}
		});
		const ran = await tick(t.ctx(), [job('metrics.ok', false), job('metrics.fails', true)]);
		expect(ran).toEqual(['metrics.ok', 'metrics.fails']);
		const text = await scrapeNow();
		assertExposition(text);
		const runs = (job: string, outcome: string) =>
			value(text, 'streek_job_runs_total', { job, outcome });
		expect([runs('metrics.ok', 'succeeded'), runs('metrics.ok', 'failed')]).toEqual([1, 0]);
		expect([runs('metrics.fails', 'succeeded'), runs('metrics.fails', 'failed')]).toEqual([0, 1]);
		expect(value(text, 'streek_job_duration_seconds_count', { job: 'metrics.ok' })).toBe(1);
		expect(value(text, 'streek_job_duration_seconds_sum', { job: 'metrics.ok' })).toBeGreaterThan(
			0.015
		);
	});

	it('times monitor and plan imports by outcome and counts their rows', async () => {
		await t.db
			.insert(indicators)
			.values({
				code: 'voorbeeld-bevolking',
				name: { nl: 'Bevolking (voorbeeld)' },
				unit: 'aantal',
				domain: 'demografie',
				aggregation: 'sum',
				isExample: true
			})
			.onConflictDoNothing();
		const imported = await importAll(
			t.ctx(),
			stageImport(t.ctx(), {
				fileName: 'bevolking-breed.csv',
				source: createReadStream(path.resolve('tests/fixtures/monitor/import/bevolking-breed.csv')),
				indicatorCode: 'voorbeeld-bevolking'
			})
		);
		expect(imported.committed).toMatchObject({ inserted: 11 });

		const line = (values: Partial<PlanLine>) =>
			({ ...Object.fromEntries(planColumns.map((c) => [c, ''])), ...values }) as PlanLine;
		const plan = await importPlan(t.ctx(), {
			plan: {
				slug: 'metrics-plan',
				title: 'Plan (voorbeeld)',
				bodySlug: 'taskforce-spitsregio-leuven',
				periodStart: '2025-01-01',
				periodEnd: '2030-12-31'
			},
			bytes: new TextEncoder().encode(
				planCsv([
					line({ type: 'thema', external_id: 'T1', title: 'Thema (voorbeeld)' }),
					line({
						type: 'doelstelling',
						external_id: 'D1',
						parent_external_id: 'T1',
						title: 'Doelstelling (voorbeeld)'
					})
				])
			)
		});
		expect(plan).toMatchObject({ inserted: 2 });
		await rejection(
			importPlan(t.ctx(), { planSlug: 'metrics-plan', bytes: new TextEncoder().encode('x;y\n') })
		);

		const text = await scrapeNow();
		assertExposition(text);
		const count = (kind: string, outcome: string) =>
			value(text, 'streek_import_duration_seconds_count', { kind, outcome });
		expect(count('monitor', 'succeeded')).toBe(1);
		expect(count('plan', 'succeeded')).toBe(1);
		expect(count('plan', 'refused')).toBe(1);
		expect(count('plan', 'failed')).toBe(0);
		expect(value(text, 'streek_import_rows_total', { kind: 'monitor' })).toBe(11);
		expect(value(text, 'streek_import_rows_total', { kind: 'plan' })).toBe(2);
	});

	it("adds the hits of server.js's public-page cache, which never reach the app", async () => {
		const cache = createPageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000 });
		const server = http.createServer(
			cache.middleware((_req, res) => {
				res.setHeader(TAGS_HEADER, 'areas');
				res.setHeader('content-type', 'text/plain');
				res.writeHead(200);
				res.end('pagina');
			})
		);
		// As server.js answers it.
		const answer = (reply: (stats: unknown) => void) => reply(cache.stats());
		process.on(STATS_EVENT, answer);
		try {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
			const before = await scrape({ ready: true });
			const cached: (string | null)[] = [];
			for (let i = 0; i < 3; i++) cached.push((await fetch(url)).headers.get('x-cache'));
			expect(cached).toEqual([null, 'hit', 'hit']);
			const after = await scrape({ ready: true });
			assertExposition(after);
			expect(
				value(after, 'streek_page_cache_hits_total') - value(before, 'streek_page_cache_hits_total')
			).toBe(2);
			expect(value(after, 'streek_page_cache_entries')).toBe(1);
		} finally {
			(process as EventEmitter).off(STATS_EVENT, answer);
			await new Promise((resolve) => server.close(resolve));
		}
	});
});

// ---------------------------------------------------------------------------------------------
// Who may read /metrics

type Event = Parameters<typeof GET>[0];
function event(address: string | (() => string), authorization?: string): Event {
	return {
		request: new Request('http://localhost/metrics', {
			headers: authorization ? { authorization } : {}
		}),
		getClientAddress: typeof address === 'string' ? () => address : address,
		locals: { locale: 'nl' }
	} as unknown as Event;
}

describe('/metrics access', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
	});

	it('knows loopback addresses', () => {
		for (const a of ['127.0.0.1', '127.8.0.3', '::1', '::ffff:127.0.0.1'])
			expect(isLoopback(a), a).toBe(true);
		for (const a of ['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.127', '::2', 'localhost', ''])
			expect(isLoopback(a), a).toBe(false);
	});

	it('without a token answers loopback clients only; others get a 404', async () => {
		for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
			const response = await GET(event(address));
			expect(response.status, address).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const text = await response.text();
			assertExposition(text);
			expect(text).toContain('# TYPE streek_http_requests_total counter');
		}
		// SvelteKit's HttpError (not an Error) from error(404).
		for (const address of ['10.0.0.5', '2001:db8::1'])
			await expect(GET(event(address)), address).rejects.toMatchObject({ status: 404 });
		// adapter-node throws when ADDRESS_HEADER is set and a request lacks it.
		const missing = () => {
			throw new Error('Address header was specified with ADDRESS_HEADER but is absent');
		};
		await expect(GET(event(missing))).rejects.toMatchObject({ status: 404 });
		// A bearer token means nothing when none is configured.
		await expect(GET(event('10.0.0.5', 'Bearer x'))).rejects.toMatchObject({ status: 404 });
	});

	it('with METRICS_TOKEN requires it as a bearer token, from any address', async () => {
		const token = 'metrics-token-of-at-least-24-chars';
		vi.stubEnv('METRICS_TOKEN', token);
		vi.resetModules();
		const route = await import('../../../routes/metrics/+server');
		for (const authorization of [undefined, `Bearer ${token}x`, `Basic ${token}`, 'Bearer ']) {
			const response = await route.GET(event('127.0.0.1', authorization));
			expect(response.status, authorization).toBe(401);
			expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
		}
		const response = await route.GET(event('203.0.113.9', `Bearer ${token}`));
		expect(response.status).toBe(200);
		assertExposition(await response.text());
	});

	it('compares tokens of any length', () => {
		const token = 'a'.repeat(30);
		const local = () => '10.1.1.1';
		expect(metricsAccess(`bearer ${token}`, local, token)).toBe('allowed');
		expect(metricsAccess(`Bearer ${token.slice(1)}`, local, token)).toBe('unauthenticated');
		expect(metricsAccess(`Bearer ${token}${token}`, local, token)).toBe('unauthenticated');
		expect(metricsAccess(null, () => '127.0.0.1', undefined)).toBe('allowed');
	});
});
