import { listRegions } from '$lib/server/areas/areas.service';
import { regionBodyTree } from '$lib/server/bodies/bodies.service';
import { listProgrammes } from '$lib/server/organisations/programmes.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const regions = await listRegions(locals.db);
	const trees = await Promise.all(regions.map((r) => regionBodyTree(locals.db, r.id)));
	return {
		regions: regions.map((r, i) => ({ ...r, bodies: trees[i] })),
		programmes: await listProgrammes(locals.db),
		crumbs: []
	};
};
