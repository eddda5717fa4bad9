/**
 * Read models of minutes: the workspace page (every item numbered with its current minutes,
 * history, comments and decisions, the attendance summary) in a fixed number of queries; the
 * meetings whose draft minutes a decision may approve; the approval line; the public minutes of
 * an approved meeting. Plus the page's commands, checked against the meeting in the URL first (a
 * member posting to a manager's form gets 403 whatever the form names).
 */
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	agendaItems,
	bodies,
	decisions,
	itemMinutes,
	meetings,
	minutesReviews,
	minutesVersions,
	decisionStatuses,
	users,
	type DecisionStatus
} from '../db/schema';
import { isUuid, notFound } from '../errors';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { authorize, can } from '../policy';
import { meetingTitle, numberAgenda, publicItems } from '../meetings/agenda';
import { decisionReference, meetingDecisions } from '../meetings/decisions.service';
import { loadMeeting, managedMeeting } from '../meetings/meetings.service';
import { attendanceSheet } from '../meetings/participation.service';
import { renderMarkdown } from './markdown';
import { correctItemMinutes, minutesWritable, saveItemMinutes } from './minutes.service';
import { addMinutesComment, commentsOfMeeting } from './review.service';

/** The approving decision of a meeting's minutes, or null while they are not approved. */
export async function minutesApproval(
	db: DbOrTx,
	meeting: { minutesApprovedAt: Date | null; minutesApprovalDecisionId: string | null }
) {
	if (!meeting.minutesApprovedAt || !meeting.minutesApprovalDecisionId) return null;
	const [d] = await db
		.select({ id: decisions.id, year: decisions.year, number: decisions.number })
		.from(decisions)
		.where(eq(decisions.id, meeting.minutesApprovalDecisionId));
	return {
		approvedAt: meeting.minutesApprovedAt,
		decisionId: d?.id ?? null,
		reference: d ? decisionReference(d) : null
	};
}

/**
 * The workspace page of a meeting's minutes (members of the body; managers write). Its labels
 * (title, status, decision outcomes) are in `locale`.
 */
export async function minutesPage(ctx: ServiceContext, meetingId: string, locale: Locale = 'nl') {
	const meeting = await loadMeeting(ctx.db, meetingId);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const items = await ctx.db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position));
	const current = await ctx.db
		.select({ minutes: itemMinutes, by: users.name })
		.from(itemMinutes)
		.leftJoin(users, eq(users.id, itemMinutes.updatedByUserId))
		.where(eq(itemMinutes.meetingId, meetingId));
	const versions = await ctx.db
		.select({ version: minutesVersions, by: users.name })
		.from(minutesVersions)
		.leftJoin(users, eq(users.id, minutesVersions.authorUserId))
		.where(eq(minutesVersions.meetingId, meetingId))
		.orderBy(asc(minutesVersions.version));
	const comments = await commentsOfMeeting(ctx.db, meetingId);
	const sheet = ['held', 'minutes_draft', 'minutes_approved'].includes(meeting.status)
		? await attendanceSheet(ctx.db, meeting)
		: null;
	const meetingDecisionRows = await meetingDecisions(ctx.db, meetingId, true);
	const [lastReview] = await ctx.db
		.select({ createdAt: minutesReviews.createdAt, recipients: minutesReviews.recipients })
		.from(minutesReviews)
		.where(eq(minutesReviews.meetingId, meetingId))
		.orderBy(desc(minutesReviews.createdAt))
		.limit(1);
	const approval = await minutesApproval(ctx.db, meeting);

	const currentOf = new Map(current.map((c) => [c.minutes.agendaItemId, c]));
	const publicIds = new Set(publicItems(items, meeting.isPublic).map((i) => i.id));
	const manage = can(ctx.principal, 'body:manage', { bodyId: meeting.bodyId });
	const approved = meeting.status === 'minutes_approved';
	const names = (status: string[]) =>
		(sheet?.rows ?? []).filter((r) => status.includes(r.status)).map((r) => r.name);
	return {
		meeting: {
			...meeting,
			displayTitle: meetingTitle(meeting, tr(body.name, locale), (d) =>
				formatDate(d, locale, 'long')
			)
		},
		body,
		statusLabel: translate(locale, `meetingStatus.${meeting.status}`),
		items: numberAgenda(items, meeting.startsAt).map((i) => {
			const c = currentOf.get(i.id);
			return {
				id: i.id,
				number: i.number,
				depth: i.depth,
				title: i.title,
				effectivelyPublic: publicIds.has(i.id),
				minutes: c
					? {
							body: c.minutes.body,
							version: c.minutes.version,
							html: renderMarkdown(c.minutes.body),
							updatedAt: c.minutes.updatedAt,
							updatedBy: c.by
						}
					: null,
				versions: versions
					.filter((v) => v.version.agendaItemId === i.id)
					.map((v) => ({
						version: v.version.version,
						kind: v.version.kind,
						reason: v.version.reason,
						body: v.version.body,
						createdAt: v.version.createdAt,
						by: v.by
					})),
				comments: (comments.get(i.id) ?? []).map((c) => ({
					id: c.id,
					authorName: c.authorName,
					body: c.body,
					createdAt: c.createdAt
				})),
				decisions: meetingDecisionRows.filter((d) => d.agendaItemId === i.id)
			};
		}),
		attendance: sheet
			? {
					recorded: sheet.recorded,
					present: names(['present', 'substitute']),
					excused: names(['excused']),
					absent: names(['absent']),
					quorum: sheet.quorum
				}
			: null,
		decisions: meetingDecisionRows,
		decisionStatusLabels: Object.fromEntries(
			decisionStatuses.map((s) => [s, translate(locale, `decisionStatus.${s}`)])
		) as Record<DecisionStatus, string>,
		lastReview: lastReview ?? null,
		approval,
		can: {
			manage,
			write: manage && minutesWritable.includes(meeting.status),
			correct: manage && approved,
			review: manage && meeting.status === 'minutes_draft',
			comment: ctx.principal.kind === 'user' && meeting.status === 'minutes_draft'
		}
	};
}
export type MinutesPage = Awaited<ReturnType<typeof minutesPage>>;

