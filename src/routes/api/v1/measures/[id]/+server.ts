import { api, parseId } from '$lib/server/http';
import { getMeasureOut } from '$lib/server/plans/plans.api';

export const GET = api(({ locals, params, url }) =>
	getMeasureOut(locals.db, parseId(params.id), url.origin)
);
