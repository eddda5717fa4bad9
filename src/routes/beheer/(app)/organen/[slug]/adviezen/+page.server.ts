import { tr } from '$lib/i18n';
import { placeAdvice, recordOutcome } from '$lib/server/advice/advice.service';
import { adviceInboxPage } from '$lib/server/advice/trail.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(adviceInboxPage(contextOf(event), event.params.slug));
	return {
		...view,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Adviezen' }
		]
	};
};

/** The hop a form acts on, and the rest of its fields. */
function split(values: Record<string, unknown>) {
	const { hopId, ...rest } = values;
	return { hopId, rest };
}

export const actions: Actions = {
	place: async (event) => {
		const values = await formValues(event.request);
		const { hopId, rest } = split(values);
		const result = await formAction(values, () => placeAdvice(contextOf(event), hopId, rest));
		return 'item' in result ? { done: 'Het advies staat op de agenda.', hopId } : result;
	},
	outcome: async (event) => {
		const values = await formValues(event.request);
		const { hopId, rest } = split(values);
		const result = await formAction(values, () => recordOutcome(contextOf(event), hopId, rest));
		return 'hop' in result
			? {
					done: result.nextHop
						? 'De uitkomst is bewaard en het advies is doorgestuurd.'
						: 'De uitkomst is bewaard.',
					hopId
				}
			: result;
	}
};
