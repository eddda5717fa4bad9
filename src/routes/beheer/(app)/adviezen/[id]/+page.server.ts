import { translate } from '$lib/i18n';
import { adviceTrail } from '$lib/server/advice/trail.queries';
import { contextOf, load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const view = await orError(adviceTrail(contextOf(event), event.params.id));
	return {
		...view,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: view.trail.title ?? translate(locale, 'ws.minutes.trail.crumb') }
		]
	};
};
