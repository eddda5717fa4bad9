/**
 * The agenda editor of the workspace (/beheer/vergaderingen/<id>/agenda): its read model and the
 * item commands scoped to the meeting in the URL. Managing the meeting is checked first, so a
 * member gets 403 (never a hint whether an item id exists) and an item of another meeting is
 * "not found" here.
 */
import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { agendaItems, policyDomains } from '../db/schema';
import { isUuid, notFound } from '../errors';
import { itemKindLabels, meetingMinutes, plannedMinutes } from './agenda';
import { deleteItem, moveItem, reorderItems, updateItem } from './items.service';
import { managedMeeting, statusLabels } from './meetings.service';
import { getMeetingWorkspace } from './queries';

/** Every policy domain, in their order (the checkboxes of an agenda item). */
export async function policyDomainOptions(db: DbOrTx) {
	return db
		.select({ id: policyDomains.id, name: policyDomains.name })
		.from(policyDomains)
		.orderBy(asc(policyDomains.position));
}

/** The agenda of a meeting for its members; managers get the policy domains to edit with. */
export async function agendaEditor(ctx: ServiceContext, id: string) {
	const view = await getMeetingWorkspace(ctx, id);
	return {
		meeting: view.meeting,
		body: view.body,
		items: view.items,
		can: view.can,
		planned: plannedMinutes(view.items),
		available: meetingMinutes(view.meeting),
		policyDomains: view.can.editAgenda ? await policyDomainOptions(ctx.db) : [],
		kindLabels: itemKindLabels,
		statusLabel: statusLabels[view.meeting.status]
	};
}

/** Require body:manage on the meeting, then an item of that meeting. */
async function itemOfMeeting(ctx: ServiceContext, meetingId: string, itemId: unknown) {
	await managedMeeting(ctx, meetingId);
	if (!isUuid(itemId)) {
		throw notFound('Agendapunt niet gevonden.');
	}
	const [item] = await ctx.db
		.select({ meetingId: agendaItems.meetingId })
		.from(agendaItems)
		.where(eq(agendaItems.id, itemId));
	if (!item || item.meetingId !== meetingId) throw notFound('Agendapunt niet gevonden.');
	return itemId;
}

export async function updateMeetingItem(
	ctx: ServiceContext,
	meetingId: string,
	itemId: unknown,
	input: unknown
) {
	return updateItem(ctx, await itemOfMeeting(ctx, meetingId, itemId), input);
}

export async function deleteMeetingItem(ctx: ServiceContext, meetingId: string, itemId: unknown) {
	return deleteItem(ctx, await itemOfMeeting(ctx, meetingId, itemId));
}

export async function moveMeetingItem(
	ctx: ServiceContext,
	meetingId: string,
	itemId: unknown,
	direction: unknown
) {
	const id = await itemOfMeeting(ctx, meetingId, itemId);
	return moveItem(ctx, id, direction === 'up' ? 'up' : 'down');
}

/** Drag and drop and the keyboard send one level's full order (a lone id arrives as a string). */
export async function reorderMeetingItems(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	const order = values.order === undefined ? [] : [values.order].flat();
	return reorderItems(ctx, meetingId, { parentId: values.parentId ?? null, order });
}
