import { atomResponse } from '$lib/server/feeds/feeds.web';
import { newsFeed } from '$lib/server/feeds/feeds.queries';
import type { RequestHandler } from './$types';

/** The Atom feed of the public news (English under /en). */
export const GET: RequestHandler = (event) => atomResponse(event, newsFeed);
