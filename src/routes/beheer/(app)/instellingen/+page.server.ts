import { isActionFailure } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { uploadForm, uploadedFile } from '$lib/server/files/upload';
import { contextOf, formAction, formValues } from '$lib/server/http';
import { openDataLicences } from '$lib/server/opendata/licence';
import {
	formValuesOf,
	postedFormValues,
	settingsFormInput,
	settingsFormProblems
} from '$lib/server/settings/settings.schema';
import {
	editSiteSettings,
	getSiteSettings,
	removeSiteLogo,
	setSiteLogo
} from '$lib/server/settings/settings.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const settings = await getSiteSettings(locals.db);
	return {
		values: formValuesOf(settings),
		logoFileId: settings.logoFileId ?? null,
		licences: Object.entries(openDataLicences).map(([value, l]) => ({
			value,
			label: locals.locale === 'en' ? l.nameEn : l.name
		})),
		crumbs: [
			{ label: translate(locals.locale, 'ws.accounts.workspace'), href: '/beheer' },
			{ label: translate(locals.locale, 'ws.accounts.settings.title') }
		]
	};
};

export const actions: Actions = {
	/** Save every field of the form. */
	save: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(postedFormValues(values), () =>
			editSiteSettings(contextOf(event), settingsFormInput(values))
		);
		return isActionFailure(result) ? result : { saved: true };
	},
	/** Without JavaScript: show the posted values in the preview, save nothing. */
	preview: async (event) => {
		const values = await formValues(event.request);
		return {
			preview: postedFormValues(values),
			problems: settingsFormProblems(settingsFormInput(values))
		};
	},
	logo: async (event) =>
		formAction({}, async () => {
			const form = await uploadForm(event.request, 'logo', 'logo');
			const file = uploadedFile(form, 'logo', 'een PNG-, JPEG- of WebP-bestand');
			await setSiteLogo(contextOf(event), { name: file.name, data: file });
			return { logoSaved: true };
		}),
	removeLogo: async (event) =>
		formAction({}, async () => {
			await removeSiteLogo(contextOf(event));
			return { logoRemoved: true };
		})
};
