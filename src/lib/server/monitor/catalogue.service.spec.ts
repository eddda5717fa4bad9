import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { auditEvents, indicators, observations } from '../db/schema';
import type { Principal } from '../policy';
import { areaId } from '../seed/seed.service';
import {
	createIndicator,
	getIndicator,
	indicatorOutOf,
	listIndicators,
	updateIndicator
} from './catalogue.service';
import { indicatorFromForm } from './catalogue.schema';

const t = useTestDatabase();

const base = {
	name: { nl: 'Bevolking' },
	unit: 'aantal',
	domain: 'demografie',
	aggregation: 'sum',
	minValue: 0
};

async function counts() {
	const [i] = await t.db.select({ n: count() }).from(indicators);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { indicators: i.n, audit: a.n };
}

beforeAll(async () => {
	await createIndicator(t.ctx(), { code: 'bevolking', ...base });
	await createIndicator(t.ctx(), {
		code: 'bevolking_20_64',
		...base,
		name: { nl: 'Bevolking 20–64 jaar' },
		position: 1
	});
	await createIndicator(t.ctx(), {
		code: 'werkenden_20_64',
		...base,
		name: { nl: 'Werkenden 20–64 jaar' },
		domain: 'arbeidsmarkt'
	});
});

describe('indicator catalogue', () => {
	it('creates, lists by domain and position, reads by code, audited', async () => {
		const created = await createIndicator(t.ctx(), {
			code: 'werkzaamheidsgraad_20_64',
			name: { nl: 'Werkzaamheidsgraad 20–64 jaar' },
			unit: '%',
			decimals: 1,
			domain: 'arbeidsmarkt',
			direction: 'higher_better',
			aggregation: 'ratio',
			numerator: 'werkenden_20_64',
			denominator: 'bevolking_20_64',
			multiplier: 100,
			minValue: 0,
			maxValue: 100,
			position: 1
		});
		const list = await listIndicators(t.db);
		expect(list.map((i) => i.code)).toEqual([
			'werkenden_20_64',
			'werkzaamheidsgraad_20_64',
			'bevolking',
			'bevolking_20_64'
		]);
		const got = indicatorOutOf(await getIndicator(t.db, 'werkzaamheidsgraad_20_64'));
		expect(got.aggregation).toEqual({
			rule: 'ratio',
			weight: null,
			numerator: 'werkenden_20_64',
			denominator: 'bevolking_20_64',
			multiplier: 100
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.recordId, created.id));
		expect(audit.action).toBe('indicator.create');
		expect((await rejection(getIndicator(t.db, 'bestaat-niet'))).code).toBe('not_found');
	});

	it.each([
		{
			case: 'a code with spaces',
			input: { code: 'werk loosheid', ...base },
			field: 'code',
			message: 'De code bestaat uit kleine letters, cijfers, _ . of -, zonder spaties.'
		},
		{
			case: 'a code with capitals',
			input: { code: 'Werkloosheid', ...base },
			field: 'code',
			message: 'De code bestaat uit kleine letters, cijfers, _ . of -, zonder spaties.'
		},
		{
			case: 'a duplicate code',
			input: { code: 'bevolking', ...base },
			field: 'code',
			message: 'Er bestaat al een indicator met deze code: kies een andere.'
		},
		{
			case: 'decimals above 6',
			input: { code: 'x1', ...base, decimals: 7 },
			field: 'decimals',
			message: 'Het aantal decimalen is een geheel getal van 0 tot 6.'
		},
		{
			case: 'negative decimals',
			input: { code: 'x2', ...base, decimals: -1 },
			field: 'decimals',
			message: 'Het aantal decimalen is een geheel getal van 0 tot 6.'
		},
		{
			case: 'min above max',
			input: { code: 'x3', ...base, minValue: 10, maxValue: 5 },
			field: 'maxValue',
			message: 'De maximumwaarde mag niet kleiner zijn dan de minimumwaarde.'
		},
		{
			case: 'a ratio without numerator',
			input: { code: 'x4', ...base, aggregation: 'ratio', denominator: 'bevolking' },
			field: 'numerator',
			message:
				'Een verhouding heeft een teller nodig: kies de indicator die boven de deelstreep staat.'
		},
		{
			case: 'a ratio without denominator',
			input: { code: 'x5', ...base, aggregation: 'ratio', numerator: 'bevolking' },
			field: 'denominator',
			message:
				'Een verhouding heeft een noemer nodig: kies de indicator die onder de deelstreep staat.'
		},
		{
			case: 'a weighted mean without weight',
			input: { code: 'x6', ...base, aggregation: 'weighted_mean' },
			field: 'weight',
			message: 'Een gewogen gemiddelde heeft een gewicht nodig (bijvoorbeeld de bevolking).'
		},
		{
			case: 'a rule that refers to itself',
			input: { code: 'x7', ...base, aggregation: 'weighted_mean', weight: 'x7' },
			field: 'weight',
			message: 'Een indicator kan niet naar zichzelf verwijzen.'
		},
		{
			case: 'an unknown weight',
			input: { code: 'x8', ...base, aggregation: 'weighted_mean', weight: 'onbekend' },
			field: 'weight',
			message: 'Er is geen indicator met de code onbekend.'
		}
	])('refuses $case with a Dutch message, nothing written', async ({ input, field, message }) => {
		const before = await counts();
		const e = await rejection(createIndicator(t.ctx(), input));
		expect(['invalid_input', 'conflict']).toContain(e.code);
		expect(e.fields?.[field]).toEqual([message]);
		expect(await counts()).toEqual(before);
	});

	it('refuses an edit that refers to itself or breaks the bounds; nothing changed', async () => {
		const before = await counts();
		const [row] = await t.db.select().from(indicators).where(eq(indicators.code, 'bevolking'));
		const self = await rejection(
			updateIndicator(t.ctx(), 'bevolking', {
				...base,
				aggregation: 'ratio',
				numerator: 'bevolking',
				denominator: 'bevolking_20_64'
			})
		);
		expect(self.fields?.numerator).toEqual(['Een indicator kan niet naar zichzelf verwijzen.']);
		const bounds = await rejection(
			updateIndicator(t.ctx(), 'bevolking', { ...base, minValue: 1, maxValue: 0 })
		);
		expect(bounds.fields?.maxValue).toBeDefined();
		expect(await counts()).toEqual(before);
		const [after] = await t.db.select().from(indicators).where(eq(indicators.code, 'bevolking'));
		expect(after).toEqual(row);
	});

	it('updates (audited) and recomputes when the rule changes', async () => {
		await t.db.insert(observations).values({
			indicatorId: (await getIndicator(t.db, 'werkenden_20_64')).id,
			areaId: areaId('24062'),
			period: '2023',
			periodStart: '2023-01-01',
			value: 10,
			isExample: true
		});
		const updated = await updateIndicator(t.ctx(), 'werkenden_20_64', {
			...base,
			name: { nl: 'Werkenden 20–64 jaar', en: 'Employed 20–64' },
			aggregation: 'none'
		});
		expect(updated.name.en).toBe('Employed 20–64');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'indicator.update'));
		expect(audit.changes).toMatchObject({
			name: {},
			aggregation: { before: 'sum', after: 'none' }
		});
		const aggregated = async () =>
			(
				await t.db
					.select({ n: count() })
					.from(observations)
					.where(eq(observations.origin, 'aggregated'))
			)[0].n;
		expect(await aggregated()).toBe(0);
		await updateIndicator(t.ctx(), 'werkenden_20_64', { ...base, aggregation: 'sum' });
		// Arrondissement, province, region, country, platform region Leuven.
		expect(await aggregated()).toBe(5);
	});

	it('is refused to users without monitor:manage', async () => {
		const user: Principal = {
			kind: 'user',
			userId: 'u',
			name: 'u',
			email: 'u@x',
			role: 'user',
			bodyRoles: {}
		};
		const before = await counts();
		const e = await rejection(
			createIndicator(t.ctx({ principal: user }), { code: 'nieuw', ...base })
		);
		expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});

	it('reads the form: decimal comma, empty fields left out, unparseable numbers kept for the message', () => {
		expect(
			indicatorFromForm({
				code: ' jobratio ',
				nameNl: 'Jobratio',
				unit: '%',
				domain: 'jobs',
				aggregation: 'ratio',
				numerator: 'jobs',
				denominator: 'bevolking_20_64',
				multiplier: '100',
				decimals: '1',
				minValue: '0,5',
				maxValue: 'veel',
				licence: ''
			})
		).toEqual({
			code: 'jobratio',
			name: { nl: 'Jobratio' },
			unit: '%',
			domain: 'jobs',
			direction: undefined,
			aggregation: 'ratio',
			numerator: 'jobs',
			denominator: 'bevolking_20_64',
			multiplier: 100,
			decimals: 1,
			minValue: 0.5,
			maxValue: 'veel'
		});
	});
});
