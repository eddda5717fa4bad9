/**
 * Dossier reminders: a daily job finds the addressees that were sent a position more than the
 * dossier's answer time (answer_days) ago and have not answered, and mails the secretary of the
 * dossier's body (without one, its chair and vice-chair; with none of them nobody, until someone
 * takes the role) once per addressee and sending: the dossier_reminders row is claimed first (so
 * several instances or runs never remind twice, and the dossier's timeline shows the reminder),
 * then deliverOnce sends to each recipient once (kind `dossier_reminder`, governed by the
 * "herinneringen" preference). Closed dossiers and example dossiers never remind anyone.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { today as clockToday } from '../clock';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { dossierAddressees, dossierReminders, dossiers, organisations } from '../db/schema';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { absoluteLink } from '../mail/templates';
import { bodyRecipients, deliverOnce } from '../notifications/deliver';
import { addDays } from './status';

export async function sendDossierReminders(db: DbOrTx, now = new Date()) {
	const day = clockToday(now);
	const due = await db
		.select({
			addresseeId: dossierAddressees.id,
			sentOn: dossierAddressees.sentOn,
			organisation: organisations.name,
			dossierId: dossiers.id,
			slug: dossiers.slug,
			title: dossiers.title,
			bodyId: dossiers.bodyId,
			answerDays: dossiers.answerDays
		})
		.from(dossierAddressees)
		.innerJoin(dossiers, eq(dossiers.id, dossierAddressees.dossierId))
		.innerJoin(organisations, eq(organisations.id, dossierAddressees.organisationId))
		.where(
			and(
				isNotNull(dossierAddressees.sentOn),
				isNull(dossierAddressees.answeredOn),
				isNull(dossiers.closedOn),
				eq(dossiers.isExample, false),
				sql`${dossierAddressees.sentOn} + ${dossiers.answerDays} < ${day}::date`
			)
		);
	const origin = config().origin;
	const total = { due: due.length, reminded: 0, sent: 0, failed: 0, skipped: 0 };
	for (const a of due) {
		let recipients = await bodyRecipients(db, a.bodyId, { roles: ['secretary'], on: now });
		if (!recipients.length) {
			recipients = await bodyRecipients(db, a.bodyId, { roles: ['chair', 'vice_chair'], on: now });
		}
		// Nobody to remind: no claim, so the reminder goes out once someone takes the role.
		if (!recipients.length) {
			total.skipped++;
			continue;
		}
		const [claim] = await db
			.insert(dossierReminders)
			.values({ addresseeId: a.addresseeId, sentOn: a.sentOn! })
			.onConflictDoNothing()
			.returning();
		if (!claim) continue;
		total.reminded++;
		const dueOn = addDays(a.sentOn!, a.answerDays);
		// In each recipient's language (users.locale).
		const text = (locale: Locale) => ({
			who: tr(a.organisation, locale),
			title: a.title,
			sentOn: formatDate(a.sentOn!, locale),
			dueOn: formatDate(dueOn, locale)
		});
		const result = await deliverOnce(
			db,
			{
				kind: 'dossier_reminder',
				subjectKey: `dossier-reminder:${a.addresseeId}:${a.sentOn}`,
				preference: 'reminders',
				subject: (r) => translate(r.locale, 'ws.mail.dossierReminder.subject', text(r.locale)),
				blocks: (r) => [
					{ text: translate(r.locale, 'ws.mail.greeting', { name: r.name }) },
					{ text: translate(r.locale, 'ws.mail.dossierReminder.body', text(r.locale)) },
					{ text: translate(r.locale, 'ws.mail.dossierReminder.ask') },
					{
						link: absoluteLink(`/beheer/dossiers/${a.slug}`, r.locale, origin),
						label: translate(r.locale, 'ws.mail.dossierReminder.link')
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
