import { translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { importStartPage } from '$lib/server/monitor/import/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await orError(importStartPage(contextOf(event)))),
	/** A refused upload comes back here with its message (in the page's language). */
	refusal: event.url.searchParams.get('fout')?.slice(0, 600) ?? null,
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.monitor.import.title') }
	]
});
