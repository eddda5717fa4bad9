import { translate } from '$lib/i18n';
import { contactAction, contactPage } from '$lib/server/contact/contact.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await contactPage(event);
	const name = page.secretariat.body?.name ?? '';
	return {
		...page,
		crumbs: [
			{ label: name, href: `/organen/${event.params.slug}` },
			{ label: translate(event.locals.locale, 'contact.title') }
		]
	};
};

export const actions: Actions = { default: contactAction };
