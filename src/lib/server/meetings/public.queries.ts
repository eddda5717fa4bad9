/**
 * Read models of the public face of meetings: the public calendar, the iCalendar feeds, public
 * decisions, and the workspace calendar's "my meetings". Public readers only ever get public
 * meetings (past the draft), public items and public decisions, whoever is logged in: these pages
 * may be cached and shared. Each loads a fixed number of queries, whatever the data.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { bodies, meetingReplies, people, type ReplyResponse } from '../db/schema';
import { notFound } from '../errors';
import { anonymous } from '../policy';
import { tr, type Locale } from '../../i18n';
import { monthWindow, type Month } from '../../calendar';
import { numberAgenda, publicItems } from './agenda';
import { getDecision } from './decisions.service';
import type { CalendarMeeting } from './ical';
import { itemsOf, listMeetings, myMeetings, workspaceCalendar } from './queries';

/** Bodies that are not archived, by name: the choices of the public filters. */
export async function publicBodyOptions(db: DbOrTx, locale: Locale = 'nl') {
	const rows = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(isNull(bodies.archivedAt))
		.orderBy(asc(bodies.slug));
	return rows
		.map((b) => ({ ...b, label: tr(b.name, locale) }))
		.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

/** A body (not archived) by slug, or a 404. */
export async function publicBody(db: DbOrTx, slug: string) {
	const [body] = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return body;
}

/**
 * The public calendar for one month: public meetings (also cancelled ones), optionally of one
 * body (`orgaan` slug; unknown → 404), and the body choices of the filter.
 */
export async function publicCalendarPage(
	db: DbOrTx,
	opts: { month: Month; orgaan?: string; locale: Locale }
) {
	const body = opts.orgaan ? await publicBody(db, opts.orgaan) : null;
	const { from, to } = monthWindow(opts.month);
	const [meetings, bodyOptions] = await Promise.all([
		listMeetings(db, {
			from,
			to,
			bodyId: body?.id,
			closedScope: [],
			locale: opts.locale
		}),
		publicBodyOptions(db, opts.locale)
	]);
	return { body, meetings, bodies: bodyOptions };
}

const YEAR = 365 * 86_400_000;

/**
 * The iCalendar feed's meetings: public meetings from a year back on (cancelled ones included,
 * so their STATUS:CANCELLED reaches subscribers), each with its public agenda lines and its
 * public page as URL. Three queries, whatever the number of meetings and items.
 */
export async function publicCalendar(
	db: DbOrTx,
	opts: { origin: string; bodyId?: string; now?: Date }
): Promise<CalendarMeeting[]> {
	const now = opts.now ?? new Date();
	const meetings = await listMeetings(db, {
		bodyId: opts.bodyId,
		from: new Date(now.getTime() - YEAR),
		closedScope: [],
		limit: 2000
	});
	const items = await itemsOf(
		db,
		meetings.map((m) => m.id)
	);
	return meetings.map((m) => {
		const all = items.get(m.id) ?? [];
		// Numbers come from the whole agenda (as on the public page); closed items are left out.
		const visible = new Set(publicItems(all, true).map((i) => i.id));
		const agenda = numberAgenda(all, m.startsAt)
			.filter((i) => visible.has(i.id))
			.map((i) => `${i.depth ? '    ' : ''}${i.number}. ${i.title}`);
		return {
			id: m.id,
			title: m.displayTitle,
			startsAt: m.startsAt,
			endsAt: m.endsAt,
			location: m.location,
			onlineUrl: m.onlineUrl,
			status: m.status,
			cancelReason: m.cancelReason,
			sequence: m.sequence,
			createdAt: m.createdAt,
			updatedAt: m.updatedAt,
			url: new URL(`/vergaderingen/${m.id}`, opts.origin).toString(),
			agenda
		};
	});
}

/** A decision for the public pages: public ones only, also for a logged-in member. */
export function publicDecision(ctx: ServiceContext, id: string) {
	return getDecision({ ...ctx, principal: anonymous }, id);
}

/**
 * The workspace calendar page: the user's upcoming meetings with their own reply, and what they
 * may see in the month. Four queries.
 */
export async function workspaceCalendarPage(ctx: ServiceContext, month: Month) {
	const { from, to } = monthWindow(month);
	const [mine, inMonth] = await Promise.all([myMeetings(ctx), workspaceCalendar(ctx, from, to)]);
	const replies = await myReplies(
		ctx,
		mine.map((m) => m.id)
	);
	return {
		mine: mine.map((m) => ({ ...m, myReply: replies.get(m.id) ?? null })),
		meetings: inMonth
	};
}

/** The user's own replies (as the person linked to their account) to these meetings. */
async function myReplies(ctx: ServiceContext, meetingIds: string[]) {
	const out = new Map<string, ReplyResponse>();
	if (ctx.principal.kind !== 'user' || meetingIds.length === 0) return out;
	const rows = await ctx.db
		.select({ meetingId: meetingReplies.meetingId, response: meetingReplies.response })
		.from(meetingReplies)
		.innerJoin(people, eq(people.id, meetingReplies.personId))
		.where(
			and(eq(people.userId, ctx.principal.userId), inArray(meetingReplies.meetingId, meetingIds))
		);
	for (const r of rows) out.set(r.meetingId, r.response);
	return out;
}
