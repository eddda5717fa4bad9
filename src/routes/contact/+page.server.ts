import { translate } from '$lib/i18n';
import { contactAction, contactPage } from '$lib/server/contact/contact.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await contactPage(event)),
	crumbs: [{ label: translate(event.locals.locale, 'contact.title') }]
});

export const actions: Actions = { default: contactAction };
