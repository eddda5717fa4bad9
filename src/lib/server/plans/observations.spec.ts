/**
 * A measure's value entered in the plan: stored as the monitor's observation (and the plan's
 * status follows), only by the plan's keepers; bad input and regions refused with nothing stored.
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody } from '../../../../tests/helpers/factories';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan
} from '../../../../tests/helpers/plans';
import { observations } from '../db/schema';
import type { Principal } from '../policy';
import { areaId, regionId } from '../seed/seed.service';
import { recordMeasureValue } from './observations';
import { planTree } from './plans.queries';

const t = useTestDatabase();
const LEUVEN_CITY = areaId('24062');

async function setup(area = LEUVEN_CITY) {
	const body = await buildBody(t.db);
	const plan = await buildPlan(t.db, { bodyId: body.id });
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id
	});
	const indicator = await buildIndicator(t.db);
	const measure = await buildMeasure(t.db, {
		itemId: objective.id,
		indicatorId: indicator.id,
		areaId: area,
		baseline: ['2024', 60],
		target: ['2030', 72]
	});
	return { body, plan, indicator, measure };
}

const stored = async (indicatorId: string) =>
	(
		await t.db
			.select({ n: count() })
			.from(observations)
			.where(and(eq(observations.indicatorId, indicatorId), eq(observations.areaId, LEUVEN_CITY)))
	)[0].n;

const member = (bodyId: string): Principal => ({
	kind: 'user',
	userId: crypto.randomUUID(),
	name: 'Lid',
	email: 'lid@voorbeeld.test',
	role: 'user',
	bodyRoles: { [bodyId]: ['member'] }
});

describe('recordMeasureValue', () => {
	it('stores the value as an observation of the monitor; the measure follows', async () => {
		const f = await setup();
		const result = await recordMeasureValue(t.ctx(), f.measure.id, {
			period: '2025',
			value: '62,5'
		});
		expect(result.inserted).toBe(1);
		const [row] = await t.db
			.select()
			.from(observations)
			.where(eq(observations.indicatorId, f.indicator.id));
		expect(row).toMatchObject({ areaId: LEUVEN_CITY, period: '2025', value: 62.5 });
		const tree = await planTree(t.db, f.plan.slug, { audience: 'members', today: '2026-06-30' });
		expect(tree.themes[0].children[0].measures[0].latest).toMatchObject({
			period: '2025',
			value: 62.5
		});
		// The same value again changes nothing.
		expect(
			(await recordMeasureValue(t.ctx(), f.measure.id, { period: '2025', value: '62,5' })).unchanged
		).toBe(1);
	});

	it('refuses a member, a bad period, a value that is no number and a region; nothing stored', async () => {
		const f = await setup();
		expect(
			(
				await rejection(
					recordMeasureValue(t.ctx({ principal: member(f.body.id) }), f.measure.id, {
						period: '2025',
						value: '1'
					})
				)
			).code
		).toBe('forbidden');
		const bad = await rejection(
			recordMeasureValue(t.ctx(), f.measure.id, { period: 'vorig jaar', value: 'veel' })
		);
		expect(bad.fields).toEqual({
			period: ['Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.'],
			value: ['De waarde is een getal.']
		});
		expect(await stored(f.indicator.id)).toBe(0);

		const region = await setup(regionId('leuven'));
		expect(
			(
				await rejection(
					recordMeasureValue(t.ctx(), region.measure.id, { period: '2025', value: 1 })
				)
			).message
		).toMatch(/krijgt zijn waarden uit die van zijn gemeenten/);
	});
});
