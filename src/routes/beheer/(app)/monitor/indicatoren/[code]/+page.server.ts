import { tr, translate } from '$lib/i18n';
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
	const { locale } = locals;
	const indicator = await orError(getIndicator(locals.db, params.code));
	const name = tr(indicator.name, locale);
	return {
		indicator: { code: indicator.code, name, isExample: indicator.isExample },
		values: indicatorFormValues(indicator),
		options: indicatorFormOptions(await listIndicators(locals.db), indicator.code, locale),
		saved: url.searchParams.has('bewaard'),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.monitor.title'), href: '/beheer/monitor' },
			{
				label: translate(locale, 'ws.monitor.indicators.title'),
				href: '/beheer/monitor/indicatoren'
			},
			{ label: name }
		]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateIndicator(contextOf(event), event.params.code, indicatorFromForm(values))
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.monitor.indicator.saved') }
			: result;
	}
};
