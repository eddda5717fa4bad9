import { translate } from '$lib/i18n';
import { config } from '$lib/server/config';
import type { PageServerLoad } from './$types';

/** The privacy statement: text from the catalogue, facts from the site settings and the config. */
export const load: PageServerLoad = ({ locals }) => {
	const c = config();
	return {
		retention: {
			years: c.RETENTION_YEARS,
			idleMinutes: c.SESSION_IDLE_MINUTES,
			hours: c.SESSION_MAX_HOURS
		},
		crumbs: [{ label: translate(locals.locale, 'privacy.title') }]
	};
};
