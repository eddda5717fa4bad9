import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { today } from '$lib/server/clock';
import { contextOf } from '$lib/server/http';
import { isAppError } from '$lib/server/errors';
import { exportMyData } from '$lib/server/privacy/privacy.service';
import type { RequestHandler } from './$types';

/** The logged-in user's own data as a JSON download (never cached). */
export const GET: RequestHandler = async (event) => {
	// hooks.server.ts required a completed login; the service checks that it is the user's own.
	const principal = event.locals.principal;
	if (principal.kind !== 'user')
		error(401, translate(event.locals.locale, 'ws.mail.account.signIn'));
	try {
		const data = await exportMyData(contextOf(event), principal.userId);
		return new Response(JSON.stringify(data, null, 2), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': `attachment; filename="mijn-gegevens-${today()}.json"`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	} catch (e) {
		if (isAppError(e)) error(e.status, e.message);
		throw e;
	}
};
