/**
 * Keeping a plan: creation with a unique slug, the tree's shape rules and external ids, order,
 * optimistic concurrency, measures with their periods, overrides with a reason, adoption and
 * amendment (versions), links to decisions and agenda items, and every bad input of issue 9
 * refused with its Dutch message and nothing written (row counts and audit rows unchanged).
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingsOfItem, plansOfDecision } from './meetings.queries';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMemberUser,
	buildMembership,
	buildOrganisation
} from '../../../../tests/helpers/factories';
import {
	agendaItemActions,
	auditEvents,
	decisionPlanLinks,
	decisions,
	indicators,
	planActionPartners,
	planIndicators,
	planItems,
	planMeasureTargets,
	planMeasures,
	planMilestones,
	planUpdates,
	planVersions,
	plans
} from '../db/schema';
import type { Principal } from '../policy';
import { createIndicator } from '../monitor/catalogue.service';
import { areaId, bodyId, regionId } from '../seed/seed.service';
import {
	addItem,
	addMeasure,
	addMilestone,
	addPlanIndicator,
	adoptPlan,
	amendPlan,
	createPlan,
	deleteItem,
	deleteMeasure,
	linkDecision,
	moveItem,
	PlanConflict,
	removeMilestone,
	setAgendaItemActions,
	setOverride,
	setPlanStatus,
	updateItem,
	updateMeasure,
	updateMilestone,
	updatePlan,
	type Plan,
	type PlanItem
} from './plans.service';
import { fromForm } from './plans.schema';

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const leuven = areaId('24062');

async function counts() {
	const tables = {
		plans,
		planItems,
		planActionPartners,
		planMilestones,
		planMeasures,
		planMeasureTargets,
		planVersions,
		planUpdates,
		decisionPlanLinks,
		agendaItemActions,
		planIndicators,
		indicators,
		auditEvents
	};
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await t.db.select({ n: count() }).from(table);
		out[name] = row.n;
	}
	return out;
}

/** Assert a refusal with its message on the field, and that nothing was written. */
async function refused(call: () => Promise<unknown>, field: string, message: string) {
	const before = await counts();
	const e = await rejection(call());
	expect(e.code).toBe('invalid_input');
	expect(e.fields?.[field]).toContain(message);
	expect(await counts()).toEqual(before);
	return e;
}

let decisionSeq = 0;
async function buildDecision(body = taskforce) {
	const { meeting } = await buildMeeting(t.db, { bodyId: body, status: 'held' });
	const [row] = await t.db
		.insert(decisions)
		.values({
			bodyId: body,
			meetingId: meeting.id,
			year: 2030,
			number: 900 + ++decisionSeq,
			title: 'Besluit over het plan',
			text: 'Het plan wordt vastgesteld.',
			isExample: true
		})
		.returning();
	return row;
}

const planBase = {
	title: 'Onze regio, onze toekomst',
	vision: 'Een **sterke** regio.',
	periodStart: '2025-01-01',
	periodEnd: '2030-12-31'
};

let plan: Plan;
let theme: PlanItem;
let general: PlanItem;
let specific: PlanItem;
let action: PlanItem;
let indicatorId: string;
let staff: Principal;
let secretary: Principal;
let member: Principal;

beforeAll(async () => {
	const ind = await createIndicator(t.ctx(), {
		code: 'plan_werkzaamheidsgraad',
		name: { nl: 'Werkzaamheidsgraad' },
		unit: '%',
		domain: 'arbeidsmarkt',
		direction: 'higher_better'
	});
	indicatorId = ind.id;
	await createIndicator(t.ctx(), {
		code: 'plan_neutraal',
		name: { nl: 'Neutraal' },
		unit: 'aantal',
		domain: 'demografie'
	});
	staff = (await buildMemberUser(t.db, { bodyId: taskforce, platformRole: 'staff' })).principal;
	secretary = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'secretary' })).principal;
	member = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'member' })).principal;
	plan = await createPlan(t.ctx({ principal: secretary }), { bodyId: taskforce, ...planBase });
	theme = await addItem(t.ctx(), plan.id, { kind: 'theme', title: 'Werk' });
	general = await addItem(t.ctx(), plan.id, {
		kind: 'objective',
		parentId: theme.id,
		title: 'Meer mensen aan het werk',
		challenge: 'Uitdaging algemeen'
	});
	specific = await addItem(t.ctx(), plan.id, {
		kind: 'objective',
		parentId: general.id,
		title: 'Jongeren aan het werk'
	});
	action = await addItem(t.ctx(), plan.id, {
		kind: 'action',
		parentId: specific.id,
		title: 'Jobbeurs',
		startDate: '2025-01-01',
		dueDate: '2025-12-31'
	});
});

