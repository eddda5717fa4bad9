import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { load as orError } from '$lib/server/http';
import { profilePage } from '$lib/server/monitor/charts/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!/^[a-z0-9-]+$/.test(params.slug) || /^\d{5}$/.test(params.slug))
		error(404, 'Regio niet gevonden.');
	const profile = await orError(profilePage(locals.db, params.slug, locals.locale));
	return {
		profile,
		crumbs: [
			{ label: translate(locals.locale, 'monitor.title'), href: '/monitor' },
			{ label: profile.area.name }
		]
	};
};
