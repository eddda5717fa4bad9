import { translate } from '$lib/i18n';
import { listRegions } from '$lib/server/areas/areas.service';
import { myBodies } from '$lib/server/bodies/workspace.service';
import { contextOf } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	bodies: await myBodies(contextOf(event)),
	regions: await listRegions(event.locals.db),
	crumbs: [{ label: translate(event.locals.locale, 'ws.accounts.workspace') }]
});
