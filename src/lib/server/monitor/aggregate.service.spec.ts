import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { indicators, observations, type ObservationOrigin } from '../db/schema';
import { areaId, regionId } from '../seed/seed.service';
import { recomputeAggregates } from './aggregate.service';

const t = useTestDatabase();

const A = {
	leuven: areaId('24062'),
	tienen: areaId('24107'),
	halle: areaId('23027'),
	galmaarden: areaId('23023'),
	gooik: areaId('23024'),
	herne: areaId('23032'),
	pajottegem: areaId('23106'),
	arrLeuven: areaId('24000'),
	arrHv: areaId('23000'),
	province: areaId('20001'),
	flanders: areaId('02000'),
	belgium: areaId('01000'),
	regionLeuven: regionId('leuven'),
	regionHv: regionId('halle-vilvoorde')
};

let n = 0;
async function indicator(values: Partial<typeof indicators.$inferInsert> = {}) {
	const [row] = await t.db
		.insert(indicators)
		.values({
			code: `test_${++n}`,
			name: { nl: `Test ${n}` },
			unit: 'aantal',
			domain: 'test',
			isExample: true,
			...values
		})
		.returning();
	return row;
}

type Obs = [area: string, period: string, value: number | null, origin?: ObservationOrigin];
async function supply(indicatorId: string, rows: Obs[], status: 'final' | 'provisional' = 'final') {
	await t.db.insert(observations).values(
		rows.map(([areaId, period, value, origin]) => ({
			indicatorId,
			areaId,
			period,
			periodStart: `${period}-01-01`,
			value,
			status,
			origin: origin ?? 'supplied',
			isExample: true
		}))
	);
}

async function value(indicatorId: string, areaId: string, period: string) {
	const [row] = await t.db
		.select({ value: observations.value, origin: observations.origin })
		.from(observations)
		.where(
			and(
				eq(observations.indicatorId, indicatorId),
				eq(observations.areaId, areaId),
				eq(observations.period, period)
			)
		);
	return row ? { value: Math.round(row.value! * 1e6) / 1e6, origin: row.origin } : undefined;
}

async function snapshot(ids: string[]) {
	return t.db
		.select()
		.from(observations)
		.where(inArray(observations.indicatorId, ids))
		.orderBy(observations.indicatorId, observations.areaId, observations.period);
}

beforeEach(async () => {
	await t.db.delete(observations);
	await t.db.delete(indicators);
});

