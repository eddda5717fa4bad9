/**
 * Plan dashboards at scale (issue 9, "Done when"): the server time and SQL statement count of the
 * plan pages on the seeded example plan against a plan-scale data set.
 *
 * For each database — PGlite (a fresh folder in a temporary directory) and PostgreSQL (a fresh
 * database on the server of --pg URL or DATABASE_URL, dropped at the end; skipped without one) —
 * the script migrates and seeds like the embedded default (the real structure, the example
 * meetings, the example monitor, the example plan), then:
 *
 *   1. SMALL: measures the pages' data on the example plan (one plan, 8 actions): the workspace
 *      dashboard (/beheer/plannen/<slug>), the public plan page (/plannen/<slug>), the plans
 *      lists (/plannen and /beheer/plannen) and "mijn acties" of an example owner;
 *   2. LARGE: adds 20 plans × 5 themes × 100 objectives (20 per theme) × 10 actions = 20,000
 *      actions, 10 updates each = 200,000 updates, a partner and two milestones per action,
 *      3 measures per objective on the example monitor's indicator × area series (with an
 *      intermediate target and an update each), and 200 owners, one of whom has a user account;
 *      all generated in SQL (insert … select from generate_series), flagged is_example, titles
 *      ending "(bench)". The pages are measured again: the dashboard and the public page of one
 *      generated plan (1,000 actions, 10,000 updates) and of the example plan, the lists (now 21
 *      plans), "mijn acties" of the generated owner (100 actions); then once more after ANALYZE.
 *
 * Each operation runs once as a warm-up, then N times; the table gives the median and the SQL
 * statements counted with countQueries. It prints figures; it asserts nothing (the query counts
 * are asserted by plans.queries.spec.ts). See bench/README.md.
 *
 *   npm run bench:plans                            PGlite (and PostgreSQL if DATABASE_URL is set)
 *   npm run bench:plans -- --pg postgres://app@127.0.0.1:5432/postgres
 *   npm run bench:plans -- --reps 11 --plans 5     more repetitions, fewer generated plans
 *   npm run bench:plans -- --no-pglite             PostgreSQL only
 *   npm run bench:plans -- --keep DIR              keep the PGlite database (analysed, large set)
 *                                                  in DIR (a new folder), to look at query plans
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../src/lib/server/db/client';
import { people, users } from '../src/lib/server/db/schema';
import {
	myActionsPage,
	publicPlanPage,
	publicPlansPage,
	workspacePlanPage,
	workspacePlansPage
} from '../src/lib/server/plans/plans.web';
import { anonymous, type Principal } from '../src/lib/server/policy';
import { seedExampleMonitor } from '../src/lib/server/seed/example-monitor';
import {
	EXAMPLE_PLAN_SLUG,
	examplePersonId,
	seedExamplePlans
} from '../src/lib/server/seed/example-plans';
import { seedExampleMeetings } from '../src/lib/server/seed/examples';
import { seedStructure } from '../src/lib/server/seed/seed.service';
import {
	analyze,
	benchContext,
	machineLine,
	measure,
	ms,
	note,
	openPglite,
	openPostgres,
	out,
	peakRssMB,
	positiveInt,
	runBench,
	serverVersion,
	table,
	usageError,
	type Measure,
	type Operation,
	type Target
} from './support';

// ---------------------------------------------------------------- options

const USAGE =
	'usage: tsx bench/plans.ts [--pg URL] [--no-pglite] [--reps N] [--plans N] [--owners N] [--keep DIR]';
function usage(problem?: string): never {
	return usageError(USAGE, problem);
}

type Options = {
	reps: number;
	plans: number;
	owners: number;
	pg?: string;
	pglite: boolean;
	keep?: string;
};

function parseArgs(argv: string[]): Options {
	const options: Options = {
		reps: 7,
		plans: 20,
		owners: 200,
		pg: process.env.DATABASE_URL || undefined,
		pglite: true
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--reps') options.reps = positiveInt(arg, argv[++i], USAGE);
		else if (arg === '--plans') options.plans = positiveInt(arg, argv[++i], USAGE);
		else if (arg === '--owners') options.owners = positiveInt(arg, argv[++i], USAGE);
		else if (arg === '--pg') options.pg = argv[++i] || usage('--pg needs a URL');
		else if (arg === '--no-pglite') options.pglite = false;
		else if (arg === '--keep') {
			const dir = argv[++i];
			if (!dir || fs.existsSync(dir)) usage('--keep needs a folder that does not exist yet');
			options.keep = path.resolve(dir);
		} else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown argument ${arg}`);
	}
	return options;
}

// ---------------------------------------------------------------- the generated plans

const THEMES = 5;
const OBJECTIVES = 100; // per plan, THEMES × 20
const ACTIONS = 10; // per objective
const UPDATES = 10; // per action
const MEASURES = 3; // per objective

const benchSlug = (p: number) => `bench-plan-${String(p).padStart(2, '0')}`;
/** Deterministic ids computed the same way in SQL: md5 of a key, read as a UUID. */
const benchPlanId = sql`md5('bench-plan-' || p)::uuid`;
const benchPersonId = (k: number | ReturnType<typeof sql>) =>
	sql`md5('bench-person-' || ${k})::uuid`;

