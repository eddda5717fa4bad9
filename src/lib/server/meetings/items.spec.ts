/**
 * The agenda tree: two numbered levels, planned start times, the duration rule, reordering
 * (move up/down and a full sibling order), removal, and the body's standing items template.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMemberUser,
	meetingCounts
} from '../../../../tests/helpers/factories';
import { agendaItemPolicyDomains, agendaItems, policyDomains, standingItems } from '../db/schema';
import { numberAgenda } from './agenda';
import { addItem, deleteItem, moveItem, reorderItems, updateItem } from './items.service';
import {
	addStandingItem,
	deleteStandingItem,
	listStandingItems,
	moveStandingItem,
	updateStandingItem
} from './standing-items.service';
import { createMeeting } from './meetings.service';
import { brusselsParts } from './time';

const t = useTestDatabase();
const date = brusselsParts(new Date(Date.now() + 10 * 86400_000)).date;

/** A draft meeting of 14:00–16:00 (120 minutes) with an empty agenda. */
async function meeting() {
	const body = await buildBody(t.db);
	return createMeeting(t.ctx(), body.id, { date, startTime: '14:00', endTime: '16:00' });
}
const item = (title: string, over: Record<string, unknown> = {}) => ({
	title,
	kind: 'discussion',
	...over
});
async function agenda(meetingId: string) {
	const rows = await t.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
	const [m] = await t.db.query.meetings.findMany({ where: (m, { eq }) => eq(m.id, meetingId) });
	return numberAgenda(rows, m.startsAt);
}
const outline = async (meetingId: string) =>
	(await agenda(meetingId)).map((i) => `${i.number} ${i.title}`);
const positions = async (meetingId: string) =>
	(
		await t.db
			.select({ title: agendaItems.title, position: agendaItems.position })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meetingId))
			.orderBy(sql`${agendaItems.parentId} nulls first`, asc(agendaItems.position))
	).map((r) => `${r.position}:${r.title}`);

