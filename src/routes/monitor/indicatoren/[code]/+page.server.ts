import { translate } from '$lib/i18n';
import { load as orError } from '$lib/server/http';
import { indicatorPage } from '$lib/server/monitor/charts/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const q = url.searchParams;
	const page = await orError(
		indicatorPage(
			locals.db,
			params.code,
			{
				gebied: q.get('gebied') ?? undefined,
				regio: q.get('regio') ?? undefined,
				periode: q.get('periode') ?? undefined
			},
			locals.locale
		)
	);
	return {
		...page,
		crumbs: [
			{ label: translate(locals.locale, 'monitor.title'), href: '/monitor' },
			{ label: page.indicator.name }
		]
	};
};