/** Every statement of the generation, timed; returns the ms per step. */
async function generate(db: Db, options: Options) {
	const steps: [string, number][] = [];
	const step = async (name: string, statement: ReturnType<typeof sql>) => {
		const t = performance.now();
		await db.execute(statement);
		steps.push([name, performance.now() - t]);
	};
	const P = options.plans;
	const owners = options.owners;
	const inBench = sql`(select id from plans where slug like 'bench-plan-%')`;

	await step(
		'owners (people)',
		sql`insert into people (id, given_name, family_name, email, is_example)
			select ${benchPersonId(sql`k`)}, 'Eigenaar ' || k, 'Bench (bench)',
				'eigenaar-' || k || '@bench.voorbeeld.test', true
			from generate_series(1, ${owners}::int) k`
	);
	await step(
		'plans',
		sql`with bodies_n as (
				select id, row_number() over (order by slug) - 1 as n, count(*) over () as total
				from bodies where archived_at is null)
			insert into plans (id, slug, body_id, title, vision, period_start, period_end, status,
				is_public, reminders, is_example)
			select ${benchPlanId}, 'bench-plan-' || lpad(p::text, 2, '0'), b.id,
				jsonb_build_object('nl', 'Benchplan ' || p || ' (bench)'),
				'**Benchgegevens.** Een gegenereerd plan om de dashboards op schaal te meten.',
				date '2025-01-01', date '2030-12-31', 'running', true, 'quarterly', true
			from generate_series(1, ${P}::int) p
			join bodies_n b on b.n = (p - 1) % b.total`
	);
	await step(
		'themes',
		sql`insert into plan_items (id, plan_id, kind, external_id, position, title, description, is_example)
			select md5('bench-theme-' || p || '-' || t)::uuid, ${benchPlanId}, 'theme', 'T' || t, t,
				'Thema ' || t || ' (bench)', 'Een gegenereerd thema.', true
			from generate_series(1, ${P}::int) p, generate_series(1, ${THEMES}::int) t`
	);
	await step(
		'objectives',
		sql`insert into plan_items (id, plan_id, parent_id, kind, external_id, position, title,
				challenge, is_example)
			select md5('bench-objective-' || p || '-' || o)::uuid, ${benchPlanId},
				md5('bench-theme-' || p || '-' || ((o - 1) / ${OBJECTIVES / THEMES}::int + 1))::uuid,
				'objective', 'D' || o, o, 'Doelstelling ' || o || ' (bench)',
				'De uitdaging achter doelstelling ' || o || '.', true
			from generate_series(1, ${P}::int) p, generate_series(1, ${OBJECTIVES}::int) o`
	);
	// h: a number per action from its id, to spread dates, progress and owners.
	await step(
		'actions',
		sql`with a as (
				select p, o, x, md5('bench-action-' || p || '-' || o || '-' || x)::uuid as id
				from generate_series(1, ${P}::int) p, generate_series(1, ${OBJECTIVES}::int) o,
					generate_series(1, ${ACTIONS}::int) x),
			h as (select *, abs(hashtext(id::text)) as h from a),
			orgs as (select id, row_number() over (order by slug) - 1 as n, count(*) over () as total
				from organisations)
			insert into plan_items (id, plan_id, parent_id, kind, external_id, position, title,
				description, lead_organisation_id, owner_person_id, start_date, due_date, budget_planned,
				budget_spent, progress, completed_on, is_example)
			select h.id, ${benchPlanId}, md5('bench-objective-' || p || '-' || o)::uuid, 'action',
				'A' || o || '.' || x, x, 'Actie ' || o || '.' || x || ' (bench)',
				'Een gegenereerde actie.', orgs.id,
				${benchPersonId(sql`((p - 1) * ${OBJECTIVES * ACTIONS}::int + (o - 1) * ${ACTIONS}::int + x - 1) % ${owners}::int + 1`)},
				current_date - (h % 180 + 430), current_date - (h % 180 + 430) + 500 + h % 1000,
				10000 + h % 90000, h % 10000,
				case when h % 10 = 0 then 100 else (h / 10) % 100 end,
				case when h % 10 = 0 then current_date - h % 180 end, true
			from h join orgs on orgs.n = h % orgs.total`
	);
	await step(
		'partners',
		sql`with orgs as (select id, row_number() over (order by slug) - 1 as n, count(*) over () as total
				from organisations)
			insert into plan_action_partners (item_id, organisation_id)
			select i.id, orgs.id from plan_items i
			join orgs on orgs.n = (abs(hashtext(i.id::text)) / 7) % orgs.total
			where i.kind = 'action' and i.plan_id in ${inBench}`
	);
	await step(
		'milestones',
		sql`insert into plan_milestones (item_id, title, due_date, done_on, position, is_example)
			select i.id, 'Mijlpaal ' || m || ' (bench)', i.start_date + m * 150,
				case when i.start_date + m * 150 < current_date then i.start_date + m * 140 end, m, true
			from plan_items i, generate_series(1, 2) m
			where i.kind = 'action' and i.plan_id in ${inBench}`
	);
	// Ten updates per action, 40 days apart, the latest 0–179 days ago; progress rising to the
	// action's progress (so about half of the actions wait for a quarterly update).
	await step(
		'action updates',
		sql`insert into plan_updates (item_id, reported_on, text, progress, status_proposal, is_example)
			select i.id, current_date - (abs(hashtext(i.id::text)) % 180 + (${UPDATES}::int - u) * 40),
				'Stand van zaken ' || u || ': ' || (i.progress * u / ${UPDATES}::int) || ' % gerealiseerd. (bench)',
				i.progress * u / ${UPDATES}::int,
				case when u = ${UPDATES}::int and i.progress = 100 then 'done'::track_status end, true
			from plan_items i, generate_series(1, ${UPDATES}::int) u
			where i.kind = 'action' and i.plan_id in ${inBench}`
	);
	// Measures on the example monitor's series (indicator × area with a 2018 value).
	await step(
		'measures',
		sql`with series as (
				select indicator_id, area_id, value, row_number() over (order by indicator_id, area_id) - 1 as n,
					count(*) over () as total
				from observations where period = '2018' and value is not null and value > 0),
			obj as (select id, external_id, row_number() over (order by plan_id, position) - 1 as n
				from plan_items where kind = 'objective' and plan_id in ${inBench})
			insert into plan_measures (id, item_id, external_id, indicator_id, area_id, baseline_value,
				baseline_period, baseline_period_start, target_value, target_period, target_period_start,
				direction, position, is_example)
			select md5('bench-measure-' || obj.id || '-' || m)::uuid, obj.id,
				'M' || substr(obj.external_id, 2) || '.' || m, s.indicator_id, s.area_id, s.value, '2018',
				date '2018-01-01', case when m = 2 then s.value * 0.9 else s.value * 1.1 end, '2030',
				date '2030-01-01',
				case when m = 2 then 'lower_better'::indicator_direction else 'higher_better'::indicator_direction end,
				m, true
			from obj cross join generate_series(1, ${MEASURES}::int) m
			join series s on s.n = (obj.n * ${MEASURES}::int + m) % s.total`
	);
	await step(
		'intermediate targets',
		sql`insert into plan_measure_targets (measure_id, period, period_start, value)
			select m.id, '2025', date '2025-01-01', (m.baseline_value + m.target_value) / 2
			from plan_measures m join plan_items i on i.id = m.item_id
			where i.plan_id in ${inBench}`
	);
	await step(
		'measure updates',
		sql`insert into plan_updates (measure_id, reported_on, text, is_example)
			select m.id, current_date - 60, 'Meting 2025 binnen. (bench)', true
			from plan_measures m join plan_items i on i.id = m.item_id
			where i.plan_id in ${inBench}`
	);
	return steps;
}

