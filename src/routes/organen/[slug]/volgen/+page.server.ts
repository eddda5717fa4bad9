import { translate } from '$lib/i18n';
import { followAction, followPage } from '$lib/server/alerts/alerts.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await followPage(event);
	return {
		...page,
		crumbs: [
			{ label: page.body.name, href: `/organen/${page.body.slug}` },
			{ label: translate(event.locals.locale, 'alerts.follow') }
		]
	};
};

export const actions: Actions = { default: followAction };
