import { contentItemPage } from '$lib/server/content/public.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await contentItemPage(event, 'page');
	return {
		...page,
		crumbs: page.body
			? [{ label: page.body.name, href: `/organen/${page.body.slug}` }, { label: page.title }]
			: [{ label: page.title }]
	};
};
