import { atomResponse } from '$lib/server/feeds/feeds.web';
import { dossiersFeed } from '$lib/server/feeds/feeds.queries';
import type { RequestHandler } from './$types';

/** The Atom feed of the public dossiers (English under /en). */
export const GET: RequestHandler = (event) => atomResponse(event, dossiersFeed);
