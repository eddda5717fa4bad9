import { workspacePlansPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await workspacePlansPage(event)),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Plannen' }]
});
