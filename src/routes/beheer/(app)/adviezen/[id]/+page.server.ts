import { adviceTrail } from '$lib/server/advice/trail.queries';
import { contextOf, load as orError } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(adviceTrail(contextOf(event), event.params.id));
	return {
		...view,
		crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: view.trail.title ?? 'Advies' }]
	};
};
