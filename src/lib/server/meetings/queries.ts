/**
 * Read models of meetings for the workspace, the public site, the API and the feeds. Each loads
 * its related rows up front (a fixed number of queries, whatever the number of meetings, items
 * and decisions). Public readers get public meetings (published, not drafts) and public items.
 */
import {
	and,
	asc,
	desc,
	eq,
	gte,
	inArray,
	isNotNull,
	lt,
	ne,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	agendaItemPolicyDomains,
	agendaItems,
	bodies,
	meetingReplies,
	meetings,
	policyDomains
} from '../db/schema';
import { isUuid, notFound } from '../errors';
import { authorize, can } from '../policy';
import { formatDate, tr, type Locale } from '../../i18n';
import { numberAgenda, meetingTitle, publicItems } from './agenda';
import { closedBodyScope, meetingDecisions } from './decisions.service';
import { attendanceSheet, myReply } from './participation.service';
import { agendaEditable, loadMeeting, recordable } from './meetings.service';

/**
 * SQL: a meeting the public may see: public and past the draft. A draft cancelled before its
 * publication was never announced, so it stays out of view too.
 */
export const meetingIsPublic = and(
	eq(meetings.isPublic, true),
	ne(meetings.status, 'draft'),
	or(ne(meetings.status, 'cancelled'), isNotNull(meetings.publishedAt))
)!;

/** Items of several meetings with their policy domains: two queries. */
export async function itemsOf(db: DbOrTx, meetingIds: string[]) {
	if (meetingIds.length === 0) return new Map<string, ItemWithDomains[]>();
	const items = await db
		.select()
		.from(agendaItems)
		.where(inArray(agendaItems.meetingId, meetingIds))
		.orderBy(asc(agendaItems.position));
	const domains = items.length
		? await db
				.select({
					agendaItemId: agendaItemPolicyDomains.agendaItemId,
					id: policyDomains.id,
					slug: policyDomains.slug,
					name: policyDomains.name
				})
				.from(agendaItemPolicyDomains)
				.innerJoin(policyDomains, eq(policyDomains.id, agendaItemPolicyDomains.policyDomainId))
				.where(
					inArray(
						agendaItemPolicyDomains.agendaItemId,
						items.map((i) => i.id)
					)
				)
		: [];
	const out = new Map<string, ItemWithDomains[]>();
	for (const item of items) {
		const list = out.get(item.meetingId) ?? [];
		list.push({ ...item, policyDomains: domains.filter((d) => d.agendaItemId === item.id) });
		out.set(item.meetingId, list);
	}
	return out;
}
export type ItemWithDomains = typeof agendaItems.$inferSelect & {
	policyDomains: { id: string; slug: string; name: { nl: string; en?: string } }[];
};

const meetingColumns = {
	id: meetings.id,
	bodyId: meetings.bodyId,
	title: meetings.title,
	startsAt: meetings.startsAt,
	endsAt: meetings.endsAt,
	location: meetings.location,
	onlineUrl: meetings.onlineUrl,
	status: meetings.status,
	cancelReason: meetings.cancelReason,
	isPublic: meetings.isPublic,
	sequence: meetings.sequence,
	publishedAt: meetings.publishedAt,
	isExample: meetings.isExample,
	createdAt: meetings.createdAt,
	updatedAt: meetings.updatedAt,
	bodySlug: bodies.slug,
	bodyName: bodies.name
};

export type MeetingSummary = Awaited<ReturnType<typeof listMeetings>>[number];

/**
 * Meetings in a window, newest last, each with its display title. `visible` narrows to what the
 * reader may see (public meetings, or also those of bodies in `closedScope`).
 */
export async function listMeetings(
	db: DbOrTx,
	opts: {
		bodyId?: string;
		bodyIds?: string[];
		from?: Date;
		to?: Date;
		/** null: every meeting; a list: public ones plus these bodies' closed ones and drafts. */
		closedScope: string[] | null;
		order?: 'asc' | 'desc';
		limit?: number;
		locale?: Locale;
	}
) {
	const where: SQL[] = [];
	if (opts.bodyId) where.push(eq(meetings.bodyId, opts.bodyId));
	if (opts.bodyIds)
		where.push(
			inArray(
				meetings.bodyId,
				opts.bodyIds.length ? opts.bodyIds : ['00000000-0000-0000-0000-000000000000']
			)
		);
	if (opts.from) where.push(gte(meetings.endsAt, opts.from));
	if (opts.to) where.push(lt(meetings.startsAt, opts.to));
	if (opts.closedScope !== null) {
		where.push(
			opts.closedScope.length
				? sql`(${meetingIsPublic} or ${inArray(meetings.bodyId, opts.closedScope)})`
				: meetingIsPublic
		);
	}
	const rows = await db
		.select(meetingColumns)
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(...where))
		.orderBy(opts.order === 'desc' ? desc(meetings.startsAt) : asc(meetings.startsAt))
		.limit(opts.limit ?? 500);
	const locale = opts.locale ?? 'nl';
	return rows.map((m) => ({
		...m,
		displayTitle: meetingTitle(m, m.bodyName[locale] ?? m.bodyName.nl, (d) =>
			formatDate(d, locale, 'long')
		),
		public:
			m.isPublic && m.status !== 'draft' && (m.status !== 'cancelled' || m.publishedAt !== null)
	}));
}

