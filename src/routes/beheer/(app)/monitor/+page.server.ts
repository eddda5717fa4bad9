import { translate } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	crumbs: [
		{ label: translate(locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(locals.locale, 'ws.monitor.title') }
	]
});
