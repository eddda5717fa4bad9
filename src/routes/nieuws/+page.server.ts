import { translate } from '$lib/i18n';
import { newsListPage } from '$lib/server/content/public.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await newsListPage(event);
	const title = translate(event.locals.locale, 'news.title');
	return {
		...page,
		crumbs: page.body
			? [{ label: page.body.name, href: `/organen/${page.body.slug}` }, { label: title }]
			: [{ label: title }]
	};
};
