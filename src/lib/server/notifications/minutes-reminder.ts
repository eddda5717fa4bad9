/**
 * The minutes reminder: a daily job mails the secretaries of a body whose meeting was held more
 * than MINUTES_REMINDER_DAYS ago and still has no minutes. Once per meeting and secretary
 * (deliver.ts), governed by the "herinneringen" preference.
 *
 * "No minutes yet" = the meeting is `held`, or `minutes_draft` without a single item whose
 * minutes hold any text (a secretary who opened the minutes but wrote nothing is reminded too).
 * "Held N days ago" counts from the meeting's end.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { bodies, itemMinutes, meetings } from '../db/schema';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { absoluteLink } from '../mail/templates';
import { meetingTitle } from '../meetings/agenda';
import { minutesPath } from '../minutes/review.service';
import { bodyRecipients, deliverOnce, type Recipient } from './deliver';

const DAY = 86_400_000;

/** SQL: a meeting that was held and has no minutes text yet (also used by the staff overview). */
export const lacksMinutes = and(
	inArray(meetings.status, ['held', 'minutes_draft']),
	sql`not exists (select 1 from ${itemMinutes} where ${itemMinutes.meetingId} = ${meetings.id} and ${itemMinutes.body} ~ '[^[:space:]]')`
)!;

/**
 * Meetings of active bodies that ended before `cutoff` and lack minutes. One query. Example
 * meetings (the demo's held meetings have no minutes) never remind anyone.
 */
export async function meetingsAwaitingMinutes(db: DbOrTx, cutoff: Date) {
	return db
		.select({
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt,
			bodyId: bodies.id,
			bodyName: bodies.name
		})
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(
			and(
				lacksMinutes,
				lte(meetings.endsAt, cutoff),
				eq(meetings.isExample, false),
				isNull(bodies.archivedAt)
			)
		)
		.orderBy(asc(meetings.startsAt), asc(meetings.id));
}

/**
 * Remind the secretaries of every meeting held more than `days` days before `now` without
 * minutes. Safe to run on several instances at once: each (meeting, secretary) is sent once.
 */
export async function sendMinutesReminders(
	db: DbOrTx,
	now = new Date(),
	days = config().MINUTES_REMINDER_DAYS
) {
	const due = await meetingsAwaitingMinutes(db, new Date(now.getTime() - days * DAY));
	const origin = config().origin;
	const secretaries = new Map<string, Recipient[]>();
	const total = { meetings: due.length, sent: 0, failed: 0, skipped: 0 };
	for (const m of due) {
		if (!secretaries.has(m.bodyId)) {
			secretaries.set(
				m.bodyId,
				await bodyRecipients(db, m.bodyId, { roles: ['secretary'], on: now })
			);
		}
		const recipients = secretaries.get(m.bodyId)!;
		if (recipients.length === 0) continue;
		const text = (locale: Locale) => {
			const body = tr(m.bodyName, locale);
			return {
				body,
				title: meetingTitle(m, body, (d) => formatDate(d, locale, 'long')),
				day: formatDate(m.startsAt, locale, 'long')
			};
		};
		const result = await deliverOnce(
			db,
			{
				kind: 'minutes_reminder',
				subjectKey: m.id,
				preference: 'reminders',
				subject: (r) =>
					translate(r.locale, 'ws.mail.minutesReminder.subject', { title: text(r.locale).title }),
				blocks: (r) => [
					{ text: translate(r.locale, 'ws.mail.greeting', { name: r.name }) },
					{
						text: translate(r.locale, 'ws.mail.minutesReminder.body', { ...text(r.locale), days })
					},
					{
						link: absoluteLink(minutesPath(m.id), r.locale, origin),
						label: translate(r.locale, 'ws.mail.minutesReminder.link')
					}
				]
			},
			recipients
		);
		total.sent += result.sent;
		total.failed += result.failed;
		total.skipped += result.skipped;
	}
	return total;
}
