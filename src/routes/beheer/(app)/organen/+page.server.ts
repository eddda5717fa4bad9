import { setBodyArchived, bodiesWorkspacePage } from '$lib/server/bodies/structure.service';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await orError(
		bodiesWorkspacePage(contextOf(event), Object.fromEntries(event.url.searchParams))
	)),
	archivedDone: event.url.searchParams.has('gearchiveerd'),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Organen' }]
});

export const actions: Actions = {
	unarchive: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			setBodyArchived(contextOf(event), String(values.id ?? ''), false)
		);
		return 'id' in result ? { done: 'Het orgaan is terug actief.' } : result;
	}
};
