import { translate } from '$lib/i18n';
import { editContentActions, editContentPage } from '$lib/server/content/workspace.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await editContentPage(event);
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...page,
		crumbs: [
			{ label: t('ws.common.nav'), href: '/beheer' },
			{ label: t('ws.content.title'), href: '/beheer/inhoud' },
			{ label: page.item.title }
		]
	};
};

export const actions: Actions = editContentActions;
