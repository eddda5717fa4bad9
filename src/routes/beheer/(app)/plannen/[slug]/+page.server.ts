import { translate } from '$lib/i18n';
import { workspacePlanPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await workspacePlanPage(event);
	const locale = event.locals.locale;
	return {
		...page,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: page.plan.title }
		]
	};
};
