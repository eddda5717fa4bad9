/** English for the Dutch messages of content (see ../messages.ts). */
export const en: Record<string, string> = {
	// content.schema.ts
	'Kies of dit een nieuwsbericht of een pagina is.':
		'Choose whether this is a news item or a page.',
	'Een korte naam voor het adres bestaat uit kleine letters, cijfers en koppeltekens (bv. nieuwe-fietsroute).':
		'A short name for the address consists of lower-case letters, digits and hyphens (e.g. new-cycle-route).',
	'Er is al een nieuwsbericht met dit adres. Kies een andere korte naam.':
		'There is already a news item with this address. Choose another short name.',
	'Er is al een pagina met dit adres. Kies een andere korte naam.':
		'There is already a page with this address. Choose another short name.',
	'Geef een titel in het Nederlands.': 'Give a title in Dutch.',
	'Schrijf de tekst in het Nederlands.': 'Write the text in Dutch.',
	'Beschrijf de afbeelding in een alternatieve tekst (voor wie ze niet ziet).':
		'Describe the image in an alternative text (for those who cannot see it).',
	'Geef datum en uur als DD/MM/JJJJ UU:MM.': 'Give the date and time as DD/MM/YYYY HH:MM.',
	'Kies een moment in de toekomst, of publiceer meteen.':
		'Choose a moment in the future, or publish now.',
	'Gebruik het formulier op de pagina van het bericht.': 'Use the form on the page of the item.',
	'Kies het orgaan waarvoor u schrijft.': 'Choose the body you are writing for.',
	'Iemand anders heeft dit bericht intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.':
		'Someone else has changed this item in the meantime. Your change was not saved: look at the current version and try again.',
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	'Ongeldig orgaan.': 'Invalid body.',
	'Ongeldige regio.': 'Invalid region.',
	'Ongeldige organisatie.': 'Invalid organisation.',
	'Ongeldig beleidsdomein.': 'Invalid policy domain.',

	// content.service.ts, content.queries.ts, content.api.ts
	'Bericht niet gevonden.': 'Item not found.',
	'Nieuwsbericht niet gevonden.': 'News item not found.',
	'Pagina niet gevonden.': 'Page not found.',
	'Ongeldige cursor.': 'Invalid cursor.',
	'Dat orgaan bestaat niet.': 'That body does not exist.',
	'Die regio bestaat niet.': 'That region does not exist.',
	'Die organisatie bestaat niet.': 'That organisation does not exist.',
	'Dat beleidsdomein bestaat niet.': 'That policy domain does not exist.',

	// links.service.ts
	'Geef de link een naam.': 'Give the link a name.',
	'Geef een webadres dat begint met https:// of http://.':
		'Give a web address that starts with https:// or http://.',
	'Organisatie niet gevonden.': 'Organisation not found.',
	'Link niet gevonden.': 'Link not found.',

	// markdown-check.ts
	'Elke afbeelding heeft een alternatieve tekst nodig: schrijf ![beschrijving](adres).':
		'Every image needs an alternative text: write ![description](address).',
	'Een afbeelding moet een opgeladen bestand (/bestanden/…) of een https-adres zijn.':
		'An image must be an uploaded file (/bestanden/…) or an https address.',
	'Links met javascript:, vbscript: of data: zijn niet toegestaan: gebruik een https-adres.':
		'Links with javascript:, vbscript: or data: are not allowed: use an https address.',

	// workspace.web.ts
	'U schrijft voor geen enkel orgaan nieuws of pagina’s.':
		'You do not write news or pages for any body.',
	'U schrijft geen nieuws of pagina’s.': 'You do not write news or pages.',
	'U schrijft dit bericht niet.': 'You do not write this item.',
	'Het bericht is bewaard.': 'The item has been saved.',
	'Het bericht is gepubliceerd.': 'The item has been published.',
	'De publicatie is gepland.': 'The publication has been scheduled.',
	'Het bericht is weer een concept.': 'The item is a draft again.',
	'Vink aan dat u het bericht wilt verwijderen.':
		'Tick the box to confirm you want to delete the item.',
	'Te lange tekst voor een voorbeeld.': 'Text too long for a preview.',
	'Ongeldige vraag.': 'Invalid request.'
};
