import { api, parseQuery } from '$lib/server/http';
import { listPlansOut, planListQuery } from '$lib/server/plans/plans.api';

export const GET = api(({ locals, url }) =>
	listPlansOut(locals.db, parseQuery(planListQuery, url), url.origin)
);
