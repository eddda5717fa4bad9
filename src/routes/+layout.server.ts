import { delocalizePath } from '$lib/i18n';
import { getSiteSettings } from '$lib/server/settings/settings.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	locale: locals.locale,
	path: delocalizePath(url.pathname),
	settings: await getSiteSettings(locals.db)
});
