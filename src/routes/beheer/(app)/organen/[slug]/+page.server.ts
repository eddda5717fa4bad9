import { redirect } from '@sveltejs/kit';
import { localizeHref, tr, translate } from '$lib/i18n';
import { getBodyManagement } from '$lib/server/bodies/manage.service';
import {
	addMembership,
	addParticipant,
	endMembership,
	endParticipant,
	updateMembership
} from '$lib/server/bodies/memberships.service';
import { bodyFromForm } from '$lib/server/bodies/structure.schema';
import { setBodyArchived, updateBodyBySlug } from '$lib/server/bodies/structure.service';
import { membershipRoles, seatTypes, bodyKinds } from '$lib/server/db/schema';
import { contextOf, formAction, formValues, load as orError } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(getBodyManagement(contextOf(event), event.params.slug));
	return {
		...view,
		roles: membershipRoles,
		seatTypes,
		bodyKinds,
		renewed: event.url.searchParams.has('vernieuwd'),
		saved: event.url.searchParams.has('bewaard'),
		crumbs: [
			{ label: translate(event.locals.locale, 'ws.common.nav'), href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale) }
		]
	};
};

/** The id of the row a form acts on, and the rest of its fields. */
function split(values: Record<string, unknown>) {
	const { id, ...rest } = values;
	return { id: typeof id === 'string' ? id : '', rest };
}

export const actions: Actions = {
	addMembership: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			addMembership(contextOf(event), { slug: event.params.slug }, values)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.membershipAdded') }
			: result;
	},
	updateMembership: async (event) => {
		const values = await formValues(event.request);
		const { id, rest } = split(values);
		const result = await formAction(values, () =>
			updateMembership(
				contextOf(event),
				id,
				{ publicName: false, ...rest },
				{ slug: event.params.slug }
			)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.membershipChanged') }
			: result;
	},
	endMembership: async (event) => {
		const values = await formValues(event.request);
		const { id, rest } = split(values);
		const result = await formAction(values, () =>
			endMembership(contextOf(event), id, rest, { slug: event.params.slug })
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.membershipEnded') }
			: result;
	},
	addParticipant: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			addParticipant(contextOf(event), { slug: event.params.slug }, values)
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.participantAdded') }
			: result;
	},
	endParticipant: async (event) => {
		const values = await formValues(event.request);
		const { id, rest } = split(values);
		const result = await formAction(values, () =>
			endParticipant(contextOf(event), id, rest, { slug: event.params.slug })
		);
		return 'id' in result
			? { done: translate(event.locals.locale, 'ws.structure.body.participationEnded') }
			: result;
	},
	updateBody: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			updateBodyBySlug(contextOf(event), event.params.slug, bodyFromForm(values))
		);
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/beheer/organen/${result.slug}?bewaard=1`, event.locals.locale));
	},
	archiveBody: async (event) => {
		const values = await formValues(event.request);
		const { id } = split(values);
		const result = await formAction(values, () => setBodyArchived(contextOf(event), id, true));
		if (!('id' in result)) return result;
		redirect(303, localizeHref('/beheer/organen?gearchiveerd=1', event.locals.locale));
	}
};
