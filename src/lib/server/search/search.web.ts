/**
 * The search pages: /zoeken (public, the same for everyone, so it can be cached) and
 * /beheer/zoeken (the workspace: also what the principal may read). Both are GET forms and work
 * without JavaScript.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { translate } from '../../i18n';
import { anonymous } from '../policy';
import { kindLabel, search } from './search.service';
import { MAX_QUERY, searchKinds } from './search.schema';

const params = ['q', 'soort', 'pagina'] as const;

function paramsOf(url: URL) {
	return Object.fromEntries(params.map((k) => [k, url.searchParams.get(k) ?? undefined]));
}

async function page(event: RequestEvent, view: 'public' | 'workspace') {
	const { locale } = event.locals;
	const result = await search(event.locals.db, {
		view,
		principal: view === 'public' ? anonymous : event.locals.principal,
		locale,
		params: paramsOf(event.url)
	});
	return {
		...result,
		view,
		maxQuery: MAX_QUERY,
		kinds: searchKinds.map((value) => ({ value, label: kindLabel(value, locale) }))
	};
}

export async function publicSearchPage(event: RequestEvent) {
	return {
		...(await page(event, 'public')),
		crumbs: [{ label: translate(event.locals.locale, 'search.title') }]
	};
}

export async function workspaceSearchPage(event: RequestEvent) {
	return {
		...(await page(event, 'workspace')),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(event.locals.locale, 'ws.common.search') }
		]
	};
}
