import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { streekfotoEditor } from '$lib/server/monitor/streekfoto.queries';
import {
	RADAR_MAX,
	RADAR_MIN,
	saveStreekfotoProfile
} from '$lib/server/monitor/streekfoto.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const editor = await orError(
		streekfotoEditor(locals.db, url.searchParams.get('regio'), locals.locale)
	);
	return {
		...editor,
		radarMin: RADAR_MIN,
		radarMax: RADAR_MAX,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: 'Monitor', href: '/beheer/monitor' },
			{ label: 'Streekfoto' }
		]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () => saveStreekfotoProfile(contextOf(event), values));
		return 'regionId' in result ? { done: 'De Streekfoto is bewaard.' } : result;
	}
};
