import { translate } from '$lib/i18n';
import { createPlanAction, importNewPlanAction, newPlanPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	return {
		...(await newPlanPage(event)),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: translate(locale, 'ws.plans.newPlan') }
		]
	};
};

export const actions: Actions = {
	create: createPlanAction,
	import: importNewPlanAction
};
