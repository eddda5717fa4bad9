import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { contextOf, formAction, formValues } from '$lib/server/http';
import { indicatorFormOptions } from '$lib/server/monitor/catalogue.forms';
import { indicatorFromForm } from '$lib/server/monitor/catalogue.schema';
import { createIndicator, listIndicators } from '$lib/server/monitor/catalogue.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	options: indicatorFormOptions(await listIndicators(locals.db), undefined, locals.locale),
	crumbs: [
		{ label: translate(locals.locale, 'ws.common.nav'), href: '/beheer' },
		{ label: translate(locals.locale, 'ws.monitor.title'), href: '/beheer/monitor' },
		{
			label: translate(locals.locale, 'ws.monitor.indicators.title'),
			href: '/beheer/monitor/indicatoren'
		},
		{ label: translate(locals.locale, 'ws.monitor.indicators.new') }
	]
});

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		// The field is not called `code`: a failed form keeps its values, never those named *code*.
		const input = indicatorFromForm({ ...values, code: values.indicatorCode ?? '' });
		const result = await formAction(values, () => createIndicator(contextOf(event), input));
		if (!('id' in result)) return result;
		redirect(
			303,
			localizeHref(`/beheer/monitor/indicatoren/${result.code}?bewaard=1`, event.locals.locale)
		);
	}
};
