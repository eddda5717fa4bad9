/** English for the Dutch messages of minutes (see ../messages.ts). */
export const en: Record<string, string> = {
	'Agendapunt niet gevonden.': 'Agenda item not found.',
	'Schrijf het verslag.': 'Write the minutes.',
	'Ongeldige versie.': 'Invalid version.',
	'Geef de reden van de correctie.': 'Give the reason for the correction.',
	'Hoogstens {max} tekens.': 'At most {max} characters.',
	'Iemand anders bewaarde intussen een nieuwere versie (versie {version}) van dit verslag. Uw tekst is niet bewaard: voeg beide versies samen en bewaar opnieuw.':
		'Someone else has meanwhile saved a newer version (version {version}) of these minutes. Your text was not saved: merge both versions and save again.',
	'Het verslag is niet bewaard.': 'The minutes were not saved.',
	'Het verslag is goedgekeurd en kan niet meer gewijzigd worden. Een wijziging kan alleen nog als correctie, met een reden.':
		'The minutes have been approved and can no longer be changed. A change can only be made as a correction, with a reason.',
	'Het verslag wordt geschreven nadat de vergadering gehouden is.':
		'The minutes are written after the meeting has been held.',
	'De correctie is niet bewaard.': 'The correction was not saved.',
	'Een correctie kan alleen op een goedgekeurd verslag; pas het ontwerp gewoon aan.':
		'A correction is only possible on approved minutes; simply edit the draft.',
	'Het verslag is al goedgekeurd: nalezen is niet meer nodig.':
		'The minutes have already been approved: a review is no longer needed.',
	'Er is nog geen ontwerpverslag om te laten nalezen: schrijf eerst het verslag.':
		'There are no draft minutes to review yet: write the minutes first.',
	'Schrijf uw opmerking.': 'Write your comment.',
	'Uw opmerking is niet bewaard.': 'Your comment was not saved.',
	'Alleen leden geven opmerkingen.': 'Only members can comment.',
	'Opmerkingen kunnen alleen bij een ontwerpverslag, voor het goedgekeurd is.':
		'Comments can only be made on draft minutes, before they are approved.',
	// The review mail (review.service.ts).
	'Het ontwerpverslag van {title} ligt klaar om na te lezen.':
		'The draft minutes of {title} are ready for review.',
	'(nog geen verslag bij dit punt)': '(no minutes for this item yet)',
	'Verslag nalezen en opmerkingen geven': 'Review the minutes and comment',
	'Ontwerpverslag ter nalezing: {title}': 'Draft minutes for review: {title}'
};
