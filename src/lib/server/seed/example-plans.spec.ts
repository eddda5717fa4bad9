import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	decisionPlanLinks,
	indicators,
	observations,
	people,
	planItems,
	planMeasures,
	planMeasureTargets,
	planMilestones,
	plans,
	planUpdates
} from '../db/schema';
import {
	actionStatus,
	measureStatus,
	rollUp,
	type Computed,
	type PlanStatus
} from '../plans/status';
import { today } from '../clock';
import { seedExampleMonitor } from './example-monitor';
import {
	exampleAdoptingDecisionId,
	examplePlanId,
	examplePlanThemes,
	seedExamplePlans
} from './example-plans';
import { seedExampleMeetings } from './examples';
import { bodyId, purgeExamples } from './seed.service';

const t = useTestDatabase();

/** The statuses of the example plan's actions, measures and roll-ups, from the stored rows. */
async function statuses(day: string) {
	const items = await t.db.select().from(planItems).where(eq(planItems.planId, examplePlanId));
	const ids = items.map((i) => i.id);
	const milestones = await t.db
		.select()
		.from(planMilestones)
		.where(inArray(planMilestones.itemId, ids));
	const measures = await t.db
		.select({ m: planMeasures, unit: indicators.unit, decimals: indicators.decimals })
		.from(planMeasures)
		.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
		.where(inArray(planMeasures.itemId, ids));
	const out = new Map<string, Computed>();
	for (const a of items.filter((i) => i.kind === 'action')) {
		out.set(
			a.externalId,
			actionStatus(
				{
					startDate: a.startDate,
					dueDate: a.dueDate,
					progress: a.progress,
					completed: a.completedOn !== null,
					milestones: milestones.filter((m) => m.itemId === a.id),
					override: a.statusOverride
						? { status: a.statusOverride, reason: a.overrideReason ?? '' }
						: null
				},
				day
			)
		);
	}
	for (const { m, unit, decimals } of measures) {
		const [latest] = await t.db
			.select({
				period: observations.period,
				periodStart: observations.periodStart,
				value: observations.value
			})
			.from(observations)
			.where(and(eq(observations.indicatorId, m.indicatorId), eq(observations.areaId, m.areaId)))
			.orderBy(desc(observations.periodStart))
			.limit(1);
		const targets = await t.db
			.select()
			.from(planMeasureTargets)
			.where(eq(planMeasureTargets.measureId, m.id));
		out.set(
			m.externalId,
			measureStatus({
				unit,
				decimals,
				direction: m.direction as 'higher_better' | 'lower_better',
				trajectory: m.trajectory,
				baseline: {
					period: m.baselinePeriod,
					periodStart: m.baselinePeriodStart,
					value: m.baselineValue
				},
				target: { period: m.targetPeriod, periodStart: m.targetPeriodStart, value: m.targetValue },
				milestones: targets,
				latest: latest?.value == null ? null : { ...latest, value: latest.value }
			})
		);
	}
	// Objectives and themes roll up from their measures, actions and sub-objectives (deepest first).
	const depth = (i: (typeof items)[number]): number => {
		const parent = items.find((p) => p.id === i.parentId);
		return parent ? depth(parent) + 1 : 0;
	};
	for (const node of [...items]
		.filter((i) => i.kind !== 'action')
		.sort((a, b) => depth(b) - depth(a))) {
		const children = [
			...items
				.filter((c) => c.parentId === node.id)
				.map((c) => ({ key: c.externalId, weight: c.weight })),
			...measures
				.filter((x) => x.m.itemId === node.id)
				.map((x) => ({ key: x.m.externalId, weight: x.m.weight }))
		];
		out.set(
			node.externalId,
			rollUp(children.map((c) => ({ status: out.get(c.key)!.status, weight: c.weight })))
		);
	}
	return out;
}

const expectedStatuses = () => {
	const out = new Map<string, PlanStatus>();
	const walk = (o: (typeof examplePlanThemes)[number]['objective']) => {
		for (const m of o.measures ?? []) out.set(m.externalId, m.expected);
		for (const a of o.actions ?? []) out.set(a.externalId, a.expected);
		for (const s of o.specific ?? []) walk(s);
	};
	for (const theme of examplePlanThemes) walk(theme.objective);
	return out;
};

