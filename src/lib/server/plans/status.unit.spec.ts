import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import {
	actionStatus,
	expectedAt,
	measureStatus,
	rollUp,
	type ActionFacts,
	type MeasureFacts,
	type PlanStatus
} from './status';

/** Day 182 of the 364 between 1/1 and 31/12/2026: exactly half the time gone. */
const TODAY = '2026-07-02';
const action = (facts: Partial<ActionFacts>): ActionFacts => ({
	startDate: '2026-01-01',
	dueDate: '2026-12-31',
	progress: 0,
	completed: false,
	milestones: [],
	...facts
});

describe('action status from dates, progress and milestones (today 2/7/2026, half the time gone)', () => {
	it.each<[string, Partial<ActionFacts>, PlanStatus, string]>([
		['marked done', { completed: true, progress: 80 }, 'done', 'De actie is afgerond.'],
		['progress 100', { progress: 100 }, 'done', 'De actie is afgerond.'],
		[
			'starts later, no progress',
			{ startDate: '2026-09-01', progress: 0 },
			'not_started',
			'De actie start op 1/9/2026.'
		],
		[
			'past due',
			{ dueDate: '2026-07-01', progress: 60 },
			'off_track',
			'De einddatum 1/7/2026 is voorbij en de actie staat op 60 %.'
		],
		[
			'due today is not past due yet',
			{ startDate: '2026-01-01', dueDate: '2026-07-02', progress: 90 },
			'on_track',
			'100 % van de tijd is verstreken, de actie staat op 90 %: 10 punten achter, binnen de marge.'
		],
		[
			'lags 10 points: within the margin',
			{ progress: 40 },
			'on_track',
			'50 % van de tijd is verstreken, de actie staat op 40 %: 10 punten achter, binnen de marge.'
		],
		[
			'lags exactly 15 points: still on track',
			{ progress: 35 },
			'on_track',
			'50 % van de tijd is verstreken, de actie staat op 35 %: 15 punten achter, binnen de marge.'
		],
		[
			'lags 20 points: at risk',
			{ progress: 30 },
			'at_risk',
			'50 % van de tijd is verstreken, de actie staat op 30 %: 20 punten achter.'
		],
		[
			'lags 31 points: off track',
			{ progress: 19 },
			'off_track',
			'50 % van de tijd is verstreken, de actie staat op 19 %: 31 punten achter.'
		],
		[
			'ahead of time',
			{ progress: 70 },
			'on_track',
			'50 % van de tijd is verstreken, de actie staat op 70 %.'
		],
		[
			'a missed milestone while on time',
			{
				progress: 50,
				milestones: [
					{ title: 'Bevraging', dueDate: '2026-05-15', doneOn: null },
					{ title: 'Rapport', dueDate: '2026-09-15', doneOn: null }
				]
			},
			'at_risk',
			'Mijlpaal „Bevraging” (15/5/2026) is niet gehaald.'
		],
		[
			'a milestone met late is no longer a problem',
			{
				progress: 50,
				milestones: [{ title: 'Bevraging', dueDate: '2026-05-15', doneOn: '2026-06-01' }]
			},
			'on_track',
			'50 % van de tijd is verstreken, de actie staat op 50 %.'
		],
		[
			'no dates, no progress',
			{ startDate: null, dueDate: null },
			'not_started',
			'Er is nog geen voortgang gemeld.'
		],
		[
			'no dates, some progress',
			{ startDate: null, dueDate: null, progress: 20 },
			'on_track',
			'De actie staat op 20 % (zonder start- of einddatum).'
		]
	])('%s', (_, facts, status, explanation) => {
		expect(actionStatus(action(facts), TODAY)).toEqual({ status, explanation });
	});

	it('a manual override wins, says so, and keeps what was computed', () => {
		expect(
			actionStatus(
				action({ progress: 10, override: { status: 'on_track', reason: 'subsidie is toegezegd' } }),
				TODAY
			)
		).toEqual({
			status: 'on_track',
			overridden: true,
			explanation: 'Handmatig vastgelegd: subsidie is toegezegd (berekend: achter op schema).'
		});
	});

	it('tolerances are the plan’s', () => {
		const strict = { measureOnTrack: 5, measureAtRisk: 15, actionAtRisk: 5, actionOffTrack: 10 };
		expect(actionStatus(action({ progress: 40 }), TODAY, strict).status).toBe('at_risk');
	});
});

