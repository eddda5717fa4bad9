import { contextOf, load as orError } from '$lib/server/http';
import { searchMeetingRecords, searchKindLabels } from '$lib/server/minutes/search.service';
import type { PageServerLoad } from './$types';

const params = ['q', 'orgaan', 'soort', 'pagina'] as const;

/** Search in minutes and decisions: a GET form, so it works without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const input = Object.fromEntries(
		params.flatMap((k) => {
			const v = event.url.searchParams.get(k);
			return v ? [[k, v]] : [];
		})
	);
	const result = await orError(searchMeetingRecords(contextOf(event), input));
	return {
		...result,
		kindLabels: searchKindLabels,
		crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Zoeken' }]
	};
};
