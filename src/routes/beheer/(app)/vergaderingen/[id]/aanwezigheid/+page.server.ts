import { tr, translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { attendancePage, saveAttendance } from '$lib/server/meetings/records.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(attendancePage(contextOf(event), event.params.id));
	const locale = event.locals.locale;
	const name = tr(view.body.name, locale);
	return {
		...view,
		saved: event.url.searchParams.has('bewaard'),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.meetings.attendance') }
		]
	};
};

export const actions: Actions = {
	save: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			saveAttendance(contextOf(event), event.params.id, values)
		);
		return Array.isArray(result)
			? { done: translate(event.locals.locale, 'ws.meetings.att.saved') }
			: result;
	}
};
