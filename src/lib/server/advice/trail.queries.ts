/**
 * Read side of advice: the trail of an advice (every hop in step order) shown on each item it
 * touches, the workspace trail page, and a body's inbox. Each read makes a fixed number of
 * queries, whatever the number of items, advices and hops.
 *
 * What the public sees: a hop is public when its items are — the item it came from and, once
 * placed, the item that treats it (meeting public and past the draft, item public, parent
 * public). A closed hop is shown to the public only as "besloten behandeld": the bodies and the
 * step, never a title, text, meeting or outcome. Members of any body on the trail (and staff) see
 * everything.
 */
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	adviceHopDocuments,
	adviceHops,
	advices,
	agendaItems,
	bodies,
	documents,
	meetings,
	type AdviceOutcome,
	type MeetingStatus,
	type Translatable
} from '../db/schema';
import { AppError, isUuid, notFound } from '../errors';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { linkedBodies } from '../bodies/links';
import { decisionReference, decisionsFor } from '../meetings/decisions.service';
import { meetingTitle } from '../meetings/agenda';
import { agendaEditable, statusLabels } from '../meetings/meetings.service';
import { meetingIsPublic } from '../meetings/queries';
import { workspaceBody } from '../meetings/workspace.queries';
import { authorize, can } from '../policy';
import { outcomeLabels } from './advice.service';

export type TrailAudience = 'public' | 'members';
export type HopStatus = 'pending' | 'placed' | 'settled';

export const hopStatusLabels = Object.fromEntries(
	(['pending', 'placed', 'settled'] as const).map((h) => [h, translate('nl', `hopStatus.${h}`)])
) as Record<HopStatus, string>;

type BodyRef = { id: string; slug: string; name: Translatable };

/** An item on the trail: where the advice came from or where it was treated. */
export type TrailItem = {
	id: string;
	number: string;
	title: string;
	meetingId: string;
	/** In Dutch; pages in another language build it from the three fields below. */
	meetingTitle: string;
	/** The meeting's own title, if it has one (else the title is the body's name and the date). */
	meetingOwnTitle: string | null;
	bodyName: Translatable;
	meetingStartsAt: Date;
	meetingStatus: MeetingStatus;
	/** The item is on the public site (meeting, item and parent public). */
	isPublic: boolean;
};

export type TrailHop = {
	id: string;
	step: number;
	from: BodyRef;
	to: BodyRef;
	/** 'closed' for the public audience: only bodies, step and status; nothing of the items. */
	visibility: 'public' | 'closed';
	status: HopStatus;
	statusLabel: string;
	sentAt: Date | null;
	text: string | null;
	fromItem: TrailItem | null;
	placed: TrailItem | null;
	outcome: AdviceOutcome | null;
	outcomeLabel: string | null;
	outcomeText: string | null;
	settledAt: Date | null;
};

export type Trail = {
	adviceId: string;
	/** Null for the public when no item of the trail is public. */
	title: string | null;
	originBody: BodyRef;
	hops: TrailHop[];
};

const statusOf = (h: { placedItemId: string | null; outcome: AdviceOutcome | null }): HopStatus =>
	h.outcome ? 'settled' : h.placedItemId ? 'placed' : 'pending';

