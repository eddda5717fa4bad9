/**
 * Notifications that go out once: each (kind, subject, user) is claimed by inserting a
 * notification_deliveries row under a unique key before the mail is sent, so several instances —
 * or a job that runs again — never send the same notification twice. Respects each user's mail
 * preferences, and writes in each user's language (users.locale). A failed send keeps its row
 * with the error (it is not retried automatically).
 */
import { and, asc, eq, gte, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import { config } from '../config';
import type { DbOrTx } from '../db';
import {
	memberships,
	notificationDeliveries,
	people,
	users,
	type MembershipRole
} from '../db/schema';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { wantsMail, type NotificationKind } from '../mail/preferences.service';
import { notificationMail, type Block } from '../mail/templates';
import { getSiteSettings } from '../settings/settings.service';

export type Recipient = {
	userId: string;
	email: string;
	name: string;
	mailPreferences: Record<string, boolean> | null;
	/** The language of the user's mails (users.locale). */
	locale: Locale;
};

const brusselsDay = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });

/** Users with an active membership in the body on `on` (optionally only some roles). One query. */
export async function bodyRecipients(
	db: DbOrTx,
	bodyId: string,
	opts: { roles?: MembershipRole[]; on?: Date } = {}
): Promise<Recipient[]> {
	const day = brusselsDay(opts.on ?? new Date());
	const rows = await db
		.selectDistinctOn([users.id], {
			userId: users.id,
			email: users.email,
			givenName: people.givenName,
			familyName: people.familyName,
			mailPreferences: users.mailPreferences,
			locale: users.locale
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.innerJoin(users, eq(users.id, people.userId))
		.where(
			and(
				eq(memberships.bodyId, bodyId),
				opts.roles ? inArray(memberships.role, opts.roles) : ne(memberships.role, 'editor'),
				isNull(people.anonymisedAt),
				isNull(users.disabledAt),
				or(isNull(memberships.startOn), lte(memberships.startOn, day)),
				or(isNull(memberships.endOn), gte(memberships.endOn, day))
			)
		)
		.orderBy(asc(users.id));
	return rows.map((r) => ({
		userId: r.userId,
		email: r.email,
		name: `${r.givenName} ${r.familyName}`.trim(),
		mailPreferences: r.mailPreferences as Record<string, boolean> | null,
		locale: r.locale
	}));
}

export type Notification = {
	/** What kind of notification (advice_arrived, advice_outcome, minutes_reminder, weekly_digest…). */
	kind: string;
	/** What it is about (a hop id, a meeting id, an ISO week…): with kind and user, the unique key. */
	subjectKey: string;
	/** The mail preference that governs it. */
	preference: NotificationKind;
	/** Functions of the recipient, to write in their language (`r.locale`). */
	subject: string | ((r: Recipient) => string);
	blocks: Block[] | ((r: Recipient) => Block[]);
};

/** Send a notification to each recipient once. Returns how many were sent now. */
export async function deliverOnce(
	db: DbOrTx,
	n: Notification,
	recipients: Recipient[]
): Promise<{ sent: number; failed: number; skipped: number }> {
	const settings = await getSiteSettings(db);
	const origin = config().origin;
	let sent = 0;
	let failed = 0;
	let skipped = 0;
	for (const r of recipients) {
		if (!wantsMail(r.mailPreferences, n.preference)) {
			skipped++;
			continue;
		}
		const [claim] = await db
			.insert(notificationDeliveries)
			.values({ kind: n.kind, subjectKey: n.subjectKey, userId: r.userId, email: r.email })
			.onConflictDoNothing()
			.returning({ id: notificationDeliveries.id });
		if (!claim) {
			skipped++;
			continue;
		}
		try {
			await sendMail(
				notificationMail(settings, {
					to: r.email,
					subject: typeof n.subject === 'function' ? n.subject(r) : n.subject,
					kind: n.preference,
					origin,
					blocks: typeof n.blocks === 'function' ? n.blocks(r) : n.blocks,
					locale: r.locale
				})
			);
			await db
				.update(notificationDeliveries)
				.set({ sentAt: new Date() })
				.where(eq(notificationDeliveries.id, claim.id));
			sent++;
		} catch (e) {
			failed++;
			const error = e instanceof Error ? e.message : String(e);
			await db
				.update(notificationDeliveries)
				.set({ error: error.slice(0, 2000) })
				.where(eq(notificationDeliveries.id, claim.id));
			log().error({ kind: n.kind, subjectKey: n.subjectKey, err: error }, 'notification failed');
		}
	}
	return { sent, failed, skipped };
}
