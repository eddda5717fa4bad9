/**
 * Advice that travels between bodies, hop by hop: body X forwards an item (and its decision) to a
 * linked body Y → a pending entry in Y's inbox → Y's secretary places it on one of Y's meetings →
 * Y records the outcome (confirmed, amended, rejected, decided, or forwarded to Z, which adds the
 * next hop). Every hop is kept; the trail is shown on each item it touches (trail.queries.ts).
 *
 * Rules: only along links (bodies/links.ts); never back to a body already on the trail (a cycle);
 * a hop is placed once (the hop row is locked: two secretaries placing at once get one result)
 * and settled once. Notifications go out after the commit, once per recipient.
 */
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import { requireLinked } from '../bodies/links';
import { blankToUndefined, optionalUuid } from '../bodies/memberships.schema';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	adviceHopDocuments,
	adviceHops,
	adviceOutcomes,
	advices,
	agendaItems,
	bodies,
	decisions,
	documents,
	meetings,
	type AdviceOutcome
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { formatDate, translate } from '../../i18n';
import {
	agendaEditable,
	loadMeeting,
	managedMeeting,
	refuse,
	statusLabels
} from '../meetings/meetings.service';
import { authorize } from '../policy';
import { notifyAdviceArrived, notifyAdviceOutcome } from '../notifications/advice.notifications';

/** How each outcome reads (the catalogue's Dutch; pages in English use the same keys). */
export const outcomeLabels = Object.fromEntries(
	adviceOutcomes.map((o) => [o, translate('nl', `adviceOutcome.${o}`)])
) as Record<AdviceOutcome, string>;

/** Outcomes that need a text: what was amended, why not followed, what was decided. */
const outcomeNeedsText: AdviceOutcome[] = ['amended', 'rejected', 'decided'];

const text = (max: number, message: string) =>
	z.preprocess(
		blankToUndefined,
		z.string(message).trim().min(1, message).max(max, `Hoogstens ${max} tekens.`)
	);
const optionalText = (max: number) =>
	z.preprocess(blankToUndefined, z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional());
const uuidList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.uuid('Ongeldig document.'))
);

export const forwardInput = z.strictObject({
	itemId: z.uuid('Kies het agendapunt waaruit het advies komt.'),
	decisionId: optionalUuid('Kies een besluit van dit punt.'),
	toBodyId: z.uuid('Kies het orgaan dat het advies ontvangt.'),
	title: text(300, 'Geef het advies een titel.'),
	text: text(20_000, 'Schrijf de tekst van het advies.'),
	documentIds: uuidList
});

export const placeInput = z.strictObject({
	meetingId: z.uuid('Kies de vergadering waarop het advies besproken wordt.')
});

export const outcomeInput = z.strictObject({
	outcome: z.enum(adviceOutcomes, 'Kies de uitkomst.'),
	outcomeText: optionalText(20_000),
	decisionId: optionalUuid('Kies een besluit van dit punt.'),
	/** For `forwarded`: where it goes next. */
	toBodyId: optionalUuid('Kies het orgaan waarnaar het advies verder gaat.')
});

const bodyName = async (db: DbOrTx, id: string) => {
	const [b] = await db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, id));
	return b?.name.nl ?? '';
};

/** A decision that must belong to the given item. */
async function decisionOfItem(db: DbOrTx, itemId: string, decisionId: string | undefined) {
	if (!decisionId) return null;
	const [d] = await db
		.select({ id: decisions.id })
		.from(decisions)
		.where(and(eq(decisions.id, decisionId), eq(decisions.agendaItemId, itemId)));
	if (!d) refuse('Het gekozen besluit hoort niet bij dit agendapunt.');
	return d.id;
}

