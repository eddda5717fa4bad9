import { workspaceRegisterPage } from '$lib/server/dossiers/dossiers.web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await workspaceRegisterPage(event);
	return {
		...page,
		crumbs: page.bodyName
			? [
					{ label: 'Werkruimte', href: '/beheer' },
					{ label: page.bodyName, href: `/beheer/organen/${page.bodySlug}` },
					{ label: 'Dossiers' }
				]
			: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Dossiers' }]
	};
};
