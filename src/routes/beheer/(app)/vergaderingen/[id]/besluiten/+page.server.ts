import { tr } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import { createDecision, decisionReference } from '$lib/server/meetings/decisions.service';
import { decisionsPage, updateMeetingDecision } from '$lib/server/meetings/records.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(decisionsPage(contextOf(event), event.params.id));
	const item = event.url.searchParams.get('punt');
	return {
		...view,
		preselected: view.items.some((i) => i.id === item) ? item : null,
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
