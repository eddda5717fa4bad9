/**
 * The plan tree with computed statuses, the measure series and the plan summaries; the number of
 * queries does not grow with the plan.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMemberUser,
	buildMembership,
	buildOrganisation
} from '../../../../tests/helpers/factories';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan,
	observe
} from '../../../../tests/helpers/plans';
import { today } from '../clock';
import { countQueries } from '../db';
import { planActionPartners, planItems, planMilestones, plans, planUpdates } from '../db/schema';
import { seedExampleMonitor } from '../seed/example-monitor';
import { examplePlanId, seedExamplePlans } from '../seed/example-plans';
import { seedExampleMeetings } from '../seed/examples';
import { anonymous, type Principal } from '../policy';
import { regionId } from '../seed/seed.service';
import { measureSeries, planTree, plansList, plansOfBody, type TreeItem } from './plans.queries';
import {
	myActionsPage,
	publicPlanPage,
	publicPlansPage,
	workspacePlanPage,
	workspacePlansPage
} from './plans.web';
import { monthsBefore, waitingForUpdate } from './updates.service';

const t = useTestDatabase();
const TODAY = '2026-11-27';
const LEUVEN = regionId('leuven');

let fixture: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db);
	const plan = await buildPlan(t.db, {
		bodyId: body.id,
		title: { nl: 'Actieplan Spitsregio' },
		isPublic: true
	});
	const owner = await buildMembership(t.db, {
		bodyId: body.id,
		givenName: 'An',
		familyName: 'Eigenaar'
	});
	const lead = await buildOrganisation(t.db, { name: { nl: 'Provincie' } });
	const partner = await buildOrganisation(t.db, { name: { nl: 'Stad' } });
	const ind = await buildIndicator(t.db);
	const other = await buildIndicator(t.db);

	// Positions out of insertion order: the tree follows position.
	const t2 = await buildItem(t.db, { planId: plan.id, kind: 'theme', position: 2, title: 'T2' });
	const t1 = await buildItem(t.db, { planId: plan.id, kind: 'theme', position: 1, title: 'T1' });
	const d1 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: t1.id,
		position: 1
	});
	const a1 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: d1.id,
		position: 1,
		startDate: '2026-01-01',
		dueDate: '2026-12-31',
		progress: 85,
		leadOrganisationId: lead.id,
		ownerPersonId: owner.person.id
	});
	await t.db.insert(planActionPartners).values({ itemId: a1.id, organisationId: partner.id });
	await t.db.insert(planMilestones).values({
		itemId: a1.id,
		title: 'Bevraging',
		dueDate: '2026-03-01',
		doneOn: '2026-02-20',
		isExample: true
	});
	const a2 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: d1.id,
		position: 2,
		startDate: '2025-01-01',
		dueDate: '2026-06-30',
		progress: 40
	});
	const a3 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: d1.id,
		position: 3,
		progress: 100,
		completedOn: '2026-03-01'
	});
	const m1 = await buildMeasure(t.db, {
		itemId: d1.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 60],
		target: ['2030', 70],
		targets: [['2025', 65]]
	});
	await observe(t.db, ind.id, LEUVEN, '2019', 10); // before the baseline: not an actual
	await observe(t.db, ind.id, LEUVEN, '2022', 61);
	await observe(t.db, ind.id, LEUVEN, '2024', 64);
	await observe(t.db, ind.id, LEUVEN, '2025', null); // missing: not the latest

	const d2 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: t2.id,
		position: 1
	});
	const a4 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: d2.id,
		position: 1,
		startDate: '2026-01-01',
		dueDate: '2027-12-31',
		progress: 50,
		statusOverride: 'at_risk',
		overrideReason: 'Een partner haakt af'
	});
	const a5 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: d2.id,
		position: 2,
		startDate: '2027-01-01',
		dueDate: '2027-12-31'
	});
	const m2 = await buildMeasure(t.db, {
		itemId: d2.id,
		indicatorId: other.id,
		areaId: LEUVEN,
		baseline: ['2022', 10],
		target: ['2028', 5],
		direction: 'lower_better',
		trajectory: 'stepped',
		targets: [['2025', 8]]
	});
	await t.db.insert(planUpdates).values([
		{ itemId: a1.id, reportedOn: '2026-06-01', text: 'Eerste helft', progress: 50 },
		{ itemId: a1.id, reportedOn: '2026-10-01', text: 'Bijna klaar', progress: 85 },
		{ measureId: m1.id, reportedOn: '2026-02-01', text: 'Meting 2024 binnen' }
	]);
	return {
		body,
		plan,
		owner,
		lead,
		partner,
		ind,
		other,
		t1,
		t2,
		d1,
		d2,
		a1,
		a2,
		a3,
		a4,
		a5,
		m1,
		m2
	};
}

beforeAll(async () => {
	fixture = await build();
});

const find = (items: TreeItem[], id: string): TreeItem | undefined => {
	for (const i of items) {
		if (i.id === id) return i;
		const below = find(i.children, id);
		if (below) return below;
	}
};

describe('planTree', () => {
	it('gives the tree in position order with every node’s computed status', async () => {
		const f = fixture;
		const tree = await planTree(t.db, f.plan.slug, { audience: 'members', today: TODAY });
		expect(tree.plan.title.nl).toBe('Actieplan Spitsregio');
		expect(tree.themes.map((x) => x.title)).toEqual(['T1', 'T2']);
		const d1 = tree.themes[0].children[0];
		expect(d1.children.map((a) => a.id)).toEqual([f.a1.id, f.a2.id, f.a3.id]);

		const a1 = find(tree.themes, f.a1.id)!;
		expect(a1).toMatchObject({
			status: 'on_track',
			explanation:
				'91 % van de tijd is verstreken, de actie staat op 85 %: 6 punten achter, binnen de marge.',
			overridden: false
		});
		expect(a1.action).toMatchObject({
			leadOrganisation: { id: f.lead.id, name: 'Provincie' },
			partners: [{ id: f.partner.id, name: 'Stad' }],
			owner: { personId: f.owner.person.id, name: 'An Eigenaar' },
			milestones: [{ title: 'Bevraging', dueDate: '2026-03-01', doneOn: '2026-02-20' }]
		});
		expect(a1.latestUpdate).toMatchObject({ reportedOn: '2026-10-01', text: 'Bijna klaar' });
		expect(find(tree.themes, f.a2.id)!.status).toBe('off_track');
		expect(find(tree.themes, f.a3.id)!.status).toBe('done');
		expect(find(tree.themes, f.a5.id)!.status).toBe('not_started');
		const a4 = find(tree.themes, f.a4.id)!;
		expect(a4).toMatchObject({ status: 'at_risk', overridden: true });
		expect(a4.explanation).toBe(
			'Handmatig vastgelegd: Een partner haakt af (berekend: op schema).'
		);

		// The measure: latest observation at or after the baseline with a value (2024).
		const [m1] = d1.measures;
		expect(m1.latest).toEqual({ period: '2024', periodStart: '2024-01-01', value: 64 });
		expect(m1.milestones).toEqual([{ period: '2025', periodStart: '2025-01-01', value: 65 }]);
		expect(m1.status).toBe('on_track');
		expect(m1.explanation).toBe(
			'Doelwaarde 70,0 % in 2030; laatste meting 64,0 % (2024) ligt op het traject.'
		);
		expect(m1.latestUpdate?.text).toBe('Meting 2024 binnen');
		const [m2] = tree.themes[1].children[0].measures;
		expect(m2).toMatchObject({ status: 'not_started', latest: null, direction: 'lower_better' });

		// Roll-up: measure on track, A1 on track, A2 off track, A3 done → 75 % → at risk.
		expect(d1).toMatchObject({
			status: 'at_risk',
			explanation: '3 van de 4 gestarte onderdelen op schema of afgerond (gewogen 75 %).'
		});
		expect(tree.themes[0].status).toBe('at_risk');
		// D2: only the overridden A4 counts (the measure and A5 have not started).
		expect(tree.themes[1].children[0].status).toBe('at_risk');
		expect(tree.status).toBe('at_risk');
		expect(tree.actionCounts).toEqual({
			not_started: 1,
			on_track: 1,
			at_risk: 1,
			off_track: 1,
			done: 1
		});
	});

	it('weighs children and lets overrides win at every level', async () => {
		const f = fixture;
		await t.db.update(planItems).set({ weight: 0 }).where(eq(planItems.id, f.a2.id));
		try {
			const tree = await planTree(t.db, f.plan.id, { audience: 'members', today: TODAY });
			const d1 = tree.themes[0].children[0];
			expect(d1.status).toBe('on_track');
			expect(d1.explanation).toBe(
				'3 van de 3 gestarte onderdelen op schema of afgerond (gewogen 100 %).'
			);
		} finally {
			await t.db.update(planItems).set({ weight: 1 }).where(eq(planItems.id, f.a2.id));
		}
		await t.db
			.update(plans)
			.set({ statusOverride: 'on_track', overrideReason: 'Besproken in de Taskforce' })
			.where(eq(plans.id, f.plan.id));
		try {
			const tree = await planTree(t.db, f.plan.id, { audience: 'members', today: TODAY });
			expect(tree).toMatchObject({ status: 'on_track', overridden: true });
			expect(tree.explanation).toContain('berekend: risico');
		} finally {
			await t.db
				.update(plans)
				.set({ statusOverride: null, overrideReason: null })
				.where(eq(plans.id, f.plan.id));
		}
	});

	it('uses the plan’s tolerances', async () => {
		const f = fixture;
		await t.db
			.update(plans)
			.set({
				tolerances: { measureOnTrack: 5, measureAtRisk: 15, actionAtRisk: 2, actionOffTrack: 5 }
			})
			.where(eq(plans.id, f.plan.id));
		try {
			const tree = await planTree(t.db, f.plan.id, { audience: 'members', today: TODAY });
			expect(find(tree.themes, f.a1.id)!.status).toBe('off_track');
		} finally {
			await t.db.update(plans).set({ tolerances: null }).where(eq(plans.id, f.plan.id));
		}
	});

	it('shows the public only published plans, without owner names', async () => {
		const f = fixture;
		const tree = await planTree(t.db, f.plan.slug, { audience: 'public', today: TODAY });
		expect(find(tree.themes, f.a1.id)!.action!.owner).toEqual({
			personId: f.owner.person.id,
			name: null
		});
		const hidden = await buildPlan(t.db, { bodyId: f.body.id, isPublic: false });
		expect((await rejection(planTree(t.db, hidden.slug, { audience: 'public' }))).code).toBe(
			'not_found'
		);
		expect((await planTree(t.db, hidden.id, { audience: 'members' })).themes).toEqual([]);
		expect((await rejection(planTree(t.db, 'bestaat-niet', { audience: 'members' }))).code).toBe(
			'not_found'
		);
	});
});

describe('measureSeries', () => {
	it('gives baseline, trajectory, targets and the actuals from the baseline on', async () => {
		const f = fixture;
		const s = await measureSeries(t.db, f.m1.id);
		expect(s.baseline).toEqual({ period: '2020', periodStart: '2020-01-01', value: 60 });
		expect(s.target).toEqual({ period: '2030', periodStart: '2030-01-01', value: 70 });
		expect(s.intermediateTargets).toEqual([
			{ period: '2025', periodStart: '2025-01-01', value: 65 }
		]);
		expect(s.trajectory.map((p) => [p.periodStart, p.value])).toEqual([
			['2020-01-01', 60],
			['2025-01-01', 65],
			['2030-01-01', 70]
		]);
		expect(s.actuals.map((a) => [a.period, a.value])).toEqual([
			['2022', 61],
			['2024', 64]
		]);
		expect(s.status).toBe('on_track');

		// Stepped: each level holds until the next target.
		await observe(t.db, f.other.id, LEUVEN, '2026', 8.5);
		const stepped = await measureSeries(t.db, f.m2.id);
		expect(stepped.trajectory.map((p) => [p.periodStart, p.value])).toEqual([
			['2022-01-01', 10],
			['2025-01-01', 10],
			['2025-01-01', 8],
			['2028-01-01', 8],
			['2028-01-01', 5]
		]);
		expect(stepped.actuals.map((a) => a.value)).toEqual([8.5]);
		expect(stepped.status).toBe('at_risk');
	});

	it('hides measures of unpublished plans from the public', async () => {
		const f = fixture;
		const hidden = await buildPlan(t.db, { bodyId: f.body.id, isPublic: false });
		const th = await buildItem(t.db, { planId: hidden.id, kind: 'theme' });
		const ob = await buildItem(t.db, { planId: hidden.id, kind: 'objective', parentId: th.id });
		const m = await buildMeasure(t.db, {
			itemId: ob.id,
			indicatorId: f.ind.id,
			areaId: LEUVEN,
			baseline: ['2020', 1],
			target: ['2030', 2]
		});
		expect((await rejection(measureSeries(t.db, m.id, { audience: 'public' }))).code).toBe(
			'not_found'
		);
		expect((await measureSeries(t.db, m.id)).measure.id).toBe(m.id);
		expect((await rejection(measureSeries(t.db, 'geen-id'))).code).toBe('not_found');
	});
});

describe('plan summaries', () => {
	it('lists plans with their rolled-up status, the public only published ones', async () => {
		const f = fixture;
		const own = await plansOfBody(t.db, f.body.id, { audience: 'members', today: TODAY });
		const mine = own.find((p) => p.plan.id === f.plan.id)!;
		expect(mine).toMatchObject({ status: 'at_risk', overridden: false });
		expect(mine.themes.map((x) => [x.title, x.status])).toEqual([
			['T1', 'at_risk'],
			['T2', 'at_risk']
		]);
		expect(mine.actionCounts.done).toBe(1);
		expect(own.length).toBeGreaterThan(1);
		const open = await plansOfBody(t.db, f.body.id, { audience: 'public', today: TODAY });
		expect(open.map((p) => p.plan.id)).toEqual([f.plan.id]);
		const all = await plansList(t.db, { audience: 'public', today: TODAY });
		expect(all.every((p) => p.plan.isPublic)).toBe(true);
		expect(all.map((p) => p.plan.id)).toContain(f.plan.id);
		expect((await plansList(t.db, { audience: 'members' })).length).toBeGreaterThan(all.length);
	});
});

describe('query counts', () => {
	it('do not grow with the plan, the number of plans or an owner’s actions', async () => {
		const body = await buildBody(t.db);
		const plan = await buildPlan(t.db, { bodyId: body.id, isPublic: true });
		const ind = await buildIndicator(t.db);
		// An owner who may read the body's plans and reports on their actions (mijn acties).
		const owner = await buildMemberUser(t.db, { bodyId: body.id });
		const day = today();
		const event = (principal: Principal, params: Record<string, string> = {}) =>
			({
				locals: { db: t.db, requestId: 'test', locale: 'nl', principal },
				params,
				url: new URL('http://localhost/')
			}) as unknown as RequestEvent<{ slug: string }>;
		const count = async (fn: () => Promise<unknown>) => (await countQueries(fn)).queries;
		const pages = async () => ({
			publicList: await publicPlansPage(event(anonymous)),
			publicPage: await publicPlanPage(event(anonymous, { slug: plan.slug })),
			workspaceList: await workspacePlansPage(event(owner.principal)),
			dashboard: await workspacePlanPage(event(owner.principal, { slug: plan.slug })),
			myActions: await myActionsPage(event(owner.principal))
		});
		const run = async () => ({
			tree: await count(() => planTree(t.db, plan.slug, { audience: 'public' })),
			body: await count(() => plansOfBody(t.db, body.id)),
			list: await count(() => plansList(t.db, { audience: 'members' })),
			// The routes' data: /plannen, /plannen/<slug>, /beheer/plannen, its dashboard, mijn acties.
			publicList: await count(() => publicPlansPage(event(anonymous))),
			publicPage: await count(() => publicPlanPage(event(anonymous, { slug: plan.slug }))),
			workspaceList: await count(() => workspacePlansPage(event(owner.principal))),
			dashboard: await count(() => workspacePlanPage(event(owner.principal, { slug: plan.slug }))),
			myActions: await count(() => myActionsPage(event(owner.principal))),
			waiting: await count(() => waitingForUpdate(t.db, owner.person.id))
		});
		const addTheme = async (planId: string, objectives: number, actions: number) => {
			const th = await buildItem(t.db, { planId, kind: 'theme' });
			for (let o = 0; o < objectives; o++) {
				const ob = await buildItem(t.db, { planId, kind: 'objective', parentId: th.id });
				const m = await buildMeasure(t.db, {
					itemId: ob.id,
					indicatorId: ind.id,
					areaId: LEUVEN,
					baseline: ['2020', 1],
					target: ['2030', 2],
					targets: [['2025', 1.5]]
				});
				await t.db
					.insert(planUpdates)
					.values({ measureId: m.id, reportedOn: '2026-01-01', text: 'Meting' });
				// Started a year ago, last reported four months ago: each waits for its owner's update.
				const rows = await t.db
					.insert(planItems)
					.values(
						Array.from({ length: actions }, (_, a) => ({
							planId,
							parentId: ob.id,
							kind: 'action' as const,
							externalId: `A-${ob.id}-${a}`,
							position: a,
							title: `Actie ${a}`,
							startDate: monthsBefore(day, 12),
							dueDate: monthsBefore(day, -12),
							progress: a * 5,
							ownerPersonId: owner.person.id
						}))
					)
					.returning({ id: planItems.id });
				await t.db
					.insert(planMilestones)
					.values(rows.map((r) => ({ itemId: r.id, title: 'Mijlpaal', dueDate: day })));
				await t.db
					.insert(planActionPartners)
					.values(rows.map((r) => ({ itemId: r.id, organisationId: partner.id })));
				await t.db.insert(planUpdates).values(
					rows.flatMap((r) => [
						{ itemId: r.id, reportedOn: monthsBefore(day, 8), text: 'Eerste' },
						{ itemId: r.id, reportedOn: monthsBefore(day, 4), text: 'Tweede' }
					])
				);
			}
		};
		const partner = await buildOrganisation(t.db, { name: { nl: 'Partner' } });
		await addTheme(plan.id, 1, 1);
		await observe(t.db, ind.id, LEUVEN, '2024', 1.4);
		const small = await run();
		// A tree: the plan and 8 tables; a list: the plans and what their statuses need (5).
		expect(small).toEqual({
			tree: 9,
			body: 6,
			list: 6,
			publicList: 6,
			publicPage: 9,
			workspaceList: 6,
			dashboard: 9,
			myActions: 2,
			waiting: 1
		});
		const before = await pages();

		// Larger: 3 more themes of 4 objectives × 15 actions, and a second plan of the body.
		for (let i = 0; i < 3; i++) await addTheme(plan.id, 4, 15);
		const second = await buildPlan(t.db, { bodyId: body.id, isPublic: true });
		await addTheme(second.id, 2, 10);
		const large = await run();
		expect(large).toEqual(small);

		// …and the pages did show the larger data.
		const after = await pages();
		const actions = 1 + 3 * 4 * 15;
		const total = (counts: Record<string, number>) =>
			Object.values(counts).reduce((a, b) => a + b, 0);
		expect(after.publicPage.themes).toHaveLength(4);
		expect(total(after.publicPage.actionCounts)).toBe(actions);
		expect(after.dashboard.themes).toHaveLength(4);
		expect(total(after.dashboard.actionCounts)).toBe(actions);
		expect(after.publicList.plans.length).toBe(before.publicList.plans.length + 1);
		expect(after.workspaceList.plans.length).toBe(before.workspaceList.plans.length + 1);
		expect(before.myActions.actions).toHaveLength(1);
		expect(after.myActions.actions).toHaveLength(actions + 2 * 10);
	});
});

describe('the example plan', () => {
	it('shows every status, one override among them, in the fixed number of queries', async () => {
		await seedExampleMeetings(t.ctx());
		await seedExampleMonitor(t.ctx());
		await seedExamplePlans(t.ctx());
		const { result: tree, queries } = await countQueries(() =>
			planTree(t.db, examplePlanId, { audience: 'public' })
		);
		expect(queries).toBe(9);
		expect(tree.plan.isExample).toBe(true);
		const nodes: { status: string; overridden: boolean }[] = [];
		const walk = (items: TreeItem[]) => {
			for (const i of items) {
				nodes.push(i, ...i.measures);
				walk(i.children);
			}
		};
		walk(tree.themes);
		expect(new Set(nodes.map((n) => n.status))).toEqual(
			new Set(['not_started', 'on_track', 'at_risk', 'off_track', 'done'])
		);
		expect(nodes.some((n) => n.overridden)).toBe(true);
		expect(nodes.every((n) => 'explanation' in n && (n as TreeItem).explanation.length > 0)).toBe(
			true
		);
		// The list reads less (no details, only late milestones) and computes the same statuses.
		const summaries = await plansList(t.db, { audience: 'public' });
		const summary = summaries.find((p) => p.plan.id === examplePlanId)!;
		expect(summary.status).toBe(tree.status);
		expect(summary.explanation).toBe(tree.explanation);
		expect(summary.actionCounts).toEqual(tree.actionCounts);
		expect(summary.themes.map((th) => [th.externalId, th.status])).toEqual(
			tree.themes.map((th) => [th.externalId, th.status])
		);
	});
});
