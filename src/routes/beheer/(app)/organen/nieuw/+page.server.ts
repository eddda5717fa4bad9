import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { bodyFromForm } from '$lib/server/bodies/structure.schema';
import { bodyFormOptions, createBody } from '$lib/server/bodies/structure.service';
import { bodyKinds } from '$lib/server/db/schema';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	options: await bodyFormOptions(event.locals.db),
	bodyKinds,
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.bodies'), href: '/beheer/organen' },
		{ label: translate(event.locals.locale, 'ws.structure.body.new') }
	]
});

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			createBody(contextOf(event), bodyFromForm(values))
		);
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/organen/${result.slug}?bewaard=1`, event.locals.locale));
	}
};
