import { tr, translate } from '$lib/i18n';
import { decisionStatuses } from '$lib/server/db/schema';
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
	const locale = event.locals.locale;
	const view = await orError(bodyDecisionRegister(contextOf(event), event.params.slug, query));
	const name = tr(view.body.name, locale);
	return {
		...view,
		// The outcomes in the page's language (the service gives them in Dutch).
		decisionStatusLabels: Object.fromEntries(
			decisionStatuses.map((s) => [s, translate(locale, `decisionStatus.${s}`)])
		) as typeof view.decisionStatusLabels,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{ label: translate(locale, 'decisions.title') }
		]
	};
};
