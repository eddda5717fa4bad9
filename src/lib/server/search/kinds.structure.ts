/**
 * The search over the structure and the public face: news and pages, bodies, organisations,
 * municipalities and regions, indicators. One query per kind, whatever the data: each filters
 * through its GIN indexes (Dutch full text, trigram names), ranks, counts (`count(*) over ()`)
 * and highlights only the page it returns.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { formatDate, translate } from '../../i18n';
import {
	areas,
	bodies,
	contentItems,
	indicators,
	organisations,
	type ContentKind
} from '../db/schema';
import { headline, readable, segments, titleHeadline } from './highlight';
import { totalOf, type KindArgs, type KindResult } from './hits';
import { inScope } from './scope';
import { matching, names, near, nearness, trSql, tsquery } from './vectors';

const total = sql<number>`count(*) over ()`.mapWith(Number);

/** Published: `publish_at` reached (null is a draft, the future is scheduled). */
export const contentIsPublished = sql`(${contentItems.publishAt} is not null and ${contentItems.publishAt} <= now())`;

/** Where a news item or page is read: its public page, or its editing page while not published. */
export function contentHref(kind: ContentKind, slug: string, id: string, published: boolean) {
	if (!published) return `/beheer/inhoud/${id}`;
	return kind === 'news' ? `/nieuws/${slug}` : `/paginas/${slug}`;
}

export async function searchContent(kind: ContentKind, a: KindArgs): Promise<KindResult> {
	const editable = or(
		and(isNull(contentItems.bodyId), a.scope.partnershipContent ? sql`true` : sql`false`),
		and(isNotNull(contentItems.bodyId), inScope(a.scope.content, contentItems.bodyId))
	);
	const { tsq, rank, matches } = matching(a.q, 'content');
	const rows = await a.db
		.select({
			id: contentItems.id,
			slug: contentItems.slug,
			title: titleHeadline(trSql(contentItems.title, a.locale), tsq),
			snippet: headline(
				readable(
					sql`coalesce(${trSql(contentItems.summary, a.locale)}, ${trSql(contentItems.body, a.locale)})`
				),
				tsq
			),
			publishAt: contentItems.publishAt,
			published: sql<boolean>`${contentIsPublished}`,
			bodyName: trSql(bodies.name, a.locale),
			rank,
			total
		})
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(and(eq(contentItems.kind, kind), matches, or(contentIsPublished, editable)))
		.orderBy(desc(rank), desc(contentItems.publishAt), asc(contentItems.id))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: contentHref(kind, r.slug, r.id, r.published),
			title: segments(r.title),
			snippet: segments(r.snippet),
			meta: [
				r.published && r.publishAt
					? formatDate(r.publishAt, a.locale, 'long')
					: translate(a.locale, r.publishAt ? 'search.scheduled' : 'search.draft'),
				r.bodyName ?? ''
			].filter(Boolean),
			restricted: !r.published,
			rank: Number(r.rank)
		}))
	};
}

export async function searchBodies(a: KindArgs): Promise<KindResult> {
	const { tsq, rank, matches } = matching(a.q, 'bodies');
	const rows = await a.db
		.select({
			id: bodies.id,
			slug: bodies.slug,
			title: titleHeadline(trSql(bodies.name, a.locale), tsq),
			snippet: headline(trSql(bodies.purpose, a.locale), tsq),
			shortName: bodies.shortName,
			rank,
			total
		})
		.from(bodies)
		.where(and(isNull(bodies.archivedAt), matches))
		.orderBy(desc(rank), asc(bodies.slug))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: `/organen/${r.slug}`,
			title: segments(r.title),
			snippet: segments(r.snippet),
			meta: r.shortName ? [r.shortName] : [],
			restricted: false,
			rank: Number(r.rank)
		}))
	};
}

export async function searchOrganisations(a: KindArgs): Promise<KindResult> {
	const { tsq, rank, matches } = matching(a.q, 'organisations');
	const rows = await a.db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			title: titleHeadline(trSql(organisations.name, a.locale), tsq),
			snippet: headline(trSql(organisations.description, a.locale), tsq),
			shortName: organisations.shortName,
			rank,
			total
		})
		.from(organisations)
		.where(and(isNull(organisations.archivedAt), matches))
		.orderBy(desc(rank), asc(organisations.slug))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: `/organisaties/${r.slug}`,
			title: segments(r.title),
			snippet: segments(r.snippet),
			meta: r.shortName ? [r.shortName] : [],
			restricted: false,
			rank: Number(r.rank)
		}))
	};
}

/** Municipalities and the platform's regions: names only, typos allowed. */
export async function searchAreas(a: KindArgs): Promise<KindResult> {
	const tsq = tsquery(a.q);
	const rank = sql<number>`${nearness(a.q, names.areas)}`;
	const rows = await a.db
		.select({
			id: areas.id,
			slug: areas.slug,
			nisCode: areas.nisCode,
			level: areas.level,
			title: titleHeadline(trSql(areas.name, a.locale), tsq),
			validTo: areas.validTo,
			rank,
			total
		})
		.from(areas)
		.where(
			and(
				inArray(areas.level, ['gemeente', 'regio']),
				near(a.q, names.areas),
				// A municipality's page is found by its NIS code.
				or(eq(areas.level, 'regio'), isNotNull(areas.nisCode))
			)
		)
		.orderBy(desc(rank), asc(areas.level), asc(areas.slug))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: r.level === 'regio' ? `/regio/${r.slug}` : `/gemeenten/${r.nisCode}-${r.slug}`,
			title: segments(r.title),
			snippet: [],
			meta: [
				translate(a.locale, r.level === 'regio' ? 'search.region' : 'search.municipality'),
				r.nisCode ? `NIS ${r.nisCode}` : '',
				r.validTo
					? translate(a.locale, 'search.until', { date: formatDate(r.validTo, a.locale) })
					: ''
			].filter(Boolean),
			restricted: false,
			rank: Number(r.rank)
		}))
	};
}

export async function searchIndicators(a: KindArgs): Promise<KindResult> {
	const { tsq, rank, matches } = matching(a.q, 'indicators');
	const rows = await a.db
		.select({
			id: indicators.id,
			code: indicators.code,
			title: titleHeadline(trSql(indicators.name, a.locale), tsq),
			snippet: headline(trSql(indicators.definition, a.locale), tsq),
			unit: indicators.unit,
			rank,
			total
		})
		.from(indicators)
		.where(matches)
		.orderBy(desc(rank), asc(indicators.position), asc(indicators.code))
		.limit(a.limit)
		.offset(a.offset);
	return {
		total: totalOf(rows),
		hits: rows.map((r) => ({
			id: r.id,
			href: `/monitor/indicatoren/${r.code}`,
			title: segments(r.title),
			snippet: segments(r.snippet),
			meta: [r.unit],
			restricted: false,
			rank: Number(r.rank)
		}))
	};
}
