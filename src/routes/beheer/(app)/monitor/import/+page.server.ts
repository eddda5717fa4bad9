import { contextOf, load as orError } from '$lib/server/http';
import { importStartPage } from '$lib/server/monitor/import/workspace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await orError(importStartPage(contextOf(event)))),
	/** A refused upload comes back here with its message. */
	refusal: event.url.searchParams.get('fout')?.slice(0, 600) ?? null,
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Metingen importeren' }]
});
