import { error } from '@sveltejs/kit';
import { endMyOtherSessions, endMySession, myAccount } from '$lib/server/accounts/login.service';
import { disableTwoFactor } from '$lib/server/accounts/two-factor.service';
import { contextOf, formAction, formValues } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** hooks.server.ts guarantees a completed login here; this narrows the types. */
function me(event: RequestEvent) {
	const { user, session } = event.locals;
	if (!user || !session) error(401, 'Meld u aan om verder te gaan.');
	return { user, session };
}

export const load: PageServerLoad = async (event) => {
	const { user, session } = me(event);
	return {
		...(await myAccount(contextOf(event), user.id, session.id)),
		crumbs: [{ label: 'Werkruimte', href: '/beheer' }, { label: 'Mijn account' }]
	};
};

export const actions: Actions = {
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
