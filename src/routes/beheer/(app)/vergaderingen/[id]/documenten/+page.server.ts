import { tr, translate } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { translateMessage } from '$lib/server/messages';
import { documentsPage } from '$lib/server/documents/documents.queries';
import { isRefusalCode, refusalMessage } from '$lib/server/documents/documents.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(documentsPage(contextOf(event), event.params.id));
	// Messages after a no-JS upload: a fixed code in the URL, never text from it.
	const fout = event.url.searchParams.get('fout');
	const locale = event.locals.locale;
	return {
		...view,
		done: event.url.searchParams.has('opgeladen')
			? translate(locale, 'ws.meetings.doc.uploaded')
			: null,
		refusal: isRefusalCode(fout) ? translateMessage(locale, refusalMessage(fout)) : null,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: tr(view.body.name, locale), href: `/beheer/organen/${view.body.slug}` },
			{
				label: translate(locale, 'ws.meetings.title'),
				href: `/beheer/organen/${view.body.slug}/vergaderingen`
			},
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: translate(locale, 'ws.meetings.documents') }
		]
	};
};
