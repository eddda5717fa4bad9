import { tr } from '$lib/i18n';
import { config } from '$lib/server/config';
import { organisationLd } from '$lib/server/discovery/structured-data';
import { organisationLinksOf } from '$lib/server/content/links.service';
import { load as orError } from '$lib/server/http';
import { getOrganisationPage } from '$lib/server/organisations/organisations.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orError(getOrganisationPage(locals.db, params.slug));
	const links = await organisationLinksOf(locals.db, page.organisation.id);
	return {
		...page,
		links,
		crumbs: [{ label: tr(page.organisation.name, locals.locale) }],
		meta: { description: tr(page.organisation.description, locals.locale) || undefined },
		jsonLd: [organisationLd(page.organisation, config().origin, locals.locale)]
	};
};