async function tableCounts(db: Db) {
	const [row] = await rows<Record<string, number>>(
		db,
		sql`select
			(select count(*)::int from plans) as plans,
			(select count(*)::int from plan_items where kind = 'theme') as themes,
			(select count(*)::int from plan_items where kind = 'objective') as objectives,
			(select count(*)::int from plan_items where kind = 'action') as actions,
			(select count(*)::int from plan_updates where item_id is not null) as "action updates",
			(select count(*)::int from plan_updates where measure_id is not null) as "measure updates",
			(select count(*)::int from plan_milestones) as milestones,
			(select count(*)::int from plan_action_partners) as partners,
			(select count(*)::int from plan_measures) as measures,
			(select count(*)::int from observations) as observations,
			(select count(*)::int from people) as people`
	);
	return row;
}

// ---------------------------------------------------------------- the pages

/** A user with an account linked to `personId` (people.user_id), as the hook would see them. */
async function ownerUser(db: Db, personId: string, label: string): Promise<Principal> {
	const [user] = await db
		.insert(users)
		.values({ email: `${label}@bench.voorbeeld.test`, name: `${label} (bench)` })
		.returning();
	await db.update(people).set({ userId: user.id }).where(eq(people.id, personId));
	return {
		kind: 'user',
		userId: user.id,
		name: user.name,
		email: user.email,
		role: 'user',
		bodyRoles: {}
	};
}

