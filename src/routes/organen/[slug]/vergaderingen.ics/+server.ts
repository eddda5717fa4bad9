import { tr } from '$lib/i18n';
import { config } from '$lib/server/config';
import { load as orError } from '$lib/server/http';
import { calendar } from '$lib/server/meetings/ical';
import { publicBody, publicCalendar } from '$lib/server/meetings/public.queries';
import type { RequestHandler } from './$types';

/** The iCalendar feed of one body's public meetings. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const origin = config().origin;
	const body = await orError(publicBody(locals.db, params.slug));
	const meetings = await publicCalendar(locals.db, { origin, bodyId: body.id });
	const name = tr(body.name, locals.locale);
	return new Response(calendar(meetings, origin, { name, method: 'PUBLISH' }), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${params.slug}.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
