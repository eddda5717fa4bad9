import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { contextOf, formAction, formValues } from '$lib/server/http';
import { createPerson } from '$lib/server/people/people.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	crumbs: [
		{ label: translate(locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(locals.locale, 'ws.structure.people'), href: '/beheer/personen' },
		{ label: translate(locals.locale, 'ws.structure.person.new') }
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
