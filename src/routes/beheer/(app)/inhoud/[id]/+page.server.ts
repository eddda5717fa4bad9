import { editContentActions, editContentPage } from '$lib/server/content/workspace.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await editContentPage(event);
	return {
		...page,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: "Nieuws en pagina's", href: '/beheer/inhoud' },
			{ label: page.item.title }
		]
	};
};

export const actions: Actions = editContentActions;