/** Earlier meetings of the same body whose minutes are a draft: what a decision may approve. */
export async function approvableMinutes(
	db: DbOrTx,
	meeting: { bodyId: string; startsAt: Date },
	bodyName: string,
	locale: Locale = 'nl'
) {
	const rows = await db
		.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
		.from(meetings)
		.where(
			and(
				eq(meetings.bodyId, meeting.bodyId),
				lt(meetings.startsAt, meeting.startsAt),
				eq(meetings.status, 'minutes_draft')
			)
		)
		.orderBy(desc(meetings.startsAt))
		.limit(50);
	return rows.map((m) => ({
		value: m.id,
		label: meetingTitle(m, bodyName, (d) => formatDate(d, locale, 'long'))
	}));
}

/**
 * The minutes the public may read: those of the public items of an approved public meeting
 * (`itemIds` are the items the public page already shows), or null before approval.
 */
export async function publicMinutes(db: DbOrTx, meetingId: string, itemIds: string[]) {
	const [m] = await db
		.select({ status: meetings.status, approvedAt: meetings.minutesApprovedAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!m || m.status !== 'minutes_approved' || !m.approvedAt) return null;
	const rows = itemIds.length
		? await db
				.select({ id: itemMinutes.agendaItemId, body: itemMinutes.body })
				.from(itemMinutes)
				.where(
					and(eq(itemMinutes.meetingId, meetingId), inArray(itemMinutes.agendaItemId, itemIds))
				)
		: [];
	return {
		approvedAt: m.approvedAt,
		html: Object.fromEntries(
			rows.filter((r) => r.body.trim()).map((r) => [r.id, renderMarkdown(r.body)])
		) as Record<string, string>
	};
}

/** The item named by a form, which must belong to the meeting in the URL. */
async function itemOf(db: DbOrTx, meetingId: string, itemId: unknown) {
	if (!isUuid(itemId)) throw notFound('Agendapunt niet gevonden.');
	const [item] = await db
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)));
	if (!item) throw notFound('Agendapunt niet gevonden.');
	return item.id;
}

/** Save an item's draft minutes from the page's form (`itemId`, `body`, `baseVersion`). */
export async function saveMinutesForm(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	await managedMeeting(ctx, meetingId);
	const itemId = await itemOf(ctx.db, meetingId, values.itemId);
	return saveItemMinutes(ctx, itemId, { body: values.body, baseVersion: values.baseVersion });
}

/** Correct approved minutes from the page's form (`itemId`, `body`, `baseVersion`, `reason`). */
export async function correctMinutesForm(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	await managedMeeting(ctx, meetingId);
	const itemId = await itemOf(ctx.db, meetingId, values.itemId);
	return correctItemMinutes(ctx, itemId, {
		body: values.body,
		baseVersion: values.baseVersion,
		reason: values.reason
	});
}

/** A member's comment from the page's form (`itemId`, `body`). */
export async function commentMinutesForm(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	const meeting = await loadMeeting(ctx.db, meetingId);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	const itemId = await itemOf(ctx.db, meetingId, values.itemId);
	return addMinutesComment(ctx, itemId, { body: values.body });
}

/** The rendered preview of a text, without saving it (managers of the meeting). */
export async function previewMinutesForm(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	await managedMeeting(ctx, meetingId);
	const itemId = await itemOf(ctx.db, meetingId, values.itemId);
	const body = typeof values.body === 'string' ? values.body : '';
	return { itemId, body, html: renderMarkdown(body) };
}
