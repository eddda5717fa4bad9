import { observationsResponse } from '$lib/server/monitor/api';
import type { RequestHandler } from './$types';

/** Read observations (JSON, or CSV for `Accept: text/csv`). */
export const GET: RequestHandler = (event) => observationsResponse(event);
