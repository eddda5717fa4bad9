import { translate } from '$lib/i18n';
import { cataloguePage } from '$lib/server/monitor/charts/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await cataloguePage(locals.db, locals.locale)),
	crumbs: [{ label: translate(locals.locale, 'monitor.title') }]
});
