import { config } from '$lib/server/config';
import { renderSitemap, sitemapEntries } from '$lib/server/discovery/sitemap';
import type { RequestHandler } from './$types';

/** Every public page with its English alternate, for search engines. */
export const GET: RequestHandler = async ({ locals }) =>
	new Response(renderSitemap(await sitemapEntries(locals.db), config().origin), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
