import { api, contextOf, parseId } from '$lib/server/http';
import { getDecisionOut } from '$lib/server/meetings/meetings.api';

export const GET = api((event) => getDecisionOut(contextOf(event), parseId(event.params.id)));
