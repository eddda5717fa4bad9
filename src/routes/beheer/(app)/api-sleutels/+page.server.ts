import { tr, translate } from '$lib/i18n';
import {
	createApiToken,
	listApiTokens,
	revokeApiToken
} from '$lib/server/accounts/api-tokens.service';
import { contextOf, formAction, formValues, load as orError, parseId } from '$lib/server/http';
import { organisationOptions } from '$lib/server/organisations/organisations.service';
import { apiScopes } from '$lib/server/policy/permissions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const tokens = await orError(listApiTokens(contextOf(event)));
	const organisations = await organisationOptions(event.locals.db);
	return {
		tokens: tokens.map((t) => ({ ...t, organisation: tr(t.organisation, locale) })),
		organisations: organisations.map((o) => ({ value: o.id, label: tr(o.name, locale) })),
		scopes: [...apiScopes],
		crumbs: [
			{ label: translate(locale, 'ws.accounts.workspace'), href: '/beheer' },
			{ label: translate(locale, 'ws.accounts.api.title') }
		]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const values = await formValues(event.request);
		const input = {
			organisationId: values.organisationId,
			name: values.name,
			scopes: [values.scopes ?? []].flat()
		};
		const result = await formAction(values, () => createApiToken(contextOf(event), input));
		return 'token' in result
			? { created: { token: result.token, name: String(values.name) } }
			: result;
	},
	revoke: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			revokeApiToken(contextOf(event), parseId(String(values.id ?? '')))
		);
		return result ?? { revoked: true };
	}
};
