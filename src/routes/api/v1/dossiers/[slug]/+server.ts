import { getDossierOut } from '$lib/server/dossiers/dossiers.api';
import { api } from '$lib/server/http';

export const GET = api(({ locals, params, url }) =>
	getDossierOut(locals.db, params.slug ?? '', url.origin)
);
