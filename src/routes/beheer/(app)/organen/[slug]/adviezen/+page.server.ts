import { tr, translate } from '$lib/i18n';
import { outcomeFromInbox, placeFromInbox } from '$lib/server/advice/inbox.service';
import { adviceInboxPage } from '$lib/server/advice/trail.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const view = await orError(
		adviceInboxPage(contextOf(event), event.params.slug, undefined, locale)
	);
	return {
		...view,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: tr(view.body.name, locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: translate(locale, 'ws.minutes.inbox.crumb') }
		]
	};
};

export const actions: Actions = {
	place: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			placeFromInbox(contextOf(event), event.params.slug, values)
		);
		return 'item' in result
			? { done: translate(event.locals.locale, 'ws.minutes.inbox.placed') }
			: result;
	},
	outcome: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			outcomeFromInbox(contextOf(event), event.params.slug, values)
		);
		if (!('hop' in result)) return result;
		return {
			done: translate(
				event.locals.locale,
				result.nextHop ? 'ws.minutes.inbox.outcomeForwarded' : 'ws.minutes.inbox.outcomeSaved'
			)
		};
	}
};
