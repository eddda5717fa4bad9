import { api, parseId } from '$lib/server/http';
import { meetingItemsOut } from '$lib/server/meetings/meetings.api';

export const GET = api(({ locals, params }) => meetingItemsOut(locals.db, parseId(params.id)));
