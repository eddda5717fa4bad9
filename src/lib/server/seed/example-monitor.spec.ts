import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { indicators, observations } from '../db/schema';
import { exampleIndicators, indicatorId, seedExampleMonitor } from './example-monitor';
import { areaId, purgeExamples, regionId } from './seed.service';

const t = useTestDatabase();

async function value(code: string, area: string, period: string) {
	const [row] = await t.db
		.select({ value: observations.value, origin: observations.origin })
		.from(observations)
		.where(
			and(
				eq(observations.indicatorId, indicatorId(code)),
				eq(observations.areaId, area),
				eq(observations.period, period)
			)
		);
	return row;
}

describe('example monitor data', () => {
	it('loads eight example indicators with values, aggregated and derived, and a Streekfoto per region', async () => {
		const counts = await seedExampleMonitor(t.ctx());
		expect(counts.monitorIndicators).toBe(8);
		expect(counts.streekfotoProfiles).toBe(2);
		// 62 current municipalities × 12 years + 3 predecessors × 11 + Pajottegem 2025 + 2 × 12.
		expect(counts.observations).toBe((62 * 12 + 3 * 11 + 1 + 2 * 12) * 8);

		const list = await t.db.select().from(indicators);
		expect(list.every((i) => i.isExample && i.name.nl.endsWith('(voorbeeldgegevens)'))).toBe(true);
		const [notExample] = await t.db
			.select({ n: count() })
			.from(observations)
			.where(eq(observations.isExample, false));
		expect(notExample.n).toBe(0);

		// The province and the regions are aggregated; Flanders is supplied.
		expect((await value('bevolking', areaId('20001'), '2020'))?.origin).toBe('aggregated');
		expect((await value('werkloosheidsgraad', regionId('leuven'), '2020'))?.origin).toBe(
			'aggregated'
		);
		expect((await value('bevolking', areaId('02000'), '2020'))?.origin).toBe('supplied');
		const rate = await value('werkzaamheidsgraad_20_64', regionId('halle-vilvoorde'), '2024');
		expect(rate?.value).toBeGreaterThan(60);
		expect(rate?.value).toBeLessThan(90);

		// Pajottegem before 2025 is derived from Galmaarden, Gooik and Herne.
		const parts = await Promise.all(
			['23023', '23024', '23032'].map((nis) => value('bevolking', areaId(nis), '2024'))
		);
		expect(await value('bevolking', areaId('23106'), '2024')).toEqual({
			value: parts.reduce((s, p) => s + p!.value!, 0),
			origin: 'derived'
		});
		expect((await value('bevolking', areaId('23106'), '2025'))?.origin).toBe('supplied');
		expect(exampleIndicators).toHaveLength(8);
	});

	it('seeding twice changes nothing', async () => {
		const before = await t.db.select().from(observations).orderBy(observations.indicatorId);
		const counts = await seedExampleMonitor(t.ctx());
		expect(counts).toEqual({ monitorIndicators: 0, observations: 0, streekfotoProfiles: 0 });
		expect(await t.db.select().from(observations).orderBy(observations.indicatorId)).toEqual(
			before
		);
	});

	it('is removed by purgeExamples', async () => {
		const removed = await purgeExamples(t.ctx());
		expect(removed.indicators).toBe(8);
		const [left] = await t.db.select({ n: count() }).from(observations);
		expect(left.n).toBe(0);
	});
});
