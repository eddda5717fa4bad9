import { listBodyMembershipsOut } from '$lib/server/bodies/memberships.api';
import { api, parseId } from '$lib/server/http';

export const GET = api(({ locals, params }) =>
	listBodyMembershipsOut(locals.db, parseId(params.id))
);
