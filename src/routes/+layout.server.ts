import { delocalizePath } from '$lib/i18n';
import { getSiteSettings } from '$lib/server/settings/settings.service';
import type { LayoutServerLoad } from './$types';

/**
 * Public pages ship no JavaScript: they are documents, cached whole in server.js. The workspace
 * turns it back on (src/routes/beheer/+layout.ts), as may a public page with something interactive.
 */
export const csr = false;

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	locale: locals.locale,
	path: delocalizePath(url.pathname),
	settings: await getSiteSettings(locals.db)
});