/** Items with their number on the agenda, their meeting and whether the public sees them. */
async function trailItems(db: DbOrTx, ids: string[]): Promise<Map<string, TrailItem>> {
	if (ids.length === 0) return new Map();
	const parent = alias(agendaItems, 'parent_item');
	// Numbers as numberAgenda gives them: the rank among the siblings, by position.
	const rows = await db
		.select({
			id: agendaItems.id,
			title: agendaItems.title,
			meetingId: meetings.id,
			meetingOwnTitle: meetings.title,
			startsAt: meetings.startsAt,
			status: meetings.status,
			bodyName: bodies.name,
			isPublic: sql<boolean>`(${meetingIsPublic} and ${agendaItems.isPublic} and coalesce(${parent.isPublic}, true))`,
			number: sql<string>`case when ${agendaItems.parentId} is null
				then (select count(*) from agenda_items s where s.meeting_id = ${agendaItems.meetingId} and s.parent_id is null and s.position <= ${agendaItems.position})::text
				else (select count(*) from agenda_items s where s.meeting_id = ${agendaItems.meetingId} and s.parent_id is null and s.position <= ${parent.position})::text
					|| '.' || (select count(*) from agenda_items s where s.parent_id = ${agendaItems.parentId} and s.position <= ${agendaItems.position})::text
				end`
		})
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.leftJoin(parent, eq(parent.id, agendaItems.parentId))
		.where(inArray(agendaItems.id, ids));
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				number: r.number,
				title: r.title,
				meetingId: r.meetingId,
				meetingTitle: meetingTitle(
					{ title: r.meetingOwnTitle, startsAt: r.startsAt },
					r.bodyName.nl,
					(d) => formatDate(d, 'nl', 'long')
				),
				meetingOwnTitle: r.meetingOwnTitle,
				bodyName: r.bodyName,
				meetingStartsAt: r.startsAt,
				meetingStatus: r.status,
				isPublic: !!r.isPublic
			}
		])
	);
}

/** The trails of some advices, for an audience: three queries. */
async function trailsOf(
	db: DbOrTx,
	adviceIds: string[],
	audience: TrailAudience
): Promise<Map<string, Trail>> {
	if (adviceIds.length === 0) return new Map();
	const from = alias(bodies, 'from_body');
	const to = alias(bodies, 'to_body');
	const origin = alias(bodies, 'origin_body');
	const rows = await db
		.select({
			hop: adviceHops,
			title: advices.title,
			origin: { id: origin.id, slug: origin.slug, name: origin.name },
			from: { id: from.id, slug: from.slug, name: from.name },
			to: { id: to.id, slug: to.slug, name: to.name }
		})
		.from(adviceHops)
		.innerJoin(advices, eq(advices.id, adviceHops.adviceId))
		.innerJoin(origin, eq(origin.id, advices.originBodyId))
		.innerJoin(from, eq(from.id, adviceHops.fromBodyId))
		.innerJoin(to, eq(to.id, adviceHops.toBodyId))
		.where(inArray(adviceHops.adviceId, adviceIds))
		.orderBy(asc(adviceHops.adviceId), asc(adviceHops.step));
	const items = await trailItems(db, [
		...new Set(
			rows.flatMap((r) => [r.hop.fromItemId, r.hop.placedItemId]).filter((x): x is string => !!x)
		)
	]);
	const out = new Map<string, Trail>();
	for (const r of rows) {
		const h = r.hop;
		const fromItem = h.fromItemId ? (items.get(h.fromItemId) ?? null) : null;
		const placed = h.placedItemId ? (items.get(h.placedItemId) ?? null) : null;
		const open = !!fromItem?.isPublic && (!placed || placed.isPublic);
		const status = statusOf(h);
		const show = audience === 'members' || open;
		const hop: TrailHop = {
			id: h.id,
			step: h.step,
			from: r.from,
			to: r.to,
			visibility: open ? 'public' : 'closed',
			status,
			statusLabel: show ? hopStatusLabels[status] : 'Besloten behandeld',
			sentAt: show ? h.sentAt : null,
			text: show ? h.text : null,
			fromItem: show ? fromItem : null,
			placed: show ? placed : null,
			outcome: show ? h.outcome : null,
			outcomeLabel: show && h.outcome ? outcomeLabels[h.outcome] : null,
			outcomeText: show ? h.outcomeText : null,
			settledAt: show ? h.settledAt : null
		};
		let trail = out.get(h.adviceId);
		if (!trail) {
			trail = { adviceId: h.adviceId, title: null, originBody: r.origin, hops: [] };
			out.set(h.adviceId, trail);
		}
		trail.hops.push(hop);
		// The title is the first item's; the public sees it only when that item is public, or
		// else the (copied) title of the first public item that treats it.
		if (audience === 'members') trail.title = r.title;
		else if (trail.title === null && open) {
			trail.title = h.step === 1 ? r.title : (placed?.title ?? fromItem?.title ?? null);
		}
	}
	return out;
}

/**
 * The trail of every advice that touches one of these items (it came from the item or was
 * treated on it), keyed by item id. Four queries, whatever the number of items and hops. For the
 * public, trails with no public hop at all are left out.
 */
