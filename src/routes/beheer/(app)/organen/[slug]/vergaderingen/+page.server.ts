import { redirect } from '@sveltejs/kit';
import { localizeHref, tr, translate } from '$lib/i18n';
import { createMeeting } from '$lib/server/meetings/meetings.service';
import { bodyMeetingsPage, workspaceBody } from '$lib/server/meetings/workspace.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(bodyMeetingsPage(contextOf(event), event.params.slug));
	const locale = event.locals.locale;
	const name = tr(view.body.name, locale);
	return {
		...view,
		deleted: event.url.searchParams.has('verwijderd'),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{ label: translate(locale, 'ws.meetings.title') }
		]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const values = await formValues(event.request);
		const ctx = contextOf(event);
		const result = await formAction(values, async () => {
			const body = await workspaceBody(ctx, event.params.slug, 'body:manage');
			return createMeeting(ctx, body.id, values);
		});
		if (!('id' in result)) return result;
		redirect(
			303,
			localizeHref(`/beheer/vergaderingen/${result.id}?aangemaakt`, event.locals.locale)
		);
	}
};
