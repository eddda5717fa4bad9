import { tr, translate } from '$lib/i18n';
import { forwardAdvice } from '$lib/server/advice/advice.service';
import { forwardPage } from '$lib/server/advice/forward.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const view = await orError(forwardPage(contextOf(event), event.params.id, locale));
	return {
		...view,
		preselected: event.url.searchParams.get('punt'),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: tr(view.body.name, locale), href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.minutes.forward.crumb') }
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
			? {
					done: translate(event.locals.locale, 'ws.minutes.forward.done'),
					adviceId: result.adviceId
				}
			: result;
	}
};
