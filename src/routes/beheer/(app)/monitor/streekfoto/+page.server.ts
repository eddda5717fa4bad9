import { translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { domainLabel } from '$lib/server/monitor/charts/views';
import { streekfotoEditor } from '$lib/server/monitor/streekfoto.queries';
import {
	RADAR_MAX,
	RADAR_MIN,
	saveStreekfotoProfile
} from '$lib/server/monitor/streekfoto.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const { locale } = locals;
	const editor = await orError(streekfotoEditor(locals.db, url.searchParams.get('regio'), locale));
	return {
		...editor,
		domainLabels: Object.fromEntries(
			editor.indicators.map((i) => [i.domain, domainLabel(i.domain, locale)])
		),
		radarMin: RADAR_MIN,
		radarMax: RADAR_MAX,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.monitor.title'), href: '/beheer/monitor' },
			{ label: translate(locale, 'ws.monitor.streekfoto.title') }
		]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () => saveStreekfotoProfile(contextOf(event), values));
		return 'regionId' in result
			? { done: translate(event.locals.locale, 'ws.monitor.streekfoto.saved') }
			: result;
	}
};
