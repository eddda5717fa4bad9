/**
 * The JSON API of meetings and decisions (read-only, public data only): the output schemas the
 * OpenAPI document describes, the query schemas and the read functions behind /api/v1/meetings
 * and /api/v1/decisions. Closed meetings, closed items and closed decisions never appear.
 */
import { and, asc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { agendaItemKinds, bodies, decisionStatuses, meetings, meetingStatuses } from '../db/schema';
import { AppError } from '../errors';
import { decodeCursor, toPage } from '../pagination';
import { dateString } from '../bodies/memberships.schema';
import { formatDate } from '../../i18n';
import { meetingTitle } from './agenda';
import { listDecisions } from './decisions.service';
import { publicDecision } from './public.queries';
import { getPublicMeeting, meetingIsPublic } from './queries';
import { brusselsInstant } from './time';

const instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 instant (UTC).' });

export const meetingOut = z
	.object({
		id: z.uuid(),
		bodyId: z.uuid(),
		bodySlug: z.string(),
		title: z.string().meta({ description: 'The meeting title, or "<body> — <date>".' }),
		startsAt: instant,
		endsAt: instant,
		location: z.string().nullable(),
		onlineUrl: z.string().nullable(),
		status: z.enum(meetingStatuses.filter((s) => s !== 'draft') as [string, ...string[]]),
		cancelReason: z.string().nullable(),
		isExample: z.boolean().meta({ description: 'Example data ("voorbeeld").' })
	})
	.meta({ id: 'Meeting' });
export type MeetingOut = z.infer<typeof meetingOut>;

export const agendaItemOut = z
	.object({
		id: z.uuid(),
		parentId: z.uuid().nullable(),
		number: z.string().meta({ description: 'Number on the whole agenda: "2", "2.1".' }),
		title: z.string(),
		description: z.string().nullable(),
		kind: z.enum(agendaItemKinds),
		durationMinutes: z.number().int().nullable(),
		presenter: z.string().nullable(),
		plannedStart: instant,
		policyDomains: z.array(z.string()).meta({ description: 'Slugs of the policy domains.' })
	})
	.meta({ id: 'AgendaItem' });

export const decisionOut = z
	.object({
		id: z.uuid(),
		reference: z.string().meta({ description: 'Year and number per body: "2026/007".' }),
		year: z.number().int(),
		number: z.number().int(),
		bodyId: z.uuid(),
		meetingId: z.uuid(),
		agendaItemId: z.uuid().nullable(),
		title: z.string(),
		text: z.string(),
		status: z.enum(decisionStatuses),
		votesFor: z.number().int().nullable(),
		votesAgainst: z.number().int().nullable(),
		votesAbstain: z.number().int().nullable()
	})
	.meta({ id: 'Decision' });
type DecisionOut = z.infer<typeof decisionOut>;

export const meetingDetailOut = meetingOut
	.extend({
		items: z.array(agendaItemOut).meta({ description: 'Public agenda items only.' }),
		closedItems: z.number().int().meta({ description: 'How many closed items are left out.' }),
		decisions: z.array(decisionOut).meta({ description: 'Public decisions only.' })
	})
	.meta({ id: 'MeetingDetail' });

export const agendaItemListOut = z
	.object({ items: z.array(agendaItemOut), closedItems: z.number().int() })
	.meta({ id: 'AgendaItemList' });

export const decisionPageOut = z
	.object({
		items: z.array(decisionOut),
		total: z.number().int(),
		page: z.number().int(),
		pages: z.number().int(),
		nextCursor: z
			.string()
			.nullable()
			.meta({ description: 'Pass as `cursor` to get the next page; null on the last page.' })
	})
	.meta({ id: 'DecisionPage' });

export const meetingListQuery = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	body: z.uuid().optional().meta({ description: 'Id of a body.' }),
	from: dateString.optional().meta({ description: 'First day (YYYY-MM-DD, Brussels).' }),
	to: dateString.optional().meta({ description: 'Last day (YYYY-MM-DD, Brussels), inclusive.' })
});

export const decisionListQuery = z.strictObject({
	body: z.uuid().optional().meta({ description: 'Id of a body.' }),
	year: z.coerce.number().int().min(1900).max(2200).optional(),
	status: z.enum(decisionStatuses).optional(),
	q: z.string().trim().max(200).optional().meta({ description: 'Words in title or text.' }),
	page: z.coerce.number().int().min(1).max(10_000).default(1),
	cursor: z
		.string()
		.max(200)
		.optional()
		.meta({ description: 'The `nextCursor` of the previous page (instead of `page`).' })
});

/**
 * The register is ordered newest first and paged by 25 (decisions.service.ts); its cursor, like
 * every list's, is opaque: here the base64url of the next page's number.
 */
const pageCursor = (page: number) => Buffer.from(`page:${page}`, 'utf8').toString('base64url');
function pageOfCursor(cursor: string | undefined, page: number): number {
	if (!cursor) return page;
	const match = /^page:(\d{1,5})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	if (!match || Number(match[1]) < 1) {
		throw new AppError('invalid_input', 'Ongeldige cursor.', { cursor: ['Ongeldige cursor.'] });
	}
	return Number(match[1]);
}

type MeetingRow = {
	id: string;
	bodyId: string;
	bodySlug: string;
	displayTitle: string;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	onlineUrl: string | null;
	status: string;
	cancelReason: string | null;
	isExample: boolean;
};

