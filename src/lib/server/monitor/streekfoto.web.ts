/** The Streekfoto for its page and its PDF download. */
import type { RequestEvent } from '@sveltejs/kit';
import { formatNumber, type Locale } from '../../i18n';
import { download } from '../files/serve';
import { load } from '../http';
import { domainLabel } from './charts/views';
import { periodLabel } from './periods';
import { comparisonLabel, getStreekfoto, type StreekfotoRow } from './streekfoto.queries';
import { renderStreekfotoPdf } from './streekfoto.pdf';
import { radarGeometry } from './streekfoto.radar';

const value = (v: number | null, row: StreekfotoRow, locale: Locale, sign = false) => {
	if (v === null) return '–';
	const s = formatNumber(v, locale, row.decimals);
	return sign && v > 0 ? `+${s}` : s;
};

/** The page's data: the profile, its rows as shown, and the radar's geometry. */
export async function streekfotoPage(event: RequestEvent<{ slug: string }>) {
	const locale = event.locals.locale;
	const s = await load(getStreekfoto(event.locals.db, event.params.slug, locale));
	const row = (r: StreekfotoRow) => ({
		code: r.code,
		name: r.name,
		unit: r.unit,
		period: r.period ? periodLabel(r.period, locale) : '–',
		region: value(r.region, r, locale),
		province: value(r.province, r, locale),
		flanders: value(r.flanders, r, locale),
		change: value(r.change, r, locale, true),
		change5y: value(r.change5y, r, locale, true),
		comparison: r.comparison,
		comparisonLabel: comparisonLabel(r.comparison, locale),
		index: r.index === null ? '–' : formatNumber(r.index, locale, 0),
		onRadar: r.onRadar,
		isExample: r.isExample
	});
	return {
		streekfoto: {
			...s,
			domains: s.domains.map((d) => ({
				domain: d.domain,
				label: domainLabel(d.domain, locale),
				rows: d.rows.map(row)
			})),
			radar: s.radar.map(row)
		},
		radar: radarGeometry(s.radar)
	};
}

export async function streekfotoPdf(event: RequestEvent<{ slug: string }>) {
	// The PDF report is written in Dutch, whatever the page's language.
	const s = await load(getStreekfoto(event.locals.db, event.params.slug, 'nl'));
	const pdf = await renderStreekfotoPdf(s);
	return download(
		new Uint8Array(pdf),
		'application/pdf',
		`streekfoto-${s.region.slug}.pdf`,
		'public, max-age=300'
	);
}
