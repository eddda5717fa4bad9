import { tr } from '$lib/i18n';
import { forwardAdvice } from '$lib/server/advice/advice.service';
import { forwardPage } from '$lib/server/advice/forward.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(forwardPage(contextOf(event), event.params.id));
	return {
		...view,
		preselected: event.url.searchParams.get('punt'),
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Vergaderingen', href: `/beheer/organen/${view.body.slug}/vergaderingen` },
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: 'Advies doorsturen' }
		]
	};
};

export const actions: Actions = {
	forward: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			forwardAdvice(contextOf(event), event.params.id, values)
		);
		return 'adviceId' in result
			? { done: 'Het advies is doorgestuurd.', adviceId: result.adviceId }
			: result;
	}
};
