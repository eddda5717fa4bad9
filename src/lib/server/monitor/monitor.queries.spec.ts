import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { countQueries } from '../db';
import { areaBoundaries, indicators, observations } from '../db/schema';
import { areaId, regionId } from '../seed/seed.service';
import {
	areaProfile,
	areaWithReferences,
	indicatorByCode,
	indicatorMap,
	indicatorRanking,
	indicatorSeries,
	monitorCatalogue,
	selectableAreas
} from './monitor.queries';

const t = useTestDatabase();

const LEUVEN = '24062';
const AARSCHOT = '24001';
const PAJOTTEGEM = '23106';
const GOOIK = '23024';

let n = 0;
async function indicator(overrides: Partial<typeof indicators.$inferInsert> = {}) {
	const i = ++n;
	const [row] = await t.db
		.insert(indicators)
		.values({
			code: `test_${i}`,
			name: { nl: `Testindicator ${i}` },
			unit: '%',
			decimals: 1,
			domain: 'arbeidsaanbod',
			direction: 'higher_better',
			position: i,
			isExample: true,
			...overrides
		})
		.returning();
	return row;
}

async function observe(
	indicatorId: string,
	area: string,
	period: string,
	value: number | null,
	extra: Partial<typeof observations.$inferInsert> = {}
) {
	await t.db.insert(observations).values({
		indicatorId,
		areaId: area,
		period,
		periodStart: `${period}-01-01`,
		value,
		isExample: true,
		...extra
	});
}

describe('areaWithReferences', () => {
	it('compares a municipality with its region, the province and Flanders', async () => {
		const { area, references } = await areaWithReferences(t.db, LEUVEN);
		expect(area.slug).toBe('leuven');
		expect(area.level).toBe('gemeente');
		expect(references.map((r) => [r.role, r.nisCode ?? r.slug])).toEqual([
			['region', 'leuven'],
			['province', '20001'],
			['flanders', '02000']
		]);
	});

	it('compares a region with the province and Flanders', async () => {
		const { area, references } = await areaWithReferences(t.db, 'halle-vilvoorde');
		expect(area.level).toBe('regio');
		expect(references.map((r) => r.role)).toEqual(['province', 'flanders']);
	});

	it('finds a historical municipality, and nothing for an unknown code', async () => {
		expect((await areaWithReferences(t.db, GOOIK)).area.validTo).toBe('2024-12-31');
		expect((await rejection(areaWithReferences(t.db, '99999'))).code).toBe('not_found');
		expect((await rejection(areaWithReferences(t.db, 'nergens'))).code).toBe('not_found');
	});
});

