import { translate } from '$lib/i18n';
import { refnisAction, refnisPage } from '$lib/server/areas/refnis.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await refnisPage(event)),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.monitor.title'), href: '/beheer/monitor' },
		{ label: translate(event.locals.locale, 'ws.monitor.link.areas') }
	]
});

export const actions: Actions = {
	default: (event) => refnisAction(event)
};
