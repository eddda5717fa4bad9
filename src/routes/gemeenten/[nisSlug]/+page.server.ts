import { error, redirect } from '@sveltejs/kit';
import { localizeHref, tr } from '$lib/i18n';
import { getMunicipalityPage } from '$lib/server/areas/areas.service';
import { load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const match = /^(\d{5})(?:-([a-z0-9-]*))?$/.exec(params.nisSlug);
	if (!match) error(404, 'Gemeente niet gevonden.');
	const page = await orError(getMunicipalityPage(locals.db, match[1]));
	// One canonical address per municipality: /gemeenten/<nis>-<slug>.
	if (match[2] !== page.area.slug) {
		redirect(301, localizeHref(`/gemeenten/${page.area.nisCode}-${page.area.slug}`, locals.locale));
	}
	const region = page.regions[0];
	const crumbs = [];
	if (region) crumbs.push({ label: tr(region.name, locals.locale), href: `/regio/${region.slug}` });
	crumbs.push({ label: tr(page.area.name, locals.locale) });
	return { ...page, crumbs };
};
