/**
 * The plans API: only published plans and what is in them (anything else is a 404 like an unknown
 * id), the tree's shape with computed statuses and no owners, measures with their series, an
 * action and its updates without authors, and a fixed number of queries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
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
import { countQueries } from '../db';
import { decisions, planActionPartners, planMilestones, planUpdates, users } from '../db/schema';
import { regionId } from '../seed/seed.service';
import {
	actionOut,
	getActionOut,
	getMeasureOut,
	getPlanOut,
	listActionUpdatesOut,
	listPlansOut,
	measureDetailOut,
	planDetailOut,
	planListQuery,
	planPageOut,
	planUpdateListOut
} from './plans.api';

const t = useTestDatabase();
const ORIGIN = 'https://streek.example';
const LEUVEN = regionId('leuven');
const query = (q: Record<string, unknown> = {}) => planListQuery.parse(q);

let f: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db);
	const other = await buildBody(t.db);
	const held = await buildMeeting(t.db, { bodyId: body.id, status: 'held' });
	const closed = await buildMeeting(t.db, { bodyId: body.id, status: 'held', isPublic: false });
	const [adopting, secret] = await t.db
		.insert(decisions)
		.values([
			{
				bodyId: body.id,
				year: 2025,
				number: 1,
				meetingId: held.meeting.id,
				title: 'Plan vastgesteld',
				text: 'Tekst.',
				status: 'adopted'
			},
			{
				bodyId: body.id,
				year: 2025,
				number: 2,
				meetingId: closed.meeting.id,
				title: 'Besloten',
				text: 'Geheim.',
				status: 'adopted'
			}
		])
		.returning();
	const plan = await buildPlan(t.db, {
		bodyId: body.id,
		regionId: LEUVEN,
		title: { nl: 'Actieplan', en: 'Action plan' },
		vision: 'Een **visie**.',
		status: 'adopted',
		adoptedByDecisionId: adopting.id,
		isPublic: true
	});
	const draft = await buildPlan(t.db, { bodyId: other.id, status: 'draft', isPublic: true });
	const closedPlan = await buildPlan(t.db, {
		bodyId: body.id,
		adoptedByDecisionId: secret.id,
		isPublic: true
	});
	const hidden = await buildPlan(t.db, { bodyId: body.id, isPublic: false });

	const owner = await buildMembership(t.db, {
		bodyId: body.id,
		givenName: 'Geheime',
		familyName: 'Eigenaar'
	});
	const lead = await buildOrganisation(t.db, { name: { nl: 'Provincie' } });
	const partner = await buildOrganisation(t.db, { name: { nl: 'Stad' } });
	const ind = await buildIndicator(t.db);

	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme', title: 'Werk' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id,
		challenge: 'Te weinig handen'
	});
	const late = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		startDate: '2020-01-01',
		dueDate: '2021-12-31',
		progress: 10,
		budgetPlanned: 1000,
		budgetSpent: 250.5,
		leadOrganisationId: lead.id,
		ownerPersonId: owner.person.id
	});
	await t.db.insert(planActionPartners).values({ itemId: late.id, organisationId: partner.id });
	await t.db
		.insert(planMilestones)
		.values({ itemId: late.id, title: 'Start', dueDate: '2020-06-01', doneOn: '2020-05-20' });
	const overridden = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		progress: 100,
		completedOn: '2024-01-01',
		statusOverride: 'at_risk',
		overrideReason: 'Nazorg loopt nog'
	});
	const measure = await buildMeasure(t.db, {
		itemId: objective.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 60],
		target: ['2030', 70],
		targets: [['2025', 65]]
	});
	await observe(t.db, ind.id, LEUVEN, '2022', 61);
	await observe(t.db, ind.id, LEUVEN, '2024', 64);

	const hiddenTheme = await buildItem(t.db, { planId: hidden.id, kind: 'theme' });
	const hiddenObjective = await buildItem(t.db, {
		planId: hidden.id,
		kind: 'objective',
		parentId: hiddenTheme.id
	});
	const hiddenAction = await buildItem(t.db, {
		planId: hidden.id,
		kind: 'action',
		parentId: hiddenObjective.id
	});
	const hiddenMeasure = await buildMeasure(t.db, {
		itemId: hiddenObjective.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 1],
		target: ['2030', 2]
	});

	const [author] = await t.db
		.insert(users)
		.values({ email: 'schrijver@example.org', name: 'Schrijver Persoonlijk' })
		.returning();
	await t.db.insert(planUpdates).values([
		{
			itemId: late.id,
			reportedOn: '2021-03-01',
			text: 'Gestart',
			progress: 5,
			authorUserId: author.id
		},
		{
			itemId: late.id,
			reportedOn: '2021-09-01',
			text: 'Vertraagd',
			progress: 10,
			statusProposal: 'at_risk',
			authorUserId: author.id
		},
		{ itemId: hiddenAction.id, reportedOn: '2021-09-01', text: 'Niet publiek' }
	]);
	return {
		body,
		plan,
		draft,
		closedPlan,
		hidden,
		adopting,
		lead,
		partner,
		theme,
		objective,
		late,
		overridden,
		measure,
		hiddenObjective,
		hiddenAction,
		hiddenMeasure
	};
}

beforeAll(async () => {
	f = await build();
});

const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

describe('listPlansOut', () => {
	it('lists the published plans only, by id, with their computed status', async () => {
		const page = await listPlansOut(t.db, query(), ORIGIN);
		expect(planPageOut.safeParse(page).success).toBe(true);
		expect(ids(page)).toEqual([f.plan.id, f.draft.id, f.closedPlan.id].sort());
		expect(ids(page)).not.toContain(f.hidden.id);
		expect(page.nextCursor).toBeNull();

		const plan = page.items.find((p) => p.id === f.plan.id)!;
		expect(plan).toMatchObject({
			slug: f.plan.slug,
			title: { nl: 'Actieplan', en: 'Action plan' },
			vision: 'Een **visie**.',
			body: { id: f.body.id, slug: f.body.slug, name: f.body.name.nl },
			region: { id: LEUVEN, name: 'Regio Leuven' },
			status: 'adopted',
			adoptedByDecisionId: f.adopting.id,
			version: 1,
			actionCounts: { off_track: 1, at_risk: 1, on_track: 0, not_started: 0, done: 0 },
			links: { html: `${ORIGIN}/plannen/${f.plan.slug}` }
		});
		// The same rolled-up status as the plan's own tree.
		expect(plan.computedStatus).toEqual((await getPlanOut(t.db, f.plan.id, ORIGIN)).computedStatus);
		expect(plan.computedStatus.explanation).not.toBe('');
	});

	it('leaves out the id of a closed decision that adopted a plan', async () => {
		const page = await listPlansOut(t.db, query(), ORIGIN);
		const closed = page.items.find((p) => p.id === f.closedPlan.id)!;
		expect(closed.adoptedByDecisionId).toBeNull();
		expect(JSON.stringify(page)).not.toMatch(/Geheim|Besloten/);
	});

	it('filters by body (id or slug) and by stage', async () => {
		const bySlug = await listPlansOut(t.db, query({ body: f.body.slug }), ORIGIN);
		const byId = await listPlansOut(t.db, query({ body: f.body.id.toUpperCase() }), ORIGIN);
		expect(ids(bySlug)).toEqual([f.plan.id, f.closedPlan.id].sort());
		expect(ids(byId)).toEqual(ids(bySlug));
		expect(ids(await listPlansOut(t.db, query({ body: 'bestaat-niet' }), ORIGIN))).toEqual([]);
		expect(ids(await listPlansOut(t.db, query({ status: 'draft' }), ORIGIN))).toEqual([f.draft.id]);
		expect(planListQuery.safeParse({ status: 'misschien' }).success).toBe(false);
	});

	it('pages with a cursor, and refuses a cursor that does not decode', async () => {
		const all = ids(await listPlansOut(t.db, query(), ORIGIN));
		const first = await listPlansOut(t.db, query({ limit: 2 }), ORIGIN);
		expect(ids(first)).toEqual(all.slice(0, 2));
		const second = await listPlansOut(t.db, query({ limit: 2, cursor: first.nextCursor! }), ORIGIN);
		expect(ids(second)).toEqual(all.slice(2));
		expect(second.nextCursor).toBeNull();
		const e = await rejection(listPlansOut(t.db, query({ cursor: 'kapot' }), ORIGIN));
		expect(e.code).toBe('invalid_input');
	});
});

describe('getPlanOut', () => {
	it('gives the tree: themes → objectives with measures → actions, each with its status', async () => {
		const out = await getPlanOut(t.db, f.plan.id, ORIGIN);
		expect(planDetailOut.safeParse(out).success).toBe(true);
		expect(out.themes.map((th) => th.id)).toEqual([f.theme.id]);
		const objective = out.themes[0].children[0];
		expect(objective).toMatchObject({
			id: f.objective.id,
			kind: 'objective',
			parentId: f.theme.id,
			challenge: 'Te weinig handen',
			action: null
		});
		expect(objective.children.map((a) => a.id)).toEqual([f.late.id, f.overridden.id]);

		const [late, overridden] = objective.children;
		expect(late).toMatchObject({
			kind: 'action',
			externalId: f.late.externalId,
			computedStatus: { status: 'off_track', overridden: false },
			override: null,
			measures: [],
			children: [],
			action: {
				leadOrganisation: { id: f.lead.id, slug: f.lead.slug, name: 'Provincie' },
				partners: [{ id: f.partner.id, slug: f.partner.slug, name: 'Stad' }],
				startDate: '2020-01-01',
				dueDate: '2021-12-31',
				budgetPlanned: 1000,
				budgetSpent: 250.5,
				progress: 10,
				completedOn: null,
				milestones: [
					{ id: expect.any(String), title: 'Start', dueDate: '2020-06-01', doneOn: '2020-05-20' }
				]
			},
			latestUpdate: { reportedOn: '2021-09-01', text: 'Vertraagd', statusProposal: 'at_risk' }
		});
		expect(late.computedStatus.explanation).toContain('2021');
		expect(overridden).toMatchObject({
			computedStatus: { status: 'at_risk', overridden: true },
			override: { status: 'at_risk', reason: 'Nazorg loopt nog' }
		});

		expect(objective.measures).toHaveLength(1);
		expect(objective.measures[0]).toMatchObject({
			id: f.measure.id,
			objectiveId: f.objective.id,
			indicator: { code: expect.any(String), unit: '%' },
			area: { id: LEUVEN, name: 'Regio Leuven' },
			direction: 'higher_better',
			baseline: { period: '2020', value: 60 },
			target: { period: '2030', value: 70 },
			intermediateTargets: [{ period: '2025', value: 65 }],
			latest: { period: '2024', value: 64 },
			computedStatus: { status: expect.any(String), overridden: false }
		});
	});

	it('publishes no owner: no name, no person id', async () => {
		const json = JSON.stringify(await getPlanOut(t.db, f.plan.id, ORIGIN));
		expect(json).not.toMatch(/Geheime|Eigenaar|owner|personId|Schrijver/);
	});

	it('answers a plan that is not published like an unknown one', async () => {
		for (const id of [f.hidden.id, '00000000-0000-4000-8000-000000000000']) {
			const e = await rejection(getPlanOut(t.db, id, ORIGIN));
			expect(e.code).toBe('not_found');
			expect(e.message).toBe('Plan niet gevonden.');
		}
	});
});

describe('getMeasureOut', () => {
	it('gives a measure with its planned trajectory and the observations since the baseline', async () => {
		const out = await getMeasureOut(t.db, f.measure.id, ORIGIN);
		expect(measureDetailOut.safeParse(out).success).toBe(true);
		expect(out).toMatchObject({
			id: f.measure.id,
			planId: f.plan.id,
			planSlug: f.plan.slug,
			objectiveId: f.objective.id,
			links: { html: `${ORIGIN}/plannen/${f.plan.slug}#doel-${f.objective.id}` }
		});
		expect(out.series.trajectory.map((p) => [p.period, p.value])).toEqual([
			['2020', 60],
			['2025', 65],
			['2030', 70]
		]);
		expect(out.series.actuals.map((a) => [a.period, a.value])).toEqual([
			['2022', 61],
			['2024', 64]
		]);
	});

	it('answers a measure of a plan that is not published like an unknown one', async () => {
		for (const id of [f.hiddenMeasure.id, '00000000-0000-4000-8000-000000000000']) {
			expect((await rejection(getMeasureOut(t.db, id, ORIGIN))).code).toBe('not_found');
		}
	});
});

describe('getActionOut and listActionUpdatesOut', () => {
	it('gives an action of a published plan without its owner', async () => {
		const out = await getActionOut(t.db, f.late.id, ORIGIN);
		expect(actionOut.safeParse(out).success).toBe(true);
		expect(out).toMatchObject({
			id: f.late.id,
			planId: f.plan.id,
			planSlug: f.plan.slug,
			parentId: f.objective.id,
			computedStatus: { status: 'off_track' },
			action: { progress: 10, leadOrganisation: { id: f.lead.id } },
			links: { html: `${ORIGIN}/plannen/${f.plan.slug}` }
		});
		expect(JSON.stringify(out)).not.toMatch(/Geheime|Eigenaar|owner|personId/);
	});

	it('lists its updates newest first, without their author', async () => {
		const out = await listActionUpdatesOut(t.db, f.late.id);
		expect(planUpdateListOut.safeParse(out).success).toBe(true);
		expect(out.items.map((u) => [u.reportedOn, u.text, u.progress, u.statusProposal])).toEqual([
			['2021-09-01', 'Vertraagd', 10, 'at_risk'],
			['2021-03-01', 'Gestart', 5, null]
		]);
		expect(JSON.stringify(out)).not.toMatch(/Schrijver|schrijver@|author/);
		expect(await listActionUpdatesOut(t.db, f.overridden.id)).toEqual({ items: [] });
	});

	it('answers an action of a plan that is not published, or not an action, like an unknown one', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		for (const id of [f.hiddenAction.id, f.objective.id, f.theme.id, unknown, 'geen-uuid']) {
			const a = await rejection(getActionOut(t.db, id, ORIGIN));
			const u = await rejection(listActionUpdatesOut(t.db, id));
			expect([a.code, a.message, u.code, u.message]).toEqual([
				'not_found',
				'Actie niet gevonden.',
				'not_found',
				'Actie niet gevonden.'
			]);
		}
	});
});

describe('query counts', () => {
	it('do not grow with the plans', async () => {
		const run = async () => ({
			list: (await countQueries(() => listPlansOut(t.db, query(), ORIGIN))).queries,
			plan: (await countQueries(() => getPlanOut(t.db, f.plan.id, ORIGIN))).queries,
			measure: (await countQueries(() => getMeasureOut(t.db, f.measure.id, ORIGIN))).queries,
			action: (await countQueries(() => getActionOut(t.db, f.late.id, ORIGIN))).queries,
			updates: (await countQueries(() => listActionUpdatesOut(t.db, f.late.id))).queries
		});
		const small = await run();
		expect(small).toEqual({ list: 7, plan: 10, measure: 3, action: 10, updates: 3 });

		for (let p = 0; p < 3; p++) {
			const plan = await buildPlan(t.db, { bodyId: f.body.id, isPublic: true });
			const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
			for (let o = 0; o < 3; o++) {
				const objective = await buildItem(t.db, {
					planId: plan.id,
					kind: 'objective',
					parentId: theme.id
				});
				await buildItem(t.db, { planId: plan.id, kind: 'action', parentId: objective.id });
			}
			const extra = await buildItem(t.db, {
				planId: f.plan.id,
				kind: 'action',
				parentId: f.objective.id
			});
			await t.db
				.insert(planUpdates)
				.values({ itemId: extra.id, reportedOn: '2021-01-01', text: 'Meer' });
		}
		await t.db.insert(planUpdates).values(
			Array.from({ length: 5 }, (_, i) => ({
				itemId: f.late.id,
				reportedOn: `2020-0${i + 1}-01`,
				text: `Oud ${i}`
			}))
		);
		expect(await run()).toEqual(small);
	});
});
