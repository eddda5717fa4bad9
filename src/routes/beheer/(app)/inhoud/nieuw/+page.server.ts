import {
	createContentAction,
	newContentPage,
	previewAction
} from '$lib/server/content/workspace.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await newContentPage(event)),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: "Nieuws en pagina's", href: '/beheer/inhoud' },
		{ label: 'Nieuw bericht' }
	]
});

export const actions: Actions = {
	create: createContentAction,
	preview: previewAction
};
