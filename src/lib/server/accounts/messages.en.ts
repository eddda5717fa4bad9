/** English for the Dutch messages of accounts (see ../messages.ts). */
export const en: Record<string, string> = {
	'Vul een e-mailadres in.': 'Enter an email address.',
	'Een e-mailadres heeft hoogstens 254 tekens.': 'An email address has at most 254 characters.',
	'Vul een geldig e-mailadres in.': 'Enter a valid email address.',
	'Vul uw wachtwoord in.': 'Enter your password.',
	'Vul een naam in.': 'Enter a name.',
	'Een naam heeft hoogstens 200 tekens.': 'A name has at most 200 characters.',
	'Kies een rol.': 'Choose a role.',
	'Ongeldige persoon.': 'Invalid person.',
	'Kies een wachtwoord.': 'Choose a password.',
	'Herhaal het wachtwoord.': 'Repeat the password.',
	'De twee wachtwoorden zijn niet gelijk.': 'The two passwords do not match.',
	'Vul de code in.': 'Enter the code.',
	'Vul de code van 6 cijfers of een herstelcode in.': 'Enter the 6-digit code or a recovery code.',
	'Alleen een beheerder kan iemand als beheerder of medewerker uitnodigen.':
		'Only an administrator can invite someone as an administrator or staff member.',
	'Alleen een beheerder kan deze rol toekennen.': 'Only an administrator can assign this role.',
	'Alleen een beheerder kan deze uitnodiging wijzigen.':
		'Only an administrator can change this invitation.',
	'Er bestaat al een account met dit e-mailadres.':
		'An account with this email address already exists.',
	'Gebruiker niet gevonden.': 'User not found.',
	'Er moet minstens één beheerder overblijven.': 'At least one administrator must remain.',
	'Ongeldig e-mailadres.': 'Invalid email address.',
	'Kies een organisatie.': 'Choose an organisation.',
	'Geef de sleutel een naam.': 'Give the key a name.',
	'Kies minstens één bevoegdheid.': 'Choose at least one permission.',
	'Deze sleutel is al ingetrokken.': 'This key has already been revoked.',
	'Sleutel niet gevonden.': 'Key not found.',
	'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.':
		'This link has already been used or has expired. Request a new one.',
	'Deze link is al gebruikt of verlopen.': 'This link has already been used or has expired.',
	'Het e-mailadres of het wachtwoord klopt niet.':
		'The email address or the password is incorrect.',
	'Gebruik "Uitloggen" om deze sessie te beëindigen.': 'Use "Log out" to end this session.',
	'Deze sessie bestaat niet meer.': 'This session no longer exists.',
	'Kies een wachtwoord van minstens {min} tekens.':
		'Choose a password of at least {min} characters.',
	'Een wachtwoord heeft hoogstens {max} tekens.': 'A password has at most {max} characters.',
	'Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.':
		'This password is on a list of commonly used passwords. Choose another one.',
	'Te veel pogingen. Wacht 15 minuten en probeer het dan opnieuw.':
		'Too many attempts. Wait 15 minutes and then try again.',
	'Deze code klopt niet. Probeer de volgende code of een herstelcode.':
		'This code is incorrect. Try the next code or a recovery code.',
	'Deze code klopt niet.': 'This code is incorrect.',
	'Tweestapsverificatie is al ingeschakeld.': 'Two-step verification is already turned on.',
	'Start de instelling opnieuw.': 'Start the set-up again.',
	'Voor beheerders en medewerkers is tweestapsverificatie verplicht.':
		'Two-step verification is required for administrators and staff.',
	'Het wachtwoord klopt niet.': 'The password is incorrect.',
	'Kies Nederlands of Engels.': 'Choose Dutch or English.',
	'U kunt alleen uw eigen taal instellen.': 'You can only set your own language.',
	'Uw taal is niet gewijzigd.': 'Your language has not been changed.'
};
