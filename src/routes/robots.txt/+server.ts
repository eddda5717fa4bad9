import { config } from '$lib/server/config';
import { robotsTxt } from '$lib/server/discovery/sitemap';
import type { RequestHandler } from './$types';

/** A route rather than a static file: the sitemap line needs the configured ORIGIN. */
export const GET: RequestHandler = () =>
	new Response(robotsTxt(config().origin), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=86400'
		}
	});
