import { translate } from '$lib/i18n';
import { listAuditEvents } from '$lib/server/audit/audit.service';
import { isAppError } from '$lib/server/errors';
import { contextOf } from '$lib/server/http';
import { translateFields, translateMessage } from '$lib/server/messages';
import type { PageServerLoad } from './$types';

const filterNames = ['recordType', 'recordId', 'actorId', 'action'] as const;

export const load: PageServerLoad = async (event) => {
	const filters: Record<string, string> = {};
	for (const name of filterNames) {
		const value = event.url.searchParams.get(name)?.trim();
		if (value) filters[name] = value;
	}
	const cursor = event.url.searchParams.get('cursor') || undefined;
	const locale = event.locals.locale;
	const crumbs = [
		{ label: translate(locale, 'ws.accounts.workspace'), href: '/beheer' },
		{ label: translate(locale, 'ws.accounts.audit.title') }
	];
	try {
		const page = await listAuditEvents(contextOf(event), { ...filters, cursor });
		return { ...page, filters, paged: cursor !== undefined, problem: null, crumbs };
	} catch (e) {
		// A filter that is too long or a damaged cursor: show the form again with the message.
		if (!isAppError(e) || e.code !== 'invalid_input') throw e;
		return {
			items: [],
			nextCursor: null,
			filters,
			paged: cursor !== undefined,
			problem: {
				message: translateMessage(locale, e.message),
				fields: translateFields(locale, e.fields ?? {})
			},
			crumbs
		};
	}
};
