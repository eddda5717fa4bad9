import { translate } from '$lib/i18n';
import { exchangePage, importAction, previewAction } from '$lib/server/exchange/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await exchangePage(event)),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.structure.exchange.title') }
	]
});

export const actions: Actions = {
	preview: (event) => previewAction(event),
	import: (event) => importAction(event)
};