const toMeetingOut = (m: MeetingRow): MeetingOut => ({
	id: m.id,
	bodyId: m.bodyId,
	bodySlug: m.bodySlug,
	title: m.displayTitle,
	startsAt: m.startsAt.toISOString(),
	endsAt: m.endsAt.toISOString(),
	location: m.location,
	onlineUrl: m.onlineUrl,
	status: m.status,
	cancelReason: m.cancelReason,
	isExample: m.isExample
});

const nextDay = (date: string) =>
	new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Public meetings by start time (then id), optionally of one body and within days. */
export async function listMeetingsOut(db: DbOrTx, query: z.infer<typeof meetingListQuery>) {
	const where: SQL[] = [meetingIsPublic];
	if (query.body) where.push(eq(meetings.bodyId, query.body));
	if (query.from) where.push(gte(meetings.startsAt, brusselsInstant(query.from, '00:00')));
	if (query.to) where.push(lt(meetings.startsAt, brusselsInstant(nextDay(query.to), '00:00')));
	const after = decodeCursor(query.cursor);
	if (after) {
		const [c] = await db
			.select({ startsAt: meetings.startsAt })
			.from(meetings)
			.where(and(eq(meetings.id, after), meetingIsPublic));
		if (!c) {
			throw new AppError('invalid_input', 'Ongeldige cursor.', { cursor: ['Ongeldige cursor.'] });
		}
		where.push(
			or(
				gt(meetings.startsAt, c.startsAt),
				and(eq(meetings.startsAt, c.startsAt), gt(meetings.id, after))
			)!
		);
	}
	const rows = await db
		.select({
			id: meetings.id,
			bodyId: meetings.bodyId,
			bodySlug: bodies.slug,
			bodyName: bodies.name,
			title: meetings.title,
			startsAt: meetings.startsAt,
			endsAt: meetings.endsAt,
			location: meetings.location,
			onlineUrl: meetings.onlineUrl,
			status: meetings.status,
			cancelReason: meetings.cancelReason,
			isExample: meetings.isExample
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(and(...where))
		.orderBy(asc(meetings.startsAt), asc(meetings.id))
		.limit(query.limit + 1);
	const page = toPage(rows, query.limit);
	return {
		items: page.items.map((m) =>
			toMeetingOut({
				...m,
				displayTitle: meetingTitle(m, m.bodyName.nl, (d) => formatDate(d, 'nl', 'long'))
			})
		),
		nextCursor: page.nextCursor
	};
}

type PublicMeeting = Awaited<ReturnType<typeof getPublicMeeting>>;

const itemsOut = (page: PublicMeeting) => ({
	items: page.items.map((i) => ({
		id: i.id,
		parentId: i.parentId,
		number: i.number,
		title: i.title,
		description: i.description,
		kind: i.kind,
		durationMinutes: i.durationMinutes,
		presenter: i.presenter,
		plannedStart: i.plannedStart.toISOString(),
		policyDomains: i.policyDomains.map((d) => d.slug)
	})),
	closedItems: page.closedItems
});

/** One public meeting with its public items and public decisions. */
export async function getMeetingOut(db: DbOrTx, id: string) {
	const page = await getPublicMeeting(db, id);
	const m = page.meeting;
	return {
		...toMeetingOut(m),
		...itemsOut(page),
		decisions: page.decisions.map((d): DecisionOut => ({
			id: d.id,
			reference: d.reference,
			year: d.year,
			number: d.number,
			bodyId: m.bodyId,
			meetingId: m.id,
			agendaItemId: d.agendaItemId,
			title: d.title,
			text: d.text,
			status: d.status,
			votesFor: d.votesFor,
			votesAgainst: d.votesAgainst,
			votesAbstain: d.votesAbstain
		}))
	};
}

/** The public items of a public meeting. */
export async function meetingItemsOut(db: DbOrTx, id: string) {
	return itemsOut(await getPublicMeeting(db, id));
}

/** The public decisions register, by page. */
export async function listDecisionsOut(
	ctx: ServiceContext,
	query: z.infer<typeof decisionListQuery>
) {
	const page = pageOfCursor(query.cursor, query.page);
	let orgaan: string | undefined;
	if (query.body) {
		const [body] = await ctx.db
			.select({ slug: bodies.slug })
			.from(bodies)
			.where(eq(bodies.id, query.body));
		if (!body) return { items: [], total: 0, page, pages: 1, nextCursor: null };
		orgaan = body.slug;
	}
	// Public decisions only, whoever calls (opts.closed stays off).
	const list = await listDecisions(ctx, {
		orgaan,
		q: query.q || undefined,
		jaar: query.year,
		status: query.status,
		pagina: page
	});
	return {
		items: list.items.map((d): DecisionOut => ({
			id: d.id,
			reference: d.reference,
			year: d.year,
			number: d.number,
			bodyId: d.bodyId,
			meetingId: d.meetingId,
			agendaItemId: d.agendaItemId,
			title: d.title,
			text: d.text,
			status: d.status,
			votesFor: d.votesFor,
			votesAgainst: d.votesAgainst,
			votesAbstain: d.votesAbstain
		})),
		total: list.total,
		page: list.page,
		pages: list.pages,
		nextCursor: list.page < list.pages ? pageCursor(list.page + 1) : null
	};
}

/** One public decision. */
export async function getDecisionOut(ctx: ServiceContext, id: string): Promise<DecisionOut> {
	const { decision: d, reference } = await publicDecision(ctx, id);
	return {
		id: d.id,
		reference,
		year: d.year,
		number: d.number,
		bodyId: d.bodyId,
		meetingId: d.meetingId,
		agendaItemId: d.agendaItemId,
		title: d.title,
		text: d.text,
		status: d.status,
		votesFor: d.votesFor,
		votesAgainst: d.votesAgainst,
		votesAbstain: d.votesAbstain
	};
}
