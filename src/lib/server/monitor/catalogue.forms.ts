/** What the catalogue's workspace forms need: the choices, and an indicator as form values. */
import { aggregationRules, indicatorDirections } from '../db/schema';
import { aggregationLabels, directionLabels, domainLabel, knownDomains } from './catalogue.schema';
import type { CatalogueEntry } from './catalogue.service';

const numberText = (n: number | null) => (n == null ? '' : String(n).replace('.', ','));

/** The select options of the indicator form; `selfCode` is left out of the references. */
export function indicatorFormOptions(list: CatalogueEntry[], selfCode?: string) {
	const domains = new Set([...Object.keys(knownDomains), ...list.map((i) => i.domain)]);
	return {
		directions: indicatorDirections.map((d) => ({ value: d, label: directionLabels[d] })),
		aggregations: aggregationRules.map((a) => ({ value: a, label: aggregationLabels[a] })),
		domains: [...domains].map((d) => ({ value: d, label: domainLabel(d) })),
		others: list
			.filter((i) => i.code !== selfCode)
			.map((i) => ({ value: i.code, label: `${i.name.nl} (${i.code})` }))
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
