import { error } from '@sveltejs/kit';
import { endMyOtherSessions, endMySession, myAccount } from '$lib/server/accounts/login.service';
import { disableTwoFactor } from '$lib/server/accounts/two-factor.service';
import { myBodies } from '$lib/server/bodies/workspace.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import {
	getMailPreferences,
	notificationKindLabels,
	notificationKinds,
	updateMailPreferences
} from '$lib/server/mail/preferences.service';
import { myErasureRequest, requestErasure } from '$lib/server/privacy/privacy.service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** hooks.server.ts guarantees a completed login here; this narrows the types. */
function me(event: RequestEvent) {
	const { user, session } = event.locals;
	if (!user || !session) error(401, 'Meld u aan om verder te gaan.');
	return { user, session };
}

export const load: PageServerLoad = async (event) => {
	const { user, session } = me(event);
	const ctx = contextOf(event);
	const [account, bodies, mail, erasureRequestedAt] = await Promise.all([
		myAccount(ctx, user.id, session.id),
		myBodies(ctx),
		getMailPreferences(event.locals.db, user.id),
		myErasureRequest(event.locals.db, user.id)
	]);
	return {
		...account,
		bodies,
		mail,
		mailKinds: notificationKinds.map((k) => ({ value: k, ...notificationKindLabels[k] })),
		erasureRequestedAt,
		crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Mijn account' }]
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
			? { done: 'Uw meldingen zijn bewaard.', section: 'meldingen' }
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
					done: 'Uw vraag om verwijdering is verstuurd. Het secretariaat neemt contact met u op.',
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
		return result ?? { done: 'Die sessie is beëindigd.' };
	},
	endOtherSessions: async (event) => {
		const { user, session } = me(event);
		await endMyOtherSessions(contextOf(event), user, session.id);
		return { done: 'Alle andere sessies zijn beëindigd.' };
	},
	disableTwoFactor: async (event) => {
		const { user, session } = me(event);
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			disableTwoFactor(contextOf(event), user, String(values.password ?? ''), session.id)
		);
		return (
			result ?? {
				done: 'Tweestapsverificatie is uitgeschakeld. Uw andere sessies zijn beëindigd.'
			}
		);
	}
};
