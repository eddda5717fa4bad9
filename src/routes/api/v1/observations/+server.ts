import { observationsResponse } from '$lib/server/monitor/api';
import type { RequestHandler } from './$types';

/** Read observations (JSON, or CSV for `Accept: text/csv`). */
export const GET: RequestHandler = (event) => observationsResponse(event);

/** Push observations with an API token (scope observations:write): the import's validation. */
export { postObservations as POST } from '$lib/server/monitor/import/push';