describe('plans', () => {
	it('creates a draft plan with a slug from the title, made unique with -2, -3, audited', async () => {
		expect(plan).toMatchObject({
			slug: 'onze-regio-onze-toekomst',
			bodyId: taskforce,
			title: { nl: 'Onze regio, onze toekomst' },
			status: 'draft',
			revision: 1,
			version: 1
		});
		const second = await createPlan(t.ctx(), { regionId: regionId('leuven'), ...planBase });
		const third = await createPlan(t.ctx(), { bodyId: taskforce, ...planBase });
		expect([second.slug, third.slug]).toEqual([
			'onze-regio-onze-toekomst-2',
			'onze-regio-onze-toekomst-3'
		]);
		expect(second.regionId).toBe(regionId('leuven'));
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.recordId, plan.id));
		expect(audit.map((a) => a.action)).toContain('plan.create');
	});

	it('refuses a plan without an owner, with two owners, with a municipality as region, or ending before it starts', async () => {
		await refused(
			() => createPlan(t.ctx(), planBase),
			'bodyId',
			'Kies het orgaan of de regio die het plan draagt.'
		);
		await refused(
			() => createPlan(t.ctx(), { ...planBase, bodyId: taskforce, regionId: regionId('leuven') }),
			'bodyId',
			'Kies het orgaan of de regio die het plan draagt.'
		);
		await refused(
			() => createPlan(t.ctx(), { ...planBase, regionId: leuven }),
			'regionId',
			'Kies een regio (Leuven of Halle-Vilvoorde).'
		);
		await refused(
			() => createPlan(t.ctx(), { ...planBase, bodyId: taskforce, periodEnd: '2024-01-01' }),
			'periodEnd',
			'Het einde van de planperiode kan niet vóór het begin liggen.'
		);
	});

	it('refuses a member without rights, and a region plan to a body secretary; nothing written', async () => {
		const before = await counts();
		const e = await rejection(
			createPlan(t.ctx({ principal: member }), { bodyId: taskforce, ...planBase })
		);
		expect(e.code).toBe('forbidden');
		expect(
			(
				await rejection(
					addItem(t.ctx({ principal: member }), plan.id, { kind: 'theme', title: 'X' })
				)
			).code
		).toBe('forbidden');
		expect(
			(
				await rejection(
					createPlan(t.ctx({ principal: secretary }), { regionId: regionId('leuven'), ...planBase })
				)
			).code
		).toBe('forbidden');
		expect(
			(await rejection(updatePlan(t.ctx({ principal: member }), plan.id, planBase, 1))).code
		).toBe('forbidden');
		expect(await counts()).toEqual(before);
		// Staff keep every plan.
		const staffTheme = await addItem(t.ctx({ principal: staff }), plan.id, {
			kind: 'theme',
			title: 'Staf'
		});
		await deleteItem(t.ctx({ principal: staff }), staffTheme.id);
	});

	it('saves with optimistic concurrency: of two edits from the same revision the second is refused, the first kept', async () => {
		const fresh = await createPlan(t.ctx(), {
			bodyId: taskforce,
			...planBase,
			title: 'Gelijktijdig'
		});
		const first = await updatePlan(
			t.ctx(),
			fresh.id,
			{ ...planBase, title: 'Eerste' },
			fresh.revision
		);
		expect(first.revision).toBe(2);
		const before = await counts();
		const e = await rejection(
			updatePlan(t.ctx(), fresh.id, { ...planBase, title: 'Tweede' }, fresh.revision)
		);
		expect(e.code).toBe('conflict');
		expect(e.message).toMatch(/^Iemand anders heeft dit intussen gewijzigd/);
		expect(e).toBeInstanceOf(PlanConflict);
		expect((e as PlanConflict<Plan>).current.title).toEqual({ nl: 'Eerste' });
		expect(await counts()).toEqual(before);
		const [stored] = await t.db.select().from(plans).where(eq(plans.id, fresh.id));
		expect(stored.title).toEqual({ nl: 'Eerste' });
	});

	it('stores tolerances from form strings, refuses crossed ones, keeps them when absent', async () => {
		const fresh = await createPlan(t.ctx(), {
			bodyId: taskforce,
			...planBase,
			title: 'Toleranties'
		});
		const tol = {
			measureOnTrack: '5',
			measureAtRisk: '20',
			actionAtRisk: '10',
			actionOffTrack: '25'
		};
		await refused(
			() =>
				updatePlan(
					t.ctx(),
					fresh.id,
					{ ...planBase, tolerances: { ...tol, measureAtRisk: '2' } },
					1
				),
			'tolerances.measureAtRisk',
			'De grens voor „risico” ligt niet onder die voor „op schema”.'
		);
		await refused(
			() =>
				updatePlan(
					t.ctx(),
					fresh.id,
					{ ...planBase, tolerances: { ...tol, actionAtRisk: '-1' } },
					1
				),
			'tolerances.actionAtRisk',
			'Een tolerantie is een getal van 0 tot 100.'
		);
		const saved = await updatePlan(t.ctx(), fresh.id, { ...planBase, tolerances: tol }, 1);
		expect(saved.tolerances).toEqual({
			measureOnTrack: 5,
			measureAtRisk: 20,
			actionAtRisk: 10,
			actionOffTrack: 25
		});
		const kept = await updatePlan(t.ctx(), fresh.id, { ...planBase, isPublic: 'on' }, 2);
		expect(kept).toMatchObject({ isPublic: true, tolerances: saved.tolerances, revision: 3 });
	});

	it('lets exactly one of ten parallel edits from the same revision win; the others get the current row', async () => {
		const item = await addItem(t.ctx(), plan.id, { kind: 'theme', title: 'Parallel' });
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) =>
				updateItem(t.ctx(), item.id, { title: `Versie ${i}` }, item.revision)
			)
		);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected');
		expect(won).toHaveLength(1);
		const winner = (won[0] as PromiseFulfilledResult<PlanItem>).value;
		for (const l of lost) {
			expect(l.reason).toBeInstanceOf(PlanConflict);
			expect((l.reason as PlanConflict<PlanItem>).current.title).toBe(winner.title);
		}
		const [stored] = await t.db.select().from(planItems).where(eq(planItems.id, item.id));
		expect(stored).toMatchObject({ title: winner.title, revision: 2 });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'plan.item.update'), eq(auditEvents.recordId, item.id)));
		expect(audit).toHaveLength(1);
		await deleteItem(t.ctx(), item.id);
	});
});

