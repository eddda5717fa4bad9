import { tr } from '$lib/i18n';
import { load as orError } from '$lib/server/http';
import { getOrganisationPage } from '$lib/server/organisations/organisations.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orError(getOrganisationPage(locals.db, params.slug));
	return { ...page, crumbs: [{ label: tr(page.organisation.name, locals.locale) }] };
};