describe('the agenda tree', () => {
	it('numbers two levels and plans each item’s start from the durations before it', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const opening = await addItem(ctx, m.id, item('Opening', { durationMinutes: '5' }));
		const mobility = await addItem(ctx, m.id, item('Mobiliteit', { durationMinutes: '10' }));
		await addItem(ctx, m.id, item('Fietsroutes', { parentId: mobility.id, durationMinutes: '20' }));
		await addItem(ctx, m.id, item('Busnet', { parentId: mobility.id }));
		await addItem(ctx, m.id, item('Rondvraag', { durationMinutes: '15' }));
		expect(opening.position).toBe(0);
		const numbered = await agenda(m.id);
		expect(
			numbered.map((i) => [
				i.number,
				i.title,
				i.depth,
				i.hasChildren,
				(i.plannedStart.getTime() - m.startsAt.getTime()) / 60_000
			])
		).toEqual([
			['1', 'Opening', 0, false, 0],
			['2', 'Mobiliteit', 0, true, 5],
			['2.1', 'Fietsroutes', 1, false, 15],
			['2.2', 'Busnet', 1, false, 35],
			['3', 'Rondvraag', 0, false, 35]
		]);
	});

	it('refuses a third level, a parent of another meeting and a parent that becomes a child', async () => {
		const m = await meeting();
		const other = await meeting();
		const ctx = t.ctx();
		const top = await addItem(ctx, m.id, item('Hoofdpunt'));
		const child = await addItem(ctx, m.id, item('Subpunt', { parentId: top.id }));
		const second = await addItem(ctx, m.id, item('Tweede'));
		const foreign = await addItem(ctx, other.id, item('Elders'));
		const before = await meetingCounts(t.db);
		const deep = await rejection(addItem(ctx, m.id, item('Diep', { parentId: child.id })));
		expect(deep.message).toBe('Het agendapunt is niet opgeslagen.');
		expect(deep.fields?.parentId).toEqual([
			'Een agenda heeft hoogstens twee niveaus: kies een hoofdpunt.'
		]);
		const elsewhere = await rejection(addItem(ctx, m.id, item('X', { parentId: foreign.id })));
		expect(elsewhere.fields?.parentId).toEqual(['Kies een hoofdpunt van deze vergadering.']);
		const self = await rejection(updateItem(ctx, top.id, item('Hoofdpunt', { parentId: top.id })));
		expect(self.fields?.parentId).toEqual(['Kies een hoofdpunt van deze vergadering.']);
		const parentDown = await rejection(
			updateItem(ctx, top.id, item('Hoofdpunt', { parentId: second.id }))
		);
		expect(parentDown.fields?.parentId).toEqual([
			'Een punt met subpunten kan zelf geen subpunt worden.'
		]);
		const noTitle = await rejection(addItem(ctx, m.id, { title: ' ', kind: 'discussion' }));
		expect(noTitle.fields?.title).toEqual(['Geef het agendapunt een titel.']);
		const badKind = await rejection(addItem(ctx, m.id, { title: 'X', kind: 'vote' }));
		expect(badKind.fields?.kind).toEqual(['Kies een soort agendapunt.']);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect(await outline(m.id)).toEqual(['1 Hoofdpunt', '1.1 Subpunt', '2 Tweede']);
	});

	it('moves an item between levels and keeps positions dense', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const a = await addItem(ctx, m.id, item('A'));
		const a1 = await addItem(ctx, m.id, item('A1', { parentId: a.id }));
		await addItem(ctx, m.id, item('A2', { parentId: a.id }));
		await addItem(ctx, m.id, item('B'));
		// A sub-item becomes a main item (last), its former siblings close the gap.
		await updateItem(ctx, a1.id, item('A1'));
		expect(await outline(m.id)).toEqual(['1 A', '1.1 A2', '2 B', '3 A1']);
		expect(await positions(m.id)).toContain('0:A2');
		// And back under A, at the end.
		await updateItem(ctx, a1.id, item('A1', { parentId: a.id }));
		expect(await outline(m.id)).toEqual(['1 A', '1.1 A2', '1.2 A1', '2 B']);
	});

	it('removes an item with its sub-items and closes the gap', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		await addItem(ctx, m.id, item('A'));
		const b = await addItem(ctx, m.id, item('B'));
		await addItem(ctx, m.id, item('B1', { parentId: b.id }));
		await addItem(ctx, m.id, item('C'));
		await deleteItem(ctx, b.id);
		expect(await outline(m.id)).toEqual(['1 A', '2 C']);
		expect(await positions(m.id)).toEqual(['0:A', '1:C']);
	});

	it('keeps policy domains per item and refuses unknown ones', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const [d1, d2] = await t.db.select().from(policyDomains).limit(2);
		const a = await addItem(ctx, m.id, item('A', { policyDomainIds: [d1.id, d2.id, d1.id] }));
		const domainsOf = async () =>
			(
				await t.db
					.select()
					.from(agendaItemPolicyDomains)
					.where(eq(agendaItemPolicyDomains.agendaItemId, a.id))
			)
				.map((r) => r.policyDomainId)
				.sort();
		expect(await domainsOf()).toEqual([d1.id, d2.id].sort());
		const before = await meetingCounts(t.db);
		const unknown = await rejection(
			updateItem(ctx, a.id, item('A', { policyDomainIds: [crypto.randomUUID()] }))
		);
		expect(unknown.fields?.policyDomainIds).toEqual(['Kies beleidsdomeinen uit de lijst.']);
		const invalid = await rejection(addItem(ctx, m.id, item('B', { policyDomainIds: ['x'] })));
		expect(invalid.fields?.['policyDomainIds.0']).toEqual(['Ongeldig beleidsdomein.']);
		expect(await meetingCounts(t.db)).toEqual(before);
		await updateItem(ctx, a.id, item('A', { policyDomainIds: d2.id }));
		expect(await domainsOf()).toEqual([d2.id]);
	});

	it('refuses agenda changes once the meeting was held', async () => {
		const body = await buildBody(t.db);
		const { meeting: held, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			items: [{ title: 'Punt' }]
		});
		const before = await meetingCounts(t.db);
		const message = 'De agenda van een vergadering met status „Gehouden” kan niet meer wijzigen.';
		for (const attempt of [
			() => addItem(t.ctx(), held.id, item('Nieuw')),
			() => updateItem(t.ctx(), items[0].id, item('Ander')),
			() => deleteItem(t.ctx(), items[0].id),
			() => moveItem(t.ctx(), items[0].id, 'down'),
			() => reorderItems(t.ctx(), held.id, { order: [items[0].id] })
		]) {
			expect((await rejection(attempt())).message).toBe(message);
		}
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('is for managers of the meeting’s body', async () => {
		const m = await meeting();
		const member = await buildMemberUser(t.db, { bodyId: m.bodyId });
		const before = await meetingCounts(t.db);
		const e = await rejection(addItem(t.ctx({ principal: member.principal }), m.id, item('X')));
		expect(e.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);
	});
});

