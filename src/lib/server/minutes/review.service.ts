/**
 * Review of draft minutes: the body's managers send the whole draft to every invitee (a plain-text
 * rendering and a link to the workspace page), and members comment per agenda item while the
 * minutes are a draft. Mails go out after the commit of the review row; a failed mail is logged
 * and never undoes the review.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import { config } from '../config';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { agendaItems, bodies, meetings, minutesComments, minutesReviews } from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { formatDate, tr, translate, type Locale } from '../../i18n';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { userLocales, wantsMail } from '../mail/preferences.service';
import { absoluteLink, notificationMail, plainMail, type Block } from '../mail/templates';
import { meetingTitle, numberAgenda } from '../meetings/agenda';
import { lockMeeting, managedMeeting, refuse } from '../meetings/meetings.service';
import { invitees } from '../meetings/participation.service';
import { getSiteSettings } from '../settings/settings.service';
import { authorize } from '../policy';
import { markdownText } from './markdown';
import { minutesOfMeeting } from './minutes.service';

/** The workspace page of a meeting's minutes. */
export const minutesPath = (meetingId: string) => `/beheer/vergaderingen/${meetingId}/verslag`;

/** The draft as plain text: every item numbered, with its minutes (or a note in `locale`). */
async function draftText(db: DbOrTx, meeting: { id: string; startsAt: Date }, locale: Locale) {
	const items = await db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meeting.id))
		.orderBy(asc(agendaItems.position));
	const minutes = await minutesOfMeeting(db, meeting.id);
	return numberAgenda(items, meeting.startsAt)
		.map((i) => {
			const text = markdownText(minutes.get(i.id)?.body ?? '');
			return `${i.number}. ${i.title}\n${text || translate(locale, 'ws.mail.review.noMinutes')}`;
		})
		.join('\n\n');
}

/**
 * Send the draft minutes to every invitee with an e-mail address (users who turned "verslagen"
 * off are skipped) and log the review. Managers of the body; the minutes must be a draft.
 */
export async function sendMinutesForReview(ctx: ServiceContext, meetingId: string) {
	await managedMeeting(ctx, meetingId);
	const { meeting, recipients } = await mutate(ctx, async (tx) => {
		const locked = await lockMeeting(tx, meetingId);
		if (locked.status !== 'minutes_draft') {
			refuse(
				locked.status === 'minutes_approved'
					? 'Het verslag is al goedgekeurd: nalezen is niet meer nodig.'
					: 'Er is nog geen ontwerpverslag om te laten nalezen: schrijf eerst het verslag.'
			);
		}
		const people = (await invitees(tx, locked.bodyId, locked.startsAt)).filter(
			(p) => p.email && (!p.userId || wantsMail(p.mailPreferences, 'minutes'))
		);
		const [review] = await tx
			.insert(minutesReviews)
			.values({ meetingId, sentByUserId: userIdOf(ctx), recipients: people.length })
			.returning();
		return {
			result: { meeting: locked, recipients: people },
			audit: {
				action: 'minutes.review',
				recordType: 'meeting',
				recordId: meetingId,
				changes: { reviewId: { after: review.id }, recipients: { after: people.length } }
			}
		};
	});
	const [body] = await ctx.db
		.select({ name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const settings = await getSiteSettings(ctx.db);
	const origin = config().origin;
	// Users get the mail in their language (users.locale), people without an account in Dutch.
	const localeOf = await userLocales(
		ctx.db,
		recipients.flatMap((p) => (p.userId ? [p.userId] : []))
	);
	const written = new Map<Locale, { subject: string; blocks: Block[] }>();
	const write = async (locale: Locale) => {
		const known = written.get(locale);
		if (known) return known;
		const title = meetingTitle(meeting, tr(body.name, locale), (d) =>
			formatDate(d, locale, 'long')
		);
		const mail = {
			subject: translate(locale, 'ws.mail.review.subject', { title }),
			blocks: [
				{ text: translate(locale, 'ws.mail.review.body', { title }) },
				{ text: await draftText(ctx.db, meeting, locale) },
				{
					link: absoluteLink(minutesPath(meetingId), locale, origin),
					label: translate(locale, 'ws.mail.review.link')
				}
			]
		};
		written.set(locale, mail);
		return mail;
	};
	let sent = 0;
	let failed = 0;
	for (const person of recipients) {
		const locale: Locale = (person.userId && localeOf.get(person.userId)) || 'nl';
		const args = { to: person.email!, ...(await write(locale)), locale };
		const mail = person.userId
			? notificationMail(settings, { ...args, kind: 'minutes', origin })
			: plainMail(settings, args);
		try {
			await sendMail(mail);
			sent++;
		} catch (e) {
			failed++;
			const err = e instanceof Error ? e.message : String(e);
			log().error({ meetingId, requestId: ctx.requestId, err }, 'minutes review mail failed');
		}
	}
	return { sent, failed, recipients: recipients.length };
}

const commentInput = z.strictObject({
	body: z
		.string('Schrijf uw opmerking.')
		.trim()
		.min(1, 'Schrijf uw opmerking.')
		.max(5000, 'Hoogstens 5000 tekens.')
});

/** A member's remark on an item's draft minutes (members of the body, while a draft). */
export async function addMinutesComment(ctx: ServiceContext, itemId: string, input: unknown) {
	if (!isUuid(itemId)) throw notFound('Agendapunt niet gevonden.');
	const [row] = await ctx.db
		.select({ meetingId: agendaItems.meetingId, bodyId: meetings.bodyId })
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaItems.id, itemId));
	if (!row) throw notFound('Agendapunt niet gevonden.');
	authorize(ctx.principal, 'body:read_closed', { bodyId: row.bodyId }, ctx.requestId);
	if (ctx.principal.kind !== 'user')
		throw new AppError('forbidden', 'Alleen leden geven opmerkingen.');
	const author = ctx.principal;
	const parsed = commentInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Uw opmerking is niet bewaard.');
	return mutate(ctx, async (tx) => {
		const meeting = await lockMeeting(tx, row.meetingId);
		if (meeting.status !== 'minutes_draft') {
			refuse('Opmerkingen kunnen alleen bij een ontwerpverslag, voor het goedgekeurd is.');
		}
		const [comment] = await tx
			.insert(minutesComments)
			.values({
				agendaItemId: itemId,
				meetingId: row.meetingId,
				authorUserId: author.userId,
				authorName: author.name,
				body: parsed.data.body
			})
			.returning();
		return {
			result: comment,
			audit: {
				action: 'minutes.comment',
				recordType: 'agenda_item',
				recordId: itemId,
				changes: { commentId: { after: comment.id } }
			}
		};
	});
}

export type MinutesComment = typeof minutesComments.$inferSelect;

/** The comments on a meeting's minutes, per item, oldest first (one query). */
export async function commentsOfMeeting(db: DbOrTx, meetingId: string) {
	const rows = await db
		.select()
		.from(minutesComments)
		.where(eq(minutesComments.meetingId, meetingId))
		.orderBy(asc(minutesComments.createdAt));
	const out = new Map<string, MinutesComment[]>();
	for (const r of rows) out.set(r.agendaItemId, [...(out.get(r.agendaItemId) ?? []), r]);
	return out;
}
