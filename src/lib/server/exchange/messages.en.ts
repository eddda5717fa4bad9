/**
 * English for the Dutch messages of the exchange (import and export of people and memberships):
 * the file-level refusals and every row-level error the workspace lists (see ../messages.ts).
 * Messages that embed a Dutch word (a field label, a role) are listed per word, before the
 * general form.
 */
export const en: Record<string, string> = {
	'Het bestand is leeg.': 'The file is empty.',
	'Het bestand is groter dan 5 MB.': 'The file is larger than 5 MB.',
	'Het bestand is te groot: hoogstens 5 MB.': 'The file is too large: at most 5 MB.',
	'Dit is geen CSV-bestand in UTF-8 en geen Excel-bestand (.xlsx).':
		'This is not a CSV file in UTF-8 nor an Excel file (.xlsx).',
	'Dit is geen leesbaar CSV-bestand (controleer de aanhalingstekens).':
		'This is not a readable CSV file (check the quotation marks).',
	'Dit is geen leesbaar Excel-bestand (.xlsx).': 'This is not a readable Excel file (.xlsx).',
	'Het bestand bevat geen werkblad.': 'The file contains no worksheet.',
	'Het werkblad is leeg.': 'The worksheet is empty.',
	'Formule in cel {cells} (werkblad "{sheet}", rij {row}): vervang formules door waarden.':
		'Formula in cell {cells} (worksheet "{sheet}", row {row}): replace formulas with values.',
	'Samengevoegde cellen {cells} (werkblad "{sheet}", rij {row}): maak de samenvoeging ongedaan.':
		'Merged cells {cells} (worksheet "{sheet}", row {row}): unmerge them.',
	'Onbekende kolom(men): {columns}.': 'Unknown column(s): {columns}.',
	'Ontbrekende kolom(men): {columns}.': 'Missing column(s): {columns}.',
	'Kolom staat dubbel: {columns}.': 'Column appears twice: {columns}.',
	'Kies een CSV- of XLSX-bestand.': 'Choose a CSV or XLSX file.',
	'Het bestand kan niet gelezen worden; er is niets geïmporteerd.':
		'The file cannot be read; nothing was imported.',
	'De bevestiging is onvolledig. Laad het bestand opnieuw op.':
		'The confirmation is incomplete. Upload the file again.',
	'Er is niets geïmporteerd: {n} fout in het bestand.':
		'Nothing was imported: {n} error in the file.',
	'Er is niets geïmporteerd: {n} fouten in het bestand.':
		'Nothing was imported: {n} errors in the file.',
	'Er is niets geïmporteerd: {n} {errors} in het bestand.':
		'Nothing was imported: {n} {errors} in the file.',
	'Orgaan niet gevonden.': 'Body not found.',
	'Ids overnemen kan alleen bij een import voor het hele platform.':
		'Ids can only be kept in an import for the whole platform.',
	'Deze persoon is geanonimiseerd: naam en contactgegevens blijven zoals ze zijn.':
		'This person has been anonymised: name and contact details stay as they are.',
	// Row by row.
	'person_id "{value}" is geen geldige id.': 'person_id "{value}" is not a valid id.',
	'Onbekende persoon: person_id {id} bestaat niet.':
		'Unknown person: person_id {id} does not exist.',
	'Voornaam (given_name) ontbreekt.': 'Given name (given_name) is missing.',
	'Familienaam (family_name) ontbreekt.': 'Family name (family_name) is missing.',
	'E-mailadres "{email}" is ongeldig.': 'Email address "{email}" is invalid.',
	'Elke regel moet een lidmaatschap van dit orgaan bevatten.':
		'Every line must contain a membership of this body.',
	'membership_id "{value}" is geen geldige id.': 'membership_id "{value}" is not a valid id.',
	'Onbekend lidmaatschap: membership_id {id} bestaat niet.':
		'Unknown membership: membership_id {id} does not exist.',
	'Lidmaatschap {id} hoort bij een andere persoon.': 'Membership {id} belongs to another person.',
	'Lidmaatschap {id} hoort bij een ander orgaan.': 'Membership {id} belongs to another body.',
	'Lidmaatschap {id} kan niet naar een ander orgaan verhuizen: beëindig het en voeg een nieuwe regel toe.':
		'Membership {id} cannot move to another body: end it and add a new line.',
	'Orgaan (body_slug) ontbreekt.': 'Body (body_slug) is missing.',
	'Onbekend orgaan: "{slug}".': 'Unknown body: "{slug}".',
	'Orgaan "{slug}" valt buiten deze import (alleen "{scope}").':
		'Body "{slug}" is outside this import (only "{scope}").',
	'Onbekende rol: "{role}".': 'Unknown role: "{role}".',
	'Onbekende organisatie: "{slug}".': 'Unknown organisation: "{slug}".',
	'Het lidmaatschap eindigt ({end}) voor het begint ({start}).':
		'The membership ends ({end}) before it starts ({start}).',
	'public_name "{value}" moet ja of nee zijn.': 'public_name "{value}" must be yes or no.',
	'Toestemmingsdatum "{value}" is ongeldig.': 'Consent date "{value}" is invalid.',
	'Een publieke naam vraagt een datum van toestemming (public_name_consent_at).':
		'A public name needs a date of consent (public_name_consent_at).',
	'membership_id {id} staat ook op regel {line}.': 'membership_id {id} is also on line {line}.',
	'person_id {id} staat ook op regel {line} met andere gegevens (naam, e-mail of telefoon).':
		'person_id {id} is also on line {line} with other details (name, email or phone).',
	'person_id {id} staat ook op regel {line}.': 'person_id {id} is also on line {line}.',
	'Deze persoon is geen lid van dit orgaan: naam en contactgegevens blijven ongewijzigd.':
		'This person is not a member of this body: name and contact details stay unchanged.',
	'Voornaam is te lang (hoogstens {max} tekens).':
		'Given name is too long (at most {max} characters).',
	'Familienaam is te lang (hoogstens {max} tekens).':
		'Family name is too long (at most {max} characters).',
	'E-mailadres is te lang (hoogstens {max} tekens).':
		'Email address is too long (at most {max} characters).',
	'Telefoon is te lang (hoogstens {max} tekens).': 'Phone is too long (at most {max} characters).',
	'Opmerking is te lang (hoogstens {max} tekens).': 'Note is too long (at most {max} characters).',
	'Begindatum "{value}" is geen geldige datum (JJJJ-MM-DD).':
		'Start date "{value}" is not a valid date (YYYY-MM-DD).',
	'Einddatum "{value}" is geen geldige datum (JJJJ-MM-DD).':
		'End date "{value}" is not a valid date (YYYY-MM-DD).',
	'Deze persoon is in dezelfde periode al voorzitter van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already chair of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al voorzitter van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already chair of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al ondervoorzitter van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already vice-chair of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al ondervoorzitter van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already vice-chair of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al secretaris van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already secretary of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al secretaris van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already secretary of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al lid van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already member of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al lid van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already member of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al waarnemer van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already observer of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al waarnemer van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already observer of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al deskundige van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already expert of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al deskundige van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already expert of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al ondersteuning van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already support of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al ondersteuning van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already support of body "{slug}" (line {line}).',
	'Deze persoon is in dezelfde periode al redacteur van orgaan "{slug}" (een bestaand lidmaatschap).':
		'In the same period, this person is already editor of body "{slug}" (an existing membership).',
	'Deze persoon is in dezelfde periode al redacteur van orgaan "{slug}" (regel {line}).':
		'In the same period, this person is already editor of body "{slug}" (line {line}).',
	'{label} is te lang (hoogstens {max} tekens).': '{label} is too long (at most {max} characters).',
	'{label} "{value}" is geen geldige datum (JJJJ-MM-DD).':
		'{label} "{value}" is not a valid date (YYYY-MM-DD).',
	'Deze persoon is in dezelfde periode al {role} van orgaan "{slug}" ({where}).':
		'In the same period, this person is already {role} of body "{slug}" ({where}).'
};
