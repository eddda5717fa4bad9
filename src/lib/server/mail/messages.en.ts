/** English for the Dutch messages of mail (see ../messages.ts). */
export const en: Record<string, string> = {
	'Kies alleen soorten meldingen uit de lijst.': 'Choose only kinds of notification from the list.',
	'U kunt alleen uw eigen meldingen instellen.': 'You can only set your own notifications.',
	'Uw meldingen zijn niet gewijzigd.': 'Your notifications have not been changed.',
	// The language of a user's mails (accounts.service.ts updateMyLocale), kept with the mail.
	'Kies Nederlands of Engels.': 'Choose Dutch or English.',
	'U kunt alleen uw eigen taal instellen.': 'You can only set your own language.',
	'Uw taal is niet gewijzigd.': 'Your language has not been changed.'
};