describe('series, ranking, map and profile', () => {
	it('gives the series of an area against its references, with status and origin', async () => {
		const ind = await indicator();
		await observe(ind.id, areaId(LEUVEN), '2023', 70.5);
		await observe(ind.id, areaId(LEUVEN), '2024', 71.5, { status: 'provisional' });
		await observe(ind.id, regionId('leuven'), '2024', 76.1, { origin: 'aggregated' });
		await observe(ind.id, areaId('02000'), '2024', 74.9);
		const { lines } = await indicatorSeries(t.db, ind, LEUVEN);
		expect(lines.map((l) => [l.area.role, l.points.map((p) => p.value)])).toEqual([
			['area', [70.5, 71.5]],
			['region', [76.1]],
			['province', []],
			['flanders', [74.9]]
		]);
		expect(lines[0].points[1]).toMatchObject({ status: 'provisional', isExample: true });
		expect(lines[1].points[0].origin).toBe('aggregated');
	});

	it("ranks today's municipalities of a region best first, missing values last", async () => {
		const ind = await indicator({ direction: 'lower_better' });
		await observe(ind.id, areaId(PAJOTTEGEM), '2024', 3, { origin: 'derived' });
		await observe(ind.id, areaId(GOOIK), '2024', 1);
		await observe(ind.id, areaId('23027'), '2024', 5); // Halle
		await observe(ind.id, areaId('23088'), '2024', 2); // Vilvoorde
		await observe(ind.id, areaId('23088'), '2020', 9);
		await observe(ind.id, regionId('halle-vilvoorde'), '2024', 2.5);
		const ranking = await indicatorRanking(t.db, ind, 'halle-vilvoorde', undefined, '2026-01-01');
		expect(ranking.period).toBe('2024');
		expect(ranking.periods.map((p) => p.period)).toEqual(['2024', '2020']);
		expect(ranking.municipalities).toHaveLength(33);
		expect(ranking.municipalities.slice(0, 3).map((m) => [m.area.slug, m.point?.value])).toEqual([
			['vilvoorde', 2],
			['pajottegem', 3],
			['halle', 5]
		]);
		expect(ranking.municipalities[1].point?.origin).toBe('derived');
		expect(ranking.municipalities.some((m) => m.area.slug === 'gooik')).toBe(false);
		expect(ranking.municipalities[3].point).toBeNull();
		expect(ranking.references.map((r) => [r.area.role, r.point?.value ?? null])).toEqual([
			['region', 2.5],
			['province', null],
			['flanders', null]
		]);
		const older = await indicatorRanking(t.db, ind, 'halle-vilvoorde', '2020', '2026-01-01');
		expect(older.municipalities[0].point?.value).toBe(9);
		expect((await rejection(indicatorRanking(t.db, ind, '24062'))).code).toBe('not_found');
	});

	it('gives the map its boundaries when they exist', async () => {
		const ind = await indicator();
		await observe(ind.id, areaId(LEUVEN), '2024', 10);
		const before = await indicatorMap(t.db, ind, 'leuven');
		expect(before.boundaries).toEqual([]);
		const geometry = {
			type: 'Polygon',
			coordinates: [
				[
					[4.6, 50.8],
					[4.8, 50.8],
					[4.8, 50.9],
					[4.6, 50.8]
				]
			]
		};
		await t.db.insert(areaBoundaries).values({ areaId: areaId(LEUVEN), geometry, isExample: true });
		const after = await indicatorMap(t.db, ind, 'leuven');
		expect(after.boundaries).toEqual([{ areaId: areaId(LEUVEN), geometry, isExample: true }]);
		await t.db.delete(areaBoundaries);
	});

	it('profiles an area: latest value, trend and references for the same period', async () => {
		const ind = await indicator({ code: 'profiel_test', domain: 'demografie' });
		await observe(ind.id, areaId(AARSCHOT), '2022', 10);
		await observe(ind.id, areaId(AARSCHOT), '2023', 12);
		await observe(ind.id, areaId(AARSCHOT), '2024', null, { status: 'confidential' });
		await observe(ind.id, regionId('leuven'), '2023', 11);
		await observe(ind.id, regionId('leuven'), '2024', 13);
		const profile = await areaProfile(t.db, AARSCHOT);
		const row = profile.domains
			.flatMap((d) => d.indicators)
			.find((r) => r.indicator.code === 'profiel_test')!;
		expect(row.latest?.period).toBe('2023');
		expect(row.previous?.value).toBe(10);
		expect(row.series).toHaveLength(3);
		expect(row.references.map((r) => [r.area.role, r.point?.value ?? null])).toEqual([
			['region', 11],
			['province', null],
			['flanders', null]
		]);
		expect(profile.isExample).toBe(true);
	});

	it('lists the catalogue by domain with each latest period, and the areas to pick', async () => {
		const ind = await indicator({ code: 'catalogus_test', domain: 'werkgelegenheid' });
		await observe(ind.id, areaId(LEUVEN), '2021', 1);
		await observe(ind.id, areaId(LEUVEN), '2022', null, { status: 'missing' });
		const { domains } = await monitorCatalogue(t.db);
		const entry = domains
			.find((d) => d.domain === 'werkgelegenheid')!
			.indicators.find((i) => i.code === 'catalogus_test')!;
		expect(entry.latestPeriod).toBe('2021');
		expect((await indicatorByCode(t.db, 'catalogus_test')).id).toBe(ind.id);
		expect((await rejection(indicatorByCode(t.db, 'bestaat-niet'))).code).toBe('not_found');
		const pick = await selectableAreas(t.db, '2026-01-01');
		expect(pick.regions.map((r) => r.slug)).toEqual(['halle-vilvoorde', 'leuven']);
		expect(pick.municipalities).toHaveLength(63);
	});
});

describe('query counts', () => {
	it('do not grow with the data', async () => {
		const ind = await indicator({ code: 'groei' });
		await observe(ind.id, areaId(LEUVEN), '2000', 1);
		const run = async () => ({
			catalogue: (await countQueries(() => monitorCatalogue(t.db))).queries,
			series: (await countQueries(() => indicatorSeries(t.db, ind, LEUVEN))).queries,
			map: (await countQueries(() => indicatorMap(t.db, ind, 'leuven'))).queries,
			profile: (await countQueries(() => areaProfile(t.db, LEUVEN))).queries,
			regionProfile: (await countQueries(() => areaProfile(t.db, 'leuven'))).queries
		});
		const small = await run();
		expect(small).toEqual({ catalogue: 1, series: 2, map: 5, profile: 3, regionProfile: 3 });

		// Many more indicators, areas and periods.
		const more = [];
		for (let i = 0; i < 20; i++) more.push(await indicator());
		const pick = await selectableAreas(t.db);
		const areaIds = [
			...pick.municipalities.map((m) => m.id),
			regionId('leuven'),
			areaId('20001'),
			areaId('02000')
		];
		const values = [];
		for (const x of [ind, ...more])
			for (const a of areaIds)
				for (let y = 2005; y <= 2024; y++)
					values.push({
						indicatorId: x.id,
						areaId: a,
						period: String(y),
						periodStart: `${y}-01-01`,
						value: y + Math.random(),
						isExample: true
					});
		for (let i = 0; i < values.length; i += 2000)
			await t.db.insert(observations).values(values.slice(i, i + 2000));
		const large = await run();
		expect(large).toEqual(small);
		const ranking = await indicatorRanking(t.db, ind, 'leuven');
		expect(ranking.municipalities.every((m) => m.point !== null)).toBe(true);
	});
});
