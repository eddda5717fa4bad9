import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { updateMyLocale } from '$lib/server/accounts/accounts.service';
import { endMyOtherSessions, endMySession, myAccount } from '$lib/server/accounts/login.service';
import { disableTwoFactor } from '$lib/server/accounts/two-factor.service';
import { myBodies } from '$lib/server/bodies/workspace.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import {
	getMailPreferences,
	notificationKindLabel,
	notificationKinds,
	updateMailPreferences,
	userLocales
} from '$lib/server/mail/preferences.service';
import { myErasureRequest, requestErasure } from '$lib/server/privacy/privacy.service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** hooks.server.ts guarantees a completed login here; this narrows the types. */
function me(event: RequestEvent) {
	const { user, session } = event.locals;
	if (!user || !session) error(401, translate(event.locals.locale, 'ws.mail.account.signIn'));
	return { user, session };
}

export const load: PageServerLoad = async (event) => {
	const { user, session } = me(event);
	const ctx = contextOf(event);
	const locale = event.locals.locale;
	const [account, bodies, mail, erasureRequestedAt, locales] = await Promise.all([
		myAccount(ctx, user.id, session.id),
		myBodies(ctx),
		getMailPreferences(event.locals.db, user.id),
		myErasureRequest(event.locals.db, user.id),
		userLocales(event.locals.db, [user.id])
	]);
	return {
		...account,
		bodies,
		mail,
		mailKinds: notificationKinds.map((k) => ({ value: k, ...notificationKindLabel(k, locale) })),
		/** The language of the user's mails and workspace. */
		mailLocale: locales.get(user.id) ?? 'nl',
		erasureRequestedAt,
		crumbs: [
			{ label: translate(locale, 'ws.mail.account.crumbWorkspace'), href: '/beheer' },
			{ label: translate(locale, 'ws.mail.account.title') }
		]
	};
};

export const actions: Actions = {
	mailPreferences: async (event) => {
		const { user } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateMailPreferences(contextOf(event), user.id, values)
		);
		return 'meeting_invitations' in result
			? {
					done: translate(event.locals.locale, 'ws.mail.account.done.notifications'),
					section: 'meldingen'
				}
			: result;
	},
	locale: async (event) => {
		const { user } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateMyLocale(contextOf(event), user.id, { locale: values.locale })
		);
		return 'locale' in result
			? { done: translate(event.locals.locale, 'ws.mail.account.done.language'), section: 'taal' }
			: result;
	},
	requestErasure: async (event) => {
		const { user } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			requestErasure(contextOf(event), user.id, values)
		);
		return 'people' in result
			? {
					done: translate(event.locals.locale, 'ws.mail.account.done.erasure'),
					section: 'mijn-gegevens'
				}
			: result;
	},
	endSession: async (event) => {
		const { user, session } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			endMySession(contextOf(event), user, String(values.sessionId ?? ''), session.id)
		);
		return result ?? { done: translate(event.locals.locale, 'ws.mail.account.done.endSession') };
	},
	endOtherSessions: async (event) => {
		const { user, session } = me(event);
		await endMyOtherSessions(contextOf(event), user, session.id);
		return { done: translate(event.locals.locale, 'ws.mail.account.done.endOthers') };
	},
	disableTwoFactor: async (event) => {
		const { user, session } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			disableTwoFactor(contextOf(event), user, String(values.password ?? ''), session.id)
		);
		return result ?? { done: translate(event.locals.locale, 'ws.mail.account.done.twoFactorOff') };
	}
};
