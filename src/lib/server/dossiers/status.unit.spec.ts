/**
 * The computed stage of a dossier: draft → adopted → sent → answered → followed up, closed over
 * everything; which addressees are overdue (past answerDays, not on the due day itself); the
 * explanation in Dutch and English; and day arithmetic across month, year and DST boundaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addDays,
	answerDue,
	dossierStages,
	dossierStatus,
	stageLabels,
	stageSlugs,
	type DossierFacts,
	type DossierStage
} from './status';

const TODAY = '2026-11-27';
const sentOn = '2026-09-28'; // + 60 days = 27/11/2026: due today, not overdue yet
const facts = (f: Partial<DossierFacts>): DossierFacts => ({
	decisionStatuses: [],
	addressees: [],
	followUpActions: 0,
	closedOn: null,
	answerDays: 60,
	...f
});
const to = (name: string, sent: string | null = null, answered: string | null = null) => ({
	name,
	sentOn: sent,
	answeredOn: answered
});

describe('dossier stage', () => {
	it.each<[string, DossierStage, Partial<DossierFacts>]>([
		['no decision, no addressee', 'draft', {}],
		['no decision, addressees not yet sent', 'draft', { addressees: [to('Vlaamse Regering')] }],
		['only a rejected decision', 'draft', { decisionStatuses: ['rejected'] }],
		['only a postponed decision', 'draft', { decisionStatuses: ['postponed'] }],
		[
			'rejected, postponed and withdrawn, none adopted',
			'draft',
			{ decisionStatuses: ['rejected', 'postponed', 'withdrawn'] }
		],
		['an adopting decision', 'adopted', { decisionStatuses: ['adopted'] }],
		[
			'postponed first, adopted later',
			'adopted',
			{ decisionStatuses: ['postponed', 'adopted'], addressees: [to('Vlaamse Regering')] }
		],
		[
			'adopted with plan actions but not sent: actions alone do not follow anything up',
			'adopted',
			{ decisionStatuses: ['adopted'], followUpActions: 3 }
		],
		[
			'sent to one of two',
			'sent',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn), to('Vlaams Parlement')]
			}
		],
		[
			'sent to two, one answered',
			'sent',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01'), to('Vlaams Parlement', sentOn)]
			}
		],
		[
			'partly answered with plan actions: still sent',
			'sent',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01'), to('Vlaams Parlement', sentOn)],
				followUpActions: 2
			}
		],
		[
			'every addressee sent to answered',
			'answered',
			{
				decisionStatuses: ['adopted'],
				addressees: [
					to('Vlaamse Regering', sentOn, '2026-10-01'),
					to('Vlaams Parlement', sentOn, '2026-11-02')
				]
			}
		],
		[
			'an addressee not yet sent does not block the answered stage',
			'answered',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01'), to('Federale Regering')]
			}
		],
		[
			'answered and one plan action',
			'followed_up',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01')],
				followUpActions: 1
			}
		],
		[
			'closed while sent',
			'closed',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn)],
				closedOn: '2026-11-20'
			}
		],
		['closed as a draft', 'closed', { closedOn: '2026-11-20' }],
		[
			'closed after the follow-up',
			'closed',
			{
				decisionStatuses: ['adopted'],
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01')],
				followUpActions: 4,
				closedOn: '2026-11-20'
			}
		]
	])('%s → %s', (_, stage, f) => {
		expect(dossierStatus(facts(f), TODAY).stage).toBe(stage);
		// The stage does not depend on the locale.
		expect(dossierStatus(facts(f), TODAY, 'en').stage).toBe(stage);
	});

	it('is the same for the same facts and day (pure)', () => {
		const f = facts({ decisionStatuses: ['adopted'], addressees: [to('A', '2026-01-01')] });
		expect(dossierStatus(f, TODAY)).toEqual(dossierStatus(structuredClone(f), TODAY));
	});
});

describe('overdue addressees', () => {
	const sent = (days: number, answered: string | null = null) =>
		facts({
			decisionStatuses: ['adopted'],
			addressees: [to('Vlaams Parlement', sentOn, answered)],
			answerDays: days
		});

	it('names no one on the due day itself, and the addressee from the day after', () => {
		expect(answerDue(sentOn, 60)).toBe(TODAY);
		expect(dossierStatus(sent(60), TODAY).overdue).toEqual([]);
		expect(dossierStatus(sent(60), addDays(TODAY, 1)).overdue).toEqual(['Vlaams Parlement']);
		expect(dossierStatus(sent(60), addDays(TODAY, -1)).overdue).toEqual([]);
		// A shorter answer time makes it overdue today.
		expect(dossierStatus(sent(59), TODAY).overdue).toEqual(['Vlaams Parlement']);
	});

	it('never names an addressee who answered, however late', () => {
		expect(dossierStatus(sent(1, '2026-11-26'), TODAY).overdue).toEqual([]);
	});

	it('never names an addressee not yet sent to', () => {
		const f = facts({ decisionStatuses: ['adopted'], addressees: [to('Vlaams Parlement')] });
		expect(dossierStatus(f, '2030-01-01').overdue).toEqual([]);
	});

	it('names every overdue addressee, in order, and only those', () => {
		const f = facts({
			decisionStatuses: ['adopted'],
			answerDays: 30,
			addressees: [
				to('Vlaamse Regering', '2026-09-01'),
				to('Federale Regering', '2026-11-01'),
				to('Vlaams Parlement', '2026-10-01'),
				to('Provincie Vlaams-Brabant', '2026-09-01', '2026-10-15')
			]
		});
		const s = dossierStatus(f, TODAY);
		expect(s.stage).toBe('sent');
		expect(s.overdue).toEqual(['Vlaamse Regering', 'Vlaams Parlement']);
	});

	it('clears the overdue list once the dossier is closed', () => {
		const open = sent(10);
		expect(dossierStatus(open, TODAY).overdue).toEqual(['Vlaams Parlement']);
		const closed = dossierStatus({ ...open, closedOn: '2026-11-26' }, TODAY);
		expect(closed).toMatchObject({ stage: 'closed', overdue: [] });
	});
});

describe('explanations', () => {
	const adopted = ['adopted'];
	it.each<[string, Partial<DossierFacts>, string, string]>([
		[
			'draft',
			{ decisionStatuses: ['rejected'] },
			'Nog geen besluit nam het standpunt aan.',
			'No decision has adopted the position yet.'
		],
		[
			'adopted',
			{ decisionStatuses: adopted },
			'Een besluit nam het standpunt aan; het is nog niet verstuurd.',
			'A decision adopted the position; it has not been sent yet.'
		],
		[
			'sent to one, none answered, not late',
			{ decisionStatuses: adopted, addressees: [to('Vlaamse Regering', sentOn)] },
			'Verstuurd aan 1 geadresseerde; 0 antwoordden.',
			'Sent to 1 addressee; 0 answered.'
		],
		[
			'sent to three, one answered, one late',
			{
				decisionStatuses: adopted,
				answerDays: 30,
				addressees: [
					to('Vlaamse Regering', '2026-10-01', '2026-10-20'),
					to('Vlaams Parlement', '2026-10-01'),
					to('Federale Regering', '2026-11-20'),
					to('Provincie Vlaams-Brabant')
				]
			},
			'Verstuurd aan 3 geadresseerden; 1 antwoordde. Geen antwoord binnen de termijn van Vlaams Parlement.',
			'Sent to 3 addressees; 1 answered. No answer in time from Vlaams Parlement.'
		],
		[
			'sent to two, both late',
			{
				decisionStatuses: adopted,
				answerDays: 30,
				addressees: [to('Vlaamse Regering', '2026-10-01'), to('Vlaams Parlement', '2026-10-01')]
			},
			'Verstuurd aan 2 geadresseerden; 0 antwoordden. Geen antwoord binnen de termijn van Vlaamse Regering, Vlaams Parlement.',
			'Sent to 2 addressees; 0 answered. No answer in time from Vlaamse Regering, Vlaams Parlement.'
		],
		[
			'answered by two',
			{
				decisionStatuses: adopted,
				addressees: [
					to('Vlaamse Regering', sentOn, '2026-10-01'),
					to('Vlaams Parlement', sentOn, '2026-10-02'),
					to('Federale Regering')
				]
			},
			'Elke geadresseerde aan wie het verstuurd werd, antwoordde (2).',
			'Every addressee it was sent to answered (2).'
		],
		[
			'followed up by one action',
			{
				decisionStatuses: adopted,
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01')],
				followUpActions: 1
			},
			'Elke geadresseerde antwoordde; 1 actie uit een plan volgt het op.',
			'Every addressee answered; 1 plan action follows it up.'
		],
		[
			'followed up by three actions',
			{
				decisionStatuses: adopted,
				addressees: [to('Vlaamse Regering', sentOn, '2026-10-01')],
				followUpActions: 3
			},
			'Elke geadresseerde antwoordde; 3 acties uit een plan volgen het op.',
			'Every addressee answered; 3 plan actions follow it up.'
		],
		[
			'closed (Belgian date)',
			{ decisionStatuses: adopted, closedOn: '2026-02-03' },
			'Afgesloten op 03/02/2026.',
			'Closed on 03/02/2026.'
		]
	])('%s', (_, f, nl, en) => {
		expect(dossierStatus(facts(f), TODAY).explanation).toBe(nl);
		expect(dossierStatus(facts(f), TODAY, 'nl').explanation).toBe(nl);
		expect(dossierStatus(facts(f), TODAY, 'en').explanation).toBe(en);
	});
});

describe('labels and slugs', () => {
	it('has a Dutch and English label and a distinct URL slug per stage', () => {
		for (const stage of dossierStages) {
			expect(stageLabels[stage].nl).toBeTruthy();
			expect(stageLabels[stage].en).toBeTruthy();
		}
		expect(new Set(Object.values(stageSlugs)).size).toBe(dossierStages.length);
		expect(stageSlugs).toEqual({
			draft: 'ontwerp',
			adopted: 'aangenomen',
			sent: 'verstuurd',
			answered: 'beantwoord',
			followed_up: 'opgevolgd',
			closed: 'afgesloten'
		});
	});
});

describe('addDays', () => {
	// Run in the platform's zone: local-midnight arithmetic would slip a day around DST changes.
	const zone = process.env.TZ;
	beforeAll(() => {
		process.env.TZ = 'Europe/Brussels';
	});
	afterAll(() => {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	});

	it('runs in Brussels time (summer +2 h, winter +1 h)', () => {
		expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(-120);
		expect(new Date('2026-12-01T12:00:00Z').getTimezoneOffset()).toBe(-60);
	});

	it.each<[string, number, string]>([
		['2026-11-27', 0, '2026-11-27'],
		['2026-01-31', 1, '2026-02-01'],
		['2026-02-28', 1, '2026-03-01'],
		['2028-02-28', 1, '2028-02-29'],
		['2026-04-30', 1, '2026-05-01'],
		['2026-12-31', 1, '2027-01-01'],
		['2027-01-01', -1, '2026-12-31'],
		['2026-03-01', -1, '2026-02-28'],
		['2026-11-15', 60, '2027-01-14'],
		// Brussels moves to summer time on 29/3/2026 and back on 25/10/2026.
		['2026-03-28', 1, '2026-03-29'],
		['2026-03-29', 1, '2026-03-30'],
		['2026-03-27', 3, '2026-03-30'],
		['2026-03-30', -2, '2026-03-28'],
		['2026-10-24', 1, '2026-10-25'],
		['2026-10-25', 1, '2026-10-26'],
		['2026-10-26', -1, '2026-10-25'],
		['2026-01-01', 365, '2027-01-01'],
		['2028-01-01', 730, '2029-12-31']
	])('%s plus %i days → %s', (day, days, expected) => {
		expect(addDays(day, days)).toBe(expected);
	});

	it('gives the answer due day from the sending', () => {
		expect(answerDue('2026-12-15', 30)).toBe('2027-01-14');
		expect(answerDue('2026-09-28', 60)).toBe('2026-11-27');
	});
});
