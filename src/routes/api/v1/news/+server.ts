import { listNewsOut, newsListQuery } from '$lib/server/content/content.api';
import { api, parseQuery } from '$lib/server/http';

export const GET = api(({ locals, url }) =>
	listNewsOut(locals.db, parseQuery(newsListQuery, url), url.origin)
);
