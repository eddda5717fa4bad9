import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import { contextOf, formAction, formValues } from '$lib/server/http';
import { createPerson } from '$lib/server/people/people.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Personen', href: '/beheer/personen' },
		{ label: 'Nieuwe persoon' }
	]
});

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () => createPerson(contextOf(event), values));
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/personen/${result.id}?bewaard=1`, event.locals.locale));
	}
};
