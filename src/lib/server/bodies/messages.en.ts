/** English for the Dutch messages of bodies, memberships and renewals (see ../messages.ts). */
const membership: Record<string, string> = {
	'De einddatum ligt vóór de begindatum.': 'The end date is before the start date.',
	'Deze persoon heeft in dit orgaan al dezelfde rol in een termijn die hiermee overlapt.':
		'This person already has the same role in this body in a term that overlaps this one.',
	'Een naam mag alleen publiek met een datum van toestemming.':
		'A name may only be public with a date of consent.',
	'Deze persoon bestaat niet.': 'This person does not exist.',
	'Deze organisatie bestaat niet.': 'This organisation does not exist.',
	'Kies een persoon.': 'Choose a person.',
	'Kies een rol.': 'Choose a role.',
	'Kies een organisatie.': 'Choose an organisation.',
	'Ongeldige organisatie.': 'Invalid organisation.',
	'Ongeldige datum.': 'Invalid date.',
	'Geef een datum als JJJJ-MM-DD.': 'Enter a date as YYYY-MM-DD.'
};

export const en: Record<string, string> = {
	...membership,
	// A newcomer in a renewal: its row number, then one of the membership messages (translated
	// as a message of its own).
	'Nieuwkomer {row}: {message}': 'Newcomer {row}: {message}',
	'Orgaan niet gevonden.': 'Body not found.',
	'Regio niet gevonden.': 'Region not found.',
	'Kies een soort zetel.': 'Choose a type of seat.',
	'Lidmaatschap niet gevonden.': 'Membership not found.',
	'Deelnemende organisatie niet gevonden.': 'Participating organisation not found.',
	'Ongeldige persoon.': 'Invalid person.',
	'Ongeldig e-mailadres.': 'Invalid email address.',
	'Ongeldig orgaan.': 'Invalid body.',
	'Kies een bestaande persoon of vul voornaam en familienaam in.':
		'Choose an existing person or enter a given name and family name.',
	'Vul de voornaam in.': 'Enter the given name.',
	'Vul de familienaam in.': 'Enter the family name.',
	'Ongeldig lidmaatschap.': 'Invalid membership.',
	'Ongeldige regio.': 'Invalid region.',
	'Kies één orgaan of één regio.': 'Choose one body or one region.',
	'Dit lidmaatschap loopt niet op de einddatum en kan niet worden verlengd.':
		'This membership does not run until the end date and cannot be renewed.',
	'Dit orgaan hoort niet bij deze vernieuwing.': 'This body is not part of this renewal.',
	'Deze regio heeft geen organen.': 'This region has no bodies.',
	'Een slug heeft minstens 2 tekens.': 'A slug has at least 2 characters.',
	'Een slug heeft hoogstens 100 tekens.': 'A slug has at most 100 characters.',
	'Deze slug is voorbehouden.': 'This slug is reserved.',
	'Kies een soort orgaan.': 'Choose a type of body.',
	'Ongeldig beleidsdomein.': 'Invalid policy domain.',
	'Geef een volledig webadres (https://…).': 'Enter a full web address (https://…).',
	'Geef een getal.': 'Enter a number.',
	'Geef een geheel getal.': 'Enter a whole number.',
	'Het quorum is minstens 1.': 'The quorum is at least 1.',
	'Het quorum is hoogstens 1000.': 'The quorum is at most 1000.',
	'Een orgaan kan geen deel zijn van zichzelf, ook niet via zijn onderdelen.':
		'A body cannot be part of itself, not even through its parts.',
	'Een orgaan kan niet (via andere organen) aan zichzelf rapporteren.':
		'A body cannot report to itself (through other bodies).',
	'Een orgaan kan zichzelf niet adviseren.': 'A body cannot advise itself.',
	'Deze slug is al in gebruik door een ander orgaan.':
		'This slug is already in use by another body.',
	'Dit orgaan bestaat niet.': 'This body does not exist.',
	'Dit beleidsdomein bestaat niet.': 'This policy domain does not exist.',
	'Deze regio bestaat niet.': 'This region does not exist.',
	'Ongeldige filter.': 'Invalid filter.',
	'Hoogstens {max} tekens.': 'At most {max} characters.'
};
