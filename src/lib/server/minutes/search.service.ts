/**
 * Search in minutes and decisions (Dutch full text) inside the workspace. The query is parsed
 * by `websearch_to_tsquery('dutch', …)` (quotes, "or", "-word" work as on the web) and matched
 * against the expression indexes of migration 0006; results are ranked with `ts_rank`.
 *
 * Who sees what follows the registers: members (body:read_closed) see everything of their
 * bodies, draft minutes and closed decisions included; everyone else sees public decisions and
 * approved minutes of public items of public meetings; staff and admins see everything.
 *
 * Snippets come from `ts_headline` with control characters as highlight markers. They are
 * returned as text segments, never as HTML: the page renders each segment as text (a `<mark>`
 * around the hits), so whatever the text contains stays inert. Three queries, whatever the
 * number of results.
 */
import { and, asc, desc, eq, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { formatDate, tr } from '../../i18n';
import type { ServiceContext } from '../context';
import { agendaItems, bodies, decisions, itemMinutes, meetings } from '../db/schema';
import {
	closedBodyScope,
	decisionIsPublic,
	decisionReference,
	decisionStatusLabels
} from '../meetings/decisions.service';
import { meetingTitle } from '../meetings/agenda';
import { can } from '../policy';

export const searchKinds = ['alles', 'verslag', 'besluit'] as const;
export type SearchKind = (typeof searchKinds)[number];
export const searchKindLabels: Record<SearchKind, string> = {
	alles: 'Verslagen en besluiten',
	verslag: 'Alleen verslagen',
	besluit: 'Alleen besluiten'
};

export const MIN_QUERY = 2;
export const MAX_QUERY = 200;
export const SEARCH_PAGE = 10;

export const searchInput = z.object({
	// Control characters (NUL would be a database error) are not part of any word.
	q: z
		.string()
		// eslint-disable-next-line no-control-regex
		.transform((v) => v.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim())
		.optional()
		.catch(undefined),
	orgaan: z.string().trim().max(100).optional().catch(undefined),
	soort: z.enum(searchKinds).default('alles').catch('alles'),
	pagina: z.coerce.number().int().min(1).max(1000).default(1).catch(1)
});
export type SearchInput = z.infer<typeof searchInput>;

/** A piece of a snippet: plain text, highlighted when `mark`. */
export type Segment = { text: string; mark: boolean };

// Control characters cannot be typed into a form and are removed from the text first, so a
// text can never forge a highlight.
const START = '\u0002';
const STOP = '\u0003';
const fragmentOptions = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const wholeOptions = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;
/** Texts up to this length are shown whole; longer ones as fragments around the hits. */
const SHORT = 300;

/** Split a ts_headline result at its markers into text segments. */
export function segments(headline: string): Segment[] {
	const out: Segment[] = [];
	let mark = false;
	let text = '';
	const push = () => {
		if (text) out.push({ text, mark });
		text = '';
	};
	for (const ch of headline) {
		if (ch === START || ch === STOP) {
			push();
			mark = ch === START;
		} else text += ch;
	}
	push();
	return out;
}

/** Markdown punctuation out of the way of a readable snippet (link targets included). */
const readable = (markdown: SQL) =>
	sql`regexp_replace(regexp_replace(${markdown}, '\\]\\([^)]*\\)', ' ', 'g'), '[*_#>\`~|\\[\\]]+', ' ', 'g')`;
const withoutMarkers = (text: SQL) => sql`translate(${text}, ${START + STOP}, '')`;

/** The highlighted text (short) or fragments of it between ellipses (long). */
function headline(text: SQL, tsq: SQL) {
	const doc = withoutMarkers(text);
	return sql<string>`case when char_length(${doc}) <= ${SHORT}
		then ts_headline('dutch', ${doc}, ${tsq}, ${wholeOptions})
		else '… ' || ts_headline('dutch', ${doc}, ${tsq}, ${fragmentOptions}) || ' …' end`;
}
/** A title, wholly, with its hits highlighted. */
const titleHeadline = (title: SQL, tsq: SQL) =>
	sql<string>`ts_headline('dutch', ${withoutMarkers(title)}, ${tsq}, ${wholeOptions})`;

/** The outcome of a search: the query as understood, a hint or an error, and the two groups. */
export type SearchResult = Awaited<ReturnType<typeof searchMeetingRecords>>;

/**
 * Search minutes (per agenda item) and decisions. An empty or too short query searches nothing
 * and returns a hint; a query over 200 characters returns an error message for the field.
 */
export async function searchMeetingRecords(ctx: ServiceContext, input: unknown) {
	const query = searchInput.parse(input ?? {});
	const bodyList = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.orderBy(asc(sql`${bodies.name}->>'nl'`));
	const base = {
		query,
		bodies: bodyList.map((b) => ({ slug: b.slug, name: tr(b.name, ctx.locale) })),
		searched: false,
		hint: null as string | null,
		error: null as string | null,
		minutes: null as null | Awaited<ReturnType<typeof searchMinutes>>,
		decisions: null as null | Awaited<ReturnType<typeof searchDecisions>>,
		page: query.pagina,
		pages: 1
	};
	const q = query.q ?? '';
	if (q.length > MAX_QUERY) {
		return { ...base, error: `Uw zoekvraag is te lang: hoogstens ${MAX_QUERY} tekens.` };
	}
	if (q.length < MIN_QUERY) {
		return {
			...base,
			hint: q
				? `Typ minstens ${MIN_QUERY} tekens om te zoeken.`
				: 'Typ een of meer woorden om te zoeken in verslagen en besluiten.'
		};
	}
	const body = query.orgaan ? bodyList.find((b) => b.slug === query.orgaan) : undefined;
	if (query.orgaan && !body) {
		return { ...base, hint: 'Dat orgaan bestaat niet; kies een orgaan uit de lijst.' };
	}
	const scope = closedBodyScope(ctx.principal);
	const filter = { q, bodyId: body?.id, scope, page: query.pagina };
	const [minutes, found] = await Promise.all([
		query.soort === 'besluit' ? null : searchMinutes(ctx, filter),
		query.soort === 'verslag' ? null : searchDecisions(ctx, filter)
	]);
	const totals = [minutes?.total ?? 0, found?.total ?? 0];
	return {
		...base,
		searched: true,
		minutes,
		decisions: found,
		pages: Math.max(1, ...totals.map((n) => Math.ceil(n / SEARCH_PAGE)))
	};
}

type Filter = { q: string; bodyId?: string; scope: string[] | null; page: number };

/** Visible to all or to the principal's bodies: `publicRows` or the body in scope. */
function visible(scope: string[] | null, publicRows: SQL, bodyColumn: Column) {
	if (scope === null) return undefined;
	return scope.length ? or(publicRows, inArray(bodyColumn, scope)) : publicRows;
}

/** Minutes of agenda items whose text or item title match. */
async function searchMinutes(ctx: ServiceContext, f: Filter) {
	const parent = alias(agendaItems, 'parent_item');
	const tsq = sql`websearch_to_tsquery('dutch', ${f.q})`;
	const bodyVector = sql`to_tsvector('dutch', ${itemMinutes.body})`;
	const titleVector = sql`to_tsvector('dutch', ${agendaItems.title})`;
	const publicMinutes = sql`(${meetings.isPublic} and ${meetings.status} = 'minutes_approved'
		and ${agendaItems.isPublic} and coalesce(${parent.isPublic}, true))`;
	const rank = sql<number>`ts_rank(setweight(${titleVector}, 'A') || setweight(${bodyVector}, 'D'), ${tsq})`;
	const rows = await ctx.db
		.select({
			itemId: agendaItems.id,
			itemTitle: agendaItems.title,
			titleHeadline: titleHeadline(sql`${agendaItems.title}`, tsq),
			snippet: headline(readable(sql`${itemMinutes.body}`), tsq),
			meetingId: meetings.id,
			meetingTitle: meetings.title,
			startsAt: meetings.startsAt,
			status: meetings.status,
			bodyId: bodies.id,
			bodyName: bodies.name,
			isPublic: sql<boolean>`${publicMinutes}`,
			rank,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(itemMinutes)
		.innerJoin(agendaItems, eq(agendaItems.id, itemMinutes.agendaItemId))
		.leftJoin(parent, eq(parent.id, agendaItems.parentId))
		.innerJoin(meetings, eq(meetings.id, itemMinutes.meetingId))
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				// A union, so that each side uses its own index (an OR across the join would not).
				sql`${itemMinutes.agendaItemId} in (
					select m.agenda_item_id from item_minutes m where to_tsvector('dutch', m.body) @@ ${tsq}
					union
					select i.id from agenda_items i where to_tsvector('dutch', i.title) @@ ${tsq}
				)`,
				f.bodyId ? eq(meetings.bodyId, f.bodyId) : undefined,
				visible(f.scope, publicMinutes, meetings.bodyId)
			)
		)
		.orderBy(desc(rank), desc(meetings.startsAt), asc(agendaItems.id))
		.limit(SEARCH_PAGE)
		.offset((f.page - 1) * SEARCH_PAGE);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => {
			const bodyName = tr(r.bodyName, ctx.locale);
			const member = can(ctx.principal, 'body:read_closed', { bodyId: r.bodyId });
			return {
				id: r.itemId,
				title: segments(r.titleHeadline),
				plainTitle: r.itemTitle,
				snippet: segments(r.snippet),
				bodyName,
				meetingTitle: meetingTitle({ title: r.meetingTitle, startsAt: r.startsAt }, bodyName, (d) =>
					formatDate(d, ctx.locale, 'long')
				),
				date: r.startsAt,
				approved: r.status === 'minutes_approved',
				isPublic: r.isPublic,
				rank: Number(r.rank),
				// Members read (and write) the minutes in the workspace; others the public meeting page.
				href: member
					? `/beheer/vergaderingen/${r.meetingId}/verslag#punt-${r.itemId}`
					: `/vergaderingen/${r.meetingId}`
			};
		})
	};
}

