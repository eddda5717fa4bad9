/**
 * kill -9 of the app server in the middle of a large plan import on PostgreSQL: afterwards the
 * plan is there with every row of the file or not there at all (no plan, no items, no audit
 * row), and the integrity check finds nothing.
 *
 * The import goes through the workspace form (POST /beheer/plannen/nieuw?/import, the admin's
 * session); the service validates the file, then writes the plan and its items in one `mutate`
 * transaction. The moment is caught in pg_stat_activity (the inserts into plan_items).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { check, npmRun, sleep, waitFor } from './harness';
import { pollFast, postMultipart, request, type FaultContext } from './fault-support';

const EXAMPLE_PLAN = 'voorbeeld-actieplan-spitsregio-leuven';
const MAX_BYTES = 5 * 1024 * 1024;

type Row = Record<string, string>;

/**
 * A big plan in the export's columns: `themes` themes with `objectives` objectives each and
 * `actions` actions per objective; every other column is copied from the example plan's first
 * row of that type (organisations, people, milestones that exist).
 */
function bigPlan(
	exported: string,
	dir: string,
	themes: number,
	objectives: number,
	actions: number
) {
	const rows = parse(exported, { bom: true, delimiter: ';', columns: true }) as Row[];
	const columns = Object.keys(rows[0]);
	const template = (type: string) => {
		const row = rows.find((r) => r.type === type);
		check(row, `the example plan has no row of type ${type}`);
		return row;
	};
	const out: Row[] = [];
	const add = (type: string, id: string, parent: string, title: string) =>
		out.push({
			...template(type),
			external_id: id,
			parent_external_id: parent,
			position: '',
			title,
			description: ''
		});
	for (let t = 1; t <= themes; t++) {
		add('thema', `T${t}`, '', `Thema ${t}`);
		for (let o = 1; o <= objectives; o++) {
			add('doelstelling', `T${t}.D${o}`, `T${t}`, `Doelstelling ${t}.${o}`);
			for (let a = 1; a <= actions; a++)
				add('actie', `T${t}.D${o}.A${a}`, `T${t}.D${o}`, `Actie ${t}.${o}.${a}`);
		}
	}
	const file = path.join(dir, 'groot-plan.csv');
	const text = `\uFEFF${stringify(out, { header: true, columns, delimiter: ';', record_delimiter: '\r\n' })}`;
	fs.writeFileSync(file, text);
	return { bytes: fs.readFileSync(file), rows: out.length };
}

