/**
 * Retention for what the public leaves through the site's forms: contact messages are deleted
 * CONTACT_RETENTION_DAYS after they arrived, and alert subscriptions that were never confirmed
 * once their confirmation link has expired (CONFIRM_DAYS): an address nobody confirmed is not kept.
 * Confirmed subscriptions stay until their one-click unsubscribe.
 */
import { and, isNull, lt } from 'drizzle-orm';
import { CONFIRM_DAYS } from '../alerts/alerts.service';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { alertSubscriptions, contactMessages } from '../db/schema';

const DAY = 86_400_000;

export async function prunePublicForms(
	db: DbOrTx,
	now: Date,
	contactDays = config().CONTACT_RETENTION_DAYS
): Promise<{ contactMessages: number; unconfirmedSubscriptions: number }> {
	const messages = await db
		.delete(contactMessages)
		.where(lt(contactMessages.createdAt, new Date(now.getTime() - contactDays * DAY)))
		.returning({ id: contactMessages.id });
	const subscriptions = await db
		.delete(alertSubscriptions)
		.where(
			and(
				isNull(alertSubscriptions.confirmedAt),
				lt(alertSubscriptions.createdAt, new Date(now.getTime() - CONFIRM_DAYS * DAY))
			)
		)
		.returning({ id: alertSubscriptions.id });
	return { contactMessages: messages.length, unconfirmedSubscriptions: subscriptions.length };
}
