/**
 * The search over the records of the cooperation: meetings, minutes, decisions, plans, plan
 * actions and dossiers. Visibility comes from the domains: `meetingIsPublic` and
 * `decisionIsPublic` (plus the closed-body scope of the reader in the workspace), published plans
 * (plus the plans the reader keeps or whose body they belong to), and the dossier register's own
 * rule (public and past the draft; in the workspace also the reader's register).
 */
import {
	and,
	asc,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	or,
	sql,
	type AnyColumn,
	type SQL
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { formatDate, translate, tr } from '../../i18n';
import { stageLabels } from '../../labels/dossiers';
import {
	agendaItems,
	bodies,
	decisions,
	dossiers,
	itemMinutes,
	meetings,
	planItems,
	plans
} from '../db/schema';
import { register } from '../dossiers/dossiers.queries';
import { meetingTitle } from '../meetings/agenda';
import { decisionIsPublic, decisionReference } from '../meetings/decisions.service';
import { meetingIsPublic } from '../meetings/queries';
import { anonymous } from '../policy';
import { headline, readable, segments, titleHeadline } from './highlight';
import { totalOf, type KindArgs, type KindResult } from './hits';
import { inScope } from './scope';
import { matching, trSql, tsquery, vectors } from './vectors';

const total = sql<number>`count(*) over ()`.mapWith(Number);

/** Public, or of a body in the reader's scope. */
const visible = (publicRows: SQL, scope: string[] | null, bodyColumn: AnyColumn) =>
	or(publicRows, inScope(scope, bodyColumn))!;

const member = (scope: string[] | null, bodyId: string | null) =>
	scope === null || (bodyId !== null && scope.includes(bodyId));

/** "Taskforce — 12 maart 2026" when the meeting has no title of its own. */
const titleOf = (a: KindArgs, m: { title: string | null; startsAt: Date }, bodyName: string) =>
	meetingTitle(m, bodyName, (d) => formatDate(d, a.locale, 'long'));

export async function searchMeetings(a: KindArgs): Promise<KindResult> {
	const tsq = tsquery(a.q);
	const reader = a.scope.closed;
	// The agenda items the reader may see: public items (under a public parent) of a public
	// meeting, or any item of a body in scope.
	const itemVisible = sql`((i.is_public and coalesce(p.is_public, true)) or ${inScope(reader, sql`m2.body_id`)})`;
	const matchingItems = sql`select i.meeting_id from agenda_items i
		join meetings m2 on m2.id = i.meeting_id
		left join agenda_items p on p.id = i.parent_id
		where to_tsvector('dutch', i.title) @@ ${tsq} and ${itemVisible}`;
	const itemTitles = sql`(select string_agg(i.title, ' · ' order by i.position)
		from agenda_items i join meetings m2 on m2.id = i.meeting_id
		left join agenda_items p on p.id = i.parent_id
		where i.meeting_id = ${meetings.id} and to_tsvector('dutch', i.title) @@ ${tsq} and ${itemVisible})`;
	const rank = sql<number>`ts_rank(${vectors.meetings}, ${tsq})`;
	const rows = await a.db
		.select({
			id: meetings.id,
			plainTitle: meetings.title,
			title: titleHeadline(sql`${meetings.title}`, tsq),
			snippet: headline(itemTitles, tsq),
			startsAt: meetings.startsAt,
			location: meetings.location,
			bodyId: meetings.bodyId,
			bodyName: bodies.name,
			isPublic: sql<boolean>`${meetingIsPublic}`,
			rank,
			total
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				or(sql`${vectors.meetings} @@ ${tsq}`, sql`${meetings.id} in (${matchingItems})`),
				visible(meetingIsPublic, reader, meetings.bodyId)
			)
		)
		.orderBy(desc(rank), desc(meetings.startsAt), asc(meetings.id))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => {
			const bodyName = tr(r.bodyName, a.locale);
			const own = a.scope.view === 'workspace' && member(reader, r.bodyId);
			return {
				id: r.id,
				href: own ? `/beheer/vergaderingen/${r.id}` : `/vergaderingen/${r.id}`,
				title: r.plainTitle?.trim()
					? segments(r.title)
					: [{ text: titleOf(a, { title: null, startsAt: r.startsAt }, bodyName), mark: false }],
				snippet: segments(r.snippet),
				meta: [bodyName, formatDate(r.startsAt, a.locale, 'long'), r.location ?? ''].filter(
					Boolean
				),
				restricted: !r.isPublic,
				rank: Number(r.rank)
			};
		})
	};
}

