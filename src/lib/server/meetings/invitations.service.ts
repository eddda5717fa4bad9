/**
 * Invitation mails: on publication every invitee with an e-mail address gets the agenda and an
 * .ics (METHOD:REQUEST); a change of time or place sends the same UID with a higher SEQUENCE; a
 * cancellation sends METHOD:CANCEL. Users who turned "meeting invitations" off are skipped; the
 * others get the mail in their language (users.locale), people without an account in Dutch.
 * Every message is logged in meeting_invitations (sent or the SMTP error), after the commit of
 * the change itself: a mail that fails never undoes the meeting.
 */
import { asc, eq } from 'drizzle-orm';
import { config } from '../config';
import type { ServiceContext } from '../context';
import { agendaItems, bodies, meetingInvitations, meetings } from '../db/schema';
import {
	formatDate,
	formatDateTime,
	tr,
	translate,
	type Locale,
	type MessageKey
} from '../../i18n';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { userLocales, wantsMail } from '../mail/preferences.service';
import { absoluteLink, notificationMail, plainMail, type Block } from '../mail/templates';
import { getSiteSettings } from '../settings/settings.service';
import { meetingTitle, numberAgenda } from './agenda';
import { calendar } from './ical';
import { invitees } from './participation.service';

export async function sendMeetingNotices(
	ctx: ServiceContext,
	meetingId: string,
	method: 'REQUEST' | 'CANCEL'
) {
	const [row] = await ctx.db
		.select({ meeting: meetings, bodyName: bodies.name, bodySlug: bodies.slug })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(eq(meetings.id, meetingId));
	if (!row) return { sent: 0, failed: 0 };
	const { meeting } = row;
	const items = await ctx.db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position));
	const agenda = numberAgenda(items, meeting.startsAt).map(
		(i) => `${i.depth ? '    ' : ''}${i.number}. ${i.title}`
	);
	const settings = await getSiteSettings(ctx.db);
	const origin = config().origin;
	const meetingPath = `/beheer/vergaderingen/${meeting.id}`;
	const first = meeting.sequence === 0 && method === 'REQUEST';
	/** The title, subject and text of the mail in `locale`. */
	const written = (locale: Locale) => {
		const t = (key: MessageKey, params?: Record<string, string>) => translate(locale, key, params);
		const title = meetingTitle(meeting, tr(row.bodyName, locale), (d) =>
			formatDate(d, locale, 'long')
		);
		const when = `${formatDateTime(meeting.startsAt, locale)} – ${formatDateTime(meeting.endsAt, locale).slice(-5)}`;
		const subject =
			method === 'CANCEL'
				? t('ws.mail.meeting.subject.cancelled', { title })
				: first
					? t('ws.mail.meeting.subject.invitation', { title })
					: t('ws.mail.meeting.subject.changed', { title });
		const blocks: Block[] = [
			{
				text:
					method === 'CANCEL'
						? t('ws.mail.meeting.cancelled', { when, reason: meeting.cancelReason ?? '—' })
						: first
							? t('ws.mail.meeting.invitation', { title, when })
							: t('ws.mail.meeting.changed', { title, when })
			},
			...(meeting.location
				? [{ text: t('ws.mail.meeting.location', { location: meeting.location }) }]
				: []),
			...(meeting.onlineUrl
				? [{ link: meeting.onlineUrl, label: t('ws.mail.meeting.online') }]
				: []),
			...(method === 'REQUEST' && agenda.length
				? [{ text: t('ws.mail.meeting.agenda', { agenda: agenda.join('\n') }) }]
				: []),
			...(method === 'REQUEST'
				? [{ link: absoluteLink(meetingPath, locale, origin), label: t('ws.mail.meeting.respond') }]
				: [])
		];
		return { title, subject, blocks };
	};
	const organizer = { name: settings.name, email: config().MAIL_FROM.replace(/^.*<|>.*$/g, '') };
	let sent = 0;
	let failed = 0;
	const people = await invitees(ctx.db, meeting.bodyId, meeting.startsAt);
	// People with an account get the mail in their language; others in Dutch.
	const localeOf = await userLocales(
		ctx.db,
		people.flatMap((p) => (p.userId ? [p.userId] : []))
	);
	for (const person of people) {
		if (!person.email) continue;
		if (person.userId && !wantsMail(person.mailPreferences, 'meeting_invitations')) continue;
		const locale: Locale = (person.userId && localeOf.get(person.userId)) || 'nl';
		const { title, subject, blocks } = written(locale);
		const ics = calendar(
			[
				{
					...meeting,
					title,
					url: absoluteLink(meetingPath, locale, origin),
					agenda
				}
			],
			origin,
			{ method, to: { organizer, attendee: { name: person.name, email: person.email } } }
		);
		const args = { to: person.email, subject, blocks, locale };
		const mail = person.userId
			? notificationMail(settings, { ...args, kind: 'meeting_invitations', origin })
			: plainMail(settings, args);
		mail.attachments = [
			{
				filename: translate(
					locale,
					method === 'CANCEL' ? 'ws.mail.meeting.icsCancellation' : 'ws.mail.meeting.icsInvitation'
				),
				content: ics,
				contentType: `text/calendar; charset=utf-8; method=${method}`
			}
		];
		let error: string | null = null;
		try {
			await sendMail(mail);
			sent++;
		} catch (e) {
			failed++;
			error = e instanceof Error ? e.message : String(e);
			log().error({ meetingId, requestId: ctx.requestId, err: error }, 'meeting mail failed');
		}
		await ctx.db.insert(meetingInvitations).values({
			meetingId,
			personId: person.personId,
			email: person.email,
			method,
			sequence: meeting.sequence,
			sentAt: error ? null : new Date(),
			error
		});
	}
	return { sent, failed };
}
