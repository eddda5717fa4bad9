import { api, parseId } from '$lib/server/http';
import { getMeetingOut } from '$lib/server/meetings/meetings.api';

export const GET = api(({ locals, params }) => getMeetingOut(locals.db, parseId(params.id)));