describe('the tree', () => {
	it('generates external ids T1, D1.1, D1.1.1, A1.1.1.1 and keeps challenge only on objectives', async () => {
		expect([theme.externalId, general.externalId, specific.externalId, action.externalId]).toEqual([
			'T1',
			'D1.1',
			'D1.1.1',
			'A1.1.1.1'
		]);
		expect(general.challenge).toBe('Uitdaging algemeen');
		const second = await addItem(t.ctx(), plan.id, {
			kind: 'theme',
			title: 'Wonen',
			challenge: 'x'
		});
		expect(second.externalId).toBe('T2');
		expect(second.challenge).toBe('');
		await deleteItem(t.ctx(), second.id);
	});

	it('enforces the shape: themes on top, objectives under a theme or a general objective, actions under an objective', async () => {
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'theme', parentId: theme.id, title: 'X' }),
			'parentId',
			'Een thema staat bovenaan het plan, niet onder een ander onderdeel.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'objective', title: 'X' }),
			'parentId',
			'Kies waaronder deze doelstelling hoort.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'objective', parentId: specific.id, title: 'X' }),
			'parentId',
			'Een specifieke doelstelling kan geen verdere doelstellingen hebben.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'objective', parentId: action.id, title: 'X' }),
			'parentId',
			'Een doelstelling hoort onder een thema of onder een algemene doelstelling.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'action', parentId: theme.id, title: 'X' }),
			'parentId',
			'Een actie hoort onder een doelstelling.'
		);
		const other = await createPlan(t.ctx(), { bodyId: taskforce, ...planBase });
		await refused(
			() => addItem(t.ctx(), other.id, { kind: 'objective', parentId: theme.id, title: 'X' }),
			'parentId',
			'Kies een onderdeel van dit plan.'
		);
	});

	it('refuses a duplicate external id (case-insensitive), on add and on update', async () => {
		await refused(
			() => addItem(t.ctx(), plan.id, { kind: 'theme', title: 'X', externalId: 't1' }),
			'externalId',
			'Het id t1 bestaat al in dit plan: kies een ander.'
		);
		await refused(
			() => updateItem(t.ctx(), specific.id, { title: 'X', externalId: 'D1.1' }, specific.revision),
			'externalId',
			'Het id D1.1 bestaat al in dit plan: kies een ander.'
		);
	});

	it('stores action fields from form strings: partners, owner, dates, budget with a decimal comma, progress', async () => {
		const lead = await buildOrganisation(t.db);
		const partner = await buildOrganisation(t.db);
		const { person } = await buildMembership(t.db, { bodyId: taskforce });
		const created = await addItem(t.ctx(), plan.id, {
			kind: 'action',
			parentId: general.id,
			externalId: 'A-eigen',
			title: 'Opleidingen',
			isPriority: 'on',
			weight: '2,5',
			leadOrganisationId: lead.id,
			partnerOrganisationIds: [partner.id, lead.id],
			ownerPersonId: person.id,
			startDate: '2025-02-01',
			dueDate: '2026-06-30',
			budgetPlanned: '12 500,50',
			budgetSpent: '',
			progress: '40',
			challenge: 'genegeerd'
		});
		expect(created).toMatchObject({
			externalId: 'A-eigen',
			isPriority: true,
			weight: 2.5,
			leadOrganisationId: lead.id,
			ownerPersonId: person.id,
			budgetPlanned: 12500.5,
			budgetSpent: null,
			progress: 40,
			challenge: ''
		});
		const partners = await t.db
			.select()
			.from(planActionPartners)
			.where(eq(planActionPartners.itemId, created.id));
		expect(partners).toHaveLength(2);
		const updated = await updateItem(
			t.ctx(),
			created.id,
			{ title: 'Opleidingen', partnerOrganisationIds: [partner.id], startDate: '2025-02-01' },
			created.revision
		);
		expect(updated.revision).toBe(2);
		expect(updated.progress).toBe(40);
		expect(
			await t.db.select().from(planActionPartners).where(eq(planActionPartners.itemId, created.id))
		).toEqual([{ itemId: created.id, organisationId: partner.id }]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'plan.item.update'), eq(auditEvents.recordId, created.id)));
		expect(audit.changes).toHaveProperty('partnerOrganisationIds');
		await deleteItem(t.ctx(), created.id);
	});

	it('refuses a progress of 140 %, a due date before the start, a weight of −1 and a negative budget; nothing saved', async () => {
		const base = { kind: 'action', parentId: general.id, title: 'Fout' };
		await refused(
			() => addItem(t.ctx(), plan.id, { ...base, progress: '140' }),
			'progress',
			'De voortgang is een geheel getal van 0 tot 100 %.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { ...base, startDate: '2026-01-01', dueDate: '2025-12-31' }),
			'dueDate',
			'De einddatum kan niet vóór de startdatum liggen.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { ...base, weight: '-1' }),
			'weight',
			'Het gewicht kan niet negatief zijn.'
		);
		await refused(
			() => addItem(t.ctx(), plan.id, { ...base, budgetPlanned: -5 }),
			'budgetPlanned',
			'Een budget kan niet negatief zijn.'
		);
		// And on an edit of an existing action: nothing changes, the revision stays.
		await refused(
			() => updateItem(t.ctx(), action.id, { title: 'Jobbeurs', progress: 140 }, action.revision),
			'progress',
			'De voortgang is een geheel getal van 0 tot 100 %.'
		);
		await refused(
			() => updateItem(t.ctx(), action.id, { title: 'Jobbeurs', weight: -1 }, action.revision),
			'weight',
			'Het gewicht kan niet negatief zijn.'
		);
		const [stored] = await t.db.select().from(planItems).where(eq(planItems.id, action.id));
		expect(stored).toMatchObject({ revision: action.revision, weight: 1, progress: 0 });
	});

	it('refuses unknown organisations and people with a message per field', async () => {
		await refused(
			() =>
				addItem(t.ctx(), plan.id, {
					kind: 'action',
					parentId: general.id,
					title: 'X',
					leadOrganisationId: crypto.randomUUID()
				}),
			'leadOrganisationId',
			'Die organisatie bestaat niet.'
		);
	});

	it('moves items up and down among their siblings', async () => {
		const b = await addItem(t.ctx(), plan.id, { kind: 'theme', title: 'B' });
		const c = await addItem(t.ctx(), plan.id, { kind: 'theme', title: 'C' });
		await moveItem(t.ctx(), c.id, 'up');
		const order = async () =>
			(
				await t.db
					.select({ title: planItems.title })
					.from(planItems)
					.where(eq(planItems.planId, plan.id))
					.orderBy(planItems.position)
			)
				.filter((r) => ['Werk', 'B', 'C'].includes(r.title))
				.map((r) => r.title);
		expect(await order()).toEqual(['Werk', 'C', 'B']);
		await moveItem(t.ctx(), theme.id, 'down');
		expect(await order()).toEqual(['C', 'Werk', 'B']);
		const before = await counts();
		const e = await rejection(moveItem(t.ctx(), c.id, 'up'));
		expect(e.message).toBe('Dit onderdeel staat al bovenaan.');
		expect(await counts()).toEqual(before);
		await moveItem(t.ctx(), theme.id, 'up');
		await deleteItem(t.ctx(), b.id);
		await deleteItem(t.ctx(), c.id);
	});

	it('keeps what has progress updates: deleting its item, an ancestor or its measure is refused', async () => {
		const th = await addItem(t.ctx(), plan.id, { kind: 'theme', title: 'Met geschiedenis' });
		const ob = await addItem(t.ctx(), plan.id, { kind: 'objective', parentId: th.id, title: 'D' });
		const ac = await addItem(t.ctx(), plan.id, { kind: 'action', parentId: ob.id, title: 'A' });
		const me = await addMeasure(t.ctx(), ob.id, {
			indicatorId,
			areaId: leuven,
			baselineValue: 1,
			baselinePeriod: '2024',
			targetValue: 2,
			targetPeriod: '2030'
		});
		await t.db.insert(planUpdates).values([
			{ itemId: ac.id, reportedOn: '2025-03-01', text: 'Gestart', progress: 10, isExample: true },
			{ measureId: me.id, reportedOn: '2025-03-01', text: 'Meting', isExample: true }
		]);
		const message =
			'Hierover zijn al voortgangsmeldingen bewaard: dit onderdeel kan niet meer verwijderd worden. Leg zo nodig de status met de hand vast, met een reden.';
		const before = await counts();
		for (const call of [
			() => deleteItem(t.ctx(), th.id),
			() => deleteItem(t.ctx(), ac.id),
			() => deleteMeasure(t.ctx(), me.id)
		]) {
			const e = await rejection(call());
			expect(e.message).toBe(message);
		}
		expect(await counts()).toEqual(before);
		await t.db.delete(planUpdates).where(eq(planUpdates.itemId, ac.id));
		expect((await rejection(deleteItem(t.ctx(), th.id))).message).toBe(message);
		await t.db.delete(planUpdates).where(eq(planUpdates.measureId, me.id));
		await deleteItem(t.ctx(), th.id);
		expect(await t.db.select().from(planItems).where(eq(planItems.id, ac.id))).toEqual([]);
	});

	it('reads a posted form: the revision apart, flat tolerances nested, all blank = defaults', () => {
		expect(fromForm({ title: 'X', revision: '3' })).toEqual({
			input: { title: 'X' },
			revision: '3'
		});
		expect(
			fromForm({
				title: 'X',
				measureOnTrack: '5',
				measureAtRisk: '15',
				actionAtRisk: '',
				actionOffTrack: '30'
			}).input.tolerances
		).toEqual({ measureOnTrack: '5', measureAtRisk: '15', actionAtRisk: '', actionOffTrack: '30' });
		expect(
			fromForm({ measureOnTrack: '', measureAtRisk: ' ', actionAtRisk: '', actionOffTrack: '' })
				.input
		).toEqual({ tolerances: null });
	});

	it('adds, updates and removes milestones of an action only', async () => {
		const m = await addMilestone(t.ctx(), action.id, {
			title: 'Locatie vastgelegd',
			dueDate: '2025-03-01'
		});
		const done = await updateMilestone(t.ctx(), m.id, {
			title: 'Locatie vastgelegd',
			dueDate: '2025-03-01',
			doneOn: '2025-02-20'
		});
		expect(done.doneOn).toBe('2025-02-20');
		const before = await counts();
		expect(
			(await rejection(addMilestone(t.ctx(), theme.id, { title: 'X', dueDate: '2025-03-01' })))
				.message
		).toBe('Alleen een actie heeft mijlpalen.');
		expect(await counts()).toEqual(before);
		await removeMilestone(t.ctx(), m.id);
		expect(await t.db.select().from(planMilestones).where(eq(planMilestones.id, m.id))).toEqual([]);
	});
});

