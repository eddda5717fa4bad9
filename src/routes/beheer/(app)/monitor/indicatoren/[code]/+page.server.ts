import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { indicatorFormOptions, indicatorFormValues } from '$lib/server/monitor/catalogue.forms';
import { indicatorFromForm } from '$lib/server/monitor/catalogue.schema';
import {
	getIndicator,
	listIndicators,
	updateIndicator
} from '$lib/server/monitor/catalogue.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const indicator = await orError(getIndicator(locals.db, params.code));
	return {
		indicator: { code: indicator.code, name: indicator.name.nl, isExample: indicator.isExample },
		values: indicatorFormValues(indicator),
		options: indicatorFormOptions(await listIndicators(locals.db), indicator.code),
		saved: url.searchParams.has('bewaard'),
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Monitor', href: '/beheer/monitor' },
			{ label: 'Indicatoren', href: '/beheer/monitor/indicatoren' },
			{ label: indicator.name.nl }
		]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateIndicator(contextOf(event), event.params.code, indicatorFromForm(values))
		);
		return 'id' in result ? { done: 'De indicator is bewaard.' } : result;
	}
};
