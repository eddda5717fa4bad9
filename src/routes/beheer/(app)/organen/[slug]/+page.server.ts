import { tr } from '$lib/i18n';
import { getBodyWorkspace } from '$lib/server/bodies/workspace.service';
import { contextOf, load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(getBodyWorkspace(contextOf(event), event.params.slug));
	return {
		...view,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale) }
		]
	};
};
