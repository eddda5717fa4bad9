import { refnisAction, refnisPage } from '$lib/server/areas/refnis.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await refnisPage(event)),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Monitor', href: '/beheer/monitor' },
		{ label: 'Gebieden uit een REFNIS-lijst' }
	]
});

export const actions: Actions = {
	default: (event) => refnisAction(event)
};
