import { formatDate, tr, translate } from '$lib/i18n';
import { decisionStatuses } from '$lib/server/db/schema';
import { meetingTitle } from '$lib/server/meetings/agenda';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { createDecision, decisionReference } from '$lib/server/meetings/decisions.service';
import { decisionsPage, updateMeetingDecision } from '$lib/server/meetings/records.service';
import { approvableMinutes } from '$lib/server/minutes/minutes.queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = event.locals.locale;
	const found = await orError(decisionsPage(contextOf(event), event.params.id));
	const bodyName = tr(found.body.name, locale);
	// The labels of the page in its language (the service gives them in Dutch).
	const view = {
		...found,
		meeting: {
			...found.meeting,
			displayTitle: meetingTitle(found.meeting, bodyName, (d) => formatDate(d, locale, 'long'))
		},
		statusLabel: translate(locale, `meetingStatus.${found.meeting.status}`),
		decisionStatusLabels: Object.fromEntries(
			decisionStatuses.map((s) => [s, translate(locale, `decisionStatus.${s}`)])
		) as typeof found.decisionStatusLabels
	};
	const item = event.url.searchParams.get('punt');
	const approvable = view.can.record
		? await approvableMinutes(event.locals.db, view.meeting, bodyName, locale)
		: [];
	const preselected = view.items.find((i) => i.id === item) ?? null;
	return {
		...view,
		preselected: preselected?.id ?? null,
		approvable,
		// The standing item "Goedkeuring verslag…" proposes the latest draft minutes.
		preselectedApproval:
			preselected && /goedkeuring.*verslag/i.test(preselected.title)
				? (approvable[0]?.value ?? '')
				: '',
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: bodyName, href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'decisions.title') }
		]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			createDecision(contextOf(event), event.params.id, values)
		);
		return 'id' in result
			? {
					done: translate(event.locals.locale, 'ws.minutes.decisions.recorded', {
						reference: decisionReference(result)
					})
				}
			: result;
	},
	update: async (event) => {
		const values = await formValues(event.request);
		const { id, ...rest } = values;
		const result = await formAction(values, () =>
			updateMeetingDecision(contextOf(event), event.params.id, id, rest)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.minutes.decisions.saved') }
			: result;
	}
};
