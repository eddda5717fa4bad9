import { dayKey, parseMonth, parseView } from '$lib/calendar';
import { contextOf, load as orError } from '$lib/server/http';
import { statusLabels } from '$lib/server/meetings/meetings.service';
import { workspaceCalendarPage } from '$lib/server/meetings/public.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const month = parseMonth(event.url.searchParams.get('maand'));
	return {
		...(await orError(workspaceCalendarPage(contextOf(event), month))),
		month,
		view: parseView(event.url.searchParams.get('weergave')),
		today: dayKey(new Date()),
		statusLabels,
		crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Vergaderingen' }]
	};
};