describe('measures', () => {
	const measure = {
		indicatorCode: 'plan_werkzaamheidsgraad',
		areaId: leuven,
		baselineValue: '68,4',
		baselinePeriod: '2023',
		targetValue: '72',
		targetPeriod: '2030',
		intermediateTargets: '2026: 70\n2028 = 71,5'
	};

	it('adds a measure by indicator code with intermediate targets; direction defaults from the indicator', async () => {
		const m = await addMeasure(t.ctx(), specific.id, measure);
		expect(m).toMatchObject({
			externalId: 'M1.1.1.1',
			indicatorId,
			baselineValue: 68.4,
			baselinePeriodStart: '2023-01-01',
			targetPeriod: '2030',
			direction: 'higher_better',
			trajectory: 'linear',
			weight: 1
		});
		const targets = await t.db
			.select()
			.from(planMeasureTargets)
			.where(eq(planMeasureTargets.measureId, m.id));
		expect(targets.map((x) => [x.period, x.value]).sort()).toEqual([
			['2026', 70],
			['2028', 71.5]
		]);
		const updated = await updateMeasure(
			t.ctx(),
			m.id,
			{
				...measure,
				indicatorId,
				indicatorCode: undefined,
				direction: 'lower_better',
				intermediateTargets: []
			},
			m.revision
		);
		expect(updated).toMatchObject({ direction: 'lower_better', revision: 2 });
		expect(
			await t.db.select().from(planMeasureTargets).where(eq(planMeasureTargets.measureId, m.id))
		).toEqual([]);
		// Stale revision: refused, nothing written.
		const before = await counts();
		expect((await rejection(updateMeasure(t.ctx(), m.id, measure, m.revision))).code).toBe(
			'conflict'
		);
		expect(await counts()).toEqual(before);
		await deleteMeasure(t.ctx(), m.id);
	});

	it('refuses a target period before (or at) the baseline, and intermediate targets outside; nothing saved', async () => {
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, targetPeriod: '2022' }),
			'targetPeriod',
			'De doelperiode moet na de basisperiode beginnen.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, targetPeriod: '2023-Q1' }),
			'targetPeriod',
			'De doelperiode moet na de basisperiode beginnen.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, intermediateTargets: '2031: 80' }),
			'intermediateTargets.0.period',
			'Een tussendoel ligt tussen de basisperiode en de doelperiode.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, baselinePeriod: 'vorig jaar' }),
			'baselinePeriod',
			'Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, weight: -1 }),
			'weight',
			'Het gewicht kan niet negatief zijn.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, indicatorCode: 'plan_neutraal' }),
			'direction',
			'Kies of hoger of lager beter is: de indicator legt het niet vast.'
		);
		await refused(
			() => addMeasure(t.ctx(), specific.id, { ...measure, indicatorCode: 'bestaat_niet' }),
			'indicatorId',
			'Die indicator staat niet in de catalogus.'
		);
	});

	it('refuses a measure on an action and a duplicate measure id', async () => {
		const before = await counts();
		expect((await rejection(addMeasure(t.ctx(), action.id, measure))).message).toBe(
			'Metingen horen bij een doelstelling.'
		);
		expect(await counts()).toEqual(before);
		const m = await addMeasure(t.ctx(), specific.id, { ...measure, externalId: 'M-eigen' });
		await refused(
			() => addMeasure(t.ctx(), general.id, { ...measure, externalId: 'm-eigen' }),
			'externalId',
			'Het id m-eigen bestaat al in dit plan: kies een ander.'
		);
		await deleteMeasure(t.ctx(), m.id);
	});

	it('adds an indicator of the plan to the catalogue, recorded in plan_indicators, also for a body secretary', async () => {
		const ind = await addPlanIndicator(t.ctx({ principal: secretary }), plan.id, {
			code: 'plan_jobbeurzen',
			name: { nl: 'Aantal jobbeurzen' },
			unit: 'aantal',
			domain: 'jobs',
			direction: 'higher_better'
		});
		expect(
			await t.db.select().from(planIndicators).where(eq(planIndicators.planId, plan.id))
		).toEqual([{ planId: plan.id, indicatorId: ind.id }]);
		const [inCatalogue] = await t.db
			.select()
			.from(indicators)
			.where(eq(indicators.code, 'plan_jobbeurzen'));
		expect(inCatalogue.id).toBe(ind.id);
		// A bad indicator: the catalogue's message, nothing written (neither indicator nor link).
		const before = await counts();
		const e = await rejection(
			addPlanIndicator(t.ctx(), plan.id, {
				code: 'plan_jobbeurzen',
				name: { nl: 'X' },
				unit: 'aantal',
				domain: 'jobs'
			})
		);
		expect(e.message).toBe('Er bestaat al een indicator met deze code.');
		expect(await counts()).toEqual(before);
		expect(
			(await rejection(addPlanIndicator(t.ctx({ principal: member }), plan.id, {}))).code
		).toBe('forbidden');
	});
});

