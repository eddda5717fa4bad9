/** English for the Dutch messages of people (see ../messages.ts). */
export const en: Record<string, string> = {
	'Vul de voornaam in.': 'Enter the given name.',
	'Vul de familienaam in.': 'Enter the family name.',
	'Ongeldig e-mailadres.': 'Invalid email address.',
	'Ongeldige organisatie.': 'Invalid organisation.',
	'Ongeldige filter.': 'Invalid filter.',
	'Persoon niet gevonden.': 'Person not found.'
};
