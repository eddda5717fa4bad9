import { getBodyOut } from '$lib/server/bodies/bodies.service';
import { api, parseId } from '$lib/server/http';

export const GET = api(({ locals, params }) => getBodyOut(locals.db, parseId(params.id)));
