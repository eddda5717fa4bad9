import { itemEditActions, itemEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await itemEditPage(event);
	const base = `/beheer/plannen/${page.plan.slug}`;
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Plannen', href: '/beheer/plannen' },
			{ label: page.plan.title, href: base },
			{ label: 'Bewerken', href: `${base}/bewerken` },
			{ label: `${page.item.externalId} ${page.item.title}` }
		]
	};
};

export const actions: Actions = itemEditActions;