describe('overrides', () => {
	it('requires a reason, records who and why, and clears with null', async () => {
		const before = await counts();
		const e = await rejection(setOverride(t.ctx(), { itemId: action.id }, 'at_risk', ''));
		expect(e.fields?.reason).toContain('Geef de reden waarom u de status met de hand vastlegt.');
		expect(await counts()).toEqual(before);
		const { principal, user } = await buildMemberUser(t.db, { bodyId: taskforce, role: 'chair' });
		await setOverride(
			t.ctx({ principal, actor: { type: 'user', id: user.id } }),
			{ itemId: action.id },
			'at_risk',
			'Zaal niet beschikbaar'
		);
		const [row] = await t.db.select().from(planItems).where(eq(planItems.id, action.id));
		expect(row).toMatchObject({
			statusOverride: 'at_risk',
			overrideReason: 'Zaal niet beschikbaar',
			overrideByUserId: user.id
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'plan.override.set'));
		expect(audit).toMatchObject({ actorId: user.id, recordId: action.id });
		expect(audit.changes).toMatchObject({ reason: { after: 'Zaal niet beschikbaar' } });
		await setOverride(t.ctx(), { itemId: action.id }, null, 'Zaal toch gevonden');
		const [cleared] = await t.db.select().from(planItems).where(eq(planItems.id, action.id));
		expect(cleared).toMatchObject({
			statusOverride: null,
			overrideReason: null,
			overrideByUserId: null
		});
		await setOverride(t.ctx(), { planId: plan.id }, 'on_track', 'Stuurgroep oordeelt zo');
		const [p] = await t.db.select().from(plans).where(eq(plans.id, plan.id));
		expect(p).toMatchObject({
			statusOverride: 'on_track',
			overrideReason: 'Stuurgroep oordeelt zo'
		});
		await setOverride(t.ctx(), { planId: plan.id }, '', 'Terug naar berekend');
		expect(
			(await rejection(setOverride(t.ctx({ principal: member }), { planId: plan.id }, 'done', 'x')))
				.code
		).toBe('forbidden');
	});
});

