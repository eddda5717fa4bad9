/**
 * Progress updates: the owner or a keeper posts, append-only; an action takes the progress, a
 * measure's observation goes into the monitor and is aggregated; bad input and strangers store
 * nothing; the owner's list of actions waiting for an update.
 */
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan,
	observe
} from '../../../../tests/helpers/plans';
import { today } from '../clock';
import type { Db } from '../db';
import { auditEvents, observations, planItems, planUpdates } from '../db/schema';
import { areaId, regionId } from '../seed/seed.service';
import { monthsBefore, postUpdate, updatesOf, waitingForUpdate } from './updates.service';

const t = useTestDatabase();
const LEUVEN = areaId('24062');

async function counts(db: Db) {
	const [u] = await db.select({ n: count() }).from(planUpdates);
	const [a] = await db.select({ n: count() }).from(auditEvents);
	const [o] = await db.select({ n: count() }).from(observations);
	return { updates: u.n, audit: a.n, observations: o.n };
}

const itemRow = async (id: string) =>
	(await t.db.select().from(planItems).where(eq(planItems.id, id)))[0];

let f: Awaited<ReturnType<typeof build>>;
async function build() {
	const body = await buildBody(t.db);
	const owner = await buildMemberUser(t.db, { bodyId: body.id });
	const stranger = await buildMemberUser(t.db, { bodyId: body.id });
	const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
	const staff = await buildMemberUser(t.db, { bodyId: body.id, platformRole: 'staff' });
	const plan = await buildPlan(t.db, { bodyId: body.id });
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id
	});
	const action = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		ownerPersonId: owner.person.id,
		progress: 10
	});
	const ind = await buildIndicator(t.db, {
		aggregation: 'sum',
		unit: 'aantal',
		decimals: 0,
		minValue: 0
	});
	const measure = await buildMeasure(t.db, {
		itemId: objective.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 100],
		target: ['2030', 200]
	});
	return { body, owner, stranger, secretary, staff, plan, theme, objective, action, ind, measure };
}
beforeAll(async () => {
	f = await build();
});

