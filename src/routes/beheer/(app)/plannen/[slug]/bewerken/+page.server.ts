import { translate } from '$lib/i18n';
import { planEditActions, planEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await planEditPage(event);
	const locale = event.locals.locale;
	return {
		...page,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: page.plan.title, href: `/beheer/plannen/${page.plan.slug}` },
			{ label: translate(locale, 'ws.common.edit') }
		]
	};
};

export const actions: Actions = planEditActions;
