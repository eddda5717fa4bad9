import { translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { peoplePage } from '$lib/server/people/people.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await orError(peoplePage(contextOf(event), Object.fromEntries(event.url.searchParams)))),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.people') }
	]
});
