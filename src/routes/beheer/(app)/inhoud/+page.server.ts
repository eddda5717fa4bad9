import { translate } from '$lib/i18n';
import { contentListPage } from '$lib/server/content/workspace.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...(await contentListPage(event)),
		crumbs: [{ label: t('ws.common.nav'), href: '/beheer' }, { label: t('ws.content.title') }]
	};
};
