import { tr, translate } from '$lib/i18n';
import { translateMessage } from '$lib/server/messages';
import { aggregationLabels } from '$lib/server/monitor/catalogue.schema';
import { listIndicators } from '$lib/server/monitor/catalogue.service';
import { domainLabel } from '$lib/server/monitor/charts/views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { locale } = locals;
	return {
		indicators: (await listIndicators(locals.db)).map((i) => ({
			code: i.code,
			name: tr(i.name, locale),
			domain: domainLabel(i.domain, locale),
			unit: i.unit,
			aggregation: translateMessage(locale, aggregationLabels[i.aggregation]),
			isExample: i.isExample
		})),
		crumbs: [
			{ label: translate(locale, 'ws.common.nav'), href: '/beheer' },
			{ label: translate(locale, 'ws.monitor.title'), href: '/beheer/monitor' },
			{ label: translate(locale, 'ws.monitor.indicators.title') }
		]
	};
};
