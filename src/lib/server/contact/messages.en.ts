/**
 * English for the Dutch messages of contact (see ../messages.ts). The public forms already choose
 * their messages by locale (contact.schema.ts); these serve the same texts when a Dutch one is
 * translated at the boundary.
 */
export const en: Record<string, string> = {
	// contact.schema.ts
	'Vul uw naam in.': 'Enter your name.',
	'Uw naam mag hoogstens {max} tekens lang zijn.':
		'Your name can be at most {max} characters long.',
	'Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.':
		'Enter a valid e-mail address, like name@example.com.',
	'Vul een onderwerp in.': 'Enter a subject.',
	'Het onderwerp mag hoogstens {max} tekens lang zijn.':
		'The subject can be at most {max} characters long.',
	'Vul uw bericht in.': 'Enter your message.',
	'Uw bericht mag hoogstens {max} tekens lang zijn.':
		'Your message can be at most {max} characters long.',
	'Uw bericht is niet verstuurd: controleer de velden.':
		'Your message was not sent: check the fields.',
	'U hebt te veel berichten na elkaar verstuurd. Wacht een tijdje en probeer het later opnieuw.':
		'You have sent too many messages in a row. Please wait a while and try again later.',
	'Dit secretariaat kreeg vandaag al erg veel berichten. Probeer het morgen opnieuw of mail rechtstreeks.':
		'This secretariat has received a great many messages today. Please try again tomorrow or send an e-mail directly.',

	// contact.service.ts (the mails to the secretariat and the sender)
	'Orgaan niet gevonden.': 'Body not found.',
	'Taal van de afzender: {language}.': 'Language of the sender: {language}.',
	'Uw bericht is goed ontvangen': 'We received your message',
	'Bedankt voor uw bericht aan {name}. Het secretariaat antwoordt u zo snel mogelijk. Dit stuurde u:':
		'Thank you for your message to {name}. The secretariat will answer you as soon as possible. This is what you sent:',
	'Stuurde u dit bericht niet? Dan mag u deze e-mail negeren.':
		'Did you not send this message? Then you can ignore this e-mail.',
	// The same Dutch as content's "item": one English for both.
	'Bericht niet gevonden.': 'Item not found.',

	// contact.web.ts
	'Het partnerschap': 'The partnership'
};
