import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { logout } from '$lib/server/accounts/login.service';
import { clearSessionCookie } from '$lib/server/accounts/cookies';
import { contextOf } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	crumbs: [{ label: translate(locals.locale, 'ws.accounts.logout') }]
});

export const actions: Actions = {
	default: async (event) => {
		const { session, user } = event.locals;
		if (session && user) await logout(contextOf(event), user, session.id);
		clearSessionCookie(event.cookies);
		redirect(303, localizeHref('/', event.locals.locale));
	}
};
