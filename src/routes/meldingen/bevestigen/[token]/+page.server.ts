import { translate } from '$lib/i18n';
import { confirmAction, confirmPage } from '$lib/server/alerts/alerts.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await confirmPage(event)),
	crumbs: [{ label: translate(event.locals.locale, 'alerts.confirmTitle') }]
});

export const actions: Actions = { default: confirmAction };
