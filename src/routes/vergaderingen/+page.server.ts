import { dayKey, parseMonth, parseView } from '$lib/calendar';
import { translate } from '$lib/i18n';
import { load as orError } from '$lib/server/http';
import { publicCalendarPage } from '$lib/server/meetings/public.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const month = parseMonth(url.searchParams.get('maand'));
	const orgaan = url.searchParams.get('orgaan') || undefined;
	const page = await orError(
		publicCalendarPage(locals.db, { month, orgaan, locale: locals.locale })
	);
	return {
		...page,
		month,
		view: parseView(url.searchParams.get('weergave')),
		today: dayKey(new Date()),
		crumbs: [{ label: translate(locals.locale, 'meetings.title') }]
	};
};
