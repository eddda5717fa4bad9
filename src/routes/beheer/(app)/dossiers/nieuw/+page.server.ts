import { translate } from '$lib/i18n';
import { createDossierAction, newDossierPage } from '$lib/server/dossiers/dossiers.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...(await newDossierPage(event)),
		crumbs: [
			{ label: t('ws.common.nav'), href: '/beheer' },
			{ label: t('ws.dossiers.title'), href: '/beheer/dossiers' },
			{ label: t('ws.dossiers.new') }
		]
	};
};

export const actions: Actions = {
	create: createDossierAction
};
