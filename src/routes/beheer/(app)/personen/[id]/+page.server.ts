import { translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError, parseId } from '$lib/server/http';
import { getPersonHistory, updatePerson } from '$lib/server/people/people.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(getPersonHistory(contextOf(event), parseId(event.params.id)));
	return {
		...view,
		saved: event.url.searchParams.has('bewaard'),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(event.locals.locale, 'ws.structure.people'), href: '/beheer/personen' },
			{ label: `${view.person.givenName} ${view.person.familyName}` }
		]
	};
};

export const actions: Actions = {
	update: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updatePerson(contextOf(event), event.params.id, values)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.detailsSaved') }
			: result;
	}
};
