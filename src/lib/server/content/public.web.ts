/**
 * News and pages in public: the news list (/nieuws, newest first, ?orgaan= filter, ?na= cursor),
 * a news item (/nieuws/<slug>) and a page (/paginas/<slug>), and the latest news and "Lees meer"
 * links of a body's and a region's page. Only published items (content.queries.ts); a draft or
 * a scheduled item is a 404 like an unknown slug. Under /en the English text is shown where
 * written, else the Dutch one with a notice (the page marks it lang="nl"). Nothing depends on who
 * is asking: the pages are cached for everyone.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import type { DbOrTx } from '../db';
import { bodies } from '../db/schema';
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

/** GET /nieuws[?orgaan=<slug>][&na=<cursor>] */
export async function newsListPage(event: RequestEvent) {
	const { db, locale } = event.locals;
	const orgaan = event.url.searchParams.get('orgaan')?.trim() ?? '';
	const cursor = event.url.searchParams.get('na')?.trim() || undefined;
	let body: { id: string; slug: string; name: Translatable } | undefined;
	if (orgaan) {
		[body] = await db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
			.from(bodies)
			.where(eq(bodies.slug, orgaan.slice(0, 200)));
		if (!body) error(404, translate(locale, 'news.unknownBody'));
	}
	let page;
	try {
		page = await publishedNews(db, { bodyId: body?.id }, { cursor, limit: 10 });
	} catch (e) {
		if (e instanceof AppError && e.code === 'invalid_input') error(400, e.message);
		throw e;
	}
	const next = page.nextCursor
		? `?${new URLSearchParams({ ...(body ? { orgaan: body.slug } : {}), na: page.nextCursor })}`
		: null;
	return {
		items: page.items.map((r) => card(r, locale)),
		body: body ? { slug: body.slug, name: tr(body.name, locale) } : null,
		next,
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
