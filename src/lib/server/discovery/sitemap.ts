/**
 * /sitemap.xml: every public page, at its Dutch address, with its English twin as an hreflang
 * alternate (Google's xhtml:link form). Which records are listed follows the public pages' own
 * rules (public meetings and decisions, published plans, news and pages, the public dossier
 * register), so the sitemap never names a page that would answer 404 or leak a closed record.
 * A fixed number of queries, whatever the data.
 */
import { and, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	areas,
	bodies,
	contentItems,
	decisions,
	indicators,
	meetings,
	organisations,
	plans,
	streekfotoProfiles
} from '../db/schema';
import { register } from '../dossiers/dossiers.queries';
import { decisionIsPublic } from '../meetings/decisions.service';
import { meetingIsPublic } from '../meetings/queries';
import { selectableAreas } from '../monitor/monitor.queries';
import { anonymous } from '../policy';
import { routeAccess } from '../policy/routes';
import { element, textElement } from '../feeds/xml';

export type SitemapEntry = { path: string; lastmod?: Date };

/** A sitemap file holds at most 50,000 addresses (sitemaps.org). */
export const SITEMAP_MAX = 50_000;

/**
 * Pages without parameters. Only those the route tree declares public are listed, so a page
 * that another part of the site has not built yet (or removed) is never named.
 */
const staticPages = [
	'/',
	'/nieuws',
	'/vergaderingen',
	'/besluiten',
	'/dossiers',
	'/plannen',
	'/monitor',
	'/open-data',
	'/open-data/api',
	'/contact',
	'/privacy',
	'/toegankelijkheid'
];

/** Each kind of record page, by its route id; listed only while that route is declared public. */
const isPublicRoute = (routeId: string) => routeAccess[routeId] === 'public';

const published = (kind: 'news' | 'page') =>
	and(
		eq(contentItems.kind, kind),
		isNotNull(contentItems.publishAt),
		lte(contentItems.publishAt, sql`now()`)
	);

