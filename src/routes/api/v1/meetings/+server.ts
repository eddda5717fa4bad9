import { api, parseQuery } from '$lib/server/http';
import { listMeetingsOut, meetingListQuery } from '$lib/server/meetings/meetings.api';

export const GET = api(({ locals, url }) =>
	listMeetingsOut(locals.db, parseQuery(meetingListQuery, url))
);
