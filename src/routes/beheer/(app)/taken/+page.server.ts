import { translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { jobs } from '$lib/server/jobs/jobs';
import { recentRuns, runJobNow } from '$lib/server/jobs/scheduler';
import { translateMessage } from '$lib/server/messages';
import { can } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	/** A run's result is a Dutch summary as recorded: shown in the page's language. */
	runs: (await orError(recentRuns(contextOf(event)))).map((run) => ({
		...run,
		period: translateMessage(event.locals.locale, run.period),
		result: run.result === null ? null : translateMessage(event.locals.locale, run.result)
	})),
	jobs: can(event.locals.principal, 'jobs:run') ? jobs.map((j) => j.name) : [],
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.accounts.workspace'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.accounts.jobs.title') }
	]
});

export const actions: Actions = {
	run: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			runJobNow(contextOf(event), jobs, String(values.job ?? ''))
		);
		if (!('job' in result)) return result;
		const locale = event.locals.locale;
		return {
			ran: {
				...result,
				result: result.result ? translateMessage(locale, result.result) : result.result
			}
		};
	}
};
