import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { countQueries } from '../db';
import {
	areas,
	auditEvents,
	indicators,
	observations,
	streekfotoIndicators,
	streekfotoProfiles,
	type IndicatorDirection
} from '../db/schema';
import type { Principal } from '../policy';
import {
	compare,
	getStreekfoto,
	radarIndex,
	streekfotoEditor,
	yearsBefore
} from './streekfoto.queries';
import { saveStreekfotoProfile, seedExampleStreekfoto } from './streekfoto.service';
import { renderStreekfotoPdf } from './streekfoto.pdf';

const t = useTestDatabase();
const staff: Principal = {
	kind: 'user',
	userId: '00000000-0000-4000-8000-000000000001',
	name: 'Staf',
	email: 'staf@example.org',
	role: 'staff',
	bodyRoles: {}
};
const ctx = () => t.ctx({ principal: staff });

let ids: Record<string, string> = {};
const area = async (where: ReturnType<typeof eq>) =>
	(await t.db.select({ id: areas.id }).from(areas).where(where))[0].id;

let n = 0;
async function indicator(direction: IndicatorDirection, domain = 'werkgelegenheid') {
	const [row] = await t.db
		.insert(indicators)
		.values({
			code: `test.streekfoto-${++n}`,
			name: { nl: `Voorbeeldindicator ${n}` },
			unit: '%',
			decimals: 1,
			direction,
			domain,
			isExample: true,
			position: n
		})
		.returning();
	return row.id;
}
async function observe(indicatorId: string, areaId: string, values: Record<string, number>) {
	await t.db.insert(observations).values(
		Object.entries(values).map(([period, value]) => ({
			indicatorId,
			areaId,
			period,
			periodStart: `${period}-01-01`,
			value,
			isExample: true
		}))
	);
}
async function state() {
	const [p] = await t.db.select({ n: count() }).from(streekfotoProfiles);
	const [i] = await t.db.select({ n: count() }).from(streekfotoIndicators);
	const [a] = await t.db
		.select({ n: count() })
		.from(auditEvents)
		.where(eq(auditEvents.action, 'monitor.streekfoto.save'));
	return { profiles: p.n, indicators: i.n, audits: a.n };
}

beforeAll(async () => {
	ids = {
		region: await area(and(eq(areas.level, 'regio'), eq(areas.slug, 'leuven'))!),
		province: await area(eq(areas.nisCode, '20001')),
		flanders: await area(eq(areas.nisCode, '02000'))
	};
	// Employment rate, higher is better: the region 75 → 76 (2019: 72), Flanders 74.
	ids.work = await indicator('higher_better');
	await observe(ids.work, ids.region, { '2019': 72, '2023': 75, '2024': 76 });
	await observe(ids.work, ids.province, { '2024': 75.5 });
	await observe(ids.work, ids.flanders, { '2019': 71, '2024': 74 });
	// Unemployment, lower is better: region 5, Flanders 4 (worse).
	ids.unemployment = await indicator('lower_better');
	await observe(ids.unemployment, ids.region, { '2023': 5.5, '2024': 5 });
	await observe(ids.unemployment, ids.flanders, { '2024': 4 });
	// Commuting balance: neutral.
	ids.commuting = await indicator('neutral', 'pendel');
	await observe(ids.commuting, ids.region, { '2024': 10 });
	await observe(ids.commuting, ids.flanders, { '2024': 12 });
	// No data at all yet.
	ids.empty = await indicator('higher_better', 'pendel');
});

describe('pure rules', () => {
	it('compares by direction at the indicator’s decimals, and indexes further-out-is-better', () => {
		expect(compare('higher_better', 76, 74, 1)).toBe('beter');
		expect(compare('lower_better', 5, 4, 1)).toBe('slechter');
		expect(compare('higher_better', 74.01, 74.04, 1)).toBe('gelijk');
		expect(compare('neutral', 1, 2, 0)).toBe('neutraal');
		expect(compare('higher_better', null, 2, 0)).toBe('onbekend');
		expect(radarIndex('higher_better', 110, 100)).toBeCloseTo(110);
		expect(radarIndex('lower_better', 5, 4)).toBeCloseTo(80);
		expect(radarIndex('higher_better', -1, 4)).toBeNull();
		expect(yearsBefore('2024-Q2', 5)).toBe('2019-Q2');
		expect(yearsBefore('2024', 5)).toBe('2019');
	});
});

