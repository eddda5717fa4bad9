import { meetingJsonLdResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

/** The same JSON-LD as /vergaderingen/[id] with Accept: application/ld+json, as a plain link. */
export const GET: RequestHandler = (event) => meetingJsonLdResponse(event);
