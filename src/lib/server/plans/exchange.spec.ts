import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import type { Db } from '../db';
import {
	auditEvents,
	people,
	planActionPartners,
	planItems,
	planMeasures,
	planMeasureTargets,
	planMilestones,
	plans
} from '../db/schema';
import { anonymous } from '../policy';
import { seedExampleMonitor } from '../seed/example-monitor';
import {
	EXAMPLE_PLAN_SLUG,
	examplePeople,
	examplePersonId,
	examplePlanId,
	seedExamplePlans
} from '../seed/example-plans';
import { bodyId } from '../seed/seed.service';
import {
	exportPlan,
	importPlan,
	planColumns,
	planCsv,
	planLines,
	planXlsx,
	readPlanFile,
	rowMessages,
	type PlanLine
} from './exchange';

/** The source: a database with the example plan. */
const a = useTestDatabase();
/** The target: a fresh database with the structure, the example indicators and owners only. */
const b = useTestDatabase();

const taskforce = 'taskforce-spitsregio-leuven';
const newPlan = (slug: string) => ({
	slug,
	title: 'Actieplan Spitsregio Leuven (geïmporteerd voorbeeld)',
	bodySlug: taskforce,
	periodStart: '2025-01-01',
	periodEnd: '2030-12-31'
});

let lines: PlanLine[];

beforeAll(async () => {
	await seedExampleMonitor(a.ctx());
	await seedExamplePlans(a.ctx());
	lines = await planLines(a.db, examplePlanId);
	await seedExampleMonitor(b.ctx());
	await b.db.insert(people).values(
		examplePeople.map((p) => ({
			id: examplePersonId(p.key),
			givenName: p.givenName,
			familyName: p.familyName,
			email: p.email,
			isExample: true
		}))
	);
}, 120_000);

const planId = async (db: Db, slug: string) =>
	(await db.select({ id: plans.id }).from(plans).where(eq(plans.slug, slug)))[0]?.id;

async function counts(db: Db) {
	const n = async (table: Parameters<ReturnType<Db['select']>['from']>[0]) =>
		(await db.select({ n: count() }).from(table))[0].n;
	return {
		plans: await n(plans),
		items: await n(planItems),
		measures: await n(planMeasures),
		milestones: await n(planMilestones),
		partners: await n(planActionPartners),
		targets: await n(planMeasureTargets),
		audit: await n(auditEvents)
	};
}

const csvBytes = (l: PlanLine[]) => new TextEncoder().encode(planCsv(l));
const lineOf = (externalId: string) => lines.findIndex((l) => l.external_id === externalId) + 2;
const edit = (externalId: string, change: Partial<PlanLine>) =>
	lines.map((l) => (l.external_id === externalId ? { ...l, ...change } : l));

