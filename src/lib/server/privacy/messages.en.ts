/** English for the Dutch messages of privacy (see ../messages.ts). */
export const en: Record<string, string> = {
	'Vink aan dat u vraagt om uw persoonsgegevens te laten verwijderen.':
		'Tick the box to confirm that you ask for your personal data to be erased.',
	'Kies een geldige persoon.': 'Choose a valid person.',
	'Vink aan dat u deze persoon wilt anonimiseren; dit kan niet ongedaan.':
		'Tick the box to confirm that you want to anonymise this person; this cannot be undone.',
	'Meld u aan om verder te gaan.': 'Log in to continue.',
	'U kunt alleen uw eigen gegevens opvragen of laten verwijderen.':
		'You can only request or erase your own data.',
	'Gebruiker niet gevonden.': 'User not found.',
	'Uw vraag is niet verstuurd.': 'Your request has not been sent.',
	'Aan uw account zijn geen persoonsgegevens van een lidmaatschap gekoppeld. Wilt u uw account laten verwijderen, neem dan contact op met het secretariaat.':
		'No personal data of a membership is linked to your account. If you want your account deleted, please contact the secretariat.',
	'U hebt al gevraagd om uw gegevens te laten verwijderen.':
		'You have already asked for your data to be erased.',
	'De persoon is niet geanonimiseerd.': 'The person has not been anonymised.',
	'Persoon niet gevonden.': 'Person not found.',
	'Deze persoon is al geanonimiseerd.': 'This person has already been anonymised.',
	'Deze persoon heeft nog een actieve gebruikersaccount. Schakel die eerst uit; daarna kunt u de persoon anonimiseren.':
		'This person still has an active user account. Disable it first; then you can anonymise the person.'
};
