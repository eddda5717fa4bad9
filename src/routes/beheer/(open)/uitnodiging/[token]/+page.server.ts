import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { acceptInvitation, checkToken } from '$lib/server/accounts/links.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await checkToken(locals.db, ['invitation', 'setup'], params.token);
	return {
		valid: found !== null,
		email: found?.user.email,
		name: found?.user.name,
		crumbs: [{ label: translate(locals.locale, 'ws.accounts.invitation.crumb') }]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			acceptInvitation(
				contextOf(event),
				event.params.token,
				{ password: values.password, confirm: values.confirm },
				event.getClientAddress()
			)
		);
		if (result && 'email' in result) {
			redirect(303, `${localizeHref('/beheer/inloggen', event.locals.locale)}?ingesteld=1`);
		}
		return result;
	}
};
