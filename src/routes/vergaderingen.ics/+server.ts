import { config } from '$lib/server/config';
import { calendar } from '$lib/server/meetings/ical';
import { publicCalendar } from '$lib/server/meetings/public.queries';
import { getSiteSettings } from '$lib/server/settings/settings.service';
import type { RequestHandler } from './$types';

/** The iCalendar feed of every public meeting (cancelled ones carry STATUS:CANCELLED). */
export const GET: RequestHandler = async ({ locals }) => {
	const origin = config().origin;
	const [settings, meetings] = await Promise.all([
		getSiteSettings(locals.db),
		publicCalendar(locals.db, { origin })
	]);
	return new Response(calendar(meetings, origin, { name: settings.name, method: 'PUBLISH' }), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="vergaderingen.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
};
