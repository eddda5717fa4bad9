import { translate } from '$lib/i18n';
import { dossiersOfDecision } from '$lib/server/dossiers/dossiers.queries';
import { contextOf, load as orError } from '$lib/server/http';
import { publicDecision } from '$lib/server/meetings/public.queries';
import { plansOfDecision } from '$lib/server/plans/meetings.queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const decision = await orError(publicDecision(contextOf(event), event.params.id));
	const { locale } = event.locals;
	return {
		...decision,
		plans: await plansOfDecision(event.locals.db, decision.decision.id, {
			publicOnly: true,
			locale
		}),
		dossiers: await dossiersOfDecision(event.locals.db, decision.decision.id, { publicOnly: true }),
		crumbs: [
			{ label: translate(locale, 'decisions.title'), href: '/besluiten' },
			{ label: translate(locale, 'decision.title', { reference: decision.reference }) }
		]
	};
};
