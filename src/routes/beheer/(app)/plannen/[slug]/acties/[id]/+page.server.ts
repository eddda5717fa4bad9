import { translate } from '$lib/i18n';
import { actionPage, postUpdateAction } from '$lib/server/plans/plans.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await actionPage(event);
	const locale = event.locals.locale;
	return {
		...page,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: page.plan.title, href: `/beheer/plannen/${page.plan.slug}` },
			{ label: page.action.title }
		]
	};
};

export const actions: Actions = { default: postUpdateAction };
