/**
 * kill -9 in the middle of a large monitor import, on PostgreSQL and on the embedded database:
 * afterwards the file's observations are all there or none are, and no import stays half-staged.
 *
 * The process killed is the CLI (`npm run monitor:import`), and on PostgreSQL also the server
 * during an API push (the same service). On PostgreSQL the moment is caught in pg_stat_activity
 * (the COPY of staging, the upsert of the commit).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { check, loadScenario, sleep, startApp, tempDir, waitFor } from './harness';
import { APP2_PORT, appEnv, pollFast, spawnGroup, type FaultContext } from './fault-support';

export const INDICATOR = 'bevolking';

/**
 * A Statbel-style long CSV (`;`, decimal comma) of `lines` daily values (from 1950) over the given
 * municipalities; returns the file and its line count.
 */
export function bigCsv(dir: string, nisCodes: string[], lines: number, name: string) {
	const file = path.join(dir, name);
	const out: string[] = ['cd_munty_refnis;periode;waarde'];
	let n = 0;
	for (let day = 0; n < lines; day++) {
		const period = new Date(Date.UTC(1950, 0, 1 + day)).toISOString().slice(0, 10);
		for (const nis of nisCodes) {
			if (n >= lines) break;
			out.push(`${nis};${period};${1000 + (n % 9000)},5`);
			n++;
		}
	}
	fs.writeFileSync(file, `${out.join('\n')}\n`);
	return { file, lines: n };
}

/** The municipalities that exist today (NIS codes), from the database. */
const MUNICIPALITIES = `select nis_code from areas where level = 'gemeente' and nis_code is not null and valid_to is null order by nis_code`;

/** What is stored of the file: its imports by status, its observations, staged rows left. */
function state(psql: (sql: string) => string, fileName: string) {
	const [byStatus, observations, staged] = psql(
		`select
			(select coalesce(string_agg(status::text || '=' || n, ',' order by status), '') from (
				select status, count(*) n from monitor_imports where file_name = '${fileName}' group by status) s) as statuses,
			(select count(*) from observations where import_id in (
				select id from monitor_imports where file_name = '${fileName}')) as observations,
			(select count(*) from monitor_import_rows where import_id in (
				select id from monitor_imports where file_name = '${fileName}')) as staged`
	).split('|');
	return { byStatus, observations: Number(observations), staged: Number(staged) };
}

/** Is a statement like `pattern` (ILIKE) running in another session? */
function activeQuery(psql: (sql: string) => string, pattern: string) {
	return (
		Number(
			psql(
				`select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid() and query ilike '${pattern}'`
			)
		) > 0
	);
}

/** Nothing half there: all of the file's observations or none; nothing staged, none 'staged'. */
function assertWholeOrAbsent(s: ReturnType<typeof state>, lines: number, when: string) {
	check(
		s.observations === 0 || s.observations === lines,
		`${when}: ${s.observations} of ${lines} observations (half an import)`
	);
	check(s.staged === 0, `${when}: ${s.staged} staged rows left behind`);
	check(!/staged=/.test(s.byStatus), `${when}: an import still 'staged' (${s.byStatus})`);
}

