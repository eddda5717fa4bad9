import { translate } from '$lib/i18n';
import { requestPasswordReset } from '$lib/server/accounts/links.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	crumbs: [{ label: translate(locals.locale, 'ws.accounts.forgot.title') }]
});

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			requestPasswordReset(contextOf(event), { email: values.email }, event.getClientAddress())
		);
		// The same answer whether or not the address has an account.
		return result ?? { sent: true };
	}
};
