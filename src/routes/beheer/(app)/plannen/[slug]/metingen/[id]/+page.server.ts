import { measureEditActions, measureEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await measureEditPage(event);
	const base = `/beheer/plannen/${page.plan.slug}`;
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Plannen', href: '/beheer/plannen' },
			{ label: page.plan.title, href: base },
			{
				label: `${page.item.externalId} ${page.item.title}`,
				href: `${base}/onderdelen/${page.item.id}`
			},
			{ label: `Meting ${page.measure.externalId}` }
		]
	};
};

export const actions: Actions = measureEditActions;
