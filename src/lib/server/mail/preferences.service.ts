/**
 * Which notification mails a user receives. Stored on users.mail_preferences as kind → on/off; a
 * kind that is missing is on, so a new kind reaches everyone until they turn it off. Invitations,
 * password resets and other account mails are not notifications: they are always sent.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { translate, type Locale } from '../../i18n';
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

/** The label and hint of a kind of notification in `locale` (catalogue `ws.mail.kind.…`). */
export function notificationKindLabel(
	kind: NotificationKind,
	locale: Locale = 'nl'
): { label: string; hint: string } {
	return {
		label: translate(locale, `ws.mail.kind.${kind}`),
		hint: translate(locale, `ws.mail.kind.${kind}.hint`)
	};
}

/** The language of each user's mails (users.locale); unknown users are left out. One query. */
export async function userLocales(db: DbOrTx, userIds: string[]): Promise<Map<string, Locale>> {
	const ids = [...new Set(userIds)];
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: users.id, locale: users.locale })
		.from(users)
		.where(inArray(users.id, ids));
	return new Map(rows.map((r) => [r.id, r.locale]));
}

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
