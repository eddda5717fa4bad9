import { translate } from '$lib/i18n';
import { organisationKinds } from '$lib/server/db/schema';
import { contextOf, load as orError } from '$lib/server/http';
import { listOrganisationsForWorkspace } from '$lib/server/organisations/organisations.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	list: await orError(
		listOrganisationsForWorkspace(contextOf(event), Object.fromEntries(event.url.searchParams))
	),
	kinds: organisationKinds,
	archivedDone: event.url.searchParams.has('gearchiveerd'),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.organisations') }
	]
});
