import { tr, translate } from '$lib/i18n';
import { getRegionBySlug } from '$lib/server/areas/areas.service';
import { regionBodyTree } from '$lib/server/bodies/bodies.service';
import { orgChart } from '$lib/server/bodies/org-chart';
import { load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The structure of a region in the workspace: the same org chart as the public region page. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const region = await orError(getRegionBySlug(locals.db, params.slug));
	const bodies = await regionBodyTree(locals.db, region.id);
	const name = tr(region.name, locals.locale);
	return {
		region,
		bodies,
		chart: orgChart(bodies, locals.locale),
		crumbs: [
			{ label: translate(locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locals.locale, 'ws.structure.region.crumb', { name }) }
		]
	};
};
