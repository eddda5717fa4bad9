import { createPlanAction, importNewPlanAction, newPlanPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await newPlanPage(event)),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Plannen', href: '/beheer/plannen' },
		{ label: 'Nieuw plan' }
	]
});

export const actions: Actions = {
	create: createPlanAction,
	import: importNewPlanAction
};
