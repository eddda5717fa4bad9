/**
 * The minutes reminder (a real SMTP server): secretaries of a meeting held more than N days ago
 * without minutes get one mail per meeting, even when the job runs twice at once on two
 * connections; members, secretaries who turned reminders off, disabled and anonymised users get
 * none.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import type { DbOrTx } from '../db';
import {
	bodies,
	itemMinutes,
	notificationDeliveries,
	people,
	users,
	type MeetingStatus
} from '../db/schema';
import { sendMinutesReminders } from './minutes-reminder';

// The SMTP server must be known before anything reads (and caches) the configuration.
const smtp = useSmtp();
const t = useTestDatabase();

const DAY = 86_400_000;
const now = new Date('2026-11-27T07:30:00Z'); // 08:30 in Brussels
const { mailsTo } = smtp;

async function heldMeeting(
	bodyId: string,
	daysAgo: number,
	overrides: { title?: string; status?: MeetingStatus; isExample?: boolean } = {}
) {
	const start = new Date(now.getTime() - daysAgo * DAY);
	return buildMeeting(t.db, {
		bodyId,
		status: 'held',
		startsAt: start,
		endsAt: new Date(start.getTime() + 2 * 3600_000),
		items: [{ title: 'Mobiliteit' }],
		// Real meetings: example meetings never remind anyone.
		isExample: false,
		...overrides
	});
}

async function deliveries(db: DbOrTx, userId: string) {
	return db
		.select()
		.from(notificationDeliveries)
		.where(
			and(
				eq(notificationDeliveries.userId, userId),
				eq(notificationDeliveries.kind, 'minutes_reminder')
			)
		);
}

/** A second app instance: another pool on PostgreSQL; under PGlite the same database again. */
describe('minutes reminder', () => {
	it('mails each secretary once per meeting held N days ago without minutes, even with two instances', async () => {
		const body = await buildBody(t.db, { name: { nl: 'Taskforce Herinnering' } });
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const quiet = await buildMemberUser(t.db, {
			bodyId: body.id,
			role: 'secretary',
			mailPreferences: { reminders: false }
		});
		const disabled = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
		const anonymised = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		await t.db
			.update(people)
			.set({ anonymisedAt: new Date() })
			.where(eq(people.id, anonymised.person.id));
		const member = await buildMemberUser(t.db, { bodyId: body.id });

		// Due: held 20 days ago; a minutes draft whose only minutes are blank.
		const held = await heldMeeting(body.id, 20, { title: 'Taskforce oktober' });
		const blank = await heldMeeting(body.id, 16, { status: 'minutes_draft' });
		await t.db.insert(itemMinutes).values({
			agendaItemId: blank.items[0].id,
			meetingId: blank.meeting.id,
			body: '  \n ',
			version: 1
		});
		// Not due: minutes written, too recent, approved, cancelled.
		const written = await heldMeeting(body.id, 30, { status: 'minutes_draft' });
		await t.db.insert(itemMinutes).values({
			agendaItemId: written.items[0].id,
			meetingId: written.meeting.id,
			body: 'De Taskforce bespreekt de nota.',
			version: 1
		});
		await heldMeeting(body.id, 10);
		await heldMeeting(body.id, 40, { status: 'minutes_approved' });
		await heldMeeting(body.id, 40, { status: 'cancelled' });
		// Example data (the demo's held meetings) is never reminded.
		await heldMeeting(body.id, 25, { title: 'Voorbeeld: Taskforce september', isExample: true });
		// An archived body's meetings are not reminded.
		const archived = await buildBody(t.db);
		const archivedSecretary = await buildMemberUser(t.db, {
			bodyId: archived.id,
			role: 'secretary'
		});
		await heldMeeting(archived.id, 30);
		await t.db.update(bodies).set({ archivedAt: new Date() }).where(eq(bodies.id, archived.id));

		const second = await t.secondInstance();
		try {
			await Promise.all([
				sendMinutesReminders(t.db, now, 14),
				sendMinutesReminders(second.db, now, 14),
				sendMinutesReminders(t.db, now, 14),
				sendMinutesReminders(second.db, now, 14)
			]);
		} finally {
			await second.close();
		}

		const mine = await smtp.waitFor(2).then(() => mailsTo(secretary.user.email));
		expect(mine.map((m) => m.subject!.replace(/ — [^—]+$/, '')).sort()).toEqual([
			'Herinnering: het verslag van „Taskforce Herinnering — 11 november 2026” ontbreekt nog',
			'Herinnering: het verslag van „Taskforce oktober” ontbreekt nog'
		]);
		const october = mine.find((m) => m.subject!.includes('Taskforce oktober'))!;
		expect(october.text).toContain(`Beste Lid`);
		expect(october.text).toContain(
			'De vergadering „Taskforce oktober” van Taskforce Herinnering vond plaats op 7 november 2026. Meer dan 14 dagen later is er nog geen verslag.'
		);
		expect(october.text).toContain(
			`https://streek.voorbeeld.test/beheer/vergaderingen/${held.meeting.id}/verslag`
		);
		const rows = await deliveries(t.db, secretary.user.id);
		expect(rows.map((r) => r.subjectKey).sort()).toEqual(
			[held.meeting.id, blank.meeting.id].sort()
		);
		expect(rows.every((r) => r.sentAt !== null && r.error === null)).toBe(true);

		for (const nobody of [quiet, disabled, anonymised, member, archivedSecretary]) {
			expect(mailsTo(nobody.user.email)).toHaveLength(0);
			expect(await deliveries(t.db, nobody.user.id)).toHaveLength(0);
		}

		// The next day (and the day after) nothing is sent again.
		const before = smtp.received.length;
		const again = await sendMinutesReminders(t.db, new Date(now.getTime() + DAY), 14);
		expect(again.sent).toBe(0);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.received.length).toBe(before);
		expect(await deliveries(t.db, secretary.user.id)).toHaveLength(2);
	});

	it('counts the days from MINUTES_REMINDER_DAYS: a longer delay reminds later', async () => {
		const body = await buildBody(t.db);
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const meeting = await heldMeeting(body.id, 20);
		expect((await sendMinutesReminders(t.db, now, 21)).sent).toBe(0);
		expect(await deliveries(t.db, secretary.user.id)).toHaveLength(0);
		await sendMinutesReminders(t.db, now, 19);
		const rows = await deliveries(t.db, secretary.user.id);
		expect(rows.map((r) => r.subjectKey)).toEqual([meeting.meeting.id]);
	});
});
