import { translate } from '$lib/i18n';
import { changeRole, getUser } from '$lib/server/accounts/accounts.service';
import { platformRoles } from '$lib/server/db/schema';
import { contextOf, formAction, formValues, load as orError, parseId } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError((async () => getUser(contextOf(event), parseId(event.params.id)))());
	const locale = event.locals.locale;
	return {
		...view,
		roles: platformRoles,
		crumbs: [
			{ label: translate(locale, 'ws.accounts.workspace'), href: '/beheer' },
			{ label: translate(locale, 'ws.accounts.users.title'), href: '/beheer/gebruikers' },
			{ label: view.user.name }
		]
	};
};

export const actions: Actions = {
	role: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			changeRole(contextOf(event), parseId(event.params.id), { role: values.role })
		);
		return 'id' in result ? { roleChanged: result.role } : result;
	}
};
