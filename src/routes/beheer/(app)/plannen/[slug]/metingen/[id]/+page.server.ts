import { translate } from '$lib/i18n';
import { measureEditActions, measureEditPage } from '$lib/server/plans/editing.web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await measureEditPage(event);
	const locale = event.locals.locale;
	const base = `/beheer/plannen/${page.plan.slug}`;
	return {
		...page,
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.plans.title'), href: '/beheer/plannen' },
			{ label: page.plan.title, href: base },
			{
				label: `${page.item.externalId} ${page.item.title}`,
				href: `${base}/onderdelen/${page.item.id}`
			},
			{ label: translate(locale, 'ws.plans.measure.crumb', { id: page.measure.externalId }) }
		]
	};
};

export const actions: Actions = measureEditActions;
