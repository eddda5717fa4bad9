import { myActionsPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await myActionsPage(event)),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Plannen', href: '/beheer/plannen' },
		{ label: 'Mijn acties' }
	]
});
