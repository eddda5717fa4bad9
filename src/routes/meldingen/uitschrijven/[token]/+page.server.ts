import { translate } from '$lib/i18n';
import { unsubscribeAction, unsubscribeFormPage } from '$lib/server/alerts/alerts.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await unsubscribeFormPage(event)),
	crumbs: [{ label: translate(event.locals.locale, 'alerts.unsubscribeTitle') }]
});

export const actions: Actions = { default: unsubscribeAction };