describe('recomputeAggregates', () => {
	it.each([
		{
			rule: 'sum',
			// Leuven 100 + Tienen 50 (arrondissement Leuven); Halle 30 (Halle-Vilvoorde).
			expected: { arrLeuven: 150, regionLeuven: 150, arrHv: 30, province: 180, flanders: 180 }
		},
		{
			rule: 'weighted_mean',
			// values 10 (w 100), 40 (w 50), 20 (w 30): (1000 + 2000) / 150 = 20; (3000 + 600) / 180 = 20.
			expected: { arrLeuven: 20, regionLeuven: 20, arrHv: 20, province: 20, belgium: 20 }
		},
		{
			rule: 'ratio',
			// numerators 10, 40, 20 over 100, 50, 30 × 100: 50 / 150 = 33.333333; 70 / 180 = 38.888889.
			expected: {
				arrLeuven: 33.333333,
				regionLeuven: 33.333333,
				arrHv: 66.666667,
				province: 38.888889
			}
		}
	] as const)('$rule: every larger area and the platform regions', async ({ rule, expected }) => {
		const weight = await indicator({ aggregation: 'sum' });
		const part = await indicator({ aggregation: 'sum' });
		await supply(weight.id, [
			[A.leuven, '2023', 100],
			[A.tienen, '2023', 50],
			[A.halle, '2023', 30]
		]);
		await supply(part.id, [
			[A.leuven, '2023', 10],
			[A.tienen, '2023', 40],
			[A.halle, '2023', 20]
		]);
		const subject =
			rule === 'sum'
				? weight
				: rule === 'weighted_mean'
					? await indicator({ aggregation: 'weighted_mean', weightIndicatorId: weight.id })
					: await indicator({
							aggregation: 'ratio',
							numeratorIndicatorId: part.id,
							denominatorIndicatorId: weight.id,
							multiplier: 100
						});
		if (rule === 'weighted_mean')
			await supply(subject.id, [
				[A.leuven, '2023', 10],
				[A.tienen, '2023', 40],
				[A.halle, '2023', 20]
			]);
		await recomputeAggregates(t.db);
		for (const [area, v] of Object.entries(expected))
			expect(await value(subject.id, A[area as keyof typeof A], '2023'), area).toEqual({
				value: v,
				origin: 'aggregated'
			});
		// Municipalities keep their own supplied values.
		expect(await value(weight.id, A.halle, '2023')).toEqual({ value: 30, origin: 'supplied' });
	});

	it('none: computes nothing, and removes what an earlier rule computed', async () => {
		const ind = await indicator({ aggregation: 'sum' });
		await supply(ind.id, [[A.leuven, '2023', 5]]);
		await recomputeAggregates(t.db, { indicatorIds: [ind.id] });
		expect(await value(ind.id, A.province, '2023')).toEqual({ value: 5, origin: 'aggregated' });
		await t.db.update(indicators).set({ aggregation: 'none' }).where(eq(indicators.id, ind.id));
		await recomputeAggregates(t.db, { indicatorIds: [ind.id] });
		expect(await snapshot([ind.id])).toHaveLength(1);
	});

	it('supplied values win and are never overwritten; missing and confidential are left out', async () => {
		const ind = await indicator({ aggregation: 'sum' });
		await supply(ind.id, [
			[A.leuven, '2023', 100],
			[A.tienen, '2023', 50],
			[A.province, '2023', 999]
		]);
		await t.db.insert(observations).values({
			indicatorId: ind.id,
			areaId: A.halle,
			period: '2023',
			periodStart: '2023-01-01',
			value: null,
			status: 'confidential'
		});
		await recomputeAggregates(t.db);
		expect(await value(ind.id, A.province, '2023')).toEqual({ value: 999, origin: 'supplied' });
		expect(await value(ind.id, A.arrLeuven, '2023')).toEqual({ value: 150, origin: 'aggregated' });
		expect(await value(ind.id, A.arrHv, '2023')).toBeUndefined();
	});

	it('is idempotent, follows changed inputs, and removes aggregates that lost their inputs', async () => {
		const ind = await indicator({ aggregation: 'sum' });
		await supply(ind.id, [
			[A.leuven, '2023', 100],
			[A.halle, '2022', 7]
		]);
		await recomputeAggregates(t.db);
		const first = await snapshot([ind.id]);
		await recomputeAggregates(t.db);
		expect(await snapshot([ind.id])).toEqual(first);

		await t.db
			.update(observations)
			.set({ value: 120 })
			.where(and(eq(observations.areaId, A.leuven), eq(observations.indicatorId, ind.id)));
		await t.db
			.delete(observations)
			.where(and(eq(observations.areaId, A.halle), eq(observations.indicatorId, ind.id)));
		await recomputeAggregates(t.db, { indicatorIds: [ind.id] });
		expect(await value(ind.id, A.regionLeuven, '2023')).toEqual({
			value: 120,
			origin: 'aggregated'
		});
		const [{ n: left2022 }] = await t.db
			.select({ n: count() })
			.from(observations)
			.where(and(eq(observations.indicatorId, ind.id), eq(observations.period, '2022')));
		expect(left2022).toBe(0);
	});

	it('recomputes the indicators that depend on the given ones (weight, numerator, denominator)', async () => {
		const pop = await indicator({ aggregation: 'sum' });
		const jobs = await indicator({ aggregation: 'sum' });
		const ratio = await indicator({
			aggregation: 'ratio',
			numeratorIndicatorId: jobs.id,
			denominatorIndicatorId: pop.id,
			multiplier: 100
		});
		await supply(pop.id, [[A.leuven, '2023', 200]]);
		await supply(jobs.id, [[A.leuven, '2023', 50]]);
		const result = await recomputeAggregates(t.db, { indicatorIds: [pop.id] });
		expect(result.indicators).toBe(2);
		expect(await value(ratio.id, A.province, '2023')).toEqual({ value: 25, origin: 'aggregated' });
	});

	describe('Galmaarden, Gooik and Herne → Pajottegem (2025)', () => {
		it('derives Pajottegem before 2025 from all three by the rule, and counts it once', async () => {
			const pop = await indicator({ aggregation: 'sum' });
			const rate = await indicator({ aggregation: 'weighted_mean', weightIndicatorId: pop.id });
			await supply(pop.id, [
				[A.galmaarden, '2024', 9000],
				[A.gooik, '2024', 9000],
				[A.herne, '2024', 7000],
				[A.halle, '2024', 40000],
				[A.pajottegem, '2025', 25500],
				[A.halle, '2025', 40000],
				// Only two of three predecessors: no derived value.
				[A.galmaarden, '2023', 9000],
				[A.gooik, '2023', 9000]
			]);
			await supply(rate.id, [
				[A.galmaarden, '2024', 4],
				[A.gooik, '2024', 6],
				[A.herne, '2024', 5],
				[A.halle, '2024', 10]
			]);
			await recomputeAggregates(t.db);

			expect(await value(pop.id, A.pajottegem, '2024')).toEqual({
				value: 25000,
				origin: 'derived'
			});
			expect(await value(pop.id, A.pajottegem, '2023')).toBeUndefined();
			// (4·9000 + 6·9000 + 5·7000) / 25000 = 5
			expect(await value(rate.id, A.pajottegem, '2024')).toEqual({ value: 5, origin: 'derived' });
			// Not double counted: predecessors or successor, never both.
			expect(await value(pop.id, A.arrHv, '2024')).toEqual({ value: 65000, origin: 'aggregated' });
			expect(await value(pop.id, A.regionHv, '2024')).toEqual({
				value: 65000,
				origin: 'aggregated'
			});
			// (5·25000 + 10·40000) / 65000
			expect(await value(rate.id, A.arrHv, '2024')).toEqual({
				value: 8.076923,
				origin: 'aggregated'
			});
			expect(await value(pop.id, A.arrHv, '2025')).toEqual({ value: 65500, origin: 'aggregated' });
			// The partial year 2023 counts the predecessors that have a value.
			expect(await value(pop.id, A.arrHv, '2023')).toEqual({ value: 18000, origin: 'aggregated' });
		});

		it('a recomputed value for Pajottegem before 2025 wins over the derived one and replaces the predecessors in the aggregates', async () => {
			const pop = await indicator({ aggregation: 'sum' });
			await supply(pop.id, [
				[A.galmaarden, '2024', 9000],
				[A.gooik, '2024', 9000],
				[A.herne, '2024', 7000]
			]);
			await recomputeAggregates(t.db);
			expect(await value(pop.id, A.pajottegem, '2024')).toEqual({
				value: 25000,
				origin: 'derived'
			});
			await t.db
				.update(observations)
				.set({ value: 25100, origin: 'recomputed' })
				.where(and(eq(observations.areaId, A.pajottegem), eq(observations.indicatorId, pop.id)));
			await recomputeAggregates(t.db);
			expect(await value(pop.id, A.pajottegem, '2024')).toEqual({
				value: 25100,
				origin: 'recomputed'
			});
			expect(await value(pop.id, A.province, '2024')).toEqual({
				value: 25100,
				origin: 'aggregated'
			});
		});
	});
});