export async function importPlanKill(ctx: FaultContext) {
	const { pg, db, app } = ctx;
	const psql = (sql: string) => pg.psql(sql, db);
	const admin = ctx.scenario.admin;
	const exported = await request(app, `/plannen/${EXAMPLE_PLAN}/plan.csv`, {
		persona: admin,
		accept: 'text/csv'
	});
	check(exported.status === 200, `the example plan's CSV export: ${exported.status}`);
	const { bytes, rows } = bigPlan(exported.text, ctx.work, 2, 40, 100);
	check(bytes.length < MAX_BYTES, `the plan file is ${bytes.length} bytes, over 5 MB`);
	const bodySlug = psql(
		`select b.slug from plans p join bodies b on b.id = p.body_id where p.slug = '${EXAMPLE_PLAN}'`
	);

	const upload = (slug: string) => {
		const form = new FormData();
		form.set('file', new Blob([bytes], { type: 'text/csv' }), 'groot-plan.csv');
		form.set('slug', slug);
		form.set('title', `Fouttest ${slug}`);
		form.set('bodySlug', bodySlug);
		form.set('periodStart', '2026-01-01');
		form.set('periodEnd', '2030-12-31');
		return postMultipart(app, '/beheer/plannen/nieuw?/import', form, {
			cookie: `sp_session=${admin.sessionToken}`,
			accept: 'text/html'
		});
	};
	/** The plan of that slug: whether it exists, its items, its import audit rows, orphans. */
	const state = (slug: string) => {
		const [plans, items, audits, orphans] = psql(
			`select
				(select count(*) from plans where slug = '${slug}'),
				(select count(*) from plan_items where plan_id in (select id from plans where slug = '${slug}')),
				(select count(*) from audit_events where record_type = 'plan' and action = 'plan.import'
					and record_id in (select id::text from plans where slug = '${slug}')),
				(select count(*) from plan_items i where not exists (select 1 from plans p where p.id = i.plan_id))`
		)
			.split('|')
			.map(Number);
		return { plans, items, audits, orphans };
	};
	const inserting = () =>
		Number(
			psql(
				`select count(*) from pg_stat_activity where datname = '${db}' and state = 'active' and pid <> pg_backend_pid() and query ilike 'insert into "plan_items"%'`
			)
		) > 0;
	/** A backend of the app's database with a writing transaction open (an xid assigned). */
	const writing = () =>
		Number(
			psql(
				`select count(*) from pg_stat_activity where datname = '${db}' and pid <> pg_backend_pid() and backend_xid is not null`
			)
		) > 0;
	const importAudits = () =>
		Number(psql(`select count(*) from audit_events where action = 'plan.import'`));

	// First: the whole file imports (and how long its transaction takes).
	let started = 0;
	let answered = false;
	const sent = Date.now();
	const full = upload('fouttest-groot-plan').finally(() => (answered = true));
	const watch = pollFast(
		() => answered || (inserting() ? ((started = Date.now()), true) : false),
		120_000,
		20
	);
	const done = await full;
	await watch;
	const transactionMs = Date.now() - (started || sent);
	check(
		done.status === 303,
		`the full import: ${done.status}; server: ${app.output().slice(-2000)}`
	);
	const whole = state('fouttest-groot-plan');
	check(
		whole.plans === 1 && whole.items === rows && whole.audits === 1,
		`the full import stored ${JSON.stringify(whole)} of ${rows} rows`
	);
	const notes = [
		`${rows} rows, ${Math.round(bytes.length / 1024)} kB; full import ${Math.round((Date.now() - sent) / 1000)} s (inserts ~${Math.round(transactionMs / 1000)} s)`
	];

	// Then a copy under a new slug, and kill -9 of the server while its transaction runs.
	const moments: [string, number][] = [
		['first inserts', 0],
		['halfway', transactionMs / 2],
		['near the end', transactionMs * 0.75]
	];
	for (const [i, [moment, delayMs]] of moments.entries()) {
		const slug = `fouttest-kill-${i + 1}`;
		const auditsBefore = importAudits();
		const answer = upload(slug).catch((e: Error) => e);
		const caught = await pollFast(inserting, 120_000, 20);
		check(caught, `the inserts of ${moment} were not caught`);
		if (delayMs) await sleep(delayMs);
		const openAtKill = writing();
		await app.kill('SIGKILL');
		const reply = await answer;
		check(reply instanceof Error, `the server answered before the kill at ${moment}`);
		// The killed server's backend rolls back once it notices the closed socket.
		await waitFor(`its transaction gone (${moment})`, async () => !writing(), 60_000);
		await app.restart();
		const s = state(slug);
		const absent = s.plans === 0 && s.items === 0 && s.audits === 0;
		const complete = s.plans === 1 && s.items === rows && s.audits === 1;
		check(absent || complete, `kill at ${moment}: half a plan ${JSON.stringify(s)} of ${rows}`);
		check(s.orphans === 0, `kill at ${moment}: ${s.orphans} items without a plan`);
		check(
			importAudits() === auditsBefore + (complete ? 1 : 0),
			`kill at ${moment}: a plan.import audit row without its plan`
		);
		notes.push(
			`kill ${moment}${openAtKill ? ' (transaction open)' : ' (no transaction open)'}: ${complete ? 'complete' : 'absent'}`
		);
	}

	const integrity = npmRun('db:check', [], { ...ctx.env }, ctx.cwd);
	check(
		integrity.status === 0,
		`the integrity check after the kills: ${integrity.stdout}${integrity.stderr}`
	);
	notes.push(`db:check: ${integrity.stdout.trim().split('\n').pop()}`);
	return notes.join('; ');
}
