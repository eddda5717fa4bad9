import { bodyJsonLdResponse } from '$lib/server/opendata/opendata.web';
import type { RequestHandler } from './$types';

/** The body as OSLO JSON-LD (besluit:Bestuursorgaan, org:Organization). */
export const GET: RequestHandler = (event) => bodyJsonLdResponse(event);
