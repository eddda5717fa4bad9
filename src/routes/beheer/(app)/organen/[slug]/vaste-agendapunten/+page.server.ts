import { tr, translate } from '$lib/i18n';
import { linkedBodies } from '$lib/server/bodies/links';
import { agendaItemKinds } from '$lib/server/db/schema';
import { AppError } from '$lib/server/errors';
import {
	addStandingItem,
	deleteStandingItem,
	moveStandingItem,
	updateStandingItem
} from '$lib/server/meetings/standing-items.service';
import { standingItemsPage, workspaceBody } from '$lib/server/meetings/workspace.queries';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(standingItemsPage(contextOf(event), event.params.slug));
	const locale = event.locals.locale;
	const name = tr(view.body.name, locale);
	return {
		...view,
		kinds: agendaItemKinds,
		// The bodies a standing item may report on (reports to, part of, advises).
		linked: await linkedBodies(event.locals.db, view.body.id),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: translate(locale, 'ws.meetings.standingItems') }
		]
	};
};

/**
 * Run one action of a manager of this body: the body is checked first (a member gets 403 whatever
 * they post), then `fn` gets the row id and the other fields.
 */
async function managed<T>(
	event: RequestEvent<{ slug: string }>,
	fn: (id: string, rest: Record<string, unknown>, bodyId: string) => Promise<T>
) {
	const values = await formValues(event.request);
	const { id, ...rest } = values;
	return formAction(values, async () => {
		const body = await workspaceBody(contextOf(event), event.params.slug, 'body:manage');
		return fn(typeof id === 'string' ? id : '', rest, body.id);
	});
}

export const actions: Actions = {
	add: async (event) => {
		const result = await managed(event, (_id, rest, bodyId) =>
			addStandingItem(contextOf(event), bodyId, rest)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.std.added') }
			: result;
	},
	update: async (event) => {
		const result = await managed(event, (id, rest) =>
			updateStandingItem(contextOf(event), id, rest)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.std.changed') }
			: result;
	},
	move: async (event) => {
		const result = await managed(event, (id, rest) =>
			moveStandingItem(contextOf(event), id, rest.direction === 'up' ? 'up' : 'down')
		);
		return Array.isArray(result)
			? { done: translate(event.locals.locale, 'ws.meetings.std.orderChanged') }
			: result;
	},
	remove: async (event) => {
		const result = await managed(event, (id, rest) => {
			if (rest.bevestigd !== 'on') {
				throw new AppError('invalid_input', 'Het vaste agendapunt is niet verwijderd.', {
					bevestigd: ['Vink aan dat u dit vaste agendapunt wilt verwijderen.']
				});
			}
			return deleteStandingItem(contextOf(event), id);
		});
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.std.deleted') }
			: result;
	}
};
