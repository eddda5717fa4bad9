/**
 * The JSON API of news and pages (read-only, published items only): /api/v1/news (newest first,
 * cursor pages, filtered by body, region or policy domain), /api/v1/news/{slug} and
 * /api/v1/pages/{slug}. A draft or scheduled item is a 404 like an unknown slug. Texts are given
 * in both languages as written (`{nl, en?}`), the body as Markdown and as sanitised HTML.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import type { DbOrTx } from '../db';
import { areas, bodies, policyDomains } from '../db/schema';
import { notFound } from '../errors';
import { cursorPageOut, idOfIdOrSlug, idOrSlugFilter, pageQuerySchema } from '../pagination';
import { publishedItem, publishedNews } from './content.queries';
import { renderContent } from './render';

const ref = z.object({ id: z.uuid(), slug: z.string(), name: translatableOut });

const headFields = {
	id: z.uuid(),
	slug: z.string(),
	title: translatableOut,
	summary: translatableOut.nullable(),
	publishedAt: z.iso.datetime({ offset: true }).meta({ description: 'When it was published.' }),
	body: ref.nullable().meta({ description: 'The body it belongs to; null: the partnership.' }),
	image: z
		.object({ url: z.url(), alt: translatableOut })
		.nullable()
		.meta({ description: 'The lead image and its alternative text.' }),
	isExample: z.boolean().meta({ description: 'Example data ("voorbeeld").' }),
	links: z.object({ html: z.url().meta({ description: 'The public page.' }) })
};

export const newsOut = z.object(headFields).meta({ id: 'NewsItem' });

export const contentDetailOut = z
	.object({
		...headFields,
		markdown: translatableOut.meta({ description: 'The text as written (Markdown).' }),
		html: translatableOut.meta({ description: 'The text as sanitised HTML.' }),
		updatedAt: z.iso.datetime({ offset: true })
	})
	.meta({ id: 'ContentDetail' });

export const newsPageOut = cursorPageOut(newsOut, 'NewsPage');

export const newsListQuery = z.strictObject({
	...pageQuerySchema.shape,
	body: idOrSlugFilter('a body'),
	region: idOrSlugFilter('a platform region (its own items and those of its bodies)'),
	policyDomain: idOrSlugFilter('a policy domain')
});

export const contentSlugParam = z.object({ slug: z.string().max(200) });

/** The id of a body, platform region or policy domain by id or slug (a municipality is no region). */
const idOf = (
	db: DbOrTx,
	table: typeof bodies | typeof policyDomains | typeof areas,
	value: string
) => idOfIdOrSlug(db, table, value, table === areas ? eq(areas.level, 'regio') : undefined);

type Row = {
	id: string;
	slug: string;
	title: { nl: string; en?: string };
	summary: { nl: string; en?: string } | null;
	publishAt: Date | null;
	imageFileId: string | null;
	imageAlt: { nl: string; en?: string } | null;
	isExample: boolean;
};

function head(
	row: Row,
	body: { id: string | null; slug: string | null; name: { nl: string; en?: string } | null } | null,
	path: string,
	origin: string
) {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		publishedAt: row.publishAt!.toISOString(),
		body: body?.id ? { id: body.id, slug: body.slug!, name: body.name! } : null,
		image: row.imageFileId
			? { url: `${origin}/bestanden/${row.imageFileId}`, alt: row.imageAlt ?? { nl: '' } }
			: null,
		isExample: row.isExample,
		links: { html: `${origin}${path}/${row.slug}` }
	};
}

/** Published news, newest first (cursor pages). */
export async function listNewsOut(
	db: DbOrTx,
	query: z.infer<typeof newsListQuery>,
	origin: string
) {
	const wanted = [
		[query.body, bodies],
		[query.region, areas],
		[query.policyDomain, policyDomains]
	] as const;
	const [bodyId, areaId, policyDomainId] = await Promise.all(
		wanted.map(([value, table]) => (value ? idOf(db, table, value) : undefined))
	);
	// A filter on something unknown matches nothing, never everything.
	if (wanted.some(([value], i) => value && ![bodyId, areaId, policyDomainId][i])) {
		return { items: [], nextCursor: null };
	}
	const page = await publishedNews(
		db,
		{ bodyId, areaId, policyDomainId },
		{ cursor: query.cursor, limit: query.limit }
	);
	return {
		items: page.items.map((r) => head(r, r.body, '/nieuws', origin)),
		nextCursor: page.nextCursor
	};
}

/** One published news item or page by slug. */
export async function getContentOut(
	db: DbOrTx,
	kind: 'news' | 'page',
	slug: string,
	origin: string
) {
	const found = await publishedItem(db, kind, slug.slice(0, 200));
	if (!found)
		throw notFound(kind === 'news' ? 'Nieuwsbericht niet gevonden.' : 'Pagina niet gevonden.');
	const { item, body } = found;
	return {
		...head(item, body, kind === 'news' ? '/nieuws' : '/paginas', origin),
		markdown: item.body,
		html: {
			nl: renderContent(item.body.nl),
			...(item.body.en ? { en: renderContent(item.body.en) } : {})
		},
		updatedAt: item.updatedAt.toISOString()
	};
}