/** Every public page, Dutch path first; structure before the (many) meetings and decisions. */
export async function sitemapEntries(db: DbOrTx): Promise<SitemapEntry[]> {
	const [
		regionRows,
		bodyRows,
		organisationRows,
		municipalityRows,
		monitorAreas,
		streekfotoRows,
		indicatorRows,
		planRows,
		dossierRows,
		contentRows,
		meetingRows,
		decisionRows
	] = await Promise.all([
		db
			.select({ slug: areas.slug, updatedAt: areas.updatedAt })
			.from(areas)
			.where(eq(areas.level, 'regio')),
		db
			.select({ slug: bodies.slug, updatedAt: bodies.updatedAt })
			.from(bodies)
			.where(isNull(bodies.archivedAt)),
		db
			.select({ slug: organisations.slug, updatedAt: organisations.updatedAt })
			.from(organisations)
			.where(isNull(organisations.archivedAt)),
		db
			.select({ nisCode: areas.nisCode, slug: areas.slug, updatedAt: areas.updatedAt })
			.from(areas)
			.where(and(eq(areas.level, 'gemeente'), isNotNull(areas.nisCode))),
		selectableAreas(db),
		db
			.select({ slug: areas.slug })
			.from(streekfotoProfiles)
			.innerJoin(areas, eq(areas.id, streekfotoProfiles.regionId)),
		db.select({ code: indicators.code, updatedAt: indicators.updatedAt }).from(indicators),
		db
			.select({ slug: plans.slug, updatedAt: plans.updatedAt })
			.from(plans)
			.where(eq(plans.isPublic, true)),
		register(db, 'public', anonymous),
		db
			.select({
				kind: contentItems.kind,
				slug: contentItems.slug,
				updatedAt: contentItems.updatedAt
			})
			.from(contentItems)
			.where(or(published('news'), published('page'))),
		db
			.select({ id: meetings.id, updatedAt: meetings.updatedAt })
			.from(meetings)
			.where(meetingIsPublic),
		db
			.select({ id: decisions.id, updatedAt: decisions.updatedAt })
			.from(decisions)
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.where(decisionIsPublic)
	]);

	const groups: [string, SitemapEntry[]][] = [
		['/regio/[slug]', regionRows.map((r) => ({ path: `/regio/${r.slug}`, lastmod: r.updatedAt }))],
		[
			'/organen/[slug]',
			bodyRows.map((b) => ({ path: `/organen/${b.slug}`, lastmod: b.updatedAt }))
		],
		[
			'/organisaties/[slug]',
			organisationRows.map((o) => ({ path: `/organisaties/${o.slug}`, lastmod: o.updatedAt }))
		],
		[
			'/gemeenten/[nisSlug]',
			municipalityRows.map((m) => ({
				path: `/gemeenten/${m.nisCode}-${m.slug}`,
				lastmod: m.updatedAt
			}))
		],
		[
			'/monitor/indicatoren/[code]',
			indicatorRows.map((i) => ({ path: `/monitor/indicatoren/${i.code}`, lastmod: i.updatedAt }))
		],
		[
			'/monitor/regio/[slug]',
			monitorAreas.regions.map((r) => ({ path: `/monitor/regio/${r.slug}` }))
		],
		[
			'/monitor/gebieden/[nisSlug]',
			monitorAreas.municipalities.map((m) => ({ path: `/monitor/gebieden/${m.nisCode}-${m.slug}` }))
		],
		[
			'/monitor/streekfoto/[slug]',
			streekfotoRows.map((s) => ({ path: `/monitor/streekfoto/${s.slug}` }))
		],
		[
			'/plannen/[slug]',
			planRows.map((p) => ({ path: `/plannen/${p.slug}`, lastmod: p.updatedAt }))
		],
		[
			'/dossiers/[slug]',
			dossierRows.map((d) => ({
				path: `/dossiers/${d.slug}`,
				lastmod: new Date(`${d.lastOn}T00:00:00Z`)
			}))
		],
		[
			'/nieuws/[slug]',
			contentRows
				.filter((c) => c.kind === 'news')
				.map((c) => ({ path: `/nieuws/${c.slug}`, lastmod: c.updatedAt }))
		],
		[
			'/paginas/[slug]',
			contentRows
				.filter((c) => c.kind === 'page')
				.map((c) => ({ path: `/paginas/${c.slug}`, lastmod: c.updatedAt }))
		],
		[
			'/vergaderingen/[id]',
			meetingRows.map((m) => ({ path: `/vergaderingen/${m.id}`, lastmod: m.updatedAt }))
		],
		[
			'/besluiten/[id]',
			decisionRows.map((d) => ({ path: `/besluiten/${d.id}`, lastmod: d.updatedAt }))
		]
	];
	const byPath = (a: SitemapEntry, b: SitemapEntry) => a.path.localeCompare(b.path);
	const entries = [
		...staticPages.filter(isPublicRoute).map((path) => ({ path })),
		...groups.flatMap(([route, list]) => (isPublicRoute(route) ? list.sort(byPath) : []))
	];
	// Beyond one file's limit the newest records would need a sitemap index; far off for one region.
	return entries.slice(0, SITEMAP_MAX);
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The sitemap document: Dutch address, lastmod, and nl / en / x-default alternates. */
export function renderSitemap(entries: SitemapEntry[], origin: string): string {
	const urls = entries.map(({ path, lastmod }) => {
		const nl = `${origin}${encodeURI(path)}`;
		const en = `${origin}/en${path === '/' ? '' : encodeURI(path)}`;
		const alternate = (hreflang: string, href: string) =>
			element('xhtml:link', { rel: 'alternate', hreflang, href });
		return element(
			'url',
			{},
			textElement('loc', nl) +
				(lastmod ? textElement('lastmod', day(lastmod)) : '') +
				alternate('nl', nl) +
				alternate('en', en) +
				alternate('x-default', nl)
		);
	});
	return (
		'<?xml version="1.0" encoding="utf-8"?>\n' +
		element(
			'urlset',
			{
				xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
				'xmlns:xhtml': 'http://www.w3.org/1999/xhtml'
			},
			`\n${urls.join('\n')}\n`
		) +
		'\n'
	);
}

/** robots.txt: the public site open to crawlers, the workspace and search results not. */
export function robotsTxt(origin: string): string {
	return [
		'User-agent: *',
		'Allow: /',
		'Disallow: /beheer/',
		'Disallow: /en/beheer/',
		// Search results are an endless space of near-duplicate pages.
		'Disallow: /zoeken',
		'Disallow: /en/zoeken',
		'',
		`Sitemap: ${origin}/sitemap.xml`,
		''
	].join('\n');
}
