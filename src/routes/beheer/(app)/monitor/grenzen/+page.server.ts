import {
	boundariesPage,
	chooseAction,
	importAction,
	previewAction
} from '$lib/server/monitor/boundaries.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await boundariesPage(event)),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Gemeentegrenzen voor kaarten' }]
});

export const actions: Actions = {
	voorbeeld: (event) => previewAction(event),
	kiezen: (event) => chooseAction(event),
	importeren: (event) => importAction(event)
};
