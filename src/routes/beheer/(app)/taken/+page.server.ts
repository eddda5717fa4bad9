import { contextOf, load as orError } from '$lib/server/http';
import { recentRuns } from '$lib/server/jobs/scheduler';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	runs: await orError(recentRuns(contextOf(event))),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Geplande taken' }]
});
