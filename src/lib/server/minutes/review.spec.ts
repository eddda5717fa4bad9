/**
 * Review of draft minutes: the draft goes by mail (a real SMTP server) to every invitee with an
 * address, as plain text with a link to the workspace page, skipping users who turned "verslagen"
 * off; the review is logged. Members comment per item while the minutes are a draft.
 */
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMembership,
	buildMemberUser
} from '../../../../tests/helpers/factories';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { auditEvents, minutesComments, minutesReviews, people } from '../db/schema';
import { createDecision } from '../meetings/decisions.service';
import { minutesPage } from './minutes.queries';
import { saveItemMinutes } from './minutes.service';
import { addMinutesComment, commentsOfMeeting, sendMinutesForReview } from './review.service';

// The SMTP server must be known before anything reads (and caches) the configuration.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.MAIL_FROM = 'Streekplatform test <test@voorbeeld.test>';
});
afterAll(async () => {
	await smtp.close();
});
const t = useTestDatabase();

const recipient = (mail: ParsedMail) =>
	(Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;

async function draftMeeting(bodyId: string) {
	const start = new Date(Date.now() - 3 * 86400_000);
	const made = await buildMeeting(t.db, {
		bodyId,
		status: 'held',
		title: 'Taskforce maart',
		startsAt: start,
		endsAt: new Date(start.getTime() + 2 * 3600_000),
		items: [{ title: 'Mobiliteit' }, { title: 'Personeel', isPublic: false }]
	});
	await saveItemMinutes(t.ctx(), made.items[0].id, {
		body: 'De Taskforce **bespreekt** de [nota](https://example.org/nota).',
		baseVersion: 0
	});
	return made;
}

describe('sending draft minutes for review', () => {
	it('mails the plain-text draft and a link to every invitee with an address, and logs it', async () => {
		const body = await buildBody(t.db);
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const anna = await buildMemberUser(t.db, { bodyId: body.id });
		const quiet = await buildMemberUser(t.db, {
			bodyId: body.id,
			mailPreferences: { minutes: false }
		});
		const bert = await buildMembership(t.db, { bodyId: body.id, role: 'chair' });
		await t.db
			.update(people)
			.set({ email: 'bert-verslag@voorbeeld.test' })
			.where(eq(people.id, bert.person.id));
		await buildMembership(t.db, { bodyId: body.id }); // no address: nothing to send
		const { meeting } = await draftMeeting(body.id);

		const before = smtp.received.length;
		const result = await sendMinutesForReview(
			t.ctx({ principal: secretary.principal }),
			meeting.id
		);
		expect(result).toEqual({ sent: 3, failed: 0, recipients: 3 });
		const mails = (await smtp.waitFor(before + 3)).slice(before);
		expect(mails.map(recipient).sort()).toEqual(
			[secretary.user.email, anna.user.email, 'bert-verslag@voorbeeld.test'].sort()
		);
		expect(mails.map(recipient)).not.toContain(quiet.user.email);
		for (const mail of mails) {
			expect(mail.subject).toContain('Ontwerpverslag ter nalezing: Taskforce maart');
			expect(mail.text).toContain('1. Mobiliteit');
			expect(mail.text).toContain('De Taskforce bespreekt de nota.');
			expect(mail.text).not.toContain('**');
			expect(mail.text).toContain('2. Personeel');
			expect(mail.text).toContain('(nog geen verslag bij dit punt)');
			expect(mail.text).toContain(`/beheer/vergaderingen/${meeting.id}/verslag`);
		}
		// Users get the notification footer (where to turn it off); people without an account not.
		const annaMail = mails.find((m) => recipient(m) === anna.user.email)!;
		const bertMail = mails.find((m) => recipient(m) === 'bert-verslag@voorbeeld.test')!;
		expect(annaMail.text).toContain('/beheer/account#meldingen');
		expect(bertMail.text).not.toContain('/beheer/account#meldingen');

		const reviews = await t.db
			.select()
			.from(minutesReviews)
			.where(eq(minutesReviews.meetingId, meeting.id));
		expect(reviews).toHaveLength(1);
		expect(reviews[0]).toMatchObject({ recipients: 3, sentByUserId: secretary.user.id });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'minutes.review'));
		expect(audit.recordId).toBe(meeting.id);
		const page = await minutesPage(t.ctx({ principal: anna.principal }), meeting.id);
		expect(page.lastReview?.recipients).toBe(3);
		expect(page.can).toMatchObject({ write: false, review: false, comment: true });
	});

	it('is for managers, and only while the minutes are a draft', async () => {
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const held = await buildMeeting(t.db, { bodyId: body.id, status: 'held' });
		const { meeting } = await draftMeeting(body.id);
		const before = smtp.received.length;
		const forbidden = await rejection(
			sendMinutesForReview(t.ctx({ principal: member.principal }), meeting.id)
		);
		expect(forbidden.code).toBe('forbidden');
		const early = await rejection(sendMinutesForReview(t.ctx(), held.meeting.id));
		expect(early.message).toContain('nog geen ontwerpverslag');
		expect(
			await t.db.select().from(minutesReviews).where(eq(minutesReviews.meetingId, meeting.id))
		).toHaveLength(0);
		expect(smtp.received.length).toBe(before);
	});
});

describe('comments during review', () => {
	it('lets members comment per item while a draft, grouped per item; not others, not after approval', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const outsider = await buildMemberUser(t.db, { bodyId: other.id });
		const { meeting, items } = await draftMeeting(body.id);
		const ctx = t.ctx({ principal: member.principal });

		await addMinutesComment(ctx, items[0].id, { body: 'De nota is van 3 maart, niet 4 maart.' });
		await addMinutesComment(ctx, items[0].id, { body: 'En de bijlage ontbreekt.' });
		await addMinutesComment(ctx, items[1].id, { body: 'Graag anoniem.' });
		const grouped = await commentsOfMeeting(t.db, meeting.id);
		expect(grouped.get(items[0].id)?.map((c) => c.body)).toEqual([
			'De nota is van 3 maart, niet 4 maart.',
			'En de bijlage ontbreekt.'
		]);
		expect(grouped.get(items[1].id)?.[0]).toMatchObject({
			authorName: member.user.name,
			authorUserId: member.user.id
		});

		const empty = await rejection(addMinutesComment(ctx, items[0].id, { body: '   ' }));
		expect(empty.fields?.body?.[0]).toBe('Schrijf uw opmerking.');
		const foreign = await rejection(
			addMinutesComment(t.ctx({ principal: outsider.principal }), items[0].id, { body: 'Hallo' })
		);
		expect(foreign.code).toBe('forbidden');

		// After approval the minutes are frozen: no more comments.
		const later = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			startsAt: new Date(),
			endsAt: new Date(Date.now() + 3600_000)
		});
		await createDecision(t.ctx(), later.meeting.id, {
			title: 'Goedkeuring verslag',
			text: 'Goedgekeurd.',
			status: 'adopted',
			approvesMinutesOfId: meeting.id
		});
		const frozen = await rejection(addMinutesComment(ctx, items[0].id, { body: 'Te laat' }));
		expect(frozen.message).toContain('Opmerkingen kunnen alleen bij een ontwerpverslag');
		expect(
			await t.db.select().from(minutesComments).where(eq(minutesComments.meetingId, meeting.id))
		).toHaveLength(3);
		const page = await minutesPage(ctx, meeting.id);
		expect(page.approval?.reference).toMatch(/^\d{4}\/\d{3}$/);
		expect(page.items[0].comments).toHaveLength(2);
		expect(page.can).toMatchObject({ comment: false, write: false, correct: false });
	});
});
