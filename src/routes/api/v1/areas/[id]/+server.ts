import { getArea } from '$lib/server/areas/areas.service';
import { api, parseId } from '$lib/server/http';

export const GET = api(({ locals, params }) => getArea(locals.db, parseId(params.id)));
