import { api, parseId } from '$lib/server/http';
import { getOrganisationOut } from '$lib/server/organisations/organisations.service';

export const GET = api(({ locals, params }) => getOrganisationOut(locals.db, parseId(params.id)));
