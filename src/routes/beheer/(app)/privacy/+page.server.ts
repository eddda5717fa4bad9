import { translate } from '$lib/i18n';
import { config } from '$lib/server/config';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { anonymisePerson, listErasureRequests } from '$lib/server/privacy/privacy.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	requests: await orError(listErasureRequests(contextOf(event))),
	retentionYears: config().RETENTION_YEARS,
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.accounts.workspace'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.accounts.privacy.title') }
	]
});

export const actions: Actions = {
	anonymise: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () => anonymisePerson(contextOf(event), values));
		return 'personId' in result ? { anonymised: result.personId } : result;
	}
};