/** Werkzaamheidsgraad from 60 % (2020) to 72 % (2027), higher is better. */
const employment = (facts: Partial<MeasureFacts>): MeasureFacts => ({
	unit: '%',
	decimals: 1,
	direction: 'higher_better',
	trajectory: 'linear',
	baseline: { period: '2020', periodStart: '2020-01-01', value: 60 },
	target: { period: '2027', periodStart: '2027-01-01', value: 72 },
	milestones: [],
	latest: null,
	...facts
});
/** Werkloosheidsgraad from 8 % (2020) to 6 % (2026), lower is better. */
const unemployment = (facts: Partial<MeasureFacts>): MeasureFacts => ({
	unit: '%',
	decimals: 1,
	direction: 'lower_better',
	trajectory: 'linear',
	baseline: { period: '2020', periodStart: '2020-01-01', value: 8 },
	target: { period: '2026', periodStart: '2026-01-01', value: 6 },
	milestones: [],
	latest: null,
	...facts
});
const in2025 = (value: number) => ({ period: '2025', periodStart: '2025-01-01', value });
const in2023 = (value: number) => ({ period: '2023', periodStart: '2023-01-01', value });

describe('measure status: the latest observation against the trajectory', () => {
	// On 1/1/2025 the linear trajectory of `employment` expects 60 + 12 × 1827/2557 ≈ 68,57 %.
	it.each<[string, MeasureFacts, PlanStatus, string]>([
		[
			'no observation yet',
			employment({}),
			'not_started',
			'Doelwaarde 72,0 % in 2027; nog geen meting na de nulmeting (60,0 % in 2020).'
		],
		[
			'only the baseline itself',
			employment({ latest: { period: '2020', periodStart: '2020-01-01', value: 60 } }),
			'not_started',
			'Doelwaarde 72,0 % in 2027; nog geen meting na de nulmeting (60,0 % in 2020).'
		],
		[
			'just under the trajectory (1,5 % of the distance)',
			employment({ latest: in2025(68.4) }),
			'on_track',
			'Doelwaarde 72,0 % in 2027; laatste meting 68,4 % (2025) ligt 0,2 pt onder het traject.'
		],
		[
			'above the trajectory',
			employment({ latest: in2025(70) }),
			'on_track',
			'Doelwaarde 72,0 % in 2027; laatste meting 70,0 % (2025) ligt 1,4 pt boven het traject.'
		],
		[
			'13 % of the distance under: at risk',
			employment({ latest: in2025(67) }),
			'at_risk',
			'Doelwaarde 72,0 % in 2027; laatste meting 67,0 % (2025) ligt 1,6 pt onder het traject.'
		],
		[
			'30 % of the distance under: off track',
			employment({ latest: in2025(65) }),
			'off_track',
			'Doelwaarde 72,0 % in 2027; laatste meting 65,0 % (2025) ligt 3,6 pt onder het traject.'
		],
		[
			'target already met',
			employment({ latest: in2023(72.5) }),
			'done',
			'Doelwaarde 72,0 % in 2027; laatste meting 72,5 % (2023): doelwaarde bereikt.'
		],
		[
			'lower is better: above the falling trajectory is behind',
			unemployment({ latest: in2023(7.5) }),
			'off_track',
			'Doelwaarde 6,0 % in 2026; laatste meting 7,5 % (2023) ligt 0,5 pt boven het traject.'
		],
		[
			'lower is better: on the trajectory',
			unemployment({ latest: in2023(7) }),
			'on_track',
			'Doelwaarde 6,0 % in 2026; laatste meting 7,0 % (2023) ligt op het traject.'
		],
		[
			'lower is better: below the trajectory is ahead',
			unemployment({ latest: in2023(6.6) }),
			'on_track',
			'Doelwaarde 6,0 % in 2026; laatste meting 6,6 % (2023) ligt 0,4 pt onder het traject.'
		],
		[
			'lower is better: target met',
			unemployment({ latest: in2023(5.9) }),
			'done',
			'Doelwaarde 6,0 % in 2026; laatste meting 5,9 % (2023): doelwaarde bereikt.'
		],
		[
			'hold the level (baseline = target): the level is the distance',
			employment({
				target: { period: '2027', periodStart: '2027-01-01', value: 60 },
				latest: in2025(59)
			}),
			'on_track',
			'Doelwaarde 60,0 % in 2027; laatste meting 59,0 % (2025) ligt 1,0 pt onder het traject.'
		],
		[
			'a count, with its unit',
			{
				...employment({ latest: in2025(1000) }),
				unit: 'jobs',
				decimals: 0,
				baseline: { period: '2020', periodStart: '2020-01-01', value: 1200 },
				target: { period: '2027', periodStart: '2027-01-01', value: 2000 }
			},
			'off_track',
			'Doelwaarde 2.000 jobs in 2027; laatste meting 1.000 jobs (2025) ligt 772 jobs onder het traject.'
		]
	])('%s', (_, facts, status, explanation) => {
		expect(measureStatus(facts)).toEqual({ status, explanation });
	});

	it('a stepped trajectory expects the last intermediate target until the next', () => {
		const stepped = employment({
			trajectory: 'stepped',
			milestones: [{ period: '2023', periodStart: '2023-01-01', value: 66 }]
		});
		expect(expectedAt(stepped, '2022-01-01')).toBe(60);
		expect(expectedAt(stepped, '2023-01-01')).toBe(66);
		expect(expectedAt(stepped, '2025-01-01')).toBe(66);
		expect(expectedAt(stepped, '2027-01-01')).toBe(72);
		expect(measureStatus({ ...stepped, latest: in2025(66) }).status).toBe('on_track');
		// The same value on the linear path through the intermediate target lags: 66 + 6 × 731/1461.
		const linear = { ...stepped, trajectory: 'linear' as const };
		expect(expectedAt(linear, '2025-01-01')).toBeCloseTo(69.0, 1);
		expect(measureStatus({ ...linear, latest: in2025(66) }).status).toBe('off_track');
	});

	it('an override is recorded with its reason', () => {
		expect(
			measureStatus(
				employment({
					latest: in2025(65),
					override: { status: 'at_risk', reason: 'breuk in de reeks (nieuwe definitie)' }
				})
			)
		).toMatchObject({
			status: 'at_risk',
			overridden: true,
			explanation:
				'Handmatig vastgelegd: breuk in de reeks (nieuwe definitie) (berekend: achter op schema).'
		});
	});
});

