import { translate, type Locale } from '$lib/i18n';

/** The indicator form's fields as the error summary names them (keys as the service reports). */
export const fieldLabels = (locale: Locale): Record<string, string> => {
	const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
	return {
		code: t('ws.monitor.label.code'),
		'name.nl': t('ws.monitor.label.name'),
		domain: t('ws.monitor.label.domain'),
		unit: t('ws.monitor.label.unit'),
		decimals: t('ws.monitor.label.decimals'),
		minValue: t('ws.monitor.label.minValue'),
		maxValue: t('ws.monitor.label.maxValue'),
		direction: t('ws.monitor.label.direction'),
		aggregation: t('ws.monitor.label.aggregation'),
		weight: t('ws.monitor.label.weight'),
		numerator: t('ws.monitor.label.numerator'),
		denominator: t('ws.monitor.label.denominator'),
		multiplier: t('ws.monitor.label.multiplier'),
		sourceUrl: t('ws.monitor.label.sourceUrl')
	};
};
