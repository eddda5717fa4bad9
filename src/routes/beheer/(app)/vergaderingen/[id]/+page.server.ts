import { redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref, tr, translate, type MessageKey } from '$lib/i18n';
import { itemTrails } from '$lib/server/advice/trail.queries';
import { replyResponses } from '$lib/server/db/schema';
import {
	deleteDraftMeeting,
	transitionMeeting,
	type TransitionName
} from '$lib/server/meetings/meetings.service';
import { replyToMeeting } from '$lib/server/meetings/participation.service';
import { bodySlugOf, meetingOverview } from '$lib/server/meetings/workspace.queries';
import { minutesApproval } from '$lib/server/minutes/minutes.queries';
import { agendaReports } from '$lib/server/reports/report.views';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

/** The status message (catalogue key) each action's redirect flag shows. */
const flags: Record<string, MessageKey> = {
	aangemaakt: 'ws.meetings.flag.aangemaakt',
	bewaard: 'ws.meetings.flag.bewaard',
	gepubliceerd: 'ws.meetings.flag.gepubliceerd',
	gehouden: 'ws.meetings.flag.gehouden',
	verslag: 'ws.meetings.flag.verslag',
	geannuleerd: 'ws.meetings.flag.geannuleerd',
	geantwoord: 'ws.meetings.flag.geantwoord'
};

export const load: PageServerLoad = async (event) => {
	const view = await orError(meetingOverview(contextOf(event), event.params.id));
	const locale = event.locals.locale;
	const name = tr(view.body.name, locale);
	const flag = Object.keys(flags).find((f) => event.url.searchParams.has(f));
	return {
		...view,
		responses: replyResponses,
		minutesApproval: await minutesApproval(event.locals.db, view.meeting),
		reports: await agendaReports(event.locals.db, view.meeting, 'members'),
		message: flag ? translate(locale, flags[flag]) : null,
		// Advice trails through this meeting's items, for members (every hop).
		trails: Object.fromEntries(
			await itemTrails(
				event.locals.db,
				view.items.map((i) => i.id),
				'members'
			)
		),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: name, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle }
		]
	};
};

/** A status transition, then back to this page with its flag. */
function transition(name: TransitionName, flag: string) {
	return async (event: RequestEvent<{ id: string }>) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			transitionMeeting(contextOf(event), event.params.id, name, name === 'cancel' ? values : {})
		);
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/vergaderingen/${result.id}?${flag}`, event.locals.locale));
	};
}

export const actions: Actions = {
	publish: transition('publish', 'gepubliceerd'),
	hold: transition('hold', 'gehouden'),
	startMinutes: transition('startMinutes', 'verslag'),
	cancel: transition('cancel', 'geannuleerd'),
	deleteDraft: async (event) => {
		const values = await formValues(event.request);
		const ctx = contextOf(event);
		const result = await formAction(values, async () => {
			const before = await deleteDraftMeeting(ctx, event.params.id);
			return { slug: await bodySlugOf(ctx, before.bodyId) };
		});
		if (!('slug' in result)) return result;
		redirect(
			303,
			localizeHref(`/beheer/organen/${result.slug}/vergaderingen?verwijderd`, event.locals.locale)
		);
	},
	reply: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			replyToMeeting(contextOf(event), event.params.id, values)
		);
		if (!('response' in result)) return result;
		redirect(
			303,
			localizeHref(`/beheer/vergaderingen/${event.params.id}?geantwoord`, event.locals.locale)
		);
	}
};
