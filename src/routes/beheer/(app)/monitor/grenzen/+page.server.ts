import { translate } from '$lib/i18n';
import {
	boundariesPage,
	chooseAction,
	importAction,
	previewAction
} from '$lib/server/monitor/boundaries.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await boundariesPage(event)),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.monitor.boundaries.title') }
	]
});

export const actions: Actions = {
	voorbeeld: (event) => previewAction(event),
	kiezen: (event) => chooseAction(event),
	importeren: (event) => importAction(event)
};
