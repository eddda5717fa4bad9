import { api, parseId } from '$lib/server/http';
import { getPlanOut } from '$lib/server/plans/plans.api';

export const GET = api(({ locals, params, url }) =>
	getPlanOut(locals.db, parseId(params.id), url.origin)
);
