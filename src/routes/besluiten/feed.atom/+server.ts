import { atomResponse } from '$lib/server/feeds/feeds.web';
import { decisionsFeed } from '$lib/server/feeds/feeds.queries';
import type { RequestHandler } from './$types';

/** The Atom feed of the public decisions (English under /en). */
export const GET: RequestHandler = (event) => atomResponse(event, decisionsFeed);
