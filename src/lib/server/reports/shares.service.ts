/**
 * Sharing a closed item of body Y with a linked body X: X's members then see it (its title, its
 * decisions, the advice it sent) in the reports on X's agendas. Public items need no sharing.
 */
import { and, eq } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import { linkedBodies, requireLinked } from '../bodies/links';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { agendaItems, itemShares } from '../db/schema';
import { isUuid, notFound } from '../errors';
import { managedMeeting } from '../meetings/meetings.service';

/** The item of the meeting in the URL (404 otherwise). */
async function itemOfMeeting(db: DbOrTx, meetingId: string, itemId: unknown) {
	if (!isUuid(itemId)) throw notFound('Agendapunt niet gevonden.');
	const [item] = await db
		.select({ id: agendaItems.id, title: agendaItems.title })
		.from(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
	if (!item) throw notFound('Agendapunt niet gevonden.');
	return item;
}

/** Share (or stop sharing) an item with a linked body. Idempotent. */
export async function setItemShare(
	ctx: ServiceContext,
	meetingId: string,
	input: { itemId?: unknown; bodyId?: unknown; shared: boolean }
) {
	const meeting = await managedMeeting(ctx, meetingId);
	const item = await itemOfMeeting(ctx.db, meetingId, input.itemId);
	if (!isUuid(input.bodyId)) throw notFound('Orgaan niet gevonden.');
	const body = await requireLinked(
		ctx.db,
		meeting.bodyId,
		input.bodyId,
		'Een punt kan alleen gedeeld worden met een orgaan dat met dit orgaan verbonden is.'
	);
	const bodyId = body.id;
	return mutate(ctx, async (tx) => {
		if (input.shared) {
			await tx
				.insert(itemShares)
				.values({ agendaItemId: item.id, bodyId, sharedByUserId: userIdOf(ctx) })
				.onConflictDoNothing();
		} else {
			await tx
				.delete(itemShares)
				.where(and(eq(itemShares.agendaItemId, item.id), eq(itemShares.bodyId, bodyId)));
		}
		return {
			result: { item, body, shared: input.shared },
			audit: {
				action: input.shared ? 'agenda_item.share' : 'agenda_item.unshare',
				recordType: 'agenda_item',
				recordId: item.id,
				changes: diff(undefined, { sharedWith: bodyId, shared: input.shared })
			}
		};
	});
}

/** For a meeting's workspace: the linked bodies, and per item the bodies it is shared with. */
export async function meetingShares(db: DbOrTx, meeting: { id: string; bodyId: string }) {
	const rows = await db
		.select({ itemId: itemShares.agendaItemId, bodyId: itemShares.bodyId })
		.from(itemShares)
		.innerJoin(agendaItems, eq(agendaItems.id, itemShares.agendaItemId))
		.where(eq(agendaItems.meetingId, meeting.id));
	const byItem = new Map<string, Set<string>>();
	for (const r of rows) byItem.set(r.itemId, (byItem.get(r.itemId) ?? new Set()).add(r.bodyId));
	return { linked: await linkedBodies(db, meeting.bodyId), byItem };
}
