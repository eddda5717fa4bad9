import { translate } from '$lib/i18n';
import { contentItemPage } from '$lib/server/content/public.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await contentItemPage(event, 'news');
	return {
		...page,
		crumbs: [
			{ label: translate(event.locals.locale, 'news.title'), href: '/nieuws' },
			{ label: page.title }
		]
	};
};
