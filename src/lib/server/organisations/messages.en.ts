/** English for the Dutch messages of organisations (see ../messages.ts). */
export const en: Record<string, string> = {
	'Een slug heeft minstens 2 tekens.': 'A slug has at least 2 characters.',
	'Een slug heeft hoogstens 100 tekens.': 'A slug has at most 100 characters.',
	'Kies een soort organisatie.': 'Choose a type of organisation.',
	'Ongeldig gebied.': 'Invalid area.',
	'Geef een volledig webadres (https://…).': 'Enter a full web address (https://…).',
	'Organisatie niet gevonden.': 'Organisation not found.',
	'Deze slug is al in gebruik.': 'This slug is already in use.',
	'Deze slug is al in gebruik door een andere organisatie.':
		'This slug is already in use by another organisation.',
	'Ongeldige filter.': 'Invalid filter.',
	'Hoogstens {max} tekens.': 'At most {max} characters.'
};
