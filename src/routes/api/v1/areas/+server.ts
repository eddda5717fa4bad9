import { areaListQuery } from '$lib/server/areas/areas.schema';
import { listAreas } from '$lib/server/areas/areas.service';
import { api, parseQuery } from '$lib/server/http';

export const GET = api(({ locals, url }) => listAreas(locals.db, parseQuery(areaListQuery, url)));
