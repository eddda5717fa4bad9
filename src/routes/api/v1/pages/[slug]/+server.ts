import { getContentOut } from '$lib/server/content/content.api';
import { api } from '$lib/server/http';

export const GET = api(({ locals, params, url }) =>
	getContentOut(locals.db, 'page', params.slug ?? '', url.origin)
);
