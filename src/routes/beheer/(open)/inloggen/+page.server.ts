import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { login } from '$lib/server/accounts/login.service';
import { safeReturnPath, setSessionCookie } from '$lib/server/accounts/cookies';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.session?.twoFactorDone) redirect(303, safeReturnPath(url.searchParams.get('terug')));
	return {
		passwordSet: url.searchParams.has('ingesteld'),
		crumbs: [{ label: translate(locals.locale, 'ws.accounts.login.title') }]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			login(
				contextOf(event),
				{ email: values.email, password: values.password },
				{
					ip: event.getClientAddress(),
					userAgent: event.request.headers.get('user-agent')
				}
			)
		);
		if (!('token' in result)) return result;
		setSessionCookie(event.cookies, result.token, event.url);
		const locale = event.locals.locale;
		// Without a page to return to, the workspace opens in the user's own language.
		const back = safeReturnPath(event.url.searchParams.get('terug'), result.user.locale);
		if (result.next === 'second-factor')
			redirect(
				303,
				`${localizeHref('/beheer/tweede-factor', locale)}?terug=${encodeURIComponent(back)}`
			);
		if (result.next === 'enroll')
			redirect(303, localizeHref('/beheer/tweestapsverificatie-instellen', locale));
		redirect(303, back);
	}
};
