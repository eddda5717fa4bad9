import { translate } from '$lib/i18n';
import { inviteUser, listUsers } from '$lib/server/accounts/accounts.service';
import { mayAssignRole } from '$lib/server/accounts/accounts.policy';
import { platformRoles } from '$lib/server/db/schema';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { principal, locale } = event.locals;
	return {
		users: await orError(listUsers(contextOf(event))),
		/** The roles this person may hand out (the service checks again). */
		assignableRoles:
			principal.kind === 'user'
				? platformRoles.filter((r) => mayAssignRole(principal.role, r))
				: [],
		crumbs: [
			{ label: translate(locale, 'ws.accounts.workspace'), href: '/beheer' },
			{ label: translate(locale, 'ws.accounts.users.title') }
		]
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			inviteUser(contextOf(event), { email: values.email, name: values.name, role: values.role })
		);
		return 'id' in result ? { invited: result.email } : result;
	}
};
