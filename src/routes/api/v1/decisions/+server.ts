import { api, contextOf, parseQuery } from '$lib/server/http';
import { decisionListQuery, listDecisionsOut } from '$lib/server/meetings/meetings.api';

export const GET = api((event) =>
	listDecisionsOut(contextOf(event), parseQuery(decisionListQuery, event.url))
);