describe('a region’s profile', () => {
	it('refuses bad input with a message and changes nothing', async () => {
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[
				{
					regio: 'leuven',
					titel: 'Streekfoto',
					indicatoren: [ids.work],
					radar: [ids.unemployment]
				},
				'radar',
				/moet ook in de Streekfoto staan/
			],
			[
				{
					regio: 'leuven',
					titel: 'Streekfoto',
					indicatoren: [ids.work, ids.unemployment],
					radar: [ids.work]
				},
				'radar',
				/Kies minstens 3 en hoogstens 12 kernindicatoren voor de radar \(nu 1\)/
			],
			[{ regio: 'leuven', titel: 'X', indicatoren: [ids.work] }, 'titel', /minstens 3 tekens/],
			[
				{
					regio: 'leuven',
					titel: 'Streekfoto',
					indicatoren: ['00000000-0000-4000-8000-00000000abcd']
				},
				'indicatoren',
				/bestaat niet/
			],
			[
				{ regio: 'leuven', titel: 'Streekfoto', indicatoren: ['drop table'] },
				'indicatoren.0',
				/Ongeldige keuze/
			]
		];
		for (const [input, field, message] of cases) {
			const before = await state();
			const e = await rejection(saveStreekfotoProfile(ctx(), input));
			expect(e.code).toBe('invalid_input');
			expect(e.fields?.[field]?.join(' ')).toMatch(message);
			expect(await state()).toEqual(before);
		}
		const member = { ...staff, role: 'user' } as Principal;
		const e = await rejection(
			saveStreekfotoProfile(t.ctx({ principal: member }), { regio: 'leuven', titel: 'Streekfoto' })
		);
		expect(e.code).toBe('forbidden');
	});

	it('saves indicators and radar, and shows region, province and Flanders with trends', async () => {
		const before = await state();
		await saveStreekfotoProfile(ctx(), {
			regio: 'leuven',
			titel: 'Is Spitsregio Leuven nog een topregio?',
			indicatoren: [ids.work, ids.unemployment, ids.commuting, ids.empty],
			radar: [ids.work, ids.unemployment, ids.commuting]
		});
		expect(await state()).toEqual({
			profiles: before.profiles + 1,
			indicators: before.indicators + 4,
			audits: before.audits + 1
		});
		const s = await getStreekfoto(t.db, 'leuven');
		expect(s.title).toBe('Is Spitsregio Leuven nog een topregio?');
		expect(s.province?.name).toBe('Vlaams-Brabant');
		expect(s.flanders?.name).toBe('Vlaams Gewest');
		// Domains and indicators in the catalogue's order.
		expect(s.domains.map((d) => d.domain)).toEqual(['pendel', 'werkgelegenheid']);
		const all = s.domains.flatMap((d) => d.rows);
		const work = all.find((r) => r.indicatorId === ids.work)!;
		expect(work).toMatchObject({
			period: '2024',
			region: 76,
			province: 75.5,
			flanders: 74,
			previousPeriod: '2023',
			change: 1,
			fiveYearPeriod: '2019',
			change5y: 4,
			comparison: 'beter'
		});
		expect(work.index).toBeCloseTo((76 / 74) * 100);
		const unemployment = all.find((r) => r.indicatorId === ids.unemployment)!;
		expect(unemployment).toMatchObject({ comparison: 'slechter', province: null, change5y: null });
		expect(unemployment.index).toBeCloseTo(80);
		const empty = all.find((r) => r.indicatorId === ids.empty)!;
		expect(empty).toMatchObject({ period: null, region: null, comparison: 'onbekend' });
		expect(s.radar).toHaveLength(3);
		expect([s.better, s.worse, s.compared]).toEqual([1, 1, 2]);
		expect(s.summary).toBe(
			'Op 1 van de 2 vergeleken kernindicatoren doet Regio Leuven het beter dan Vlaanderen, op 1 slechter.'
		);
		const editor = await streekfotoEditor(t.db, 'leuven');
		expect(editor.indicators.filter((i) => i.chosen)).toHaveLength(4);
		expect(editor.indicators.filter((i) => i.onRadar)).toHaveLength(3);
	});

	it('reads the page in a constant number of queries', async () => {
		const first = await countQueries(() => getStreekfoto(t.db, 'leuven'));
		// Ten more indicators with twenty years each.
		const more: string[] = [];
		for (let i = 0; i < 10; i++) {
			const id = await indicator('higher_better', `domein-${i % 3}`);
			more.push(id);
			const years = Object.fromEntries(
				Array.from({ length: 20 }, (_, y) => [String(2005 + y), 50 + y + i])
			);
			await observe(id, ids.region, years);
			await observe(id, ids.flanders, years);
			await observe(id, ids.province, years);
		}
		await saveStreekfotoProfile(ctx(), {
			regio: 'leuven',
			titel: 'Streekfoto Leuven',
			indicatoren: [ids.work, ids.unemployment, ...more],
			radar: more.slice(0, 8)
		});
		const second = await countQueries(() => getStreekfoto(t.db, 'leuven'));
		expect(second.result.domains.flatMap((d) => d.rows)).toHaveLength(12);
		expect(second.queries).toBe(first.queries);
		expect(first.queries).toBeLessThanOrEqual(4);
	});

	it('renders the PDF report with the summary and the table', async () => {
		const s = await getStreekfoto(t.db, 'leuven');
		const pdf = await renderStreekfotoPdf(s, { compress: false });
		const text = pdf.toString('latin1');
		expect(text.startsWith('%PDF-')).toBe(true);
		expect(text).toMatch(/Streekfoto Leuven/);
	});

	it('a region without a profile is not found; example profiles fill the regions without one', async () => {
		const e = await rejection(getStreekfoto(t.db, 'halle-vilvoorde'));
		expect(e.code).toBe('not_found');
		expect(await seedExampleStreekfoto(ctx())).toBe(1);
		const hv = await getStreekfoto(t.db, 'halle-vilvoorde');
		expect(hv.isExample).toBe(true);
		expect(hv.title).toMatch(/voorbeeld/);
		expect(hv.radar.length).toBeGreaterThanOrEqual(3);
		// Leuven keeps its own profile; a second run does nothing.
		expect((await getStreekfoto(t.db, 'leuven')).title).toBe('Streekfoto Leuven');
		expect(await seedExampleStreekfoto(ctx())).toBe(0);
	});
});
