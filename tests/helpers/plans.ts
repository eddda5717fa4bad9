/**
 * Plan factories for service tests: a plan, its items, measures and an indicator, inserted
 * directly through the schema (flagged as example data unless told otherwise).
 */
import type { Db } from '../../src/lib/server/db';
import {
	indicators,
	observations,
	planItems,
	planMeasures,
	planMeasureTargets,
	plans,
	type PlanItemKind
} from '../../src/lib/server/db/schema';
import { parsePeriod } from '../../src/lib/server/monitor/periods';

let n = 0;
const next = () => ++n;

export async function buildPlan(
	db: Db,
	values: Partial<typeof plans.$inferInsert> & ({ bodyId: string } | { regionId: string })
) {
	const i = next();
	const [row] = await db
		.insert(plans)
		.values({
			slug: `testplan-${i}-${crypto.randomUUID().slice(0, 6)}`,
			title: { nl: `Testplan ${i}` },
			periodStart: '2025-01-01',
			periodEnd: '2030-12-31',
			status: 'running',
			isExample: true,
			...values
		})
		.returning();
	return row;
}

export async function buildItem(
	db: Db,
	values: {
		planId: string;
		kind: PlanItemKind;
		parentId?: string | null;
	} & Partial<typeof planItems.$inferInsert>
) {
	const i = next();
	const prefix = values.kind === 'theme' ? 'T' : values.kind === 'objective' ? 'D' : 'A';
	const [row] = await db
		.insert(planItems)
		.values({
			externalId: `${prefix}${i}`,
			position: i,
			title: `${prefix === 'T' ? 'Thema' : prefix === 'D' ? 'Doelstelling' : 'Actie'} ${i}`,
			isExample: true,
			...values
		})
		.returning();
	return row;
}

export async function buildIndicator(
	db: Db,
	overrides: Partial<typeof indicators.$inferInsert> = {}
) {
	const i = next();
	const [row] = await db
		.insert(indicators)
		.values({
			code: `plantest_${i}_${crypto.randomUUID().slice(0, 6)}`,
			name: { nl: `Planindicator ${i}` },
			unit: '%',
			decimals: 1,
			domain: 'arbeidsaanbod',
			direction: 'higher_better',
			isExample: true,
			...overrides
		})
		.returning();
	return row;
}

const start = (period: string) => parsePeriod(period)!.start;

export async function buildMeasure(
	db: Db,
	values: {
		itemId: string;
		indicatorId: string;
		areaId: string;
		baseline: [string, number];
		target: [string, number];
		targets?: [string, number][];
	} & Partial<typeof planMeasures.$inferInsert>
) {
	const i = next();
	const { baseline, target, targets = [], ...rest } = values;
	const [row] = await db
		.insert(planMeasures)
		.values({
			externalId: `M${i}`,
			baselinePeriod: baseline[0],
			baselinePeriodStart: start(baseline[0]),
			baselineValue: baseline[1],
			targetPeriod: target[0],
			targetPeriodStart: start(target[0]),
			targetValue: target[1],
			direction: 'higher_better',
			isExample: true,
			...rest
		})
		.returning();
	if (targets.length) {
		await db.insert(planMeasureTargets).values(
			targets.map(([period, value]) => ({
				measureId: row.id,
				period,
				periodStart: start(period),
				value
			}))
		);
	}
	return row;
}

export async function observe(
	db: Db,
	indicatorId: string,
	areaId: string,
	period: string,
	value: number | null
) {
	await db.insert(observations).values({
		indicatorId,
		areaId,
		period,
		periodStart: start(period),
		value,
		isExample: true
	});
}
