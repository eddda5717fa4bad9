import { exchangePage, importAction, previewAction } from '$lib/server/exchange/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await exchangePage(event)),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Import en export' }]
});

export const actions: Actions = {
	preview: (event) => previewAction(event),
	import: (event) => importAction(event)
};
