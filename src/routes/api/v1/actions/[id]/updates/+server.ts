import { api, parseId } from '$lib/server/http';
import { listActionUpdatesOut } from '$lib/server/plans/plans.api';

export const GET = api(({ locals, params }) => listActionUpdatesOut(locals.db, parseId(params.id)));