describe('postUpdate', () => {
	it('lets the owner report progress: append-only, the action takes it, audited', async () => {
		const ctx = t.ctx({ principal: f.owner.principal });
		const before = await counts(t.db);
		const update = await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'De bevraging loopt.',
			progress: '60'
		});
		expect(update).toMatchObject({
			itemId: f.action.id,
			reportedOn: today(),
			progress: 60,
			authorUserId: f.owner.user.id
		});
		expect((await itemRow(f.action.id)).progress).toBe(60);
		expect(await counts(t.db)).toEqual({
			...before,
			updates: before.updates + 1,
			audit: before.audit + 1
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'plan_update'), eq(auditEvents.recordId, update.id)));
		expect(audit.action).toBe('plan.update_posted');
		expect(audit.changes).toMatchObject({ progress: { before: 10, after: 60 } });

		// A late report of an earlier day is history only: the action keeps the latest report.
		await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'Verslag van januari.',
			progress: 100,
			reportedOn: '2026-01-10'
		});
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 60, completedOn: null });
		// 100 % completes the action; a lower report reopens it; "done" completes it again.
		await postUpdate(ctx, { itemId: f.action.id, text: 'Klaar.', progress: 100 });
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 100, completedOn: today() });
		await postUpdate(ctx, { itemId: f.action.id, text: 'Toch nog werk.', progress: 90 });
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 90, completedOn: null });
		await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'Afgerond volgens de trekker.',
			statusProposal: 'done'
		});
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 90, completedOn: today() });

		const list = await updatesOf(t.db, { itemId: f.action.id });
		// Newest first: by the reported day, then by when it was posted.
		expect(list.map((u) => u.text)).toEqual([
			'Afgerond volgens de trekker.',
			'Toch nog werk.',
			'Klaar.',
			'De bevraging loopt.',
			'Verslag van januari.'
		]);
		expect(list[0].authorName).toBe(f.owner.user.name);
		expect(list.at(-1)!.reportedOn).toBe('2026-01-10');
	});

	it('lets keepers report too (staff, the body’s secretary)', async () => {
		for (const keeper of [f.staff, f.secretary]) {
			const u = await postUpdate(t.ctx({ principal: keeper.principal }), {
				itemId: f.action.id,
				text: `Gemeld door ${keeper.user.name}`
			});
			expect(u.authorUserId).toBe(keeper.user.id);
		}
	});

	it('refuses bad input with a Dutch message and stores nothing', async () => {
		const ctx = t.ctx({ principal: f.owner.principal });
		const before = await counts(t.db);
		const progressBefore = (await itemRow(f.action.id)).progress;
		const cases: [Record<string, unknown>, string, string][] = [
			[
				{ itemId: f.action.id, text: 'Veel', progress: 140 },
				'progress',
				'De voortgang ligt tussen 0 en 100 %.'
			],
			[
				{ itemId: f.action.id, text: 'Min', progress: -1 },
				'progress',
				'De voortgang ligt tussen 0 en 100 %.'
			],
			[{ itemId: f.action.id, text: '   ' }, 'text', 'Beschrijf de voortgang.'],
			[
				{ itemId: f.action.id, text: 'x', reportedOn: '2999-01-01' },
				'reportedOn',
				'De datum van een update ligt niet in de toekomst.'
			],
			[{ text: 'Nergens bij' }, 'itemId', 'Een update hoort bij één actie of één meting.'],
			[
				{ itemId: f.action.id, text: 'x', observation: { period: '2025', value: 1 } },
				'observation',
				'Een meetwaarde hoort bij een meting, niet bij een actie.'
			],
			[
				{ measureId: f.measure.id, text: 'x', progress: 50 },
				'progress',
				'Een meting heeft geen voortgangspercentage.'
			],
			[
				{ measureId: f.measure.id, text: 'x', observation: { period: 'vorig jaar', value: 1 } },
				'observation.period',
				'Geef de periode als jaar (2025), kwartaal (2025-Q1), maand (2025-03) of datum.'
			],
			[
				{ measureId: f.measure.id, text: 'x', observation: { period: '2025', value: -5 } },
				'observation.value',
				'De waarde van deze indicator ligt minstens 0.'
			]
		];
		for (const [input, field, message] of cases) {
			// Measures have no owner: a keeper reports on them.
			const who = 'measureId' in input ? t.ctx({ principal: f.staff.principal }) : ctx;
			const e = await rejection(postUpdate(who, input));
			expect(e.code).toBe('invalid_input');
			expect(e.message).toBe('De voortgang is niet opgeslagen.');
			expect(e.fields?.[field]).toEqual([message]);
		}
		const theme = await rejection(postUpdate(t.ctx(), { itemId: f.theme.id, text: 'x' }));
		expect(theme.message).toBe(
			'Voortgang wordt gemeld bij een actie of een meting, niet bij een thema of doelstelling.'
		);
		expect(await counts(t.db)).toEqual(before);
		expect((await itemRow(f.action.id)).progress).toBe(progressBefore);
	});

	it('refuses someone who neither owns the action nor keeps the plan', async () => {
		const before = await counts(t.db);
		const e = await rejection(
			postUpdate(t.ctx({ principal: f.stranger.principal }), {
				itemId: f.action.id,
				text: 'Ik meld iets',
				progress: 99
			})
		);
		expect(e.code).toBe('forbidden');
		expect(e.message).toBe(
			'Alleen de eigenaar van deze actie of wie het plan beheert, kan de voortgang melden.'
		);
		// Measures have no owner: only keepers report on them.
		const m = await rejection(
			postUpdate(t.ctx({ principal: f.owner.principal }), { measureId: f.measure.id, text: 'x' })
		);
		expect(m.code).toBe('forbidden');
		const anon = await rejection(
			postUpdate(t.ctx({ principal: { kind: 'anonymous' } }), { itemId: f.action.id, text: 'x' })
		);
		expect(anon.code).toBe('unauthenticated');
		expect(await counts(t.db)).toEqual(before);
		const unknown = await rejection(
			postUpdate(t.ctx(), { itemId: crypto.randomUUID(), text: 'x' })
		);
		expect(unknown.code).toBe('not_found');
	});

	it('puts a measure’s observation into the monitor (supplied, not an example) and aggregates it', async () => {
		await observe(t.db, f.ind.id, LEUVEN, '2024', 120); // imported earlier (an example row)
		const ctx = t.ctx({ principal: f.staff.principal });
		const before = await counts(t.db);
		const u = await postUpdate(ctx, {
			measureId: f.measure.id,
			text: 'Nieuwe telling 2025',
			observation: { period: '2025', value: '150,0' }
		});
		expect(u).toMatchObject({ measureId: f.measure.id, itemId: null, progress: null });
		const row = async (area: string, period: string) =>
			(
				await t.db
					.select()
					.from(observations)
					.where(
						and(
							eq(observations.indicatorId, f.ind.id),
							eq(observations.areaId, area),
							eq(observations.period, period)
						)
					)
			)[0];
		expect(await row(LEUVEN, '2025')).toMatchObject({
			value: 150,
			periodStart: '2025-01-01',
			origin: 'supplied',
			status: 'final',
			isExample: false
		});
		expect(await row(regionId('leuven'), '2025')).toMatchObject({
			value: 150,
			origin: 'aggregated'
		});

		// A correction of an existing value replaces it.
		await postUpdate(ctx, {
			measureId: f.measure.id,
			text: 'Correctie 2024',
			observation: { period: '2024', value: 125 }
		});
		expect(await row(LEUVEN, '2024')).toMatchObject({
			value: 125,
			origin: 'supplied',
			isExample: false
		});
		expect(await row(regionId('leuven'), '2024')).toMatchObject({ value: 125 });
		const after = await counts(t.db);
		expect(after.updates).toBe(before.updates + 2);
		expect(after.audit).toBe(before.audit + 2);
		expect((await updatesOf(t.db, { measureId: f.measure.id })).map((x) => x.text)).toEqual([
			'Correctie 2024',
			'Nieuwe telling 2025'
		]);
	});
});

