import { translate } from '$lib/i18n';
import { publicRegisterPage } from '$lib/server/dossiers/public.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	...(await publicRegisterPage(event)),
	crumbs: [{ label: translate(event.locals.locale, 'dossiers.public.title') }]
});
