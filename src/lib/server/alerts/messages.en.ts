/**
 * English for the Dutch messages of alerts (see ../messages.ts). The alert mails themselves are
 * written in the subscriber's language where they are built; their Dutch is listed here too.
 */
export const en: Record<string, string> = {
	'Kies minstens één onderwerp.': 'Choose at least one topic.',
	'Uw aanvraag is niet verstuurd: controleer de velden.':
		'Your request has not been sent: please check the fields.',
	'Te veel aanvragen na elkaar. Wacht een uur en probeer het dan opnieuw.':
		'Too many requests in a row. Wait an hour and then try again.',
	'Deze bevestigingslink is ongeldig, verlopen of al gebruikt. Vraag de meldingen opnieuw aan.':
		'This confirmation link is invalid, expired or already used. Please request the alerts again.',
	'Deze uitschrijflink is ongeldig of al gebruikt: dit adres krijgt deze meldingen niet (meer).':
		'This unsubscribe link is invalid or already used: this address does not receive these alerts (any more).',
	'Bevestig uw e-mailmeldingen': 'Confirm your e-mail alerts',
	'Iemand (hopelijk u) vroeg om e-mails over {body}: {topics}. Bevestig dat via de link hieronder.':
		'Someone (hopefully you) asked to receive e-mails about {body}: {topics}. Please confirm with the link below.',
	'De link werkt {days} dagen. Vroeg u niets aan? Negeer dan deze e-mail: u krijgt niets.':
		'The link works for {days} days. Did you not ask for this? Then ignore this e-mail: you will receive nothing.',
	'U krijgt deze e-mail omdat u {body} volgt op {site}.':
		'You receive this e-mail because you follow {body} on {site}.'
};
