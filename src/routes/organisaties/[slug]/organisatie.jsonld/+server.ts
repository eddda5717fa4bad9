import { organisationJsonLdResponse } from '$lib/server/opendata/opendata.web';
import type { RequestHandler } from './$types';

/** The organisation as OSLO JSON-LD (org:Organization). */
export const GET: RequestHandler = (event) => organisationJsonLdResponse(event);