export async function itemTrails(
	db: DbOrTx,
	itemIds: string[],
	audience: TrailAudience
): Promise<Map<string, Trail>> {
	const out = new Map<string, Trail>();
	if (itemIds.length === 0) return out;
	const touching = await db
		.select({
			adviceId: adviceHops.adviceId,
			fromItemId: adviceHops.fromItemId,
			placedItemId: adviceHops.placedItemId
		})
		.from(adviceHops)
		.where(or(inArray(adviceHops.fromItemId, itemIds), inArray(adviceHops.placedItemId, itemIds)));
	const trails = await trailsOf(db, [...new Set(touching.map((t) => t.adviceId))], audience);
	const wanted = new Set(itemIds);
	for (const t of touching) {
		const trail = trails.get(t.adviceId);
		if (!trail) continue;
		if (audience === 'public' && !trail.hops.some((h) => h.visibility === 'public')) continue;
		for (const itemId of [t.fromItemId, t.placedItemId]) {
			if (itemId && wanted.has(itemId)) out.set(itemId, trail);
		}
	}
	return out;
}

/** Staff, or a member of any body on the trail. */
function mayReadTrail(ctx: ServiceContext, bodyIds: string[]) {
	return (
		can(ctx.principal, 'body:read_closed') ||
		bodyIds.some((bodyId) => can(ctx.principal, 'body:read_closed', { bodyId }))
	);
}

/** The workspace page of one advice: its whole trail and the documents sent along each hop. */
export async function adviceTrail(ctx: ServiceContext, adviceId: string) {
	if (!isUuid(adviceId)) throw notFound('Advies niet gevonden.');
	const trail = (await trailsOf(ctx.db, [adviceId], 'members')).get(adviceId);
	if (!trail) throw notFound('Advies niet gevonden.');
	const bodyIds = [...new Set(trail.hops.flatMap((h) => [h.from.id, h.to.id]))];
	if (!mayReadTrail(ctx, bodyIds)) {
		// The same refusal (and log line) as any other page.
		authorize(ctx.principal, 'body:read_closed', { bodyId: trail.originBody.id }, ctx.requestId);
		throw new AppError('forbidden', 'U hebt geen toegang tot deze pagina of actie.');
	}
	const docs = await ctx.db
		.select({ hopId: adviceHopDocuments.hopId, id: documents.id, title: documents.title })
		.from(adviceHopDocuments)
		.innerJoin(documents, eq(documents.id, adviceHopDocuments.documentId))
		.innerJoin(adviceHops, eq(adviceHops.id, adviceHopDocuments.hopId))
		.where(eq(adviceHops.adviceId, adviceId))
		.orderBy(asc(documents.title));
	return {
		trail,
		documents: Object.fromEntries(
			trail.hops.map((h) => [
				h.id,
				docs.filter((d) => d.hopId === h.id).map((d) => ({ id: d.id, title: d.title }))
			])
		) as Record<string, { id: string; title: string }[]>,
		manage: Object.fromEntries(
			trail.hops.map((h) => [h.id, can(ctx.principal, 'body:manage', { bodyId: h.to.id })])
		) as Record<string, boolean>
	};
}

const heldStatuses: MeetingStatus[] = ['held', 'minutes_draft', 'minutes_approved'];
/** How many settled and sent advices the inbox shows (the most recent). */
const RECENT = 20;

/**
 * A body's advice inbox: incoming hops pending, placed (with their meeting) and recently settled,
 * the hops it sent with their status; for managers the meetings an advice can be placed on (draft
 * or agenda published, starting in the future) and, per placed hop whose meeting was held, the
 * decisions of its item and the bodies it can be forwarded to (linked, not yet on the trail).
 */
