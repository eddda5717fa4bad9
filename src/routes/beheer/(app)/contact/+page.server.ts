import { contactMessagesPage, handledAction } from '$lib/server/contact/contact.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await contactMessagesPage(event)),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Contactberichten' }]
});

export const actions: Actions = {
	handled: handledAction(true),
	reopen: handledAction(false)
};
