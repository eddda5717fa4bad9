import { translate } from '$lib/i18n';
import { publicMeasurePage } from '$lib/server/plans/measures.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await publicMeasurePage(event);
	return {
		...page,
		crumbs: [
			{ label: translate(event.locals.locale, 'plans.title'), href: '/plannen' },
			{ label: page.plan.title, href: `/plannen/${page.plan.slug}` },
			{ label: page.measure.heading }
		]
	};
};
