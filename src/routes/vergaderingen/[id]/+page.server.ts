import { formatDateTime, tr } from '$lib/i18n';
import { itemTrails } from '$lib/server/advice/trail.queries';
import { config } from '$lib/server/config';
import { meetingEvent } from '$lib/server/discovery/structured-data';
import { publicDocuments } from '$lib/server/documents/documents.queries';
import { load as orError } from '$lib/server/http';
import { getPublicMeeting } from '$lib/server/meetings/queries';
import { publicMinutes } from '$lib/server/minutes/minutes.queries';
import { agendaReports } from '$lib/server/reports/report.views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The same URL answers JSON-LD to other Accept headers (+server.ts): caches must keep both.
	setHeaders({ vary: 'Accept' });
	const page = await orError(getPublicMeeting(locals.db, params.id, locals.locale));
	const { meeting } = page;
	return {
		...page,
		documents: await publicDocuments(locals.db, meeting.id),
		// Approved minutes of the public items (null before approval).
		minutes: await publicMinutes(
			locals.db,
			meeting.id,
			page.items.map((i) => i.id)
		),
		// Generated reports on public items, public entries only.
		reports: await agendaReports(
			locals.db,
			meeting,
			'public',
			page.items.map((i) => i.id)
		),
		// Advice trails through public items (closed hops without their text).
		trails: Object.fromEntries(
			await itemTrails(
				locals.db,
				page.items.map((i) => i.id),
				'public'
			)
		),
		// The card says when and where (the description is the site's tagline otherwise).
		meta: {
			description: [
				tr(meeting.bodyName, locals.locale),
				formatDateTime(meeting.startsAt, locals.locale),
				meeting.location
			]
				.filter(Boolean)
				.join(' · ')
		},
		jsonLd: [meetingEvent(meeting, config().origin, locals.locale)],
		crumbs: [
			{ label: tr(meeting.bodyName, locals.locale), href: `/organen/${meeting.bodySlug}` },
			{ label: meeting.displayTitle }
		]
	};
};
