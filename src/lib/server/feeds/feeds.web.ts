/**
 * The glue between the feed routes and the feed queries: the site's name and logo, the configured
 * ORIGIN (never the request's Host: a cached feed must not carry a forged host), the locale of the
 * path, and the Atom response.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { load } from '../http';
import { getSiteSettings } from '../settings/settings.service';
import type { Locale } from '../../i18n';
import { ATOM_TYPE, renderAtom, type AtomFeed } from './atom';
import type { FeedSite } from './feeds.queries';

/** The Atom document `build` makes, as a response (a 404 for an unknown body). */
export async function atomResponse(
	event: RequestEvent,
	build: (db: DbOrTx, site: FeedSite, locale: Locale) => Promise<AtomFeed>
): Promise<Response> {
	const { db, locale } = event.locals;
	const settings = await getSiteSettings(db);
	const site = { name: settings.name, origin: config().origin, logoFileId: settings.logoFileId };
	const feed = await load(build(db, site, locale));
	return new Response(renderAtom(feed), {
		headers: { 'content-type': ATOM_TYPE, 'cache-control': 'public, max-age=300' }
	});
}
