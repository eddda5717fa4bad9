import { redirect } from '@sveltejs/kit';
import { localizeHref, tr, translate } from '$lib/i18n';
import { getRegionRenewalForm } from '$lib/server/bodies/manage.service';
import { renewalFromForm } from '$lib/server/bodies/renewal.schema';
import { applyRenewal, previewRenewal } from '$lib/server/bodies/renewal.service';
import { today } from '$lib/server/clock';
import { membershipRoles } from '$lib/server/db/schema';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** How many empty newcomer rows the form offers (enough without JavaScript). */
const NEWCOMER_ROWS = 5;

export const load: PageServerLoad = async (event) => {
	const asked = event.url.searchParams.get('einddatum') ?? '';
	const endOn = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : today();
	const view = await orError(getRegionRenewalForm(contextOf(event), event.params.slug, endOn));
	return {
		...view,
		endOn,
		roles: membershipRoles,
		rows: NEWCOMER_ROWS,
		done: event.url.searchParams.has('klaar'),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(event.locals.locale, 'ws.structure.bodies'), href: '/beheer/organen' },
			{
				label: translate(event.locals.locale, 'ws.structure.renewal.title', {
					name: translate(event.locals.locale, 'ws.structure.renewal.regionName', {
						name: tr(view.region.name, event.locals.locale)
					})
				})
			}
		]
	};
};

export const actions: Actions = {
	preview: async (event) => {
		const values = await formValues(event.request);
		const input = renewalFromForm(values, { regionSlug: event.params.slug });
		const result = await formAction(values, () => previewRenewal(contextOf(event), input));
		if (!('ends' in result)) return result;
		const { regionSlug: _scope, ...payload } = input as Record<string, unknown>;
		return { plan: result, payload: JSON.stringify(payload) };
	},
	apply: async (event) => {
		const values = await formValues(event.request);
		const input = renewalFromForm(values, { regionSlug: event.params.slug });
		const result = await formAction(values, () => applyRenewal(contextOf(event), input));
		if (!('ends' in result)) return result;
		redirect(
			303,
			localizeHref(`/beheer/regio/${event.params.slug}/vernieuwen?klaar=1`, event.locals.locale)
		);
	}
};
