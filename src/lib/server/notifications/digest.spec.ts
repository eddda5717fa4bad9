/**
 * The weekly digest (a real SMTP server): one mail per member with what happened last ISO week in
 * their bodies, once even when the job runs twice at once on two connections; nothing for members
 * with nothing to report, who turned the digest off, or who are disabled or anonymised.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import { countQueries, type DbOrTx } from '../db';
import {
	adviceHops,
	advices,
	decisions,
	memberships,
	notificationDeliveries,
	people,
	users
} from '../db/schema';
import { jobs } from '../jobs/jobs';
import { previousWeek, sendWeeklyDigest, weekActivity, weekRange } from './digest';

const smtp = useSmtp();
const t = useTestDatabase();

const { mailsTo } = smtp;
// Monday 30 November 2026, 07:30 in Brussels: the digest of week 48 (23–29 November).
const now = new Date('2026-11-30T06:30:00Z');

async function deliveries(db: DbOrTx, userId: string) {
	return db
		.select()
		.from(notificationDeliveries)
		.where(
			and(
				eq(notificationDeliveries.userId, userId),
				eq(notificationDeliveries.kind, 'weekly_digest')
			)
		);
}

async function meetingOn(bodyId: string, iso: string, values: Record<string, unknown> = {}) {
	const start = new Date(iso);
	return buildMeeting(t.db, {
		bodyId,
		status: 'held',
		startsAt: start,
		endsAt: new Date(start.getTime() + 2 * 3600_000),
		items: [{ title: 'Besproken punt', isPublic: false }],
		...values
	});
}

describe('weekly digest', () => {
	it('names the weeks and refuses what is not one', () => {
		expect(previousWeek('2026-W49')).toBe('2026-W48');
		expect(previousWeek('2026-W01')).toBe('2025-W52');
		const range = weekRange('2026-W48');
		expect(range.from.toISOString()).toBe('2026-11-22T23:00:00.000Z');
		expect(range.to.toISOString()).toBe('2026-11-29T23:00:00.000Z');
		expect(() => previousWeek('2026-48')).toThrow('Geen ISO-week: 2026-48.');
	});

	it('mails each member once what happened last week in their bodies, even with two instances', async () => {
		const group = await buildBody(t.db, { name: { nl: 'Digestwerkgroep' } });
		const board = await buildBody(t.db, { name: { nl: 'Digeststuurgroep' } });
		const idle = await buildBody(t.db, { name: { nl: 'Stille werkgroep' } });

		const anna = await buildMemberUser(t.db, { bodyId: group.id });
		const bert = await buildMemberUser(t.db, { bodyId: board.id, role: 'secretary' });
		const carl = await buildMemberUser(t.db, { bodyId: idle.id });
		const quiet = await buildMemberUser(t.db, {
			bodyId: group.id,
			mailPreferences: { digest: false }
		});
		const disabled = await buildMemberUser(t.db, { bodyId: group.id });
		await t.db.update(users).set({ disabledAt: now }).where(eq(users.id, disabled.user.id));
		const anonymised = await buildMemberUser(t.db, { bodyId: group.id });
		await t.db.update(people).set({ anonymisedAt: now }).where(eq(people.id, anonymised.person.id));
		const editor = await buildMemberUser(t.db, { bodyId: group.id, role: 'editor' });
		const former = await buildMemberUser(t.db, { bodyId: group.id, endOn: '2026-10-31' });
		// Anna is in the Stuurgroep too (a second membership of the same person).
		await t.db
			.insert(memberships)
			.values({ personId: anna.person.id, bodyId: board.id, role: 'member', isExample: true });

		// Week 48: the working group held a meeting and took a (closed) decision; the minutes of an
		// earlier meeting were approved; its advice reached the Stuurgroep, which confirmed it.
		const held = await meetingOn(group.id, '2026-11-24T14:00:00Z', { title: 'Werkgroep november' });
		await t.db.insert(decisions).values({
			bodyId: group.id,
			year: 2026,
			number: 41,
			meetingId: held.meeting.id,
			agendaItemId: held.items[0].id,
			title: 'Fietsroute Vilvoorde',
			text: 'De werkgroep adviseert een fietsroute.',
			createdAt: new Date('2026-11-24T16:00:00Z'),
			isExample: true
		});
		await meetingOn(group.id, '2026-10-20T14:00:00Z', {
			title: 'Werkgroep oktober',
			status: 'minutes_approved',
			minutesApprovedAt: new Date('2026-11-24T15:30:00Z')
		});
		const [advice] = await t.db
			.insert(advices)
			.values({ title: 'Fietssnelwegen', originBodyId: group.id, isExample: true })
			.returning();
		await t.db.insert(adviceHops).values({
			adviceId: advice.id,
			step: 1,
			fromBodyId: group.id,
			toBodyId: board.id,
			text: 'Leg fietssnelwegen aan.',
			sentAt: new Date('2026-11-25T09:00:00Z'),
			outcome: 'confirmed',
			settledAt: new Date('2026-11-27T11:00:00Z'),
			isExample: true
		});
		// Week 47 and week 49 stay out.
		const before = await meetingOn(group.id, '2026-11-22T22:30:00Z', { title: 'Te vroeg' }); // Sunday 23:30
		await t.db.insert(decisions).values({
			bodyId: group.id,
			year: 2026,
			number: 40,
			meetingId: before.meeting.id,
			title: 'Oud besluit',
			text: 'Vorige week.',
			createdAt: new Date('2026-11-22T22:30:00Z'),
			isExample: true
		});
		await meetingOn(group.id, '2026-11-29T23:00:00Z', { title: 'Te laat' }); // Monday 00:00
		await meetingOn(idle.id, '2026-11-25T14:00:00Z', {
			title: 'Nog niet gehouden',
			status: 'agenda_published'
		});

		const second = await t.secondInstance();
		try {
			await Promise.all([
				sendWeeklyDigest(t.db, '2026-W48', now),
				sendWeeklyDigest(second.db, '2026-W48', now),
				sendWeeklyDigest(t.db, '2026-W48', now),
				sendWeeklyDigest(second.db, '2026-W48', now)
			]);
		} finally {
			await second.close();
		}
		await smtp.waitFor(2);
		await new Promise((r) => setTimeout(r, 300));

		const [toAnna] = mailsTo(anna.user.email);
		expect(mailsTo(anna.user.email)).toHaveLength(1);
		expect(toAnna.subject).toMatch(/^Wekelijks overzicht: 23\/11\/2026 tot en met 29\/11\/2026 — /);
		const text = toAnna.text!;
		expect(text).toContain(
			'Dit gebeurde van 23/11/2026 tot en met 29/11/2026 in de organen waarvan u lid bent.'
		);
		// Both bodies, by name: the Stuurgroep's section first.
		expect(text.indexOf('Digeststuurgroep:')).toBeGreaterThan(-1);
		expect(text.indexOf('Digeststuurgroep:')).toBeLessThan(text.indexOf('Digestwerkgroep:'));
		expect(text).toContain('Advies ontvangen van Digestwerkgroep: Fietssnelwegen');
		expect(text).toContain('Advies van Digestwerkgroep afgehandeld (bevestigd): Fietssnelwegen');
		expect(text).toContain('Vergadering gehouden op 24/11/2026: Werkgroep november');
		expect(text).toContain('Besluit 2026/041: Fietsroute Vilvoorde (aangenomen)');
		expect(text).toContain('Verslag goedgekeurd: Werkgroep oktober');
		expect(text).toContain(
			'Uitkomst van het advies aan Digeststuurgroep (bevestigd): Fietssnelwegen'
		);
		expect(text).toContain(`https://streek.voorbeeld.test/beheer/vergaderingen/${held.meeting.id}`);
		expect(text).toContain(`https://streek.voorbeeld.test/beheer/adviezen/${advice.id}`);
		for (const absent of [
			'Te vroeg',
			'Te laat',
			'Oud besluit',
			'Nog niet gehouden',
			'Stille werkgroep'
		]) {
			expect(text).not.toContain(absent);
		}
		expect((await deliveries(t.db, anna.user.id)).map((d) => d.subjectKey)).toEqual(['2026-W48']);

		// Bert is only in the Stuurgroep: nothing of the working group's own meetings or decisions.
		const [toBert] = mailsTo(bert.user.email);
		expect(mailsTo(bert.user.email)).toHaveLength(1);
		expect(toBert.text).toContain('Advies ontvangen van Digestwerkgroep: Fietssnelwegen');
		expect(toBert.text).not.toContain('Fietsroute Vilvoorde');
		expect(toBert.text).not.toContain('Werkgroep november');
		expect(await deliveries(t.db, bert.user.id)).toHaveLength(1);

		for (const nobody of [carl, quiet, disabled, anonymised, editor, former]) {
			expect(mailsTo(nobody.user.email)).toHaveLength(0);
			expect(await deliveries(t.db, nobody.user.id)).toHaveLength(0);
		}

		// Run again: nothing new.
		const again = await sendWeeklyDigest(t.db, '2026-W48', now);
		expect(again.sent).toBe(0);
		expect(mailsTo(anna.user.email)).toHaveLength(1);
	});

	it('runs as the Monday job and reports the week before its period', async () => {
		const reminder = jobs.find((j) => j.name === 'notifications.minutes_reminder')!;
		const digest = jobs.find((j) => j.name === 'notifications.weekly_digest')!;
		expect(reminder.schedule).toEqual({ daily: { atHour: 8 } });
		expect(digest.schedule).toEqual({ weekly: { weekday: 1, atHour: 7 } });
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		await meetingOn(body.id, '2026-12-02T14:00:00Z', { title: 'Week 49' });
		const result = await digest.run(t.ctx(), { period: '2026-W50', now });
		expect(result).toMatch(/^week 2026-W49: leden met nieuws: \d+, verstuurd: \d+, mislukt: 0$/);
		expect((await deliveries(t.db, member.user.id)).map((d) => d.subjectKey)).toEqual(['2026-W49']);
	});

	it('reads the activity of any number of bodies with the same number of queries', async () => {
		const range = weekRange('2026-W48');
		const few = [await buildBody(t.db)];
		const many = await Promise.all(Array.from({ length: 12 }, () => buildBody(t.db)));
		for (const body of many) {
			await meetingOn(body.id, '2026-11-24T14:00:00Z');
			await meetingOn(body.id, '2026-11-26T14:00:00Z');
		}
		const small = await countQueries(() =>
			weekActivity(
				t.db,
				few.map((b) => b.id),
				range.from,
				range.to
			)
		);
		const large = await countQueries(() =>
			weekActivity(
				t.db,
				many.map((b) => b.id),
				range.from,
				range.to
			)
		);
		expect(large.result.size).toBe(12);
		expect(small.queries).toBe(4);
		expect(large.queries).toBe(small.queries);
	});
});
