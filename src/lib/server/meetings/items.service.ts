/**
 * Agenda items of a meeting: add, edit, remove and reorder (move up/down without JavaScript; a full sibling order from drag and keyboard with it).
 * Every change keeps positions dense (0, 1, 2…) and the agenda within the meeting's time.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { Tx } from '../db';
import { agendaItemPolicyDomains, agendaItems, policyDomains } from '../db/schema';
import { invalidInput, isUuid, notFound } from '../errors';
import { durationProblem, meetingMinutes, plannedMinutes } from './agenda';
import { itemInput } from './meetings.schema';
import {
	agendaEditable,
	lockMeeting,
	managedMeeting,
	nextPosition,
	refuse,
	statusLabels
} from './meetings.service';

const NOT_SAVED = 'Het agendapunt is niet opgeslagen.';

async function loadItem(ctx: ServiceContext, id: string) {
	if (!isUuid(id)) throw notFound('Agendapunt niet gevonden.');
	const [item] = await ctx.db.select().from(agendaItems).where(eq(agendaItems.id, id));
	if (!item) throw notFound('Agendapunt niet gevonden.');
	await managedMeeting(ctx, item.meetingId);
	return item;
}

/** Lock the meeting and require an agenda that may still change. */
async function editableMeeting(tx: Tx, meetingId: string) {
	const meeting = await lockMeeting(tx, meetingId);
	if (!agendaEditable.includes(meeting.status)) {
		refuse(
			`De agenda van een vergadering met status „${statusLabels[meeting.status]}” kan niet meer wijzigen.`
		);
	}
	return meeting;
}

async function checkDurations(tx: Tx, meeting: { id: string; startsAt: Date; endsAt: Date }) {
	const rows = await tx
		.select({ durationMinutes: agendaItems.durationMinutes })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meeting.id));
	const problem = durationProblem(plannedMinutes(rows), meetingMinutes(meeting));
	if (problem) refuse(NOT_SAVED, { durationMinutes: [problem] });
}

/** A parent must be a top-level item of the same meeting (two levels at most). */
async function checkParent(tx: Tx, meetingId: string, parentId: string, itemId?: string) {
	const [parent] = await tx.select().from(agendaItems).where(eq(agendaItems.id, parentId));
	if (!parent || parent.meetingId !== meetingId || parent.id === itemId) {
		refuse(NOT_SAVED, { parentId: ['Kies een hoofdpunt van deze vergadering.'] });
	}
	if (parent.parentId) {
		refuse(NOT_SAVED, {
			parentId: ['Een agenda heeft hoogstens twee niveaus: kies een hoofdpunt.']
		});
	}
	if (itemId) {
		const [child] = await tx
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(eq(agendaItems.parentId, itemId))
			.limit(1);
		if (child) {
			refuse(NOT_SAVED, { parentId: ['Een punt met subpunten kan zelf geen subpunt worden.'] });
		}
	}
}

async function setPolicyDomains(tx: Tx, itemId: string, ids: string[]) {
	const unique = [...new Set(ids)];
	if (unique.length) {
		const found = await tx
			.select({ id: policyDomains.id })
			.from(policyDomains)
			.where(inArray(policyDomains.id, unique));
		if (found.length !== unique.length) {
			refuse(NOT_SAVED, { policyDomainIds: ['Kies beleidsdomeinen uit de lijst.'] });
		}
	}
	await tx.delete(agendaItemPolicyDomains).where(eq(agendaItemPolicyDomains.agendaItemId, itemId));
	if (unique.length) {
		await tx
			.insert(agendaItemPolicyDomains)
			.values(unique.map((policyDomainId) => ({ agendaItemId: itemId, policyDomainId })));
	}
}

/** Close the gap a removed or moved item leaves among its former siblings. */
async function compact(tx: Tx, meetingId: string, parentId: string | null) {
	const siblings = await tx
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(
			and(
				eq(agendaItems.meetingId, meetingId),
				parentId ? eq(agendaItems.parentId, parentId) : isNull(agendaItems.parentId)
			)
		)
		.orderBy(asc(agendaItems.position));
	for (const [i, s] of siblings.entries()) {
		await tx.update(agendaItems).set({ position: i }).where(eq(agendaItems.id, s.id));
	}
}

function parseItem(input: unknown) {
	const parsed = itemInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, NOT_SAVED);
	return parsed.data;
}

export async function addItem(ctx: ServiceContext, meetingId: string, input: unknown) {
	await managedMeeting(ctx, meetingId);
	const { policyDomainIds = [], parentId, ...data } = parseItem(input);
	return mutate(ctx, async (tx) => {
		const meeting = await editableMeeting(tx, meetingId);
		if (parentId) await checkParent(tx, meetingId, parentId);
		const [row] = await tx
			.insert(agendaItems)
			.values({
				...data,
				meetingId,
				parentId: parentId ?? null,
				isPublic: data.isPublic ?? false,
				position: await nextPosition(tx, meetingId, parentId ?? null)
			})
			.returning();
		await setPolicyDomains(tx, row.id, policyDomainIds);
		await checkDurations(tx, meeting);
		return {
			result: row,
			audit: {
				action: 'agenda_item.create',
				recordType: 'agenda_item',
				recordId: row.id,
				changes: { ...diff(undefined, row), policyDomainIds: { after: policyDomainIds } }
			}
		};
	});
}