/** Whether an item is public on the public site (meeting, item and parent public). */
async function itemIsPublic(db: DbOrTx, itemId: string) {
	const [item] = await db
		.select({
			id: agendaItems.id,
			parentId: agendaItems.parentId,
			isPublic: agendaItems.isPublic,
			meetingPublic: meetings.isPublic,
			meetingStatus: meetings.status,
			parentPublic: sql<
				boolean | null
			>`(select p.is_public from agenda_items p where p.id = ${agendaItems.parentId})`
		})
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaItems.id, itemId));
	return (
		!!item &&
		item.meetingPublic &&
		item.meetingStatus !== 'draft' &&
		item.isPublic &&
		item.parentPublic !== false
	);
}

/** The hop that an item treats (placed there), if any. */
async function hopPlacedOn(db: DbOrTx, itemId: string) {
	const [hop] = await db.select().from(adviceHops).where(eq(adviceHops.placedItemId, itemId));
	return hop ?? null;
}

/**
 * Forward an item of X's meeting as advice to a linked body Y: a new advice with its first hop,
 * pending in Y's inbox. Secretaries of X.
 */
export async function forwardAdvice(ctx: ServiceContext, meetingId: string, input: unknown) {
	const meeting = await managedMeeting(ctx, meetingId);
	const parsed = forwardInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Het advies is niet doorgestuurd.');
	const data = parsed.data;
	const [item] = await ctx.db
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(and(eq(agendaItems.id, data.itemId), eq(agendaItems.meetingId, meetingId)));
	if (!item) throw notFound('Agendapunt niet gevonden.');
	if (!['held', 'minutes_draft', 'minutes_approved'].includes(meeting.status)) {
		refuse(
			'Een advies wordt doorgestuurd nadat de vergadering gehouden is: het advies volgt uit die vergadering.'
		);
	}
	const treated = await hopPlacedOn(ctx.db, item.id);
	if (treated && !treated.outcome) {
		refuse(
			'Dit punt behandelt een advies dat dit orgaan ontving: noteer de uitkomst „doorgestuurd” om het verder te sturen, zodat het spoor bewaard blijft.'
		);
	}
	const to = await requireLinked(
		ctx.db,
		meeting.bodyId,
		data.toBodyId,
		'Een advies kan alleen naar een orgaan gaan dat met dit orgaan verbonden is (rapporteert aan, maakt deel uit van of adviseert). Het advies is niet doorgestuurd.'
	);
	const decisionId = await decisionOfItem(ctx.db, item.id, data.decisionId);
	if (data.documentIds.length) {
		const own = await ctx.db
			.select({ id: documents.id })
			.from(documents)
			.where(and(inArray(documents.id, data.documentIds), eq(documents.meetingId, meetingId)));
		if (own.length !== new Set(data.documentIds).size) {
			refuse('Alleen stukken van deze vergadering kunnen met het advies mee.');
		}
	}
	const hop = await mutate(ctx, async (tx) => {
		const [already] = await tx
			.select({ id: adviceHops.id })
			.from(adviceHops)
			.where(and(eq(adviceHops.fromItemId, item.id), eq(adviceHops.toBodyId, to.id)));
		if (already) {
			refuse(`Dit punt is al als advies naar ${to.name.nl} gestuurd.`);
		}
		const [advice] = await tx
			.insert(advices)
			.values({ title: data.title, originBodyId: meeting.bodyId, createdByUserId: userIdOf(ctx) })
			.returning();
		const [row] = await tx
			.insert(adviceHops)
			.values({
				adviceId: advice.id,
				step: 1,
				fromBodyId: meeting.bodyId,
				toBodyId: to.id,
				fromItemId: item.id,
				fromDecisionId: decisionId,
				text: data.text,
				sentByUserId: userIdOf(ctx)
			})
			.returning();
		if (data.documentIds.length) {
			await tx
				.insert(adviceHopDocuments)
				.values(
					[...new Set(data.documentIds)].map((documentId) => ({ hopId: row.id, documentId }))
				);
		}
		return {
			result: row,
			audit: {
				action: 'advice.forward',
				recordType: 'advice',
				recordId: advice.id,
				changes: diff(undefined, { title: advice.title, ...row })
			}
		};
	});
	await notifyAdviceArrived(ctx, hop.id);
	return hop;
}

