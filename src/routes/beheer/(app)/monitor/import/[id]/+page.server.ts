import { redirect } from '@sveltejs/kit';
import { localizeHref, translate } from '$lib/i18n';
import { contextOf, formAction, formValues, load as orError, parseId } from '$lib/server/http';
import {
	chooseIndicator,
	commitImport,
	importPreview
} from '$lib/server/monitor/import/import.service';
import { translateMessage } from '$lib/server/messages';
import { importStartPage } from '$lib/server/monitor/import/workspace';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const id = orError(Promise.resolve().then(() => parseId(event.params.id)));
	const ctx = contextOf(event);
	const [preview, start] = await Promise.all([
		orError(id.then((i) => importPreview(ctx, i))),
		orError(importStartPage(ctx))
	]);
	const { locale } = event.locals;
	return {
		...preview,
		// The line errors are stored in Dutch (as raised); the page shows them in its language.
		errors: preview.errors.map((e) => ({ ...e, message: translateMessage(locale, e.message) })),
		indicators: start.indicators,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.monitor.import.title'), href: '/beheer/monitor/import' },
			{ label: preview.import.fileName }
		]
	};
};

export const actions: Actions = {
	indicator: async (event) => {
		const values = await formValues(event.request);
		return formAction(values, async () => {
			await chooseIndicator(
				contextOf(event),
				parseId(event.params.id),
				String(values.indicator ?? '')
			);
			return { chosen: true };
		});
	},
	importeren: async (event) => {
		const values = await formValues(event.request);
		const result = await formAction(values, () =>
			commitImport(contextOf(event), parseId(event.params.id))
		);
		if (result && 'inserted' in result) {
			redirect(303, localizeHref(`/beheer/monitor/import/${result.importId}`, event.locals.locale));
		}
		return result;
	}
};