/** PostgreSQL: kill the CLI while it stages and while it commits; restart the server. */
export async function importKillPostgres(ctx: FaultContext) {
	const { pg, db } = ctx;
	const psql = (sql: string) => pg.psql(sql, db);
	const nis = psql(MUNICIPALITIES).split('\n');
	const fileName = 'fouttest-200k.csv';
	const { file, lines } = bigCsv(ctx.work, nis, 200_000, fileName);
	const cli = ['tsx', 'scripts/cli.ts', 'monitor:import', file, '--indicator', INDICATOR];
	const active = (pattern: string) => activeQuery(psql, pattern);
	const notes: string[] = [];
	const moments: [string, string][] = [
		['staging', 'copy monitor_import_rows%'],
		['commit', '%into observations%']
	];
	for (const [moment, pattern] of moments) {
		const run = spawnGroup('npx', cli, ctx.cwd, ctx.env);
		const caught = await pollFast(() => active(pattern) || !run.running(), 120_000, 30);
		check(caught && run.running(), `the ${moment} was not caught: ${run.output().slice(-1500)}`);
		if (moment === 'staging') await sleep(300); // some rows into the COPY
		await run.kill();
		// The killed client's backend rolls back once it notices the closed socket.
		await waitFor(`no ${moment} left running`, async () => !active(pattern), 180_000);
		const before = state(psql, fileName);
		check(
			before.observations === 0 || before.observations === lines,
			`after kill at ${moment}: ${before.observations} of ${lines} observations`
		);
		// The next start marks the interrupted import failed and drops its staged rows.
		await ctx.app.kill('SIGTERM');
		await ctx.app.restart();
		const after = state(psql, fileName);
		assertWholeOrAbsent(after, lines, `after kill at ${moment} and a restart`);
		notes.push(
			`kill at ${moment}: ${after.observations ? 'complete' : 'absent'} (${after.byStatus || 'no import row'})`
		);
	}
	// And the same file then imports in full.
	const done = spawnSync('npx', cli, {
		cwd: ctx.cwd,
		env: { ...process.env, ...ctx.env },
		encoding: 'utf8'
	});
	check(done.status === 0, `the import after the kills failed: ${done.stderr}`);
	const final = state(psql, fileName);
	// The file's own rows (the aggregates computed from them carry no import id).
	const stored = final.observations;
	check(stored === lines, `after the full import ${stored} of ${lines} observations`);
	check(final.staged === 0, `staged rows left after the full import: ${final.staged}`);
	return `${lines} lines; ${notes.join('; ')}; full import afterwards: ${stored} observations`;
}

/** The embedded database: kill the CLI at a few moments; does the folder open again? */
export async function importKillPglite(ctx: FaultContext) {
	const dataDir = tempDir('faults-pglite');
	const env = appEnv(APP2_PORT, { DATA_DIR: dataDir });
	delete (env as Record<string, string | undefined>).DATABASE_URL;
	const query = (sql: string) => {
		const r = spawnSync('npx', ['tsx', 'tests/ops/fault-pglite-query.ts', dataDir, sql], {
			cwd: ctx.cwd,
			env: { ...process.env, ...env },
			encoding: 'utf8'
		});
		if (r.status !== 0) throw new Error(`the data folder did not open: ${r.stderr}`);
		return r.stdout.trim();
	};
	loadScenario(env, path.join(ctx.work, 'scenario-pglite.json'), ctx.cwd);
	const nis = query(MUNICIPALITIES).split('\n');
	const fileName = 'fouttest-pglite.csv';
	const { file, lines } = bigCsv(ctx.work, nis, 100_000, fileName);
	const cli = ['tsx', 'scripts/cli.ts', 'monitor:import', file, '--indicator', INDICATOR];
	const notes: string[] = [];
	for (const afterMs of [4000, 9000, 16000]) {
		const run = spawnGroup('npx', cli, ctx.cwd, env);
		await sleep(afterMs);
		const finished = !run.running();
		await run.kill();
		// The server opens the folder again (stale lock, WAL replay) and recovers the import.
		const app = await startApp({ port: APP2_PORT, env, cwd: ctx.cwd, readyTimeoutMs: 120_000 });
		await app.kill('SIGTERM');
		const s = state(query, fileName);
		assertWholeOrAbsent(s, lines, `PGlite, kill after ${afterMs} ms`);
		notes.push(
			`kill after ${afterMs / 1000} s${finished ? ' (already done)' : ''}: opens again, ${s.observations ? 'complete' : 'absent'} (${s.byStatus || 'no import row'})`
		);
	}
	return `${lines} lines; ${notes.join('; ')}`;
}

