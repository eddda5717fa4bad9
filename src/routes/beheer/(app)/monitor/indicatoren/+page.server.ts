import { aggregationLabels, domainLabel } from '$lib/server/monitor/catalogue.schema';
import { listIndicators } from '$lib/server/monitor/catalogue.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	indicators: (await listIndicators(locals.db)).map((i) => ({
		code: i.code,
		name: i.name.nl,
		domain: domainLabel(i.domain),
		unit: i.unit,
		aggregation: aggregationLabels[i.aggregation],
		isExample: i.isExample
	})),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Monitor', href: '/beheer/monitor' },
		{ label: 'Indicatoren' }
	]
});