/** Decisions whose title or text match. */
async function searchDecisions(ctx: ServiceContext, f: Filter) {
	const tsq = sql`websearch_to_tsquery('dutch', ${f.q})`;
	// The same expression as decisions_fts_idx.
	const vector = sql`to_tsvector('dutch', ${decisions.title} || ' ' || ${decisions.text})`;
	const rank = sql<number>`ts_rank(${vector}, ${tsq})`;
	const rows = await ctx.db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			plainTitle: decisions.title,
			titleHeadline: titleHeadline(sql`${decisions.title}`, tsq),
			snippet: headline(sql`${decisions.text}`, tsq),
			status: decisions.status,
			meetingTitle: meetings.title,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			isPublic: sql<boolean>`${decisionIsPublic}`,
			rank,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
		.where(
			and(
				sql`${vector} @@ ${tsq}`,
				f.bodyId ? eq(decisions.bodyId, f.bodyId) : undefined,
				visible(f.scope, decisionIsPublic, decisions.bodyId)
			)
		)
		.orderBy(desc(rank), desc(decisions.year), desc(decisions.number), asc(decisions.id))
		.limit(SEARCH_PAGE)
		.offset((f.page - 1) * SEARCH_PAGE);
	return {
		total: rows[0]?.total ?? 0,
		items: rows.map((r) => {
			const bodyName = tr(r.bodyName, ctx.locale);
			return {
				id: r.id,
				reference: decisionReference(r),
				title: segments(r.titleHeadline),
				plainTitle: r.plainTitle,
				snippet: segments(r.snippet),
				status: decisionStatusLabels[r.status],
				bodyName,
				meetingTitle: meetingTitle({ title: r.meetingTitle, startsAt: r.startsAt }, bodyName, (d) =>
					formatDate(d, ctx.locale, 'long')
				),
				date: r.startsAt,
				isPublic: r.isPublic,
				rank: Number(r.rank),
				href: `/besluiten/${r.id}`
			};
		})
	};
}