describe('plan export', () => {
	it('writes one row per node, depth-first, with the same columns in CSV and XLSX', async () => {
		expect(lines).toHaveLength(16 + 5);
		expect(lines.map((l) => `${l.type}:${l.external_id}`).slice(0, 6)).toEqual([
			'thema:T1',
			'doelstelling:D1',
			'maatregel:M1',
			'doelstelling:D1.1',
			'maatregel:M1.1',
			'actie:A1.1.1'
		]);
		const m2 = lines.find((l) => l.external_id === 'M2')!;
		expect(m2).toMatchObject({
			parent_external_id: 'D2',
			indicator: 'werkzaamheidsgraad_20_64',
			area: 'leuven',
			baseline_value: '78,1',
			baseline_period: '2022',
			target_value: '80',
			target_period: '2030',
			intermediate_targets: '2024=78,9',
			direction: 'higher_better',
			trajectory: 'linear'
		});
		const action = lines.find((l) => l.external_id === 'A1.1.1')!;
		expect(action).toMatchObject({
			type: 'actie',
			lead_organisation: 'unizo',
			partners: 'ersv-vlaams-brabant, voka',
			owner: 'els.voorbeeldmans@voorbeeld.test',
			progress: '100',
			budget_planned: '40000',
			budget_spent: '37500'
		});
		expect(action.milestones).toMatch(
			/^\d{4}-\d{2}-\d{2} Loketten aangeduid \(voorbeeld\) \(klaar \d{4}-\d{2}-\d{2}\); \d{4}-\d{2}-\d{2} Opleiding/
		);

		const csv = planCsv(lines);
		expect(csv.startsWith('\uFEFFtype;external_id;parent_external_id;')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(lines.length + 2);
		const fromCsv = await readPlanFile(new TextEncoder().encode(csv));
		const fromXlsx = await readPlanFile(await planXlsx(lines));
		expect(fromCsv).toMatchObject({ format: 'csv', errors: [] });
		expect(fromXlsx).toMatchObject({ format: 'xlsx', errors: [] });
		expect(fromCsv.rows.map((r) => r.values)).toEqual(lines);
		expect(fromXlsx.rows.map((r) => r.values)).toEqual(lines);
		expect(fromXlsx.rows.map((r) => r.line)).toEqual(lines.map((_, i) => i + 2));

		const file = await exportPlan(a.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, format: 'csv' });
		expect(file.filename).toBe(`${EXAMPLE_PLAN_SLUG}.csv`);
		expect(file.body.toString('utf8')).toBe(csv);
	});

	it("gives anyone a public plan, but its owners' e-mail addresses only to those who keep it", async () => {
		const withOwners = lines.filter((l) => l.owner !== '');
		expect(withOwners.length).toBeGreaterThan(0);
		const file = await exportPlan(a.ctx({ principal: anonymous }), {
			planSlug: EXAMPLE_PLAN_SLUG,
			format: 'csv'
		});
		const read = await readPlanFile(new Uint8Array(file.body));
		expect(read.rows.map((r) => r.values)).toEqual(lines.map((l) => ({ ...l, owner: '' })));
	});
});

