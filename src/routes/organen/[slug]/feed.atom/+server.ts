import { bodyFeed } from '$lib/server/feeds/feeds.queries';
import { atomResponse } from '$lib/server/feeds/feeds.web';
import type { RequestHandler } from './$types';

/** The Atom feed of one body: its news, public meetings and public decisions. */
export const GET: RequestHandler = (event) =>
	atomResponse(event, (db, site, locale) => bodyFeed(db, site, event.params.slug, locale));
