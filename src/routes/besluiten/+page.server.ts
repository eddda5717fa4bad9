import { translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { listDecisions } from '$lib/server/meetings/decisions.service';
import { publicBodyOptions } from '$lib/server/meetings/public.queries';
import type { PageServerLoad } from './$types';

const filters = ['orgaan', 'q', 'jaar', 'status', 'pagina'];

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	// Only the register's own parameters (an unknown one is ignored, not refused); blanks are unset.
	const query = Object.fromEntries(
		filters.flatMap((k) => {
			const v = url.searchParams.get(k)?.trim();
			return v ? [[k, v]] : [];
		})
	);
	const [list, bodies] = await Promise.all([
		orError(listDecisions(contextOf(event), query)),
		publicBodyOptions(locals.db, locals.locale)
	]);
	return { list, bodies, crumbs: [{ label: translate(locals.locale, 'decisions.title') }] };
};
