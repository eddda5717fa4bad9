/**
 * PostgreSQL stopped under load (`-m fast`, then `-m immediate`) and started a few seconds later:
 * during the outage every request fails cleanly (503 + Retry-After, a short message, JSON under
 * /api/, no stack trace) or is served from the page cache; the app process stays up and recovers
 * by itself; every acknowledged write is in the database afterwards; LISTEN resumes.
 */
import { check, sleep, waitFor } from './harness';
import { alive, request, REQUEST_TIMEOUT_MS, step, type FaultContext } from './fault-support';

const READS = ['/', '/en', '/monitor', '/zoeken?q=leuven', '/en/monitor', '/api/v1/indicators'];
const AREA = '24062'; // Leuven

type Seen = {
	status: number;
	path: string;
	retryAfter: string | null;
	text: string;
	/** When it was sent and when its answer (or failure) came. */
	sent: number;
	at: number;
};

/** The moments PostgreSQL was stopped and started, to place a failed request on the timeline. */
const events: { what: string; at: number }[] = [];
const timeline = (s: Seen) => {
	const t0 = events[0]?.at ?? s.sent;
	const rel = (t: number) => `${((t - t0) / 1000).toFixed(1)} s`;
	return `sent at ${rel(s.sent)}, failed at ${rel(s.at)}; ${events.map((e) => `${e.what} at ${rel(e.at)}`).join(', ')}`;
};

/** Statuses allowed at any time; 503 only with Retry-After and without a stack trace. */
function assertClean(seen: Seen[]) {
	for (const s of seen) {
		check(
			[200, 201, 503].includes(s.status),
			`${s.path} answered ${s.status}: ${s.text.slice(0, 300)} (${timeline(s)})`
		);
		if (s.status !== 503) continue;
		check(s.retryAfter === '5', `${s.path} 503 without Retry-After`);
		check(
			!/\n\s+at\s.+:\d+:\d+/.test(s.text) && !/Error:/.test(s.text),
			`${s.path} 503 shows a stack: ${s.text.slice(0, 300)}`
		);
		if (s.path.startsWith('/api/')) {
			const body = JSON.parse(s.text) as { error?: { code?: string; message?: string } };
			check(body.error?.code === 'unavailable', `${s.path} 503 is not the API's JSON error`);
		} else if (s.path.startsWith('/en')) {
			check(
				/cannot be reached/.test(s.text),
				`${s.path} 503 without the English message: ${s.text.slice(0, 400)}`
			);
		} else
			check(
				/niet bereikbaar/.test(s.text),
				`${s.path} 503 without the Dutch message: ${s.text.slice(0, 400)}`
			);
	}
}

