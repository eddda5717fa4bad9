import { tr, translate } from '$lib/i18n';
import { organisationKinds } from '$lib/server/db/schema';
import { contextOf, formAction, formValues, load as orError, parseId } from '$lib/server/http';
import {
	addOrganisationLink,
	organisationLinksOf,
	removeOrganisationLink
} from '$lib/server/content/links.service';
import { organisationFromForm } from '$lib/server/organisations/organisations.schema';
import {
	getOrganisationHistory,
	setOrganisationArchived,
	updateOrganisation
} from '$lib/server/organisations/organisations.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(getOrganisationHistory(contextOf(event), parseId(event.params.id)));
	return {
		...view,
		links: await organisationLinksOf(event.locals.db, view.organisation.id),
		kinds: organisationKinds,
		saved: event.url.searchParams.has('bewaard'),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{
				label: translate(event.locals.locale, 'ws.structure.organisations'),
				href: '/beheer/organisaties'
			},
			{ label: tr(view.organisation.name, event.locals.locale) }
		]
	};
};

export const actions: Actions = {
	/** "Externe websites" (content/links.service.ts authorises before reading the form). */
	addLink: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			addOrganisationLink(contextOf(event), event.params.id, {
				label: values.label,
				labelEn: values.labelEn,
				url: values.url
			})
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.org.linkAdded') }
			: { ...result, linkForm: true };
	},
	removeLink: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			removeOrganisationLink(contextOf(event), event.params.id, values.linkId)
		);
		return result ?? { done: translate(event.locals.locale, 'ws.structure.org.linkRemoved') };
	},
	update: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateOrganisation(contextOf(event), event.params.id, organisationFromForm(values))
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.org.saved') }
			: result;
	},
	archive: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			setOrganisationArchived(contextOf(event), event.params.id, values.archived !== 'false')
		);
		if (!('id' in result)) return result;
		return {
			done: result.archivedAt
				? translate(event.locals.locale, 'ws.structure.org.archivedDone')
				: translate(event.locals.locale, 'ws.structure.org.activeDone')
		};
	}
};
