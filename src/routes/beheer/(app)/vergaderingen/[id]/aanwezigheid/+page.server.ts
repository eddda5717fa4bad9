import { tr } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { attendancePage, saveAttendance } from '$lib/server/meetings/records.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(attendancePage(contextOf(event), event.params.id));
	return {
		...view,
		saved: event.url.searchParams.has('bewaard'),
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Vergaderingen', href: `/beheer/organen/${view.body.slug}/vergaderingen` },
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: 'Aanwezigheid' }
		]
	};
};

export const actions: Actions = {
	save: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			saveAttendance(contextOf(event), event.params.id, values)
		);
		return Array.isArray(result) ? { done: 'De aanwezigheid is bewaard.' } : result;
	}
};