describe('durations', () => {
	it('refuses an item that makes the agenda longer than the meeting (add and update)', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const a = await addItem(ctx, m.id, item('A', { durationMinutes: '60' }));
		const b = await addItem(ctx, m.id, item('B', { durationMinutes: '30' }));
		const before = await meetingCounts(t.db);
		const added = await rejection(addItem(ctx, m.id, item('C', { durationMinutes: '31' })));
		expect(added.message).toBe('Het agendapunt is niet opgeslagen.');
		expect(added.fields?.durationMinutes).toEqual([
			'De geplande duur van de agendapunten (121 min.) is langer dan de vergadering (120 min.).'
		]);
		const sub = await rejection(
			addItem(ctx, m.id, item('A1', { parentId: a.id, durationMinutes: '45' }))
		);
		expect(sub.fields?.durationMinutes).toEqual([
			'De geplande duur van de agendapunten (135 min.) is langer dan de vergadering (120 min.).'
		]);
		const updated = await rejection(updateItem(ctx, b.id, item('B', { durationMinutes: '61' })));
		expect(updated.fields?.durationMinutes).toEqual([
			'De geplande duur van de agendapunten (121 min.) is langer dan de vergadering (120 min.).'
		]);
		const zero = await rejection(addItem(ctx, m.id, item('Z', { durationMinutes: '0' })));
		expect(zero.fields?.durationMinutes).toEqual(['Een duur is minstens 1 minuut.']);
		const half = await rejection(addItem(ctx, m.id, item('H', { durationMinutes: '1.5' })));
		expect(half.fields?.durationMinutes).toEqual(['Geef een geheel aantal minuten.']);
		expect(await meetingCounts(t.db)).toEqual(before);
		const [stored] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, b.id));
		expect(stored.durationMinutes).toBe(30);
		// Filling the meeting exactly is allowed; an item without a duration adds nothing.
		await addItem(ctx, m.id, item('C', { durationMinutes: '30' }));
		await addItem(ctx, m.id, item('Varia'));
		const last = (await agenda(m.id)).at(-1)!;
		expect(last.plannedStart.getTime()).toBe(m.endsAt.getTime());
	});
});