describe('adoption, status and amendment', () => {
	it('adopts a draft by an existing decision only; draft → running is refused', async () => {
		const p = await createPlan(t.ctx(), { bodyId: taskforce, ...planBase, title: 'Vaststelling' });
		await refused(
			() => adoptPlan(t.ctx(), p.id, crypto.randomUUID()),
			'decisionId',
			'Dat besluit bestaat niet.'
		);
		const before = await counts();
		expect((await rejection(setPlanStatus(t.ctx(), p.id, 'running'))).message).toBe(
			'Een ontwerpplan wordt eerst vastgesteld door een besluit.'
		);
		expect(await counts()).toEqual(before);
		const decision = await buildDecision();
		const adopted = await adoptPlan(t.ctx(), p.id, decision.id);
		expect(adopted).toMatchObject({ status: 'adopted', adoptedByDecisionId: decision.id });
		expect(
			await t.db.select().from(decisionPlanLinks).where(eq(decisionPlanLinks.planId, p.id))
		).toMatchObject([{ decisionId: decision.id, effect: 'adopts', itemId: null }]);
		expect((await rejection(adoptPlan(t.ctx(), p.id, decision.id))).message).toMatch(
			/al vastgesteld/
		);
		expect((await setPlanStatus(t.ctx(), p.id, 'running')).status).toBe('running');
		expect((await setPlanStatus(t.ctx(), p.id, 'closed')).status).toBe('closed');
		// A closed plan does not change until reopened.
		expect(
			(await rejection(addItem(t.ctx(), p.id, { kind: 'theme', title: 'Te laat' }))).message
		).toBe('Dit plan is afgesloten: heropen het om het te wijzigen.');
		expect((await setPlanStatus(t.ctx(), p.id, 'running')).status).toBe('running');
	});

	it('keeps the whole tree as a version on amendment and raises the version', async () => {
		const decision = await buildDecision();
		const partner = await buildOrganisation(t.db);
		await updateItem(
			t.ctx(),
			action.id,
			{
				title: 'Jobbeurs',
				partnerOrganisationIds: [partner.id],
				startDate: '2025-01-01',
				dueDate: '2025-12-31'
			},
			(await t.db.select().from(planItems).where(eq(planItems.id, action.id)))[0].revision
		);
		await addMilestone(t.ctx(), action.id, { title: 'Affiche', dueDate: '2025-04-01' });
		await addMeasure(t.ctx(), specific.id, {
			indicatorId,
			areaId: leuven,
			baselineValue: 1,
			baselinePeriod: '2024',
			targetValue: 2,
			targetPeriod: '2030',
			intermediateTargets: [{ period: '2027', value: 1.5 }]
		});
		const refusedBefore = await counts();
		expect((await rejection(amendPlan(t.ctx(), plan.id, { reason: 'Te vroeg' }))).message).toBe(
			'Alleen een vastgesteld of lopend plan wordt gewijzigd met een nieuwe versie.'
		);
		expect(await counts()).toEqual(refusedBefore);
		await adoptPlan(t.ctx(), plan.id, decision.id);
		await refused(
			() => amendPlan(t.ctx(), plan.id, { reason: '' }),
			'reason',
			'Geef de reden van de wijziging van het plan.'
		);
		const amending = await buildDecision();
		const amended = await amendPlan(t.ctx(), plan.id, {
			decisionId: amending.id,
			reason: 'Nieuwe actie'
		});
		expect(amended.version).toBe(2);
		const [version] = await t.db
			.select()
			.from(planVersions)
			.where(eq(planVersions.planId, plan.id));
		expect(version).toMatchObject({ version: 1, decisionId: amending.id, reason: 'Nieuwe actie' });
		const snapshot = version.snapshot as Record<string, unknown[]>;
		expect(snapshot.items.length).toBeGreaterThanOrEqual(4);
		expect(snapshot.partners).toEqual([{ itemId: action.id, organisationId: partner.id }]);
		expect(snapshot.milestones).toHaveLength(1);
		expect(snapshot.measures).toHaveLength(1);
		expect(snapshot.targets).toHaveLength(1);
		const links = await t.db
			.select()
			.from(decisionPlanLinks)
			.where(eq(decisionPlanLinks.decisionId, amending.id));
		expect(links).toMatchObject([{ planId: plan.id, effect: 'amends' }]);
		await amendPlan(t.ctx(), plan.id, { reason: 'Zonder besluit' });
		expect(
			await t.db.select().from(planVersions).where(eq(planVersions.planId, plan.id))
		).toHaveLength(2);
	});
});

