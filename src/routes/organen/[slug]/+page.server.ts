import { tr } from '$lib/i18n';
import { getBodyPage } from '$lib/server/bodies/bodies.service';
import { newsAndPages } from '$lib/server/content/public.web';
import { bodyDossiers } from '$lib/server/dossiers/public.web';
import { load as orError } from '$lib/server/http';
import { bodyPublicMeetings } from '$lib/server/meetings/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orError(getBodyPage(locals.db, params.slug));
	const crumbs = [];
	if (page.region)
		crumbs.push({ label: tr(page.region.name, locals.locale), href: `/regio/${page.region.slug}` });
	if (page.partOf)
		crumbs.push({
			label: tr(page.partOf.name, locals.locale),
			href: `/organen/${page.partOf.slug}`
		});
	crumbs.push({ label: tr(page.body.name, locals.locale) });
	const [meetings, dossiers, content] = await Promise.all([
		bodyPublicMeetings(locals.db, page.body.id, new Date(), locals.locale),
		bodyDossiers(locals.db, page.body.id, locals.principal, locals.locale),
		newsAndPages(locals.db, { bodyId: page.body.id }, locals.locale)
	]);
	return { ...page, meetings, dossiers, content, crumbs };
};