describe('reordering', () => {
	it('moves up and down among siblings only; the edges stay put', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const a = await addItem(ctx, m.id, item('A'));
		const a1 = await addItem(ctx, m.id, item('A1', { parentId: a.id }));
		await addItem(ctx, m.id, item('A2', { parentId: a.id }));
		const b = await addItem(ctx, m.id, item('B'));
		const c = await addItem(ctx, m.id, item('C'));
		await moveItem(ctx, c.id, 'up');
		expect(await outline(m.id)).toEqual(['1 A', '1.1 A1', '1.2 A2', '2 C', '3 B']);
		await moveItem(ctx, a1.id, 'down');
		expect(await outline(m.id)).toEqual(['1 A', '1.1 A2', '1.2 A1', '2 C', '3 B']);
		await moveItem(ctx, a.id, 'up');
		await moveItem(ctx, b.id, 'down');
		expect(await outline(m.id)).toEqual(['1 A', '1.1 A2', '1.2 A1', '2 C', '3 B']);
		expect(await positions(m.id)).toEqual(['0:A', '1:C', '2:B', '0:A2', '1:A1']);
	});

	it('takes a full order of one level, and refuses a stale one', async () => {
		const m = await meeting();
		const ctx = t.ctx();
		const a = await addItem(ctx, m.id, item('A'));
		const b = await addItem(ctx, m.id, item('B'));
		const c = await addItem(ctx, m.id, item('C'));
		const b1 = await addItem(ctx, m.id, item('B1', { parentId: b.id }));
		const b2 = await addItem(ctx, m.id, item('B2', { parentId: b.id }));
		await reorderItems(ctx, m.id, { parentId: '', order: [c.id, a.id, b.id] });
		await reorderItems(ctx, m.id, { parentId: b.id, order: [b2.id, b1.id] });
		expect(await outline(m.id)).toEqual(['1 C', '2 A', '3 B', '3.1 B2', '3.2 B1']);
		const before = await meetingCounts(t.db);
		const stale = 'De agenda is intussen gewijzigd. Laad de pagina opnieuw en probeer nog eens.';
		for (const order of [
			[a.id, b.id],
			[a.id, b.id, c.id, b1.id],
			[a.id, b.id, b.id]
		]) {
			const e = await rejection(reorderItems(ctx, m.id, { order }));
			expect(e.message).toBe(stale);
		}
		const empty = await rejection(reorderItems(ctx, m.id, { order: [] }));
		expect(empty.message).toBe('De volgorde is niet opgeslagen.');
		expect(await meetingCounts(t.db)).toEqual(before);
		expect(await outline(m.id)).toEqual(['1 C', '2 A', '3 B', '3.1 B2', '3.2 B1']);
	});
});

describe('standing items', () => {
	it('adds, edits, moves and removes template items with dense positions', async () => {
		const body = await buildBody(t.db);
		const ctx = t.ctx();
		const a = await addStandingItem(ctx, body.id, {
			title: 'Opening',
			kind: 'information',
			durationMinutes: '5'
		});
		const b = await addStandingItem(ctx, body.id, { title: 'Verslag', kind: 'decision' });
		const c = await addStandingItem(ctx, body.id, { title: 'Varia', kind: 'discussion' });
		await moveStandingItem(ctx, c.id, 'up');
		await updateStandingItem(ctx, b.id, {
			title: 'Goedkeuring verslag',
			kind: 'decision',
			isPublic: 'on',
			presenter: 'Secretaris'
		});
		const list = async () =>
			(await listStandingItems(ctx, body.id)).map((s) => `${s.position}:${s.title}`);
		expect(await list()).toEqual(['0:Opening', '1:Varia', '2:Goedkeuring verslag']);
		await deleteStandingItem(ctx, a.id);
		expect(await list()).toEqual(['0:Varia', '1:Goedkeuring verslag']);
		const [stored] = await t.db.select().from(standingItems).where(eq(standingItems.id, b.id));
		expect(stored).toMatchObject({
			isPublic: true,
			presenter: 'Secretaris',
			durationMinutes: null
		});
	});

	it('keeps positions dense when items are added at the same time', async () => {
		const body = await buildBody(t.db);
		await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				addStandingItem(t.ctx(), body.id, { title: `Vast ${i}`, kind: 'information' })
			)
		);
		const positions = (await listStandingItems(t.ctx(), body.id)).map((s) => s.position);
		expect(positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		const before = await meetingCounts(t.db);
		const unknown = await rejection(
			addStandingItem(t.ctx(), crypto.randomUUID(), { title: 'X', kind: 'information' })
		);
		expect(unknown.message).toBe('Orgaan niet gevonden.');
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('refuses a bad template item and a member who does not manage the body', async () => {
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const before = await meetingCounts(t.db);
		const e = await rejection(addStandingItem(t.ctx(), body.id, { title: '', kind: 'decision' }));
		expect(e.message).toBe('Het vaste agendapunt is niet opgeslagen.');
		expect(e.fields?.title).toEqual(['Geef het vaste agendapunt een titel.']);
		const forbidden = await rejection(
			addStandingItem(t.ctx({ principal: member.principal }), body.id, {
				title: 'X',
				kind: 'decision'
			})
		);
		expect(forbidden.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);
		// Members read the template.
		expect(await listStandingItems(t.ctx({ principal: member.principal }), body.id)).toEqual([]);
	});
});
