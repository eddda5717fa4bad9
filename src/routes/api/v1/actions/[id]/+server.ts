import { api, parseId } from '$lib/server/http';
import { getActionOut } from '$lib/server/plans/plans.api';

export const GET = api(({ locals, params, url }) =>
	getActionOut(locals.db, parseId(params.id), url.origin)
);
