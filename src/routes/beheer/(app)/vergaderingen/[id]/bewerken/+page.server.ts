import { redirect } from '@sveltejs/kit';
import { localizeHref, tr, translate } from '$lib/i18n';
import { updateMeeting } from '$lib/server/meetings/meetings.service';
import { meetingForEdit } from '$lib/server/meetings/workspace.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(meetingForEdit(contextOf(event), event.params.id));
	const locale = event.locals.locale;
	const name = tr(view.body.name, locale);
	return {
		...view,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.meetings.edit.crumb') }
		]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateMeeting(contextOf(event), event.params.id, values)
		);
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/vergaderingen/${result.id}?bewaard`, event.locals.locale));
	}
};
