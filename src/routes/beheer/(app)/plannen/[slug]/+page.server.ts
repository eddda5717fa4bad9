import { workspacePlanPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await workspacePlanPage(event);
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Plannen', href: '/beheer/plannen' },
			{ label: page.plan.title }
		]
	};
};
