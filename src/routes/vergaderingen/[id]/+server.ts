import { meetingJsonLdResponse } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

/**
 * Content negotiation: SvelteKit serves a GET that prefers text/html with the +page, and any
 * other (Accept: application/ld+json, or none) with this handler: the meeting as OSLO JSON-LD.
 */
export const GET: RequestHandler = (event) => meetingJsonLdResponse(event);
