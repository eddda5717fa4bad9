import { tr, translate } from '$lib/i18n';
import { exchangePage, importAction, previewAction } from '$lib/server/exchange/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await exchangePage(event, event.params.slug);
	const name = page.target ? tr(page.target.name, event.locals.locale) : event.params.slug;
	return {
		...page,
		bodyName: name,
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${event.params.slug}` },
			{ label: translate(event.locals.locale, 'ws.structure.exchange.title') }
		]
	};
};

export const actions: Actions = {
	preview: (event) => previewAction(event, event.params.slug),
	import: (event) => importAction(event, event.params.slug)
};
