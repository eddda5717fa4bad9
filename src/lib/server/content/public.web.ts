/**
 * News and pages in public: the news list (/nieuws, newest first, filters ?orgaan=, ?regio= and
 * ?domein=, ?na= cursor),
 * a news item (/nieuws/<slug>) and a page (/paginas/<slug>), and the latest news and "Lees meer"
 * links of a body's and a region's page. Only published items (content.queries.ts); a draft or
 * a scheduled item is a 404 like an unknown slug. Under /en the English text is shown where
 * written, else the Dutch one with a notice (the page marks it lang="nl"). Nothing depends on who
 * is asking: the pages are cached for everyone.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { areas, bodies, policyDomains } from '../db/schema';
import { AppError } from '../errors';
import { latestNews, publishedItem, publishedNews, publishedPages } from './content.queries';
import { renderContent } from './render';

type Translatable = { nl: string; en?: string };

/** The text in `locale`, and whether it fell back to Dutch. */
function inLocale(value: Translatable | null | undefined, locale: Locale) {
	const english = locale === 'en' && !!value?.en;
	return { text: tr(value, locale), lang: (english || locale === 'nl' ? locale : 'nl') as Locale };
}

/** A news item in a list (title, date, summary, body). */
function card(row: Awaited<ReturnType<typeof latestNews>>[number], locale: Locale) {
	const title = inLocale(row.title, locale);
	const summary = inLocale(row.summary, locale);
	return {
		slug: row.slug,
		title: title.text,
		titleLang: title.lang,
		summary: summary.text,
		summaryLang: summary.lang,
		date: row.publishAt ? formatDate(row.publishAt, locale) : '',
		dateTime: row.publishAt?.toISOString() ?? '',
		body: row.body?.id ? { slug: row.body.slug!, name: tr(row.body.name, locale) } : null,
		image: row.imageFileId
			? { src: `/bestanden/${row.imageFileId}`, alt: tr(row.imageAlt, locale) }
			: null,
		isExample: row.isExample
	};
}
export type NewsCard = ReturnType<typeof card>;

/** The filters of the news list: a region and a policy domain (by slug), chosen in a GET form. */
async function newsFilterOptions(db: DbOrTx, locale: Locale) {
	const [regions, domains] = await Promise.all([
		db
			.select({ id: areas.id, slug: areas.slug, name: areas.name })
			.from(areas)
			.where(eq(areas.level, 'regio'))
			.orderBy(areas.slug),
		db
			.select({ id: policyDomains.id, slug: policyDomains.slug, name: policyDomains.name })
			.from(policyDomains)
			.orderBy(asc(policyDomains.position), asc(policyDomains.slug))
	]);
	const option = (r: { id: string; slug: string; name: Translatable }) => ({
		id: r.id,
		slug: r.slug,
		name: tr(r.name, locale)
	});
	return { regions: regions.map(option), domains: domains.map(option) };
}

/** GET /nieuws[?orgaan=<slug>][&regio=<slug>][&domein=<slug>][&na=<cursor>] */
export async function newsListPage(event: RequestEvent) {
	const { db, locale } = event.locals;
	const param = (name: string) => event.url.searchParams.get(name)?.trim().slice(0, 200) ?? '';
	const orgaan = param('orgaan');
	const cursor = param('na') || undefined;
	let body: { id: string; slug: string; name: Translatable } | undefined;
	if (orgaan) {
		[body] = await db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
			.from(bodies)
			.where(eq(bodies.slug, orgaan));
		if (!body) error(404, translate(locale, 'news.unknownBody'));
	}
	const options = await newsFilterOptions(db, locale);
	const region = param('regio')
		? options.regions.find((r) => r.slug === param('regio'))
		: undefined;
	if (param('regio') && !region) error(404, translate(locale, 'news.unknownRegion'));
	const domain = param('domein')
		? options.domains.find((d) => d.slug === param('domein'))
		: undefined;
	if (param('domein') && !domain) error(404, translate(locale, 'news.unknownDomain'));
	let page;
	try {
		page = await publishedNews(
			db,
			{ bodyId: body?.id, areaId: region?.id, policyDomainId: domain?.id },
			{ cursor, limit: 10 }
		);
	} catch (e) {
		if (e instanceof AppError && e.code === 'invalid_input') error(400, e.message);
		throw e;
	}
	const filters = {
		...(body ? { orgaan: body.slug } : {}),
		...(region ? { regio: region.slug } : {}),
		...(domain ? { domein: domain.slug } : {})
	};
	const query = (extra: Record<string, string> = {}) => {
		const q = new URLSearchParams({ ...filters, ...extra }).toString();
		return q ? `?${q}` : '';
	};
	return {
		items: page.items.map((r) => card(r, locale)),
		body: body ? { slug: body.slug, name: tr(body.name, locale) } : null,
		filter: { region: region?.slug ?? '', domain: domain?.slug ?? '' },
		filtered: !!(region || domain),
		options,
		next: page.nextCursor ? query({ na: page.nextCursor }) : null,
		newest: query(),
		first: !cursor
	};
}

/** GET /nieuws/<slug> and /paginas/<slug> */
export async function contentItemPage(
	event: RequestEvent<{ slug: string }>,
	kind: 'news' | 'page'
) {
	const { db, locale } = event.locals;
	const found = await publishedItem(db, kind, event.params.slug.slice(0, 200));
	if (!found) error(404, translate(locale, kind === 'news' ? 'news.notFound' : 'pages.notFound'));
	const { item, body } = found;
	const english = locale === 'en' && !!item.body.en;
	const title = inLocale(item.title, locale);
	return {
		kind,
		title: title.text,
		titleLang: title.lang,
		summary: inLocale(item.summary, locale),
		html: renderContent(english ? item.body.en! : item.body.nl),
		lang: (locale === 'en' && !english ? 'nl' : locale) as Locale,
		/** English asked, only Dutch written: the page says so. */
		onlyDutch: locale === 'en' && !english,
		date: item.publishAt ? formatDate(item.publishAt, locale, 'long') : '',
		dateTime: item.publishAt?.toISOString() ?? '',
		updated: formatDate(item.updatedAt, locale, 'long'),
		image: item.imageFileId
			? { src: `/bestanden/${item.imageFileId}`, alt: tr(item.imageAlt, locale) }
			: null,
		body: body?.id ? { slug: body.slug!, name: tr(body.name, locale) } : null,
		isExample: item.isExample
	};
}

/** The latest news and the pages of a body or a region, for their public pages (two queries). */
export async function newsAndPages(
	db: DbOrTx,
	filter: { bodyId?: string; areaId?: string },
	locale: Locale
) {
	const [news, pages] = await Promise.all([latestNews(db, filter, 3), publishedPages(db, filter)]);
	return {
		news: news.map((r) => card(r, locale)),
		pages: pages.map((p) => ({ slug: p.slug, ...titleOf(p.title, locale) }))
	};
}

function titleOf(value: Translatable, locale: Locale) {
	const t = inLocale(value, locale);
	return { title: t.text, lang: t.lang };
}
