import { setBodyArchived, bodiesWorkspacePage } from '$lib/server/bodies/structure.service';
import { translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await orError(
		bodiesWorkspacePage(contextOf(event), Object.fromEntries(event.url.searchParams))
	)),
	archivedDone: event.url.searchParams.has('gearchiveerd'),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.bodies') }
	]
});

export const actions: Actions = {
	unarchive: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			setBodyArchived(contextOf(event), String(values.id ?? ''), false)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.activeDone') }
			: result;
	}
};
