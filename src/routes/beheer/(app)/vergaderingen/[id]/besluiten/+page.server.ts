import { tr } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { createDecision, decisionReference } from '$lib/server/meetings/decisions.service';
import { decisionsPage, updateMeetingDecision } from '$lib/server/meetings/records.service';
import { approvableMinutes } from '$lib/server/minutes/minutes.queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(decisionsPage(contextOf(event), event.params.id));
	const item = event.url.searchParams.get('punt');
	const approvable = view.can.record
		? await approvableMinutes(event.locals.db, view.meeting, view.body.name.nl)
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
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Vergaderingen', href: `/beheer/organen/${view.body.slug}/vergaderingen` },
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: 'Besluiten' }
		]
	};
};

export const actions: Actions = {
	create: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			createDecision(contextOf(event), event.params.id, values)
		);
		return 'id' in result ? { done: `Besluit ${decisionReference(result)} is genoteerd.` } : result;
	},
	update: async (event) => {
		const values = await formValues(event.request);
		const { id, ...rest } = values;
		const result = await formAction(values, () =>
			updateMeetingDecision(contextOf(event), event.params.id, id, rest)
		);
		return 'id' in result ? { done: 'Het besluit is bewaard.' } : result;
	}
};
