import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { beginEnrolment, confirmEnrolment } from '$lib/server/accounts/two-factor.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, locale } = event.locals;
	if (!user) redirect(303, localizeHref('/beheer/inloggen', locale));
	if (user.totpEnabledAt) redirect(303, localizeHref('/beheer/account', locale));
	const enrolment = await beginEnrolment(contextOf(event), user);
	return {
		secret: enrolment.secret,
		qrDataUrl: enrolment.qrDataUrl,
		required: user.role !== 'user',
		crumbs: [{ label: translate(locale, 'ws.accounts.enrol.title') }]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session, locale } = event.locals;
		if (!user || !session) redirect(303, localizeHref('/beheer/inloggen', locale));
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			confirmEnrolment(contextOf(event), user, { code: values.code }, session.id)
		);
		return Array.isArray(result) ? { recoveryCodes: result } : result;
	}
};
