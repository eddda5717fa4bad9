import { actionPage, postUpdateAction } from '$lib/server/plans/plans.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await actionPage(event);
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Plannen', href: '/beheer/plannen' },
			{ label: page.plan.title, href: `/beheer/plannen/${page.plan.slug}` },
			{ label: page.action.title }
		]
	};
};

export const actions: Actions = { default: postUpdateAction };
