import { translate } from '$lib/i18n';
import { itemEditActions, itemEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await itemEditPage(event);
	const locale = event.locals.locale;
	const base = `/beheer/plannen/${page.plan.slug}`;
	return {
		...page,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: page.plan.title, href: base },
			{ label: translate(locale, 'ws.common.edit'), href: `${base}/bewerken` },
			{ label: `${page.item.externalId} ${page.item.title}` }
		]
	};
};

export const actions: Actions = itemEditActions;