type PlanEvent = RequestEvent<{ slug: string }>;
const eventOf = (db: Db, principal: Principal, params: Record<string, string> = {}) =>
	({
		locals: { db, requestId: 'bench', locale: 'nl', principal },
		params,
		url: new URL('http://localhost/')
	}) as unknown as PlanEvent;

const kb = (value: unknown) => `${Math.round(JSON.stringify(value).length / 1024)} KB`;
const actionsOf = (counts: Record<string, number>) =>
	Object.values(counts).reduce((a, b) => a + b, 0);

/** The five pages' data for a plan and an owner, as their routes load it. */
function pageOperations(db: Db, slug: string, owner: Principal): Operation[] {
	return [
		{
			name: 'workspace dashboard',
			run: async () => {
				const page = await workspacePlanPage(eventOf(db, owner, { slug }));
				return `${actionsOf(page.actionCounts)} actions, ${kb(page)}`;
			}
		},
		{
			name: 'public plan page',
			run: async () => {
				const page = await publicPlanPage(eventOf(db, anonymous, { slug }));
				return `${actionsOf(page.actionCounts)} actions, ${kb(page)}`;
			}
		},
		{
			name: 'public plans list',
			run: async () => {
				const page = await publicPlansPage(eventOf(db, anonymous));
				return `${page.plans.length} plans, ${kb(page)}`;
			}
		},
		{
			name: 'workspace plans list',
			run: async () => {
				const page = await workspacePlansPage(eventOf(db, owner));
				return `${page.plans.length} plans, ${kb(page)}`;
			}
		},
		{
			name: 'mijn acties',
			run: async () => {
				const page = await myActionsPage(eventOf(db, owner));
				return `${page.actions.length} actions waiting, ${kb(page)}`;
			}
		}
	];
}

type Row = { name: string; small: Measure; large: Measure; analyzed: Measure };

