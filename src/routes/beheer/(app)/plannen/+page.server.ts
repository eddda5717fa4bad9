import { translate } from '$lib/i18n';
import { workspacePlansPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await workspacePlansPage(event)),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.plans.title') }
	]
});
