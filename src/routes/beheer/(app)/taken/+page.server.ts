import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { jobs } from '$lib/server/jobs/jobs';
import { recentRuns, runJobNow } from '$lib/server/jobs/scheduler';
import { can } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	runs: await orError(recentRuns(contextOf(event))),
	jobs: can(event.locals.principal, 'jobs:run') ? jobs.map((j) => j.name) : [],
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Geplande taken' }]
});

export const actions: Actions = {
	run: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			runJobNow(contextOf(event), jobs, String(values.job ?? ''))
		);
		return 'job' in result ? { ran: result } : result;
	}
};
