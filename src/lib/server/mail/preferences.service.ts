/**
 * Which notification mails a user receives. Stored on users.mail_preferences as kind → on/off; a
 * kind that is missing is on, so a new kind reaches everyone until they turn it off. Invitations,
 * password resets and other account mails are not notifications: they are always sent.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { users } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';

export const notificationKinds = [
	'meeting_invitations',
	'agenda_changes',
	'minutes',
	'advice',
	'reminders',
	'digest',
	'news'
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, { label: string; hint: string }> = {
	meeting_invitations: {
		label: 'Uitnodigingen voor vergaderingen',
		hint: 'Wanneer een orgaan waarvan u lid bent een vergadering plant.'
	},
	agenda_changes: {
		label: 'Wijzigingen aan de agenda',
		hint: 'Wanneer de agenda of de stukken van een vergadering veranderen.'
	},
	minutes: {
		label: 'Verslagen',
		hint: 'Wanneer het verslag van een vergadering klaar is voor nalezing of goedgekeurd is.'
	},
	advice: {
		label: 'Adviezen',
		hint: 'Wanneer een advies uw orgaan bereikt, of de uitkomst van een advies van uw orgaan terugkomt.'
	},
	reminders: {
		label: 'Herinneringen',
		hint: 'Wanneer het verslag van een gehouden vergadering nog ontbreekt (voor secretarissen), en wanneer de voortgang van uw acties in een plan gemeld moet worden.'
	},
	digest: {
		label: 'Wekelijks overzicht',
		hint: 'Elke maandag: wat er de voorbije week gebeurde in de organen waarvan u lid bent.'
	},
	news: { label: 'Nieuws', hint: 'Nieuws van de organen waarvan u lid bent.' }
};

/** Every kind with its effective setting (missing = on). */
export function effectivePreferences(
	stored: Record<string, boolean> | null | undefined
): Record<NotificationKind, boolean> {
	return Object.fromEntries(notificationKinds.map((k) => [k, stored?.[k] !== false])) as Record<
		NotificationKind,
		boolean
	>;
}

/** Whether a notification of this kind may be sent to the user (for notification senders). */
export function wantsMail(
	stored: Record<string, boolean> | null | undefined,
	kind: NotificationKind
): boolean {
	return effectivePreferences(stored)[kind];
}

export async function getMailPreferences(db: DbOrTx, userId: string) {
	const [row] = await db
		.select({ prefs: users.mailPreferences })
		.from(users)
		.where(eq(users.id, userId));
	if (!row) throw notFound('Gebruiker niet gevonden.');
	return effectivePreferences(row.prefs);
}

/** The checked boxes of the form: one value, several, or none (then every kind is off). */
export const mailPreferencesInput = z.object({
	kinds: z
		.union([z.string(), z.array(z.string())])
		.optional()
		.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
		.pipe(
			z.array(
				z.enum(notificationKinds, {
					error: 'Kies alleen soorten meldingen uit de lijst.'
				})
			)
		)
});

/** The user changes which notifications they receive (only their own). */
export async function updateMailPreferences(ctx: ServiceContext, userId: string, input: unknown) {
	const p = ctx.principal;
	if (!(p.kind === 'system' || (p.kind === 'user' && p.userId === userId))) {
		throw new AppError('forbidden', 'U kunt alleen uw eigen meldingen instellen.');
	}
	const parsed = mailPreferencesInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Uw meldingen zijn niet gewijzigd.');
	const on = new Set(parsed.data.kinds);
	const next = Object.fromEntries(notificationKinds.map((k) => [k, on.has(k)])) as Record<
		NotificationKind,
		boolean
	>;
	return mutate(ctx, async (tx) => {
		const [row] = await tx
			.select({ prefs: users.mailPreferences })
			.from(users)
			.where(eq(users.id, userId));
		if (!row) throw notFound('Gebruiker niet gevonden.');
		const before = effectivePreferences(row.prefs);
		await tx
			.update(users)
			.set({ mailPreferences: next, updatedAt: new Date() })
			.where(eq(users.id, userId));
		return {
			result: next,
			audit: {
				action: 'user.mail_preferences',
				recordType: 'user',
				recordId: userId,
				changes: diff(before, next)
			}
		};
	});
}