/** Lock a hop and require body:manage on the receiving body. */
async function lockHop(tx: Tx, ctx: ServiceContext, hopId: string) {
	const [hop] = await tx.select().from(adviceHops).where(eq(adviceHops.id, hopId)).for('update');
	if (!hop) throw notFound('Advies niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: hop.toBodyId }, ctx.requestId);
	return hop;
}

async function loadHop(ctx: ServiceContext, hopId: unknown) {
	if (!isUuid(hopId)) throw notFound('Advies niet gevonden.');
	const [hop] = await ctx.db.select().from(adviceHops).where(eq(adviceHops.id, hopId));
	if (!hop) throw notFound('Advies niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: hop.toBodyId }, ctx.requestId);
	return hop;
}

function settledMessage(hop: typeof adviceHops.$inferSelect) {
	return `Over dit advies is al beslist: ${outcomeLabels[hop.outcome!].toLowerCase()} op ${formatDate(hop.settledAt!, 'nl', 'long')}.`;
}

/**
 * Place a pending advice on one of Y's meetings (draft or published agenda): a new "advice" item
 * at the end of the agenda, public only when the item it came from is public.
 */
export async function placeAdvice(ctx: ServiceContext, hopId: unknown, input: unknown) {
	const before = await loadHop(ctx, hopId);
	const parsed = placeInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Het advies is niet geagendeerd.');
	const meeting = await loadMeeting(ctx.db, parsed.data.meetingId);
	if (meeting.bodyId !== before.toBodyId) {
		refuse('Kies een vergadering van het orgaan dat het advies ontving.');
	}
	const [advice] = await ctx.db.select().from(advices).where(eq(advices.id, before.adviceId));
	const fromName = await bodyName(ctx.db, before.fromBodyId);
	const open = before.fromItemId ? await itemIsPublic(ctx.db, before.fromItemId) : false;
	return mutate(ctx, async (tx) => {
		const hop = await lockHop(tx, ctx, before.id);
		if (hop.outcome) refuse(settledMessage(hop));
		if (hop.placedItemId) {
			const [placed] = await tx
				.select({ title: meetings.title, startsAt: meetings.startsAt })
				.from(agendaItems)
				.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
				.where(eq(agendaItems.id, hop.placedItemId));
			refuse(
				`Dit advies staat al op de agenda van de vergadering van ${formatDate(placed.startsAt, 'nl', 'long')}.`
			);
		}
		const [locked] = await tx
			.select({ status: meetings.status })
			.from(meetings)
			.where(eq(meetings.id, meeting.id))
			.for('update');
		if (!agendaEditable.includes(locked.status)) {
			refuse(
				`De agenda van een vergadering met status „${statusLabels[locked.status]}” kan niet meer wijzigen: kies een latere vergadering.`
			);
		}
		const [{ n }] = await tx
			.select({ n: sql<number>`coalesce(${max(agendaItems.position)} + 1, 0)::int` })
			.from(agendaItems)
			.where(and(eq(agendaItems.meetingId, meeting.id), isNull(agendaItems.parentId)));
		const [item] = await tx
			.insert(agendaItems)
			.values({
				meetingId: meeting.id,
				position: n,
				title: advice.title,
				description: `Advies van ${fromName}:\n\n${hop.text}`,
				kind: 'advice',
				isPublic: open
			})
			.returning();
		const [row] = await tx
			.update(adviceHops)
			.set({ placedItemId: item.id, placedAt: new Date(), placedByUserId: userIdOf(ctx) })
			.where(eq(adviceHops.id, hop.id))
			.returning();
		return {
			result: { hop: row, item },
			audit: {
				action: 'advice.place',
				recordType: 'advice',
				recordId: hop.adviceId,
				changes: diff(hop, row)
			}
		};
	});
}

/**
 * Y's outcome on a placed advice, once the meeting was held. `forwarded` sends it on to Z (a body
 * linked to Y and not yet on the trail) as the next hop, with the amended text if one is given.
 */
export async function recordOutcome(ctx: ServiceContext, hopId: unknown, input: unknown) {
	const before = await loadHop(ctx, hopId);
	const parsed = outcomeInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De uitkomst is niet bewaard.');
	const data = parsed.data;
	if (outcomeNeedsText.includes(data.outcome) && !data.outcomeText) {
		throw new AppError('invalid_input', 'De uitkomst is niet bewaard.', {
			outcomeText: [
				data.outcome === 'amended'
					? 'Schrijf het gewijzigde advies.'
					: data.outcome === 'rejected'
						? 'Schrijf waarom het advies niet gevolgd wordt.'
						: 'Schrijf wat er beslist werd.'
			]
		});
	}
	if (data.outcome === 'forwarded' && !data.toBodyId) {
		throw new AppError('invalid_input', 'De uitkomst is niet bewaard.', {
			toBodyId: ['Kies het orgaan waarnaar het advies verder gaat.']
		});
	}
	const next =
		data.outcome === 'forwarded'
			? await requireLinked(
					ctx.db,
					before.toBodyId,
					data.toBodyId!,
					'Een advies kan alleen verder naar een orgaan dat met dit orgaan verbonden is. De uitkomst is niet bewaard.'
				)
			: null;
	const result = await mutate(ctx, async (tx) => {
		const hop = await lockHop(tx, ctx, before.id);
		if (hop.outcome) refuse(settledMessage(hop));
		if (!hop.placedItemId) {
			refuse(
				'Zet het advies eerst op de agenda van een vergadering: de uitkomst volgt uit die vergadering.'
			);
		}
		const [placed] = await tx
			.select({ status: meetings.status })
			.from(agendaItems)
			.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
			.where(eq(agendaItems.id, hop.placedItemId));
		if (!['held', 'minutes_draft', 'minutes_approved'].includes(placed.status)) {
			refuse('De uitkomst wordt genoteerd nadat de vergadering gehouden is.');
		}
		const decisionId = await decisionOfItem(tx, hop.placedItemId, data.decisionId);
		let nextHop: typeof adviceHops.$inferSelect | null = null;
		if (next) {
			const trail = await tx
				.select({ from: adviceHops.fromBodyId, to: adviceHops.toBodyId })
				.from(adviceHops)
				.where(eq(adviceHops.adviceId, hop.adviceId));
			const visited = new Set(trail.flatMap((h) => [h.from, h.to]));
			if (visited.has(next.id)) {
				refuse(
					`Dit advies kwam al langs ${next.name.nl}: het daarheen terugsturen zou een kring maken. De uitkomst is niet bewaard.`
				);
			}
			[nextHop] = await tx
				.insert(adviceHops)
				.values({
					adviceId: hop.adviceId,
					step: hop.step + 1,
					fromBodyId: hop.toBodyId,
					toBodyId: next.id,
					fromItemId: hop.placedItemId,
					fromDecisionId: decisionId,
					text: data.outcomeText ?? hop.text,
					sentByUserId: userIdOf(ctx)
				})
				.returning();
		}
		const [row] = await tx
			.update(adviceHops)
			.set({
				outcome: data.outcome,
				outcomeText: data.outcomeText ?? null,
				outcomeDecisionId: decisionId,
				settledAt: new Date(),
				settledByUserId: userIdOf(ctx)
			})
			.where(eq(adviceHops.id, hop.id))
			.returning();
		return {
			result: { hop: row, nextHop },
			audit: {
				action: 'advice.outcome',
				recordType: 'advice',
				recordId: hop.adviceId,
				changes: diff(hop, row)
			}
		};
	});
	await notifyAdviceOutcome(ctx, result.hop.id);
	if (result.nextHop) await notifyAdviceArrived(ctx, result.nextHop.id);
	return result;
}

/** The hops of an advice in order (for the trail and tests). */
export async function hopsOf(db: DbOrTx, adviceId: string) {
	return db
		.select()
		.from(adviceHops)
		.where(eq(adviceHops.adviceId, adviceId))
		.orderBy(asc(adviceHops.step));
}