describe('roll-up from children (weighted)', () => {
	const c = (status: PlanStatus, weight = 1) => ({ status, weight });
	it.each<[string, ReturnType<typeof c>[], PlanStatus, string]>([
		['no children', [], 'not_started', 'Er zijn nog geen onderdelen.'],
		[
			'none started',
			[c('not_started'), c('not_started')],
			'not_started',
			'Geen van de meetellende onderdelen is al gestart.'
		],
		[
			'all weights zero',
			[c('off_track', 0), c('on_track', 0)],
			'not_started',
			'Geen enkel onderdeel telt mee (alle gewichten zijn 0).'
		],
		['all done', [c('done'), c('done', 2)], 'done', 'Alle 2 onderdelen zijn afgerond.'],
		[
			'done and one not started: not done yet',
			[c('done'), c('not_started')],
			'on_track',
			'1 van de 1 gestarte onderdelen op schema of afgerond (gewogen 100 %).'
		],
		[
			'half on track: at risk',
			[c('on_track'), c('off_track')],
			'at_risk',
			'1 van de 2 gestarte onderdelen op schema of afgerond (gewogen 50 %).'
		],
		[
			'weights tip it: 4 to 1 is 80 %',
			[c('on_track', 4), c('off_track', 1)],
			'on_track',
			'1 van de 2 gestarte onderdelen op schema of afgerond (gewogen 80 %).'
		],
		[
			'3 to 1 is 75 %: at risk',
			[c('on_track', 3), c('off_track', 1)],
			'at_risk',
			'1 van de 2 gestarte onderdelen op schema of afgerond (gewogen 75 %).'
		],
		[
			'a zero weight does not count',
			[c('on_track'), c('off_track', 0)],
			'on_track',
			'1 van de 1 gestarte onderdelen op schema of afgerond (gewogen 100 %).'
		],
		[
			'at risk counts half',
			[c('at_risk'), c('at_risk'), c('off_track')],
			'off_track',
			'0 van de 3 gestarte onderdelen op schema of afgerond (gewogen 33 %).'
		]
	])('%s', (_, children, status, explanation) => {
		expect(rollUp(children)).toEqual({ status, explanation });
	});

	it('an override of a roll-up is recorded', () => {
		expect(
			rollUp([c('off_track')], { status: 'at_risk', reason: 'herstelplan goedgekeurd' })
		).toEqual({
			status: 'at_risk',
			overridden: true,
			explanation: 'Handmatig vastgelegd: herstelplan goedgekeurd (berekend: achter op schema).'
		});
	});
});

