import { tr } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { bodyDecisionRegister } from '$lib/server/meetings/records.service';
import type { PageServerLoad } from './$types';

const filters = ['q', 'jaar', 'status', 'pagina'] as const;

export const load: PageServerLoad = async (event) => {
	const query = Object.fromEntries(
		filters.flatMap((k) => {
			const v = event.url.searchParams.get(k);
			return v ? [[k, v]] : [];
		})
	);
	const view = await orError(bodyDecisionRegister(contextOf(event), event.params.slug, query));
	const name = tr(view.body.name, event.locals.locale);
	return {
		...view,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Besluiten' }
		]
	};
};
