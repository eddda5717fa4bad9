import { dayKey, parseMonth, parseView } from '$lib/calendar';
import { translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { workspaceCalendarPage } from '$lib/server/meetings/public.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const month = parseMonth(event.url.searchParams.get('maand'));
	return {
		...(await orError(workspaceCalendarPage(contextOf(event), month))),
		month,
		view: parseView(event.url.searchParams.get('weergave')),
		today: dayKey(new Date()),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(event.locals.locale, 'ws.meetings.title') }
		]
	};
};
