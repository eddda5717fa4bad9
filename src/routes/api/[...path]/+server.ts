import { AppError } from '$lib/server/errors';
import { apiError } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the API's JSON error format, not with the HTML 404 page. */
export const fallback: RequestHandler = ({ locals }) =>
	apiError(
		new AppError('not_found', 'Onbekend API-pad. Zie /api/v1/openapi.json.'),
		locals.requestId
	);
