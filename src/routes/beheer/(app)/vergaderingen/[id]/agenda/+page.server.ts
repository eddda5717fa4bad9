import { tr, translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import {
	agendaEditor,
	deleteMeetingItem,
	moveMeetingItem,
	reorderMeetingItems,
	updateMeetingItem
} from '$lib/server/meetings/editor.service';
import { addItem } from '$lib/server/meetings/items.service';
import { agendaActions, bodyActionOptions } from '$lib/server/plans/meetings.queries';
import { setAgendaItemActions } from '$lib/server/plans/plans.service';
import { agendaReports, agendaShares } from '$lib/server/reports/report.views';
import { setItemShare } from '$lib/server/reports/shares.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(agendaEditor(contextOf(event), event.params.id));
	const locale = event.locals.locale;
	const body = tr(view.body.name, locale);
	return {
		...view,
		reports: await agendaReports(event.locals.db, view.meeting, 'members'),
		shares: await agendaShares(event.locals.db, view.meeting),
		actions: await agendaActions(event.locals.db, view.meeting.id, event.locals.locale),
		actionOptions: view.can.manage
			? await bodyActionOptions(event.locals.db, view.meeting.bodyId, event.locals.locale)
			: [],
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: body, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.meetings.agenda') }
		]
	};
};

/** The id of the item a form acts on, and the rest of its fields. */
function split(values: Record<string, unknown>) {
	const { id, ...rest } = values;
	return { id, rest };
}

export const actions: Actions = {
	add: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			addItem(contextOf(event), event.params.id, values)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.ag.added', { title: result.title }) }
			: result;
	},
	update: async (event) => {
		const values = await formValues(event.request);
		const { id, rest } = split(values);
		const result = await formAction(values, () =>
			updateMeetingItem(contextOf(event), event.params.id, id, rest)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.ag.saved', { title: result.title }) }
			: result;
	},
	delete: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			deleteMeetingItem(contextOf(event), event.params.id, values.id)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.meetings.ag.deleted', { title: result.title }) }
			: result;
	},
	move: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			moveMeetingItem(contextOf(event), event.params.id, values.id, values.direction)
		);
		return Array.isArray(result)
			? { done: translate(event.locals.locale, 'ws.meetings.ag.orderSaved'), moved: values.id }
			: result;
	},
	/** The plan actions an item lists for discussion (the actions show the meeting in turn). */
	actions: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			setAgendaItemActions(
				contextOf(event),
				{ meetingId: event.params.id, agendaItemId: String(values.itemId ?? '') },
				values.actionIds
			)
		);
		return Array.isArray(result)
			? {
					done: translate(event.locals.locale, 'ws.meetings.ag.actionsSaved', {
						count: result.length
					})
				}
			: result;
	},
	/** Share a closed item with a linked body (or stop): its members see it in their reports. */
	share: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			setItemShare(contextOf(event), event.params.id, {
				itemId: values.itemId,
				bodyId: values.bodyId,
				shared: values.shared === 'on'
			})
		);
		if (!('item' in result)) return result;
		const body = tr(result.body.name, event.locals.locale);
		const params = { title: result.item.title, body };
		return {
			done: translate(
				event.locals.locale,
				result.shared ? 'ws.meetings.ag.shared' : 'ws.meetings.ag.unshared',
				params
			)
		};
	},
	reorder: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			reorderMeetingItems(contextOf(event), event.params.id, values)
		);
		return Array.isArray(result)
			? { done: translate(event.locals.locale, 'ws.meetings.ag.orderSaved') }
			: result;
	}
};
