import { translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { staffOverview } from '$lib/server/overview/overview.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	bodies: await orError(staffOverview(contextOf(event))),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.overview.title') }
	]
});