describe('example plan', () => {
	it('loads the Taskforce plan, adopted by its example decision, with every status', async () => {
		await seedExampleMeetings(t.ctx());
		await seedExampleMonitor(t.ctx());
		const counts = await seedExamplePlans(t.ctx());
		expect(counts).toMatchObject({ examplePeople: 3, examplePlans: 1, examplePlanItems: 16 });
		expect(counts.examplePlanMeasures).toBe(5);
		expect(counts.examplePlanUpdates).toBeGreaterThan(20);

		const [plan] = await t.db.select().from(plans).where(eq(plans.id, examplePlanId));
		expect(plan).toMatchObject({
			bodyId: bodyId('taskforce-spitsregio-leuven'),
			status: 'adopted',
			adoptedByDecisionId: exampleAdoptingDecisionId,
			isPublic: true,
			isExample: true
		});
		expect(plan.title.nl).toMatch(/^Voorbeeld: /);
		const [link] = await t.db
			.select()
			.from(decisionPlanLinks)
			.where(eq(decisionPlanLinks.planId, examplePlanId));
		expect(link.effect).toBe('adopts');

		const items = await t.db.select().from(planItems).where(eq(planItems.planId, examplePlanId));
		expect(items.every((i) => i.isExample && /voorbeeld/i.test(i.title + i.description))).toBe(
			true
		);
		expect(items.filter((i) => i.kind === 'theme')).toHaveLength(2);
		// Every objective has its challenge (Uitdaging algemeen / specifiek n).
		expect(
			items.filter((i) => i.kind === 'objective').every((i) => /^Uitdaging /.test(i.challenge))
		).toBe(true);
		const owners = await t.db.select().from(people).where(eq(people.isExample, true));
		expect(owners.map((p) => p.email).every((e) => e?.endsWith('@voorbeeld.test'))).toBe(true);

		// Every status appears, each measure and action as designed, and one override with its reason.
		const computed = await statuses(today());
		for (const [key, status] of expectedStatuses())
			expect([key, computed.get(key)?.status]).toEqual([key, status]);
		const shown = new Set([...computed.values()].map((c) => c.status));
		expect([...shown].sort()).toEqual(['at_risk', 'done', 'not_started', 'off_track', 'on_track']);
		const overridden = [...computed.entries()].filter(([, c]) => c.overridden);
		expect(overridden.map(([k]) => k)).toEqual(['A2.1.2']);
		expect(overridden[0][1].explanation).toMatch(/^Handmatig vastgelegd: .+\(berekend: risico\)/);

		// A year of dated updates; the latest of each action carries its progress.
		const updates = await t.db.select().from(planUpdates);
		const span = updates.map((u) => u.reportedOn).sort();
		expect(Date.parse(span.at(-1)!) - Date.parse(span[0])).toBeGreaterThan(300 * 86_400_000);
		for (const a of items.filter((i) => i.kind === 'action' && i.progress > 0)) {
			const own = updates
				.filter((u) => u.itemId === a.id)
				.sort((x, y) => x.reportedOn.localeCompare(y.reportedOn));
			expect(own.at(-1)?.progress).toBe(a.progress);
		}
	});

	it('seeding twice changes nothing', async () => {
		const before = await t.db.select().from(planItems).orderBy(planItems.id);
		const counts = await seedExamplePlans(t.ctx());
		expect(Object.values(counts).every((n) => n === 0)).toBe(true);
		expect(await t.db.select().from(planItems).orderBy(planItems.id)).toEqual(before);
	});

	it('is removed by purgeExamples', async () => {
		const removed = await purgeExamples(t.ctx());
		expect(removed.plans).toBe(1);
		expect(removed.people).toBeGreaterThanOrEqual(3);
		for (const table of [plans, planItems, planMeasures, planMilestones, planUpdates]) {
			const [left] = await t.db.select({ n: count() }).from(table);
			expect(left.n).toBe(0);
		}
	});
});

describe('example plan without the example meetings', () => {
	const u = useTestDatabase();
	it('is running, not adopted', async () => {
		await seedExampleMonitor(u.ctx());
		await seedExamplePlans(u.ctx());
		const [plan] = await u.db.select().from(plans).where(eq(plans.id, examplePlanId));
		expect(plan).toMatchObject({ status: 'running', adoptedByDecisionId: null });
	});
});
