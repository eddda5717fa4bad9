import { translate } from '$lib/i18n';
import {
	createContentAction,
	newContentPage,
	previewAction
} from '$lib/server/content/workspace.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...(await newContentPage(event)),
		crumbs: [
			{ label: t('ws.common.nav'), href: '/beheer' },
			{ label: t('ws.content.title'), href: '/beheer/inhoud' },
			{ label: t('ws.content.newTitle') }
		]
	};
};

export const actions: Actions = {
	create: createContentAction,
	preview: previewAction
};
