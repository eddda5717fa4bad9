import { contentListPage } from '$lib/server/content/workspace.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await contentListPage(event)),
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: "Nieuws en pagina's" }]
});
