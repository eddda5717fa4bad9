import { translate } from '$lib/i18n';
import { publicDossierPage } from '$lib/server/dossiers/public.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await publicDossierPage(event);
	return {
		...page,
		crumbs: [
			{ label: translate(event.locals.locale, 'dossiers.public.title'), href: '/dossiers' },
			{ label: page.dossier.title }
		]
	};
};