export async function adviceInbox(
	ctx: ServiceContext,
	bodyId: string,
	now = new Date(),
	locale: Locale = 'nl'
) {
	authorize(ctx.principal, 'body:read_closed', { bodyId }, ctx.requestId);
	const manage = can(ctx.principal, 'body:manage', { bodyId });
	const hops = await ctx.db
		.select({
			id: adviceHops.id,
			adviceId: adviceHops.adviceId,
			toBodyId: adviceHops.toBodyId,
			outcome: adviceHops.outcome,
			placedItemId: adviceHops.placedItemId,
			sentAt: adviceHops.sentAt
		})
		.from(adviceHops)
		.where(
			// Every open incoming hop, and only the recent settled and sent ones: the inbox (and
			// the trails it loads) stays the same size however long the body's history is.
			or(
				and(eq(adviceHops.toBodyId, bodyId), isNull(adviceHops.outcome)),
				sql`${adviceHops.id} in (select id from advice_hops where to_body_id = ${bodyId} and outcome is not null order by settled_at desc limit ${RECENT})`,
				sql`${adviceHops.id} in (select id from advice_hops where from_body_id = ${bodyId} order by sent_at desc limit ${RECENT})`
			)
		)
		.orderBy(desc(adviceHops.sentAt));
	const trails = await trailsOf(ctx.db, [...new Set(hops.map((h) => h.adviceId))], 'members');
	const entry = (h: (typeof hops)[number]) => {
		const trail = trails.get(h.adviceId)!;
		return { trail, hop: trail.hops.find((x) => x.id === h.id)! };
	};
	const incoming = hops.filter((h) => h.toBodyId === bodyId).map(entry);
	const sent = hops.filter((h) => h.toBodyId !== bodyId).map(entry);
	const pending = incoming.filter((e) => e.hop.status === 'pending').reverse();
	const placed = incoming.filter((e) => e.hop.status === 'placed').reverse();
	const settled = incoming.filter((e) => e.hop.status === 'settled');

	const openMeetings =
		manage && pending.length
			? await ctx.db
					.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
					.from(meetings)
					.where(
						and(
							eq(meetings.bodyId, bodyId),
							inArray(meetings.status, agendaEditable),
							gt(meetings.startsAt, now)
						)
					)
					.orderBy(asc(meetings.startsAt))
			: [];
	const decidable = manage
		? placed.filter((e) => e.hop.placed && heldStatuses.includes(e.hop.placed.meetingStatus))
		: [];
	const itemDecisions = decidable.length
		? await decisionsFor(ctx.db, { agendaItemIds: decidable.map((e) => e.hop.placed!.id) })
		: [];
	const linked = decidable.length ? await linkedBodies(ctx.db, bodyId) : [];
	const [body] = await ctx.db
		.select({ name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, bodyId));
	return {
		manage,
		pending,
		placed,
		settled,
		sent,
		meetings: openMeetings.map((m) => ({
			value: m.id,
			label: `${meetingTitle(m, body ? tr(body.name, locale) : '', (d) => formatDate(d, locale, 'long'))} (${formatDate(m.startsAt, locale)})`
		})),
		/** Per placed hop id: what its outcome form offers (only once its meeting was held). */
		outcomeForms: Object.fromEntries(
			decidable.map((e) => {
				const onTrail = new Set(e.trail.hops.flatMap((h) => [h.from.id, h.to.id]));
				return [
					e.hop.id,
					{
						decisions: itemDecisions
							.filter((d) => d.agendaItemId === e.hop.placed!.id)
							.map((d) => ({ value: d.id, label: `${decisionReference(d)} ${d.title}` })),
						bodies: linked
							.filter((b) => !onTrail.has(b.id))
							.map((b) => ({ value: b.id, label: tr(b.name, locale) }))
					}
				];
			})
		) as Record<
			string,
			{ decisions: { value: string; label: string }[]; bodies: { value: string; label: string }[] }
		>,
		statusLabels:
			locale === 'nl'
				? statusLabels
				: (Object.fromEntries(
						Object.keys(statusLabels).map((s) => [
							s,
							translate(locale, `meetingStatus.${s as MeetingStatus}`)
						])
					) as typeof statusLabels)
	};
}

/** The inbox page of a body by slug (body:read_closed; forms for body:manage), in `locale`. */
export async function adviceInboxPage(
	ctx: ServiceContext,
	slug: string,
	now = new Date(),
	locale: Locale = 'nl'
) {
	const body = await workspaceBody(ctx, slug);
	return { body, ...(await adviceInbox(ctx, body.id, now, locale)) };
}
