/** What the catalogue's workspace forms need: the choices, and an indicator as form values. */
import { tr, type Locale } from '../../i18n';
import { aggregationRules, indicatorDirections } from '../db/schema';
import { translateMessage } from '../messages';
import { aggregationLabels, directionLabels, knownDomains } from './catalogue.schema';
import type { CatalogueEntry } from './catalogue.service';
import { domainLabel } from './charts/views';

const numberText = (n: number | null) => (n == null ? '' : String(n).replace('.', ','));

/** The select options of the indicator form in `locale`; `selfCode` is left out of the references. */
export function indicatorFormOptions(
	list: CatalogueEntry[],
	selfCode?: string,
	locale: Locale = 'nl'
) {
	const domains = new Set([...Object.keys(knownDomains), ...list.map((i) => i.domain)]);
	const label = (text: string) => translateMessage(locale, text);
	return {
		directions: indicatorDirections.map((d) => ({ value: d, label: label(directionLabels[d]) })),
		aggregations: aggregationRules.map((a) => ({ value: a, label: label(aggregationLabels[a]) })),
		domains: [...domains].map((d) => ({ value: d, label: domainLabel(d, locale) })),
		others: list
			.filter((i) => i.code !== selfCode)
			.map((i) => ({ value: i.code, label: `${tr(i.name, locale)} (${i.code})` }))
	};
}

/** An indicator as the edit form's values (decimal comma, as people type them). */
export function indicatorFormValues(e: CatalogueEntry): Record<string, unknown> {
	return {
		nameNl: e.name.nl,
		nameEn: e.name.en ?? '',
		definitionNl: e.definition?.nl ?? '',
		definitionEn: e.definition?.en ?? '',
		domain: e.domain,
		unit: e.unit,
		decimals: String(e.decimals),
		minValue: numberText(e.minValue),
		maxValue: numberText(e.maxValue),
		direction: e.direction,
		aggregation: e.aggregation,
		weight: e.weight ?? '',
		numerator: e.numerator ?? '',
		denominator: e.denominator ?? '',
		multiplier: numberText(e.multiplier),
		sourceOrganisation: e.sourceOrganisation ?? '',
		sourceDataset: e.sourceDataset ?? '',
		sourceUrl: e.sourceUrl ?? '',
		licence: e.licence ?? ''
	};
}
