import { translate } from '$lib/i18n';
import { contactMessagesPage, handledAction } from '$lib/server/contact/contact.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await contactMessagesPage(event)),
	crumbs: [
		{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(event.locals.locale, 'ws.content.contact.title') }
	]
});

export const actions: Actions = {
	handled: handledAction(true),
	reopen: handledAction(false)
};
