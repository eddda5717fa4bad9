/**
 * Invitation mails: on publication every invitee with an e-mail address gets the agenda and an
 * .ics (METHOD:REQUEST); a change of time or place sends the same UID with a higher SEQUENCE; a
 * cancellation sends METHOD:CANCEL. Users who turned "meeting invitations" off are skipped.
 * Every message is logged in meeting_invitations (sent or the SMTP error), after the commit of
 * the change itself: a mail that fails never undoes the meeting.
 */
import { asc, eq } from 'drizzle-orm';
import { config } from '../config';
import type { ServiceContext } from '../context';
import { agendaItems, bodies, meetingInvitations, meetings } from '../db/schema';
import { formatDate, formatDateTime } from '../../i18n';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { wantsMail } from '../mail/preferences.service';
import { notificationMail, plainMail, type Block } from '../mail/templates';
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
	const url = new URL(`/beheer/vergaderingen/${meeting.id}`, origin).toString();
	const title = meetingTitle(meeting, row.bodyName.nl, (d) => formatDate(d, 'nl', 'long'));
	const when = `${formatDateTime(meeting.startsAt, 'nl')} – ${formatDateTime(meeting.endsAt, 'nl').slice(-5)}`;
	const first = meeting.sequence === 0 && method === 'REQUEST';
	const subject =
		method === 'CANCEL'
			? `Geannuleerd: ${title}`
			: first
				? `Uitnodiging: ${title}`
				: `Gewijzigd: ${title}`;
	const blocks: Block[] = [
		{
			text:
				method === 'CANCEL'
					? `De vergadering van ${when} gaat niet door. Reden: ${meeting.cancelReason ?? '—'}`
					: first
						? `U bent uitgenodigd voor ${title} op ${when}.`
						: `De vergadering ${title} is gewijzigd. Nu: ${when}.`
		},
		...(meeting.location ? [{ text: `Plaats: ${meeting.location}` }] : []),
		...(meeting.onlineUrl ? [{ link: meeting.onlineUrl, label: 'Online deelnemen' }] : []),
		...(method === 'REQUEST' && agenda.length ? [{ text: `Agenda:\n${agenda.join('\n')}` }] : []),
		...(method === 'REQUEST'
			? [{ link: url, label: 'Agenda bekijken en antwoorden (aanwezig of verontschuldigd)' }]
			: [])
	];
	const organizer = { name: settings.name, email: config().MAIL_FROM.replace(/^.*<|>.*$/g, '') };
	let sent = 0;
	let failed = 0;
	for (const person of await invitees(ctx.db, meeting.bodyId, meeting.startsAt)) {
		if (!person.email) continue;
		if (person.userId && !wantsMail(person.mailPreferences, 'meeting_invitations')) continue;
		const ics = calendar(
			[
				{
					...meeting,
					title,
					url,
					agenda
				}
			],
			origin,
			{ method, to: { organizer, attendee: { name: person.name, email: person.email } } }
		);
		const args = { to: person.email, subject, blocks };
		const mail = person.userId
			? notificationMail(settings, { ...args, kind: 'meeting_invitations', origin })
			: plainMail(settings, args);
		mail.attachments = [
			{
				filename: method === 'CANCEL' ? 'annulering.ics' : 'uitnodiging.ics',
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
