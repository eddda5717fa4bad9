import { createDossierAction, newDossierPage } from '$lib/server/dossiers/dossiers.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await newDossierPage(event)),
	crumbs: [
		{ label: 'Werkruimte', href: '/beheer' },
		{ label: 'Dossiers', href: '/beheer/dossiers' },
		{ label: 'Nieuw dossier' }
	]
});

export const actions: Actions = {
	create: createDossierAction
};
