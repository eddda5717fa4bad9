import { translate } from '$lib/i18n';
import { workspaceRegisterPage } from '$lib/server/dossiers/dossiers.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await workspaceRegisterPage(event);
	const t = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
	return {
		...page,
		crumbs: page.bodyName
			? [
					{ label: t('ws.common.nav'), href: '/beheer' },
					{ label: page.bodyName, href: `/beheer/organen/${page.bodySlug}` },
					{ label: t('ws.dossiers.title') }
				]
			: [{ label: t('ws.common.nav'), href: '/beheer' }, { label: t('ws.dossiers.title') }]
	};
};
