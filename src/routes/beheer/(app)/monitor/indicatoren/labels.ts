/** The indicator form's fields as the error summary names them (keys as the service reports). */
export const fieldLabels: Record<string, string> = {
	code: 'Code',
	'name.nl': 'Naam',
	domain: 'Domein',
	unit: 'Eenheid',
	decimals: 'Aantal decimalen',
	minValue: 'Kleinste mogelijke waarde',
	maxValue: 'Grootste mogelijke waarde',
	direction: 'Wat is beter?',
	aggregation: 'Hoe telt de indicator op',
	weight: 'Gewicht',
	numerator: 'Teller',
	denominator: 'Noemer',
	multiplier: 'Vermenigvuldiger',
	sourceUrl: 'Bron: webadres'
};
