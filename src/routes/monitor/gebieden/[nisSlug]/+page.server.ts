import { error, redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { load as orError } from '$lib/server/http';
import { profilePage } from '$lib/server/monitor/charts/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const match = /^(\d{5})(?:-([a-z0-9-]*))?$/.exec(params.nisSlug);
	if (!match) error(404, 'Gebied niet gevonden.');
	const profile = await orError(profilePage(locals.db, match[1], locals.locale));
	// One canonical address per area: /monitor/gebieden/<nis>-<slug>.
	if (match[2] !== profile.area.slug) {
		redirect(
			301,
			localizeHref(`/monitor/gebieden/${profile.area.nisCode}-${profile.area.slug}`, locals.locale)
		);
	}
	return {
		profile,
		crumbs: [
			{ label: translate(locals.locale, 'monitor.title'), href: '/monitor' },
			{ label: profile.area.name }
		]
	};
};