describe('explanations in English (locale en): the same rules, English sentences and numbers', () => {
	it.each<[string, Partial<ActionFacts>, PlanStatus, string]>([
		['done', { completed: true, progress: 80 }, 'done', 'The action is done.'],
		[
			'not started: starts later',
			{ startDate: '2026-09-01' },
			'not_started',
			'The action starts on 1/9/2026.'
		],
		[
			'not started: no dates, no progress',
			{ startDate: null, dueDate: null },
			'not_started',
			'No progress has been reported yet.'
		],
		[
			'on track: ahead of time',
			{ progress: 70 },
			'on_track',
			'50 % of the time has passed and the action is at 70 %.'
		],
		[
			'on track: behind within the margin',
			{ progress: 40 },
			'on_track',
			'50 % of the time has passed and the action is at 40 %: 10 pp behind, within the margin.'
		],
		[
			'at risk by lag',
			{ progress: 30 },
			'at_risk',
			'50 % of the time has passed and the action is at 30 %: 20 pp behind.'
		],
		[
			'off track by lag',
			{ progress: 19 },
			'off_track',
			'50 % of the time has passed and the action is at 19 %: 31 pp behind.'
		],
		[
			'off track: past due',
			{ dueDate: '2026-07-01', progress: 60 },
			'off_track',
			'The due date 1/7/2026 has passed and the action is at 60 %.'
		],
		[
			'at risk: one missed milestone',
			{ progress: 50, milestones: [{ title: 'Survey', dueDate: '2026-05-15', doneOn: null }] },
			'at_risk',
			'Milestone “Survey” (15/5/2026) was missed.'
		],
		[
			'at risk: missed milestones, the earliest named',
			{
				progress: 50,
				milestones: [
					{ title: 'Report', dueDate: '2026-06-15', doneOn: null },
					{ title: 'Survey', dueDate: '2026-05-15', doneOn: null }
				]
			},
			'at_risk',
			'2 milestones were missed, the first being “Survey” (15/5/2026).'
		],
		[
			'on track without dates',
			{ startDate: null, dueDate: null, progress: 20 },
			'on_track',
			'The action is at 20 % (no start or due date).'
		]
	])('action: %s', (_, facts, status, explanation) => {
		expect(actionStatus(action(facts), TODAY, undefined, 'en')).toEqual({ status, explanation });
	});

	it('action: a manual override says so in English, with the computed status', () => {
		expect(
			actionStatus(
				action({ progress: 10, override: { status: 'on_track', reason: 'grant confirmed' } }),
				TODAY,
				undefined,
				'en'
			)
		).toEqual({
			status: 'on_track',
			overridden: true,
			explanation: 'Set manually: grant confirmed (computed: off track).'
		});
	});

	it.each<[string, MeasureFacts, PlanStatus, string]>([
		[
			'without observations',
			employment({}),
			'not_started',
			'Target 72.0 % in 2027; no measurement since the baseline (60.0 % in 2020) yet.'
		],
		[
			'under the trajectory, on track',
			employment({ latest: in2025(68.4) }),
			'on_track',
			'Target 72.0 % in 2027; latest measurement 68.4 % (2025) is 0.2 pp below the trajectory.'
		],
		[
			'above the trajectory',
			employment({ latest: in2025(70) }),
			'on_track',
			'Target 72.0 % in 2027; latest measurement 70.0 % (2025) is 1.4 pp above the trajectory.'
		],
		[
			'at risk',
			employment({ latest: in2025(67) }),
			'at_risk',
			'Target 72.0 % in 2027; latest measurement 67.0 % (2025) is 1.6 pp below the trajectory.'
		],
		[
			'off track, a quarter in English',
			employment({ latest: { period: '2025-Q1', periodStart: '2025-01-01', value: 65 } }),
			'off_track',
			'Target 72.0 % in 2027; latest measurement 65.0 % (Q1 2025) is 3.6 pp below the trajectory.'
		],
		[
			'target met',
			employment({ latest: in2023(72.5) }),
			'done',
			'Target 72.0 % in 2027; latest measurement 72.5 % (2023): target met.'
		],
		[
			'lower is better: above the falling trajectory is behind',
			unemployment({ latest: in2023(7.5) }),
			'off_track',
			'Target 6.0 % in 2026; latest measurement 7.5 % (2023) is 0.5 pp above the trajectory.'
		],
		[
			'lower is better: on the trajectory',
			unemployment({ latest: in2023(7) }),
			'on_track',
			'Target 6.0 % in 2026; latest measurement 7.0 % (2023) is on the trajectory.'
		],
		[
			'lower is better: target met',
			unemployment({ latest: in2023(5.9) }),
			'done',
			'Target 6.0 % in 2026; latest measurement 5.9 % (2023): target met.'
		],
		[
			'a count with its unit and English thousands',
			{
				...employment({ latest: in2025(1000) }),
				unit: 'jobs',
				decimals: 0,
				baseline: { period: '2020', periodStart: '2020-01-01', value: 1200 },
				target: { period: '2027', periodStart: '2027-01-01', value: 2000 }
			},
			'off_track',
			'Target 2,000 jobs in 2027; latest measurement 1,000 jobs (2025) is 772 jobs below the trajectory.'
		]
	])('measure: %s', (_, facts, status, explanation) => {
		expect(measureStatus(facts, 'en')).toEqual({ status, explanation });
	});

	it('measure: a manual override', () => {
		expect(
			measureStatus(
				employment({
					latest: in2025(70),
					override: { status: 'at_risk', reason: 'break in the series' }
				}),
				'en'
			)
		).toEqual({
			status: 'at_risk',
			overridden: true,
			explanation: 'Set manually: break in the series (computed: on track).'
		});
	});

	const c = (status: PlanStatus, weight = 1) => ({ status, weight });
	it.each<[string, ReturnType<typeof c>[], PlanStatus, string]>([
		['no children', [], 'not_started', 'There are no parts yet.'],
		[
			'none started',
			[c('not_started'), c('not_started')],
			'not_started',
			'None of the parts that count has started yet.'
		],
		['all weights zero', [c('on_track', 0)], 'not_started', 'No part counts (all weights are 0).'],
		['all done', [c('done'), c('done', 2)], 'done', 'All parts are done (2 of 2).'],
		['one done', [c('done')], 'done', 'All parts are done (1 of 1).'],
		[
			'weighted score',
			[c('on_track', 3), c('off_track', 1)],
			'at_risk',
			'On track or done: 1 of 2 started parts (weighted 75 %).'
		]
	])('roll-up: %s', (_, children, status, explanation) => {
		expect(rollUp(children, undefined, 'en')).toEqual({ status, explanation });
	});

	it('roll-up: a manual override', () => {
		expect(rollUp([c('on_track')], { status: 'off_track', reason: 'funding cut' }, 'en')).toEqual({
			status: 'off_track',
			overridden: true,
			explanation: 'Set manually: funding cut (computed: on track).'
		});
	});

	it('every explanation has an English sentence with the placeholders of the Dutch one', () => {
		const placeholders = (s: string) =>
			[...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
		const keys = (Object.keys(nl) as (keyof typeof nl)[]).filter((k) =>
			k.startsWith('plans.explain.')
		);
		expect(keys.length).toBeGreaterThan(20);
		for (const key of keys) {
			expect(en[key], key).toBeTypeOf('string');
			expect(placeholders(en[key]!), key).toEqual(placeholders(nl[key]));
		}
	});
});
