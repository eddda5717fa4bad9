import { dossierListQuery, listDossiersOut } from '$lib/server/dossiers/dossiers.api';
import { api, parseQuery } from '$lib/server/http';

export const GET = api(({ locals, url }) =>
	listDossiersOut(locals.db, parseQuery(dossierListQuery, url), url.origin)
);
