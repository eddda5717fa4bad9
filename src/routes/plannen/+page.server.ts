import { translate } from '$lib/i18n';
import { publicPlansPage } from '$lib/server/plans/plans.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await publicPlansPage(event)),
	crumbs: [{ label: translate(event.locals.locale, 'plans.title') }]
});
