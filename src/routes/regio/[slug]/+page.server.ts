import { tr } from '$lib/i18n';
import { getRegionBySlug, regionMunicipalities } from '$lib/server/areas/areas.service';
import { regionBodyTree, type BodyNode } from '$lib/server/bodies/bodies.service';
import { orgChart } from '$lib/server/bodies/org-chart';
import { newsAndPages } from '$lib/server/content/public.web';
import { load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const region = await orError(getRegionBySlug(locals.db, params.slug));
	const [municipalities, bodies, content] = await Promise.all([
		regionMunicipalities(locals.db, region.id),
		regionBodyTree(locals.db, region.id),
		newsAndPages(locals.db, { areaId: region.id }, locals.locale)
	]);
	// The policy domains of all the region's bodies, once each, in catalogue order.
	const domains = new Map<string, BodyNode['domains'][number]>();
	const visit = (nodes: BodyNode[]) =>
		nodes.forEach((n) => {
			n.domains.forEach((d) => domains.set(d.id, d));
			visit(n.children);
		});
	visit(bodies);
	return {
		region,
		municipalities,
		bodies,
		content,
		chart: orgChart(bodies, locals.locale),
		domains: [...domains.values()].sort((a, b) => a.position - b.position),
		crumbs: [{ label: tr(region.name, locals.locale) }]
	};
};