describe('plan import', () => {
	it('round trip XLSX: export, import into a fresh database, export again — identical', async () => {
		const xlsx = (await exportPlan(a.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, format: 'xlsx' })).body;
		const result = await importPlan(b.ctx(), {
			plan: newPlan(EXAMPLE_PLAN_SLUG),
			bytes: xlsx,
			format: 'xlsx'
		});
		expect(result).toMatchObject({ format: 'xlsx', inserted: 21, updated: 0, deleted: 0 });
		expect(await planLines(b.db, result.planId)).toEqual(lines);
		const [audit] = await b.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'plan.import'));
		expect(audit).toMatchObject({ recordType: 'plan', recordId: result.planId });

		// The same file again: every node kept, same ids, nothing changed.
		const ids = await b.db.select({ id: planItems.id }).from(planItems).orderBy(planItems.id);
		const again = await importPlan(b.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, bytes: xlsx });
		expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, unchanged: 21 });
		expect(await b.db.select({ id: planItems.id }).from(planItems).orderBy(planItems.id)).toEqual(
			ids
		);
		expect(await planLines(b.db, result.planId)).toEqual(lines);
	});

	it('round trip CSV: the same', async () => {
		const csv = (await exportPlan(a.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, format: 'csv' })).body;
		const result = await importPlan(b.ctx(), { plan: newPlan('kopie-csv'), bytes: csv });
		expect(result).toMatchObject({ format: 'csv', inserted: 21 });
		expect(await planLines(b.db, result.planId)).toEqual(lines);
	});

	it('updates by external id, inserts new nodes and deletes the missing ones', async () => {
		const id = await planId(b.db, 'kopie-csv');
		const [kept] = await b.db
			.select()
			.from(planItems)
			.where(and(eq(planItems.planId, id!), eq(planItems.externalId, 'A1.1.2')));
		const changed = edit('A1.1.2', { title: 'Groeitraject voor kmo’s, uitgebreid', progress: '60' })
			.filter((l) => l.external_id !== 'A2.2.2')
			.concat({
				...lines.find((l) => l.external_id === 'A2.2.2')!,
				external_id: 'A2.2.3',
				title: 'Nieuwe actie',
				milestones: '2027-01-15 Start; 2027-06-30 Evaluatie (klaar 2027-06-20)',
				partners: 'acv, abvv'
			});
		const result = await importPlan(b.ctx(), { planSlug: 'kopie-csv', bytes: csvBytes(changed) });
		expect(result).toMatchObject({ inserted: 1, updated: 1, deleted: 1, unchanged: 19 });
		const after = await planLines(b.db, id);
		expect(after.find((l) => l.external_id === 'A1.1.2')).toMatchObject({
			title: 'Groeitraject voor kmo’s, uitgebreid',
			progress: '60'
		});
		expect(after.find((l) => l.external_id === 'A2.2.3')).toMatchObject({
			parent_external_id: 'D2.2',
			partners: 'abvv, acv',
			milestones: '2027-01-15 Start; 2027-06-30 Evaluatie (klaar 2027-06-20)'
		});
		expect(after.some((l) => l.external_id === 'A2.2.2')).toBe(false);
		const [same] = await b.db.select().from(planItems).where(eq(planItems.id, kept.id));
		expect(same.revision).toBe(kept.revision + 1);
	});

	const bad: [
		string,
		() => PlanLine[],
		[externalId: string, message: string | (() => string)][]
	][] = [
		[
			'a missing parent id',
			() => edit('A1.1.1', { parent_external_id: 'D9' }),
			[['A1.1.1', rowMessages.missingParent('D9')]]
		],
		[
			'a duplicate external id',
			() => lines.map((l) => (l.external_id === 'A1.1.2' ? { ...l, external_id: 'A1.1.1' } : l)),
			[['A1.1.2', () => rowMessages.duplicateId('A1.1.1', lineOf('A1.1.1'))]]
		],
		[
			'an unknown organisation and person',
			() => edit('A1.2.1', { lead_organisation: 'bestaat-niet', owner: 'niemand@voorbeeld.test' }),
			[
				['A1.2.1', rowMessages.unknownOrganisation('lead_organisation', 'bestaat-niet')],
				['A1.2.1', rowMessages.unknownPerson('niemand@voorbeeld.test')]
			]
		],
		[
			'an unknown indicator and area',
			() => edit('M2', { indicator: 'geen_indicator', area: '99999' }),
			[
				['M2', rowMessages.unknownIndicator('geen_indicator')],
				['M2', rowMessages.unknownArea('99999')]
			]
		],
		[
			'a bad date and a due date before the start',
			() =>
				edit('A1.1.2', { start_date: '2026-02-30' }).map((l) =>
					l.external_id === 'A2.1.1'
						? { ...l, start_date: '2027-01-01', due_date: '2026-01-01' }
						: l
				),
			[
				['A1.1.2', rowMessages.badDate('start_date', '2026-02-30')],
				['A2.1.1', rowMessages.dueBeforeStart]
			]
		],
		[
			'a progress of 140 % and a weight of −1',
			() => edit('A2.2.1', { progress: '140', weight: '-1' }),
			[
				['A2.2.1', rowMessages.negativeWeight('-1')],
				['A2.2.1', rowMessages.badProgress('140')]
			]
		],
		[
			'a target period before the baseline',
			() => edit('M1.1', { target_period: '2020' }),
			[['M1.1', rowMessages.targetBeforeBaseline]]
		]
	];

	bad.push([
		'columns that do not belong to the type',
		() =>
			edit('T1', { progress: '50' }).map((l) =>
				l.external_id === 'M1' ? { ...l, title: 'x' } : l
			),
		[
			['T1', rowMessages.notForType('progress', 'thema')],
			['M1', rowMessages.notForType('title', 'maatregel')]
		]
	]);

	for (const [what, make, expected] of bad) {
		it(`refuses ${what}: every error with its line, nothing changed`, async () => {
			const before = await counts(b.db);
			const beforeLines = await planLines(b.db, (await planId(b.db, EXAMPLE_PLAN_SLUG))!);
			const e = await rejection(
				importPlan(b.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, bytes: csvBytes(make()) })
			);
			expect(e.code).toBe('invalid_input');
			expect(e.message).toMatch(/^Er is niets geïmporteerd: \d+ fout(en)? in het bestand\.$/);
			const wanted: Record<string, string[]> = {};
			for (const [id, message] of expected)
				(wanted[`regel ${lineOf(id)}`] ??= []).push(
					typeof message === 'string' ? message : message()
				);
			expect(e.fields).toEqual(wanted);
			expect(await counts(b.db)).toEqual(before);
			expect(await planLines(b.db, (await planId(b.db, EXAMPLE_PLAN_SLUG))!)).toEqual(beforeLines);
		});
	}

	it('lists every error of an XLSX file at once, by sheet row', async () => {
		const before = await counts(b.db);
		const file = await planXlsx(
			edit('A1.1.1', { progress: '140' }).map((l) =>
				l.external_id === 'M1' ? { ...l, parent_external_id: 'X' } : l
			)
		);
		const e = await rejection(importPlan(b.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, bytes: file }));
		expect(e.message).toBe('Er is niets geïmporteerd: 2 fouten in het bestand.');
		expect(e.fields).toEqual({
			[`regel ${lineOf('M1')}`]: [rowMessages.missingParent('X')],
			[`regel ${lineOf('A1.1.1')}`]: [rowMessages.badProgress('140')]
		});
		expect(await counts(b.db)).toEqual(before);
	});

	it('counts a CSV line from where its record starts, past cells that span lines', async () => {
		const text = planCsv(
			edit('T1', { description: 'Eerste regel\ntweede regel\nderde regel' }).map((l) =>
				l.external_id === 'A1.1.1' ? { ...l, progress: '140' } : l
			)
		);
		const e = await rejection(
			importPlan(b.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, bytes: new TextEncoder().encode(text) })
		);
		expect(e.fields).toEqual({
			[`regel ${lineOf('A1.1.1') + 2}`]: [rowMessages.badProgress('140')]
		});
	});

	it('exports a plan that is not public only for those who keep it', async () => {
		await b.db.update(plans).set({ isPublic: false }).where(eq(plans.slug, 'kopie-csv'));
		const { principal } = await buildMemberUser(b.db, { bodyId: bodyId(taskforce) });
		const e = await rejection(
			exportPlan(b.ctx({ principal }), { planSlug: 'kopie-csv', format: 'xlsx' })
		);
		expect(e.code).toBe('forbidden');
		const missing = await rejection(
			exportPlan(b.ctx(), { planSlug: 'bestaat-niet', format: 'csv' })
		);
		expect(missing.code).toBe('not_found');
	});

	it('refuses a file without the columns of the export', async () => {
		const before = await counts(b.db);
		const text = planCsv(lines).replace(';trajectory\r\n', ';traject\r\n');
		const e = await rejection(
			importPlan(b.ctx(), { planSlug: EXAMPLE_PLAN_SLUG, bytes: new TextEncoder().encode(text) })
		);
		expect(e.fields).toEqual({
			'regel 1': [
				'Ontbrekende kolommen: trajectory.',
				expect.stringMatching(/^Onbekende kolommen: traject\./)
			]
		});
		expect(planColumns).toContain('trajectory');
		expect(await counts(b.db)).toEqual(before);
	});

	it('refuses a new plan whose slug is taken, and anyone who does not keep the plan', async () => {
		const before = await counts(b.db);
		const bytes = csvBytes(lines);
		const taken = await rejection(importPlan(b.ctx(), { plan: newPlan('kopie-csv'), bytes }));
		expect(taken.message).toBe('Er bestaat al een plan met de slug „kopie-csv”.');
		const { principal } = await buildMemberUser(b.db, { bodyId: bodyId(taskforce) });
		const after = await counts(b.db);
		const forbidden = await rejection(
			importPlan(b.ctx({ principal }), { planSlug: EXAMPLE_PLAN_SLUG, bytes })
		);
		expect(forbidden.code).toBe('forbidden');
		expect((await counts(b.db)).items).toBe(before.items);
		expect(await counts(b.db)).toEqual(after);
	});
});
