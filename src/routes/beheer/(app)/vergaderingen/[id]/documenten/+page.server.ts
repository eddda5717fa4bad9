import { tr } from '$lib/i18n';
import { contextOf, load as orError } from '$lib/server/http';
import { documentsPage } from '$lib/server/documents/documents.queries';
import { isRefusalCode, refusalMessage } from '$lib/server/documents/documents.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await orError(documentsPage(contextOf(event), event.params.id));
	// Messages after a no-JS upload: a fixed code in the URL, never text from it.
	const fout = event.url.searchParams.get('fout');
	return {
		...view,
		done: event.url.searchParams.has('opgeladen') ? 'Het document is opgeladen.' : null,
		refusal: isRefusalCode(fout) ? refusalMessage(fout) : null,
		crumbs: [
			{ label: 'Werkruimte', href: '/beheer' },
			{ label: tr(view.body.name, event.locals.locale), href: `/beheer/organen/${view.body.slug}` },
			{ label: 'Vergaderingen', href: `/beheer/organen/${view.body.slug}/vergaderingen` },
			{ label: view.meeting.displayTitle, href: `/beheer/vergaderingen/${view.meeting.id}` },
			{ label: 'Documenten' }
		]
	};
};
