import { listRegions } from '$lib/server/areas/areas.service';
import { regionBodyTrees } from '$lib/server/bodies/bodies.service';
import { config } from '$lib/server/config';
import { siteOrganization } from '$lib/server/discovery/structured-data';
import { listProgrammes } from '$lib/server/organisations/programmes.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const regions = await listRegions(locals.db);
	const trees = await regionBodyTrees(
		locals.db,
		regions.map((r) => r.id)
	);
	return {
		regions: regions.map((r) => ({ ...r, bodies: trees.get(r.id) ?? [] })),
		programmes: await listProgrammes(locals.db),
		crumbs: [],
		// The partnership as a schema.org Organization (settings come from the root layout).
		jsonLd: [siteOrganization((await parent()).settings, config().origin, locals.locale)]
	};
};
