import { tr } from '$lib/i18n';
import { outcomeFromInbox, placeFromInbox } from '$lib/server/advice/inbox.service';
import { adviceInboxPage } from '$lib/server/advice/trail.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(adviceInboxPage(contextOf(event), event.params.slug));
	return {
		...view,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Adviezen' }
		]
	};
};

export const actions: Actions = {
	place: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			placeFromInbox(contextOf(event), event.params.slug, values)
		);
		return 'item' in result ? { done: 'Het advies staat op de agenda.' } : result;
	},
	outcome: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			outcomeFromInbox(contextOf(event), event.params.slug, values)
		);
		if (!('hop' in result)) return result;
		return {
			done: result.nextHop
				? 'De uitkomst is bewaard en het advies is doorgestuurd.'
				: 'De uitkomst is bewaard.'
		};
	}
};