/**
 * PostgreSQL: kill -9 of the server while an API push of 200,000 observations stages and while it
 * commits (or recomputes the aggregates right after). After the restart the push's observations
 * are all there or none are, nothing stays staged, and no aggregates are left pending.
 */
export async function importKillServer(ctx: FaultContext) {
	const { pg, db, app } = ctx;
	const psql = (sql: string) => pg.psql(sql, db);
	const nis = psql(MUNICIPALITIES).split('\n');
	const lines = 200_000;
	/** 200,000 daily values over the municipalities, from a year no other sub-test uses. */
	const push = (fromYear: number) => {
		const observations: { area: string; period: string; value: number }[] = [];
		for (let day = 0; observations.length < lines; day++) {
			const period = new Date(Date.UTC(fromYear, 0, 1 + day)).toISOString().slice(0, 10);
			for (const area of nis) {
				if (observations.length >= lines) break;
				observations.push({ area, period, value: 1000 + (observations.length % 9000) });
			}
		}
		return fetch(`${app.url}/api/v1/observations`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${ctx.scenario.observationsToken}`,
				'content-type': 'application/json',
				accept: 'application/json'
			},
			body: JSON.stringify({ indicator: INDICATOR, observations })
		});
	};
	/** The pushes since `since`: imports by status, their observations, rows left staged, markers. */
	const pushed = (since: string) => {
		const [byStatus, observations, staged, pending] = psql(
			`with p as (select id, status, summary from monitor_imports where file_name = 'api' and created_at > '${since}')
			select
				(select coalesce(string_agg(status::text || '=' || n, ',' order by status), '') from (
					select status, count(*) n from p group by status) s),
				(select count(*) from observations where import_id in (select id from p)),
				(select count(*) from monitor_import_rows where import_id in (select id from p)),
				(select count(*) from p where summary ? 'aggregatesPending')`
		).split('|');
		return {
			byStatus,
			observations: Number(observations),
			staged: Number(staged),
			pending: Number(pending)
		};
	};
	const active = (pattern: string) => activeQuery(psql, pattern);
	const notes: string[] = [];
	const moments: [string, string, number][] = [
		['staging', 'copy monitor_import_rows%', 1980],
		['commit', '%into observations%', 1983]
	];
	for (const [moment, pattern, fromYear] of moments) {
		const since = psql('select now()');
		const answer = push(fromYear).catch((e: Error) => e);
		const caught = await pollFast(() => active(pattern), 120_000, 30);
		check(caught, `the push's ${moment} was not caught: ${app.output().slice(-1500)}`);
		if (moment === 'staging') await sleep(300); // some rows into the COPY
		await app.kill('SIGKILL');
		const reply = await answer;
		check(reply instanceof Error, `the server answered before the kill at ${moment}`);
		await waitFor(`no ${moment} left running`, async () => !active(pattern), 180_000);
		// The start marks the cut-off push failed, or recomputes the aggregates it left pending.
		await app.restart();
		const s = pushed(since);
		check(
			s.observations === 0 || s.observations === lines,
			`kill at ${moment}: ${s.observations} of ${lines} observations (half an import)`
		);
		check(s.staged === 0, `kill at ${moment}: ${s.staged} staged rows left behind`);
		check(!/staged=/.test(s.byStatus), `kill at ${moment}: a push still 'staged' (${s.byStatus})`);
		check(s.pending === 0, `kill at ${moment}: aggregates still pending after the restart`);
		notes.push(
			`kill at ${moment}: ${s.observations ? 'complete' : 'absent'} (${s.byStatus || 'no import row'})`
		);
	}
	// And a push after the kills stores everything.
	const since = psql('select now()');
	const done = await push(1986);
	check(done.status === 201, `the push after the kills answered ${done.status}`);
	const final = pushed(since);
	check(final.observations === lines, `after the push ${final.observations} of ${lines} stored`);
	return `${lines} observations per push; ${notes.join('; ')}; a push afterwards: ${final.observations} stored`;
}
