import { getContentOut } from '$lib/server/content/content.api';
import { api } from '$lib/server/http';

export const GET = api(({ locals, params, url }) =>
	getContentOut(locals.db, 'news', params.slug ?? '', url.origin)
);
