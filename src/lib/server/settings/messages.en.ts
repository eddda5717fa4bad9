/** English for the Dutch messages of settings (see ../messages.ts). */
export const en: Record<string, string> = {
	'Gebruik een kleurcode als #1f4e79.': 'Use a colour code such as #1f4e79.',
	'Witte tekst op deze hoofdkleur heeft te weinig contrast ({ratio}:1, minstens 4,5:1 nodig). Kies een donkerdere kleur.':
		'White text on this main colour has too little contrast ({ratio}:1, at least 4.5:1 needed). Choose a darker colour.',
	'Vul de Nederlandse tekst in.': 'Enter the Dutch text.',
	'Vul de naam in.': 'Enter the name.',
	'Vul een geldig e-mailadres in, zoals info@voorbeeld.be.':
		'Enter a valid email address, such as info@example.be.',
	'Vul een volledig webadres in, zoals https://voorbeeld.be.':
		'Enter a full web address, such as https://example.be.',
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	'Kies een licentie uit de lijst.': 'Choose a licence from the list.',
	'Kies een PNG-, JPEG- of WebP-bestand.': 'Choose a PNG, JPEG or WebP file.',
	'De instellingen zijn ongeldig.': 'The settings are invalid.',
	'De instellingen zijn niet opgeslagen: controleer de velden.':
		'The settings have not been saved: check the fields.'
};
