import { redirect } from '@sveltejs/kit';
import { localizeHref, tr } from '$lib/i18n';
import { updateMeeting } from '$lib/server/meetings/meetings.service';
import { meetingForEdit } from '$lib/server/meetings/workspace.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(meetingForEdit(contextOf(event), event.params.id));
	const name = tr(view.body.name, event.locals.locale);
	return {
		...view,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Vergaderingen', href: `/beheer/organen/${view.body.slug}/vergaderingen` },
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: 'Wijzigen' }
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
