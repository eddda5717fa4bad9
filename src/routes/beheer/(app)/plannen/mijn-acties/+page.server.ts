import { translate } from '$lib/i18n';
import { myActionsPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	return {
		...(await myActionsPage(event)),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: translate(locale, 'ws.plans.myActions') }
		]
	};
};
