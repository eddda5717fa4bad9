import { translate } from '$lib/i18n';
import { publicPlanPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await publicPlanPage(event);
	return {
		...page,
		crumbs: [
			{ label: translate(event.locals.locale, 'plans.title'), href: '/plannen' },
			{ label: page.plan.title }
		]
	};
};