/** The public meeting page and API: the meeting, its public items and public decisions. */
export async function getPublicMeeting(db: DbOrTx, id: string, locale: Locale = 'nl') {
	if (!isUuid(id)) throw notFound('Vergadering niet gevonden.');
	const [m] = await db
		.select(meetingColumns)
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(eq(meetings.id, id), meetingIsPublic));
	if (!m) throw notFound('Vergadering niet gevonden.');
	const items = (await itemsOf(db, [id])).get(id) ?? [];
	// Numbers and times come from the whole agenda, so they match the minutes; closed items are left out.
	const numbered = numberAgenda(items, m.startsAt);
	const visible = new Set(publicItems(items, true).map((i) => i.id));
	return {
		meeting: {
			...m,
			displayTitle: meetingTitle(m, m.bodyName[locale] ?? m.bodyName.nl, (d) =>
				formatDate(d, locale, 'long')
			)
		},
		items: numbered.filter((i) => visible.has(i.id)),
		closedItems: numbered.length - visible.size,
		decisions: await meetingDecisions(db, id, false)
	};
}

/** A meeting in the workspace: everything, for members of its body and staff. */
export async function getMeetingWorkspace(ctx: ServiceContext, id: string) {
	const meeting = await loadMeeting(ctx.db, id);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, quorum: bodies.quorum })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const items = (await itemsOf(ctx.db, [id])).get(id) ?? [];
	const manage = can(ctx.principal, 'body:manage', { bodyId: meeting.bodyId });
	const replies = await ctx.db
		.select({ response: meetingReplies.response, n: sql<number>`count(*)::int` })
		.from(meetingReplies)
		.where(eq(meetingReplies.meetingId, id))
		.groupBy(meetingReplies.response);
	const publicIds = new Set(publicItems(items, meeting.isPublic).map((i) => i.id));
	return {
		meeting: {
			...meeting,
			displayTitle: meetingTitle(meeting, tr(body.name, ctx.locale), (d) =>
				formatDate(d, ctx.locale, 'long')
			)
		},
		body,
		items: numberAgenda(items, meeting.startsAt).map((i) => ({
			...i,
			effectivelyPublic: publicIds.has(i.id)
		})),
		replies: Object.fromEntries(replies.map((r) => [r.response, r.n])) as Partial<
			Record<'attending' | 'excused', number>
		>,
		myReply: await myReply(ctx, id),
		attendance:
			recordable.includes(meeting.status) || meeting.status === 'minutes_approved'
				? await attendanceSheet(ctx.db, meeting)
				: null,
		decisions: await meetingDecisions(ctx.db, id, true),
		can: {
			manage,
			editAgenda: manage && agendaEditable.includes(meeting.status),
			record: manage && recordable.includes(meeting.status)
		}
	};
}

/** Meetings of the bodies the user belongs to, upcoming first (the "my meetings" list). */
export async function myMeetings(ctx: ServiceContext, from = new Date()) {
	if (ctx.principal.kind !== 'user') return [];
	const bodyIds = Object.keys(ctx.principal.bodyRoles);
	if (bodyIds.length === 0) return [];
	return listMeetings(ctx.db, {
		bodyIds,
		from,
		closedScope: bodyIds,
		limit: 100
	});
}

/** The workspace calendar: what the user may see in a window (staff: everything). */
export async function workspaceCalendar(ctx: ServiceContext, from: Date, to: Date) {
	return listMeetings(ctx.db, { from, to, closedScope: closedBodyScope(ctx.principal) });
}

/** Upcoming and recent public meetings of a body, for its public page. */
export async function bodyPublicMeetings(
	db: DbOrTx,
	bodyId: string,
	now = new Date(),
	locale: Locale = 'nl'
) {
	const [upcoming, recent] = await Promise.all([
		listMeetings(db, { bodyId, from: now, closedScope: [], limit: 5, locale }),
		listMeetings(db, { bodyId, to: now, closedScope: [], order: 'desc', limit: 5, locale })
	]);
	// A meeting under way is upcoming (it has not ended), not also recent.
	const current = new Set(upcoming.map((m) => m.id));
	return { upcoming, recent: recent.filter((m) => !current.has(m.id)) };
}
