import { bodyListQuery } from '$lib/server/bodies/bodies.schema';
import { listBodies } from '$lib/server/bodies/bodies.service';
import { api, parseQuery } from '$lib/server/http';

export const GET = api(({ locals, url }) => listBodies(locals.db, parseQuery(bodyListQuery, url)));
