import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { safeReturnPath } from '$lib/server/accounts/cookies';
import { verifySecondFactor } from '$lib/server/accounts/two-factor.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.session?.twoFactorDone) redirect(303, safeReturnPath(url.searchParams.get('terug')));
	if (!locals.user?.totpEnabledAt)
		redirect(303, localizeHref('/beheer/tweestapsverificatie-instellen', locals.locale));
	return { crumbs: [{ label: translate(locals.locale, 'ws.accounts.twoFactor.title') }] };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session } = event.locals;
		if (!user || !session) redirect(303, localizeHref('/beheer/inloggen', event.locals.locale));
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			verifySecondFactor(
				contextOf(event),
				user,
				{ code: values.code },
				session.id,
				event.getClientAddress()
			)
		);
		if (result) return result;
		redirect(303, safeReturnPath(event.url.searchParams.get('terug')));
	}
};
