import { planEditActions, planEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await planEditPage(event);
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Plannen', href: '/beheer/plannen' },
			{ label: page.plan.title, href: `/beheer/plannen/${page.plan.slug}` },
			{ label: 'Bewerken' }
		]
	};
};

export const actions: Actions = planEditActions;