/** Minutes per agenda item: approved minutes of public items of public meetings, or the reader's. */
export async function searchMinutes(a: KindArgs): Promise<KindResult> {
	const parent = alias(agendaItems, 'parent_item');
	const tsq = tsquery(a.q);
	const reader = a.scope.closed;
	const publicMinutes = sql`(${meetings.isPublic} and ${meetings.status} = 'minutes_approved'
		and ${agendaItems.isPublic} and coalesce(${parent.isPublic}, true))`;
	const rank = sql<number>`ts_rank(setweight(${vectors.agendaItems}, 'A') || setweight(${vectors.minutes}, 'D'), ${tsq})`;
	const rows = await a.db
		.select({
			itemId: agendaItems.id,
			title: titleHeadline(sql`${agendaItems.title}`, tsq),
			snippet: headline(readable(sql`${itemMinutes.body}`), tsq),
			meetingId: meetings.id,
			meetingTitle: meetings.title,
			startsAt: meetings.startsAt,
			status: meetings.status,
			bodyId: meetings.bodyId,
			bodyName: bodies.name,
			isPublic: sql<boolean>`${publicMinutes}`,
			rank,
			total
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
				visible(publicMinutes, reader, meetings.bodyId)
			)
		)
		.orderBy(desc(rank), desc(meetings.startsAt), asc(agendaItems.id))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => {
			const bodyName = tr(r.bodyName, a.locale);
			const own = a.scope.view === 'workspace' && member(reader, r.bodyId);
			const meeting = titleOf(a, { title: r.meetingTitle, startsAt: r.startsAt }, bodyName);
			return {
				id: r.itemId,
				// Members read (and write) the minutes in the workspace; others the public meeting page.
				href: own
					? `/beheer/vergaderingen/${r.meetingId}/verslag#punt-${r.itemId}`
					: `/vergaderingen/${r.meetingId}`,
				title: segments(r.title),
				snippet: segments(r.snippet),
				meta: [
					meeting.startsWith(bodyName) ? meeting : `${bodyName} · ${meeting}`,
					formatDate(r.startsAt, a.locale, 'long'),
					translate(
						a.locale,
						r.status === 'minutes_approved' ? 'search.approved' : 'search.draftMinutes'
					)
				],
				restricted: !r.isPublic,
				rank: Number(r.rank)
			};
		})
	};
}

export async function searchDecisions(a: KindArgs): Promise<KindResult> {
	const tsq = tsquery(a.q);
	const rank = sql<number>`ts_rank(${vectors.decisions}, ${tsq})`;
	const rows = await a.db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: titleHeadline(sql`${decisions.title}`, tsq),
			snippet: headline(readable(sql`${decisions.text}`), tsq),
			status: decisions.status,
			startsAt: meetings.startsAt,
			bodyName: bodies.name,
			isPublic: sql<boolean>`${decisionIsPublic}`,
			rank,
			total
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
		.where(
			and(
				sql`${vectors.decisions} @@ ${tsq}`,
				visible(decisionIsPublic, a.scope.closed, decisions.bodyId)
			)
		)
		.orderBy(desc(rank), desc(decisions.year), desc(decisions.number), asc(decisions.id))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: `/besluiten/${r.id}`,
			title: [{ text: `${decisionReference(r)} `, mark: false }, ...segments(r.title)],
			snippet: segments(r.snippet),
			meta: [
				tr(r.bodyName, a.locale),
				formatDate(r.startsAt, a.locale, 'long'),
				translate(a.locale, `decisionStatus.${r.status}`)
			],
			restricted: !r.isPublic,
			rank: Number(r.rank)
		}))
	};
}

/** Published plans, or plans the reader keeps or whose body they belong to. */
function planVisible(a: KindArgs) {
	return or(
		eq(plans.isPublic, true),
		and(isNull(plans.bodyId), a.scope.partnershipPlans ? sql`true` : sql`false`),
		and(isNotNull(plans.bodyId), inScope(a.scope.plans, plans.bodyId))
	)!;
}

