import { api, parseQuery } from '$lib/server/http';
import { organisationListQuery } from '$lib/server/organisations/organisations.schema';
import { listOrganisations } from '$lib/server/organisations/organisations.service';

export const GET = api(({ locals, url }) =>
	listOrganisations(locals.db, parseQuery(organisationListQuery, url))
);