/** /healthz answers 200 (within the request timeout). */
const healthy = (url: string) =>
	fetch(`${url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
		(r) => r.ok,
		() => false
	);

export async function postgresRestart(ctx: FaultContext) {
	const { app, pg, db } = ctx;
	const seen: Seen[] = [];
	const acknowledged: string[] = [];
	let next = 0;
	let running = true;
	let stopped = false;
	// Past the time bound: stop the load and never leave PostgreSQL stopped for what follows.
	ctx.signal?.addEventListener('abort', () => {
		running = false;
		if (stopped) {
			stopped = false;
			void pg.start().catch(() => {});
		}
	});
	const record = async (path: string, fn: () => ReturnType<typeof request>) => {
		const sent = Date.now();
		try {
			const r = await fn();
			seen.push({
				status: r.status,
				path,
				retryAfter: r.headers.get('retry-after'),
				text: r.text,
				sent,
				at: Date.now()
			});
			return r.status;
		} catch (e) {
			// No answer at all, or none within the request timeout (status 0): never acceptable;
			// the app's liveness is checked below.
			const cause = (e as Error & { cause?: Error }).cause?.message ?? '';
			seen.push({
				status: 0,
				path,
				retryAfter: null,
				text: `${(e as Error).message} ${cause}`,
				sent,
				at: Date.now()
			});
			return 0;
		}
	};
	const reader = async (i: number) => {
		for (let n = i; running; n++) {
			const path = READS[n % READS.length];
			// Anonymous and logged-in (the session check runs before the page: a 503 from handle).
			const persona = n % 2 ? ctx.scenario.staff : undefined;
			await record(path, () => request(app, path, { persona }));
		}
	};
	const writer = async () => {
		while (running) {
			const day = next++;
			const period = new Date(Date.UTC(1900, 0, 1 + day)).toISOString().slice(0, 10);
			const status = await record('/api/v1/observations', () =>
				request(app, '/api/v1/observations', {
					bearer: ctx.scenario.observationsToken,
					accept: 'application/json',
					json: { indicator: 'bevolking', observations: [{ area: AREA, period, value: day }] }
				})
			);
			if (status === 201) acknowledged.push(period);
			await sleep(20);
		}
	};
	/** The app's liveness and its log without the expected outage warnings. */
	const explain = () =>
		`app alive: ${alive(app.pid)}; ${app
			.output()
			.split('\n')
			.filter((line) => !line.includes('"msg":"database unavailable"'))
			.join('\n')
			.slice(-8000)}`;
	const load = Promise.allSettled([reader(0), reader(1), reader(2), writer(), writer()]);
	const notes: string[] = [];
	try {
		for (const mode of ['fast', 'immediate'] as const) {
			step(`load before the ${mode} stop`);
			await sleep(1500);
			if (!running) break;
			const stoppedAt = Date.now();
			step(`stopping PostgreSQL (${mode})`);
			events.push({ what: `${mode} stop`, at: stoppedAt });
			stopped = true;
			await pg.stop(mode);
			events.push({ what: 'stopped', at: Date.now() });
			step(`waiting for a 503 during the ${mode} stop`);
			// A loaded machine may take a while to answer; what counts is that it does, with a 503.
			await waitFor(
				`a 503 while PostgreSQL is stopped (${mode})`,
				async () => seen.some((s) => s.at > stoppedAt && s.status === 503),
				20_000
			).catch((e: Error) => {
				throw new Error(`${e.message}; ${explain()}`);
			});
			await sleep(2000);
			const during = seen.filter((s) => s.at > stoppedAt);
			if (!running) break;
			step(`starting PostgreSQL after the ${mode} stop`);
			events.push({ what: 'start', at: Date.now() });
			await pg.start();
			stopped = false;
			const startedAt = Date.now();
			events.push({ what: 'started', at: startedAt });
			step(`waiting for /healthz after the ${mode} stop`);
			await waitFor('/healthz 200', () => healthy(app.url), 30_000).catch((e: Error) => {
				throw new Error(`${e.message}; ${explain()}`);
			});
			const recovered = Date.now() - startedAt;
			step(`waiting for an acknowledged write after the ${mode} stop`);
			await waitFor(
				'a write acknowledged after the restart',
				async () => seen.some((s) => s.at > startedAt && s.status === 201),
				30_000
			);
			notes.push(
				`${mode}: ${during.filter((s) => s.status === 503).length} × 503, healthy ${recovered} ms after start`
			);
			check(alive(app.pid), `the app process died during the ${mode} stop`);
		}
		await sleep(1000);
	} finally {
		running = false;
		step('waiting for the load to end');
		await load;
		// A failed check must not leave PostgreSQL stopped for the sub-tests after this one.
		if (stopped) {
			stopped = false;
			await pg.start();
		}
	}
	step('checking the answers and the acknowledged writes');
	try {
		assertClean(seen);
	} catch (e) {
		throw new Error(`${(e as Error).message}; ${explain()}`, { cause: e });
	}
	// Every acknowledged write is stored.
	const stored = new Set(
		pg
			.psql(
				`select o.period from observations o join areas a on a.id = o.area_id join indicators i on i.id = o.indicator_id
				where i.code = 'bevolking' and a.nis_code = '${AREA}' and o.period like '19__-__-__'`,
				db
			)
			.split('\n')
	);
	const lost = acknowledged.filter((p) => !stored.has(p));
	check(
		lost.length === 0,
		`${lost.length} acknowledged writes are missing: ${lost.slice(0, 5).join(', ')}`
	);
	// The page cache hears changes again: the app's LISTEN connection came back.
	step('waiting for LISTEN after the restart');
	await waitFor(
		'LISTEN sp_changes after the restart',
		async () =>
			Number(
				pg.psql(
					`select count(*) from pg_stat_activity where application_name like 'streekplatform%' and query ilike 'listen%sp_changes%'`,
					db
				)
			) > 0,
		30_000
	);
	const counts = seen.reduce<Record<number, number>>(
		(c, s) => ({ ...c, [s.status]: (c[s.status] ?? 0) + 1 }),
		{}
	);
	return `${notes.join('; ')}; answers ${JSON.stringify(counts)}; ${acknowledged.length} acknowledged writes all stored`;
}
