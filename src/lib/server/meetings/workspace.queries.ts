/**
 * Read models of the workspace pages of part 1: a body's meetings, its standing items, one
 * meeting's overview and its edit form. Each authorises itself (body:read_closed to look,
 * body:manage to edit) and loads a fixed number of queries.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { bodies } from '../db/schema';
import { notFound } from '../errors';
import { formatDate, tr } from '../../i18n';
import { authorize, can } from '../policy';
import { itemKindLabels, meetingTitle } from './agenda';
import { decisionStatusLabels } from './decisions.service';
import { listStandingItems } from './standing-items.service';
import { copyCandidates, managedMeeting, statusLabels } from './meetings.service';
import { invitees } from './participation.service';
import { getMeetingWorkspace, listMeetings } from './queries';
import { brusselsParts } from './time';

/**
 * A body of the workspace by slug (not archived), with the reader's right to look at it — or,
 * with `need: 'body:manage'`, to manage it (form actions check this before reading any input, so
 * a member gets a 403 whatever they post).
 */
export async function workspaceBody(
	ctx: ServiceContext,
	slug: string,
	need: 'body:read_closed' | 'body:manage' = 'body:read_closed'
) {
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, need, { bodyId: body.id }, ctx.requestId);
	return { ...body, manage: can(ctx.principal, 'body:manage', { bodyId: body.id }) };
}

/** The body's meetings (upcoming soonest first, past newest first) and the new-meeting choices. */
export async function bodyMeetingsPage(ctx: ServiceContext, slug: string, now = new Date()) {
	const body = await workspaceBody(ctx, slug);
	// Members see every meeting of their own body: drafts and closed ones included.
	const all = await listMeetings(ctx.db, {
		bodyId: body.id,
		closedScope: null,
		order: 'desc',
		locale: ctx.locale
	});
	const candidates = body.manage ? await copyCandidates(ctx.db, body.id) : [];
	return {
		body,
		upcoming: all.filter((m) => m.endsAt >= now).reverse(),
		past: all.filter((m) => m.endsAt < now),
		copyCandidates: candidates.map((c) => ({
			id: c.id,
			label: meetingTitle(c, tr(body.name, ctx.locale), (d) => formatDate(d, ctx.locale, 'long'))
		})),
		statusLabels
	};
}

/** The standing items of a body's template, in order. */
export async function standingItemsPage(ctx: ServiceContext, slug: string) {
	const body = await workspaceBody(ctx, slug);
	return { body, items: await listStandingItems(ctx, body.id), kindLabels: itemKindLabels };
}

/** One meeting for its members: the workspace view, plus whether the reader may reply. */
export async function meetingOverview(ctx: ServiceContext, id: string, now = new Date()) {
	const view = await getMeetingWorkspace(ctx, id);
	const { meeting } = view;
	const open = meeting.status === 'agenda_published' && meeting.startsAt > now;
	const invited =
		meeting.status === 'draft' || open
			? await invitees(ctx.db, meeting.bodyId, meeting.startsAt)
			: null;
	const personId = view.myReply?.personId;
	return {
		...view,
		inviteeCount: invited?.length ?? null,
		canReply: open && !!personId && !!invited?.some((i) => i.personId === personId),
		statusLabels,
		kindLabels: itemKindLabels,
		decisionStatusLabels
	};
}

/** A meeting's edit form, prefilled in Brussels wall-clock time (body:manage). */
export async function meetingForEdit(ctx: ServiceContext, id: string) {
	const meeting = await managedMeeting(ctx, id);
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const start = brusselsParts(meeting.startsAt);
	return {
		meeting: {
			...meeting,
			displayTitle: meetingTitle(meeting, tr(body.name, ctx.locale), (d) =>
				formatDate(d, ctx.locale, 'long')
			)
		},
		body,
		form: {
			title: meeting.title ?? '',
			date: start.date,
			startTime: start.time,
			endTime: brusselsParts(meeting.endsAt).time,
			location: meeting.location ?? '',
			onlineUrl: meeting.onlineUrl ?? '',
			isPublic: meeting.isPublic
		},
		statusLabels
	};
}

/** The slug of a body (to go back to its meetings after a draft is deleted). */
export async function bodySlugOf(ctx: ServiceContext, bodyId: string) {
	const [body] = await ctx.db
		.select({ slug: bodies.slug })
		.from(bodies)
		.where(eq(bodies.id, bodyId));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return body.slug;
}
