/**
 * The contact form's fields and limits, with messages in the visitor's language (the form is
 * public: Dutch at the root, English under /en).
 */
import { z } from 'zod';
import type { Locale } from '../../i18n';

export const CONTACT_LIMITS = { name: 100, email: 254, subject: 150, message: 5000 } as const;

/** The honeypot's name: a field people never see and bots like to fill in. */
export const HONEYPOT = 'website';

/** Rate limits per sender (a keyed hash of the IP address) and per recipient. */
export const CONTACT_RATE = {
	/** At most `perWindow` messages per sender in `windowMinutes` … */
	perWindow: 3,
	windowMinutes: 10,
	/** … and `perDay` in 24 hours. */
	perDay: 10,
	/** What one secretariat (a body, or the partnership) receives at most in 24 hours. */
	perRecipientPerDay: 50
} as const;

export type ContactInput = { name: string; email: string; subject: string; message: string };

const text = {
	nl: {
		name: 'Vul uw naam in.',
		nameLong: `Uw naam mag hoogstens ${CONTACT_LIMITS.name} tekens lang zijn.`,
		email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.',
		subject: 'Vul een onderwerp in.',
		subjectLong: `Het onderwerp mag hoogstens ${CONTACT_LIMITS.subject} tekens lang zijn.`,
		message: 'Vul uw bericht in.',
		messageLong: `Uw bericht mag hoogstens ${CONTACT_LIMITS.message} tekens lang zijn.`,
		summary: 'Uw bericht is niet verstuurd: controleer de velden.'
	},
	en: {
		name: 'Enter your name.',
		nameLong: `Your name can be at most ${CONTACT_LIMITS.name} characters long.`,
		email: 'Enter a valid e-mail address, like name@example.com.',
		subject: 'Enter a subject.',
		subjectLong: `The subject can be at most ${CONTACT_LIMITS.subject} characters long.`,
		message: 'Enter your message.',
		messageLong: `Your message can be at most ${CONTACT_LIMITS.message} characters long.`,
		summary: 'Your message was not sent: check the fields.'
	}
} as const;

export const contactText = (locale: Locale) => text[locale];

/** The schema with messages in `locale`. */
export function contactSchema(locale: Locale) {
	const m = text[locale];
	return z.object({
		name: z
			.string(m.name)
			.trim()
			.min(1, m.name)
			.max(CONTACT_LIMITS.name, m.nameLong)
			.refine((v) => !/[\r\n]/.test(v), m.name),
		email: z.string(m.email).trim().max(CONTACT_LIMITS.email, m.email).pipe(z.email(m.email)),
		subject: z
			.string(m.subject)
			.trim()
			.min(1, m.subject)
			.max(CONTACT_LIMITS.subject, m.subjectLong),
		message: z.string(m.message).trim().min(1, m.message).max(CONTACT_LIMITS.message, m.messageLong)
	});
}

/** The refusals of the public forms that are not about one field. */
export const contactRefusals = {
	nl: {
		tooMany:
			'U hebt te veel berichten na elkaar verstuurd. Wacht een tijdje en probeer het later opnieuw.',
		recipientBusy:
			'Dit secretariaat kreeg vandaag al erg veel berichten. Probeer het morgen opnieuw of mail rechtstreeks.'
	},
	en: {
		tooMany: 'You have sent too many messages in a row. Please wait a while and try again later.',
		recipientBusy:
			'This secretariat has received a great many messages today. Please try again tomorrow or send an e-mail directly.'
	}
} as const;