describe('links to meetings', () => {
	it('links a decision that creates or changes an item; refuses an item of another plan and a duplicate', async () => {
		const decision = await buildDecision();
		const link = await linkDecision(t.ctx(), decision.id, {
			planId: plan.id,
			itemId: action.id,
			effect: 'changes'
		});
		expect(link).toMatchObject({
			decisionId: decision.id,
			planId: plan.id,
			itemId: action.id,
			effect: 'changes'
		});
		// The decision shows what it did (the public only for published plans), the action its decision.
		expect(await plansOfDecision(t.db, decision.id, { publicOnly: false, locale: 'nl' })).toEqual([
			{
				effect: 'changes',
				planSlug: plan.slug,
				planTitle: plan.title.nl,
				item: { id: action.id, kind: 'action', label: `${action.externalId} ${action.title}` }
			}
		]);
		expect(await plansOfDecision(t.db, decision.id, { publicOnly: true, locale: 'nl' })).toEqual(
			[]
		);
		expect((await meetingsOfItem(t.db, action.id)).decisions).toMatchObject([
			{ id: decision.id, effect: 'changes' }
		]);
		const before = await counts();
		expect(
			(
				await rejection(
					linkDecision(t.ctx(), decision.id, {
						planId: plan.id,
						itemId: action.id,
						effect: 'changes'
					})
				)
			).message
		).toBe('Dit besluit is hier al aan gekoppeld.');
		const other = await createPlan(t.ctx(), { bodyId: taskforce, ...planBase });
		expect(
			(
				await rejection(
					linkDecision(t.ctx(), decision.id, {
						planId: other.id,
						itemId: action.id,
						effect: 'creates'
					})
				)
			).fields
		).toEqual({ itemId: ['Kies een onderdeel van dit plan.'] });
		expect(
			(await rejection(linkDecision(t.ctx(), decision.id, { planId: plan.id, effect: 'adopts' })))
				.code
		).toBe('invalid_input');
		expect(await counts()).toEqual({
			...before,
			plans: before.plans + 1,
			auditEvents: before.auditEvents + 1
		});
	});

	it('lists actions on an agenda item: own body for its secretary, any plan for staff', async () => {
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: taskforce,
			items: [{ title: 'Stand van de acties' }]
		});
		const at = { meetingId: meeting.id, agendaItemId: items[0].id };
		const ids = await setAgendaItemActions(t.ctx({ principal: secretary }), at, [action.id]);
		expect(ids).toEqual([action.id]);
		const body = await buildBody(t.db);
		const foreign = await createPlan(t.ctx(), { bodyId: body.id, ...planBase });
		const ft = await addItem(t.ctx(), foreign.id, { kind: 'theme', title: 'T' });
		const fo = await addItem(t.ctx(), foreign.id, {
			kind: 'objective',
			parentId: ft.id,
			title: 'D'
		});
		const fa = await addItem(t.ctx(), foreign.id, { kind: 'action', parentId: fo.id, title: 'A' });
		await refused(
			() => setAgendaItemActions(t.ctx({ principal: secretary }), at, [action.id, fa.id]),
			'actionIds',
			'Kies acties uit de plannen van dit orgaan.'
		);
		await refused(
			() => setAgendaItemActions(t.ctx({ principal: secretary }), at, [theme.id]),
			'actionIds',
			'Kies acties uit de plannen van dit orgaan.'
		);
		await setAgendaItemActions(t.ctx({ principal: staff }), at, [action.id, fa.id]);
		expect(
			await t.db
				.select()
				.from(agendaItemActions)
				.where(eq(agendaItemActions.agendaItemId, items[0].id))
		).toHaveLength(2);
		expect((await rejection(setAgendaItemActions(t.ctx({ principal: member }), at, []))).code).toBe(
			'forbidden'
		);
		await setAgendaItemActions(t.ctx({ principal: secretary }), at, '');
		expect(
			await t.db
				.select()
				.from(agendaItemActions)
				.where(eq(agendaItemActions.agendaItemId, items[0].id))
		).toEqual([]);
	});
});