describe('waitingForUpdate', () => {
	it('lists the owner’s actions whose latest update is a reminder period old, or missing', async () => {
		const body = await buildBody(t.db);
		const owner = await buildMemberUser(t.db, { bodyId: body.id });
		const other = await buildMemberUser(t.db, { bodyId: body.id });
		const TODAY = '2026-11-27';
		const monthly = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'monthly',
			slug: `maand-${crypto.randomUUID().slice(0, 6)}`
		});
		const quarterly = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'quarterly',
			status: 'adopted'
		});
		const silent = await buildPlan(t.db, { bodyId: body.id, reminders: 'none' });
		const draft = await buildPlan(t.db, { bodyId: body.id, reminders: 'monthly', status: 'draft' });
		const action = async (
			planId: string,
			title: string,
			extra: Partial<typeof planItems.$inferInsert> = {},
			reported?: string
		) => {
			const th = await buildItem(t.db, { planId, kind: 'theme' });
			const a = await buildItem(t.db, {
				planId,
				kind: 'action',
				parentId: th.id,
				title,
				ownerPersonId: owner.person.id,
				...extra
			});
			if (reported) {
				await t.db
					.insert(planUpdates)
					.values({ itemId: a.id, reportedOn: reported, text: 'Update' });
			}
			return a;
		};
		const stale = await action(monthly.id, 'Maandelijks, twee maanden oud', {}, '2026-09-20');
		await action(monthly.id, 'Maandelijks, recent', {}, '2026-11-17');
		const exactly = await action(monthly.id, 'Maandelijks, precies een maand', {}, '2026-10-27');
		await action(quarterly.id, 'Driemaandelijks, twee maanden oud', {}, '2026-09-27');
		const never = await action(quarterly.id, 'Driemaandelijks, nooit gemeld');
		await action(silent.id, 'Geen herinneringen');
		await action(draft.id, 'Ontwerpplan');
		await action(monthly.id, 'Afgerond', { completedOn: '2026-05-01', progress: 100 });
		await action(monthly.id, 'Start later', { startDate: '2027-01-01' });
		await action(monthly.id, 'Van iemand anders', { ownerPersonId: other.person.id });

		const due = await waitingForUpdate(t.db, owner.person.id, TODAY);
		expect(due.map((d) => d.title).sort()).toEqual(
			[
				'Maandelijks, twee maanden oud',
				'Maandelijks, precies een maand',
				'Driemaandelijks, nooit gemeld'
			].sort()
		);
		const first = due.find((d) => d.itemId === stale.id)!;
		expect(first).toMatchObject({
			planSlug: monthly.slug,
			planTitle: monthly.title.nl,
			reminders: 'monthly',
			lastReportedOn: '2026-09-20',
			path: `/beheer/plannen/${monthly.slug}/acties/${stale.id}`
		});
		expect(due.find((d) => d.itemId === never.id)!.lastReportedOn).toBeNull();
		expect(due.find((d) => d.itemId === exactly.id)).toBeDefined();
		expect(await waitingForUpdate(t.db, 'geen-id', TODAY)).toEqual([]);
		// An update today takes it off the list.
		await postUpdate(t.ctx({ principal: owner.principal }), {
			itemId: stale.id,
			text: 'Bijgewerkt',
			reportedOn: TODAY
		});
		expect(
			(await waitingForUpdate(t.db, owner.person.id, TODAY)).map((d) => d.itemId)
		).not.toContain(stale.id);
	});

	it('counts months on the calendar', () => {
		expect(monthsBefore('2026-11-27', 1)).toBe('2026-10-27');
		expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
		expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
		expect(monthsBefore('2026-01-31', 13)).toBe('2024-12-31');
	});
});
