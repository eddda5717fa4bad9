import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { organisationKinds } from '$lib/server/db/schema';
import { contextOf, formAction, formValues } from '$lib/server/http';
import { organisationFromForm } from '$lib/server/organisations/organisations.schema';
import { createOrganisation } from '$lib/server/organisations/organisations.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	kinds: organisationKinds,
	crumbs: [
		{ label: translate(locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(locals.locale, 'ws.structure.organisations'), href: '/beheer/organisaties' },
		{ label: translate(locals.locale, 'ws.structure.org.new') }
	]
});

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			createOrganisation(contextOf(event), organisationFromForm(values))
		);
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/organisaties/${result.id}?bewaard=1`, event.locals.locale));
	}
};