export async function updateItem(ctx: ServiceContext, id: string, input: unknown) {
	const item = await loadItem(ctx, id);
	const { policyDomainIds = [], parentId = null, ...data } = parseItem(input);
	return mutate(ctx, async (tx) => {
		const meeting = await editableMeeting(tx, item.meetingId);
		const [before] = await tx.select().from(agendaItems).where(eq(agendaItems.id, id));
		if (!before) throw notFound('Agendapunt niet gevonden.');
		if (parentId) await checkParent(tx, item.meetingId, parentId, id);
		const moved = parentId !== before.parentId;
		const [row] = await tx
			.update(agendaItems)
			.set({
				...data,
				description: data.description ?? null,
				durationMinutes: data.durationMinutes ?? null,
				presenter: data.presenter ?? null,
				isPublic: data.isPublic ?? false,
				parentId,
				...(moved ? { position: await nextPosition(tx, item.meetingId, parentId) } : {})
			})
			.where(eq(agendaItems.id, id))
			.returning();
		if (moved) await compact(tx, item.meetingId, before.parentId);
		await setPolicyDomains(tx, id, policyDomainIds);
		await checkDurations(tx, meeting);
		return {
			result: row,
			audit: {
				action: 'agenda_item.update',
				recordType: 'agenda_item',
				recordId: id,
				changes: diff(before, row)
			}
		};
	});
}

/** Remove an item (and its sub-items). */
export async function deleteItem(ctx: ServiceContext, id: string) {
	const item = await loadItem(ctx, id);
	return mutate(ctx, async (tx) => {
		await editableMeeting(tx, item.meetingId);
		const removed = await tx.delete(agendaItems).where(eq(agendaItems.id, id)).returning();
		if (!removed.length) throw notFound('Agendapunt niet gevonden.');
		await compact(tx, item.meetingId, item.parentId);
		return {
			result: removed[0],
			audit: {
				action: 'agenda_item.delete',
				recordType: 'agenda_item',
				recordId: id,
				changes: diff(removed[0], undefined)
			}
		};
	});
}

/** Swap an item with its neighbour among its siblings (the no-JavaScript reorder). */
export async function moveItem(ctx: ServiceContext, id: string, direction: 'up' | 'down') {
	const item = await loadItem(ctx, id);
	return mutate(ctx, async (tx) => {
		await editableMeeting(tx, item.meetingId);
		const siblings = await tx
			.select({ id: agendaItems.id })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.meetingId, item.meetingId),
					item.parentId ? eq(agendaItems.parentId, item.parentId) : isNull(agendaItems.parentId)
				)
			)
			.orderBy(asc(agendaItems.position));
		const ids = siblings.map((s) => s.id);
		const from = ids.indexOf(id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (from >= 0 && to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to], ids[from]];
		for (const [i, sid] of ids.entries()) {
			await tx.update(agendaItems).set({ position: i }).where(eq(agendaItems.id, sid));
		}
		return {
			result: ids,
			audit: {
				action: 'agenda_item.move',
				recordType: 'agenda_item',
				recordId: id,
				changes: { position: { before: from, after: ids.indexOf(id) } }
			}
		};
	});
}

const orderInput = z.strictObject({
	parentId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().default(null)),
	order: z.array(z.uuid()).min(1)
});

/**
 * Set the order of one level at once (drag and drop, keyboard). The list must name exactly the
 * current siblings, so a stale page cannot lose or duplicate an item.
 */
export async function reorderItems(ctx: ServiceContext, meetingId: string, input: unknown) {
	await managedMeeting(ctx, meetingId);
	const parsed = orderInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De volgorde is niet opgeslagen.');
	const { parentId, order } = parsed.data;
	return mutate(ctx, async (tx) => {
		await editableMeeting(tx, meetingId);
		const siblings = await tx
			.select({ id: agendaItems.id, position: agendaItems.position })
			.from(agendaItems)
			.where(
				and(
					eq(agendaItems.meetingId, meetingId),
					parentId ? eq(agendaItems.parentId, parentId) : isNull(agendaItems.parentId)
				)
			)
			.orderBy(asc(agendaItems.position));
		const current = siblings.map((s) => s.id);
		if (
			current.length !== order.length ||
			[...current].sort().join() !== [...order].sort().join()
		) {
			refuse('De agenda is intussen gewijzigd. Laad de pagina opnieuw en probeer nog eens.');
		}
		for (const [i, sid] of order.entries()) {
			await tx.update(agendaItems).set({ position: i }).where(eq(agendaItems.id, sid));
		}
		return {
			result: order,
			audit: {
				action: 'agenda.reorder',
				recordType: 'meeting',
				recordId: meetingId,
				changes: { order: { before: current, after: order } }
			}
		};
	});
}