async function runTarget(target: Target, options: Options) {
	const db = target.database.db;
	const ctx = benchContext(db);
	let t = performance.now();
	await target.database.migrate();
	await seedStructure(ctx);
	await seedExampleMeetings(ctx);
	await seedExampleMonitor(ctx);
	await seedExamplePlans(ctx);
	const version = await serverVersion(db);
	const seedMs = performance.now() - t;
	note(`${target.name}: migrated and seeded with the examples (${Math.round(seedMs)} ms)\n`);

	const exampleOwner = await ownerUser(db, examplePersonId('els'), 'voorbeeld-eigenaar');
	const smallOps = pageOperations(db, EXAMPLE_PLAN_SLUG, exampleOwner);
	const smallCounts = await tableCounts(db);
	note(`${target.name}: small set; measuring `);
	const small = await measure(smallOps, options.reps);

	t = performance.now();
	const steps = await generate(db, options);
	const generateMs = performance.now() - t;
	const largeCounts = await tableCounts(db);
	note(`\n${target.name}: large set generated (${Math.round(generateMs)} ms); measuring `);
	const benchOwner = await ownerUser(db, await firstOwnerId(db), 'bench-eigenaar');
	const largeOps = [
		...pageOperations(db, benchSlug(1), benchOwner),
		...pageOperations(db, EXAMPLE_PLAN_SLUG, exampleOwner).slice(0, 2)
	];
	const large = await measure(largeOps, options.reps);
	const analyzeMs = await analyze(db);
	note(`\n${target.name}: ANALYZE (${Math.round(analyzeMs)} ms); measuring `);
	const analyzed = await measure(largeOps, options.reps);
	note('\n');

	const names = [
		'workspace dashboard /beheer/plannen/<slug>: example plan → generated plan',
		'public plan page /plannen/<slug>: example plan → generated plan',
		`public plans list /plannen: 1 → ${options.plans + 1} plans`,
		`workspace plans list /beheer/plannen: 1 → ${options.plans + 1} plans`,
		'mijn acties: example owner → generated owner',
		'workspace dashboard: the example plan in the large set',
		'public plan page: the example plan in the large set'
	];
	const pageRows: Row[] = largeOps.map((_, i) => ({
		name: names[i],
		small: small[i % smallOps.length],
		large: large[i],
		analyzed: analyzed[i]
	}));
	return {
		version,
		seedMs,
		generateMs,
		steps,
		analyzeMs,
		counts: { small: smallCounts, large: largeCounts },
		rows: pageRows
	};
}

async function firstOwnerId(db: Db) {
	const [row] = await rows<{ id: string }>(db, sql`select ${benchPersonId(1)}::text as id`);
	return row.id;
}

function print(target: Target, r: Awaited<ReturnType<typeof runTarget>>, options: Options) {
	const f = (v: number) => v.toLocaleString('en-US');
	out(
		`${target.name} ${r.version}: migrate + seed with the examples ${f(Math.round(r.seedMs))} ms; ` +
			`generation ${f(Math.round(r.generateMs))} ms (${r.steps.map(([n, v]) => `${n} ${f(Math.round(v))}`).join(', ')}); ` +
			`ANALYZE ${f(Math.round(r.analyzeMs))} ms; median of ${options.reps}`
	);
	out();
	for (const l of table(
		[
			['rows', 'small', 'large'],
			...Object.keys(r.counts.large).map((k) => [k, f(r.counts.small[k]), f(r.counts.large[k])])
		],
		1
	))
		out(l);
	out();
	for (const l of table(
		[
			['page data', 'queries S', 'queries L', 'small ms', 'large ms', 'ratio', 'large+ANALYZE ms'],
			...r.rows.map((row) => [
				row.name,
				String(row.small.queries),
				String(row.large.queries),
				ms(row.small.ms),
				ms(row.large.ms),
				(row.large.ms / row.small.ms).toFixed(2),
				ms(row.analyzed.ms)
			])
		],
		1
	))
		out(l);
	out();
	out('what each returned (small | large | large + ANALYZE), and min–max of the large runs:');
	for (const row of r.rows)
		out(
			`  ${row.name}: ${row.small.result} | ${row.large.result} | ${row.analyzed.result}; ${ms(row.large.min)}–${ms(row.large.max)} ms`
		);
	out();
}

// ---------------------------------------------------------------- main

async function main() {
	const options = parseArgs(process.argv.slice(2));
	out(`Streekplatform: plan dashboards at scale, ${new Date().toISOString()}`);
	out(`machine: ${machineLine()}`);
	out(
		`large set: ${options.plans} plans × ${OBJECTIVES} objectives (${THEMES} themes) × ${ACTIONS} actions × ${UPDATES} updates; ${options.owners} owners`
	);
	out();
	const targets: (() => Promise<Target>)[] = [];
	if (options.pglite) {
		if (options.keep) fs.mkdirSync(options.keep, { recursive: true });
		targets.push(() => openPglite('bench/plans', options.keep));
	}
	if (options.pg) targets.push(() => openPostgres(options.pg!, 'streek_bench_plans'));
	else out('PostgreSQL: skipped (no --pg URL and no DATABASE_URL)\n');
	for (const open of targets) {
		const target = await open();
		try {
			print(target, await runTarget(target, options), options);
		} finally {
			await target.database.close();
		}
	}
	out(`peak RSS ${peakRssMB()} MB`);
}

runBench(main);