export async function searchPlans(a: KindArgs): Promise<KindResult> {
	const { tsq, rank, matches } = matching(a.q, 'plans');
	const rows = await a.db
		.select({
			id: plans.id,
			slug: plans.slug,
			title: titleHeadline(trSql(plans.title, a.locale), tsq),
			snippet: headline(readable(sql`${plans.vision}`), tsq),
			isPublic: plans.isPublic,
			bodyName: trSql(bodies.name, a.locale),
			rank,
			total
		})
		.from(plans)
		.leftJoin(bodies, eq(bodies.id, plans.bodyId))
		.where(and(matches, planVisible(a)))
		.orderBy(desc(rank), asc(plans.slug))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href:
				a.scope.view === 'workspace' && !r.isPublic
					? `/beheer/plannen/${r.slug}`
					: `/plannen/${r.slug}`,
			title: segments(r.title),
			snippet: segments(r.snippet),
			meta: r.bodyName ? [r.bodyName] : [],
			restricted: !r.isPublic,
			rank: Number(r.rank)
		}))
	};
}

export async function searchActions(a: KindArgs): Promise<KindResult> {
	const tsq = tsquery(a.q);
	const rank = sql<number>`ts_rank(${vectors.planItems}, ${tsq})`;
	const rows = await a.db
		.select({
			id: planItems.id,
			externalId: planItems.externalId,
			title: titleHeadline(sql`${planItems.title}`, tsq),
			snippet: headline(readable(sql`${planItems.description}`), tsq),
			planSlug: plans.slug,
			planTitle: trSql(plans.title, a.locale),
			isPublic: plans.isPublic,
			rank,
			total
		})
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(and(eq(planItems.kind, 'action'), sql`${vectors.planItems} @@ ${tsq}`, planVisible(a)))
		.orderBy(desc(rank), asc(plans.slug), asc(planItems.externalId))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			// Workspace readers open the action's own page; the public reads it in its plan.
			href:
				a.scope.view === 'workspace'
					? `/beheer/plannen/${r.planSlug}/acties/${r.id}`
					: `/plannen/${r.planSlug}`,
			title: [{ text: `${r.externalId} `, mark: false }, ...segments(r.title)],
			snippet: segments(r.snippet),
			meta: [r.planTitle],
			restricted: !r.isPublic,
			rank: Number(r.rank)
		}))
	};
}

/**
 * Dossiers: the ids the dossier register shows (its own rule, computed from the facts), then
 * one query that matches and ranks within them.
 */
export async function searchDossiers(a: KindArgs): Promise<KindResult> {
	const [open, own] = await Promise.all([
		register(a.db, 'public', anonymous, {}, { locale: a.locale }),
		a.scope.view === 'workspace'
			? register(a.db, 'workspace', a.principal, {}, { locale: a.locale })
			: Promise.resolve([])
	]);
	const publicIds = new Set(open.map((d) => d.id));
	const ids = [...publicIds, ...own.map((d) => d.id).filter((id) => !publicIds.has(id))];
	if (!ids.length) return { total: 0, hits: [] };
	const { tsq, rank, matches } = matching(a.q, 'dossiers');
	const rows = await a.db
		.select({
			id: dossiers.id,
			slug: dossiers.slug,
			title: titleHeadline(sql`${dossiers.title}`, tsq),
			snippet: headline(readable(sql`${dossiers.position}`), tsq),
			bodyName: trSql(bodies.name, a.locale),
			rank,
			total
		})
		.from(dossiers)
		.innerJoin(bodies, eq(bodies.id, dossiers.bodyId))
		.where(and(inArray(dossiers.id, ids), matches))
		.orderBy(desc(rank), asc(dossiers.slug))
		.limit(a.limit)
		.offset(a.offset);
	const stages = new Map([...open, ...own].map((d) => [d.id, d.status.stage]));
	return {
		total: totalOf(rows),
		hits: rows.map((r) => {
			const isPublic = publicIds.has(r.id);
			return {
				id: r.id,
				href:
					a.scope.view === 'workspace' && !isPublic
						? `/beheer/dossiers/${r.slug}`
						: `/dossiers/${r.slug}`,
				title: segments(r.title),
				snippet: segments(r.snippet),
				meta: [r.bodyName, stageLabels[stages.get(r.id)!][a.locale]],
				restricted: !isPublic,
				rank: Number(r.rank)
			};
		})
	};
}
