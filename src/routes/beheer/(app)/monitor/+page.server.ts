import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Monitor' }]
});
