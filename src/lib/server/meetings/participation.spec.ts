/**
 * Invitees, replies before the meeting and attendance after it (prefilled from the replies,
 * every invitee required, quorum from the voting roles).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMembership,
	buildMemberUser,
	meetingCounts
} from '../../../../tests/helpers/factories';
import { attendance, auditEvents, meetingReplies, meetings } from '../db/schema';
import type { Principal } from '../policy';
import { formatDateTime } from '../../i18n';
import { transitionMeeting } from './meetings.service';
import {
	attendanceFromForm,
	attendanceSheet,
	invitees,
	myReply,
	recordAttendance,
	replyToMeeting
} from './participation.service';
import { brusselsParts } from './time';

const t = useTestDatabase();

/**
 * A body (quorum 2) with: Anna (member, can log in), Bert (chair), Carla (observer: invited, no
 * vote), Dirk (editor: not invited), Eva (membership ended before the meeting).
 */
async function setting() {
	const body = await buildBody(t.db, { quorum: 2 });
	const anna = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
	const bert = await buildMembership(t.db, { bodyId: body.id, role: 'chair', familyName: 'Bert' });
	const carla = await buildMembership(t.db, {
		bodyId: body.id,
		role: 'observer',
		familyName: 'Carla'
	});
	const dirk = await buildMemberUser(t.db, { bodyId: body.id, role: 'editor' });
	const eva = await buildMembership(t.db, {
		bodyId: body.id,
		role: 'member',
		familyName: 'Eva',
		endOn: brusselsParts(new Date(Date.now() - 86400_000)).date
	});
	const { meeting, items } = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'agenda_published',
		items: [{ title: 'Punt', durationMinutes: 30 }]
	});
	return { body, anna, bert, carla, dirk, eva, meeting, items };
}
type Setting = Awaited<ReturnType<typeof setting>>;

describe('invitees', () => {
	it('are the members on the meeting’s day, editors and former members excluded', async () => {
		const s = await setting();
		const list = await invitees(t.db, s.body.id, s.meeting.startsAt);
		expect(list.map((i) => i.personId).sort()).toEqual(
			[s.anna.person.id, s.bert.person.id, s.carla.person.id].sort()
		);
		const of = (id: string) => list.find((i) => i.personId === id)!;
		expect(of(s.anna.person.id)).toMatchObject({ voting: true, userId: s.anna.user.id });
		expect(of(s.anna.person.id).email).toBe(s.anna.user.email);
		expect(of(s.bert.person.id)).toMatchObject({ voting: true, roles: ['chair'] });
		expect(of(s.carla.person.id)).toMatchObject({ voting: false, roles: ['observer'] });
	});
});

describe('replies', () => {
	let s: Setting;
	let anna: Principal;
	beforeAll(async () => {
		s = await setting();
		anna = s.anna.principal;
	});
	const reply = (input: Record<string, unknown>, principal = anna, now?: Date) =>
		replyToMeeting(t.ctx({ principal }), s.meeting.id, input, now);

	it('a member replies excused with a note and a substitute, then changes her mind', async () => {
		const row = await reply({ response: 'excused', note: 'Op reis', substitute: 'Jan Peeters' });
		expect(row).toMatchObject({
			personId: s.anna.person.id,
			response: 'excused',
			note: 'Op reis',
			substitute: 'Jan Peeters',
			repliedByUserId: s.anna.user.id
		});
		expect(await myReply(t.ctx({ principal: anna }), s.meeting.id)).toMatchObject({
			personId: s.anna.person.id,
			reply: { response: 'excused', substitute: 'Jan Peeters' }
		});
		// Attending: one row still, the substitute dropped.
		const again = await reply({ response: 'attending', substitute: 'Jan Peeters' });
		expect(again).toMatchObject({ response: 'attending', substitute: null, note: null });
		const rows = await t.db
			.select()
			.from(meetingReplies)
			.where(eq(meetingReplies.meetingId, s.meeting.id));
		expect(rows).toHaveLength(1);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'meeting.reply'), eq(auditEvents.recordId, s.meeting.id)));
		expect(audit).toHaveLength(2);
		// Back to excused for the attendance tests below.
		await reply({ response: 'excused', substitute: 'Jan Peeters' });
	});

	it('refuses a reply once the meeting has begun', async () => {
		const before = await meetingCounts(t.db);
		const e = await rejection(
			reply({ response: 'attending' }, anna, new Date(s.meeting.startsAt.getTime() + 1000))
		);
		expect(e.message).toContain('De vergadering is al begonnen');
		expect(e.message).toBe(
			`De vergadering is al begonnen (${formatDateTime(s.meeting.startsAt, 'nl')}): antwoorden kan niet meer.`
		);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect((await myReply(t.ctx({ principal: anna }), s.meeting.id))?.reply?.response).toBe(
			'excused'
		);
	});

	it('refuses non-members, the uninvited, bad input and a meeting without invitation', async () => {
		const other = await buildBody(t.db);
		const outsider = await buildMemberUser(t.db, { bodyId: other.id });
		const { meeting: draft } = await buildMeeting(t.db, { bodyId: s.body.id, status: 'draft' });
		const before = await meetingCounts(t.db);
		const forbidden = await rejection(reply({ response: 'attending' }, outsider.principal));
		expect(forbidden.code).toBe('forbidden');
		// An editor reads the body's closed pages but is not invited to its meetings.
		const editor = await rejection(reply({ response: 'attending' }, s.dirk.principal));
		expect(editor.code).toBe('forbidden');
		expect(editor.message).toBe('U bent niet uitgenodigd voor deze vergadering.');
		const system = await rejection(replyToMeeting(t.ctx(), s.meeting.id, { response: 'excused' }));
		expect(system.message).toBe('Alleen leden antwoorden.');
		const bad = await rejection(reply({ response: 'misschien' }));
		expect(bad.message).toBe('Uw antwoord is niet opgeslagen.');
		expect(bad.fields?.response).toEqual(['Kies aanwezig of verontschuldigd.']);
		const closed = await rejection(
			replyToMeeting(t.ctx({ principal: anna }), draft.id, { response: 'attending' })
		);
		expect(closed.message).toBe(
			'Op deze vergadering kunt u niet (meer) antwoorden: er is geen uitnodiging open.'
		);
		expect(await meetingCounts(t.db)).toEqual(before);
	});
});

describe('attendance', () => {
	it('is prefilled from the replies, needs every invitee and computes the quorum', async () => {
		const s = await setting();
		const ctx = t.ctx();
		await replyToMeeting(t.ctx({ principal: s.anna.principal }), s.meeting.id, {
			response: 'excused',
			substitute: 'Jan Peeters'
		});
		const form = (values: Record<string, string>) => attendanceFromForm(values);

		// Before the meeting was held nothing can be recorded.
		let before = await meetingCounts(t.db);
		const early = await rejection(
			recordAttendance(ctx, s.meeting.id, form({ [`status.${s.bert.person.id}`]: 'present' }))
		);
		expect(early.message).toBe('De aanwezigheid wordt genoteerd nadat de vergadering gehouden is.');
		expect(await meetingCounts(t.db)).toEqual(before);

		await transitionMeeting(
			ctx,
			s.meeting.id,
			'hold',
			{},
			new Date(s.meeting.startsAt.getTime() + 60_000)
		);
		const [held] = await t.db.select().from(meetings).where(eq(meetings.id, s.meeting.id));
		const prefilled = await attendanceSheet(t.db, held);
		const statusOf = (sheet: typeof prefilled) =>
			Object.fromEntries(sheet.rows.map((r) => [r.personId, [r.status, r.substitute, r.recorded]]));
		expect(statusOf(prefilled)).toEqual({
			[s.anna.person.id]: ['substitute', 'Jan Peeters', false],
			[s.bert.person.id]: ['absent', null, false],
			[s.carla.person.id]: ['absent', null, false]
		});
		expect(prefilled.recorded).toBe(false);
		expect(prefilled.quorum).toEqual({ required: 2, present: 0, reached: false });

		// Every invitee needs a status; people who are not invited cannot be recorded.
		before = await meetingCounts(t.db);
		const partial = await rejection(
			recordAttendance(
				ctx,
				s.meeting.id,
				form({
					[`status.${s.anna.person.id}`]: 'substitute',
					[`status.${s.bert.person.id}`]: 'present'
				})
			)
		);
		expect(partial.message).toBe('De aanwezigheid is niet opgeslagen.');
		expect(partial.fields).toEqual({ [s.carla.person.id]: ['Kies een status voor elk lid.'] });
		const stranger = await rejection(
			recordAttendance(
				ctx,
				s.meeting.id,
				form({
					[`status.${s.anna.person.id}`]: 'present',
					[`status.${s.bert.person.id}`]: 'present',
					[`status.${s.carla.person.id}`]: 'present',
					[`status.${s.eva.person.id}`]: 'present'
				})
			)
		);
		expect(stranger.fields).toEqual({
			[s.eva.person.id]: ['Deze persoon is geen lid van het orgaan.']
		});
		const badStatus = await rejection(
			recordAttendance(ctx, s.meeting.id, form({ [`status.${s.anna.person.id}`]: 'laat' }))
		);
		expect(badStatus.fields?.[`${s.anna.person.id}.status`]).toEqual([
			'Kies aanwezig, verontschuldigd, afwezig of vervangen.'
		]);
		expect(await meetingCounts(t.db)).toEqual(before);

		// Anna sent a substitute, Bert came, Carla (observer) came: two voting members present.
		await recordAttendance(
			ctx,
			s.meeting.id,
			form({
				[`status.${s.anna.person.id}`]: 'substitute',
				[`substitute.${s.anna.person.id}`]: 'Jan Peeters',
				[`status.${s.bert.person.id}`]: 'present',
				[`status.${s.carla.person.id}`]: 'present'
			})
		);
		const sheet = await attendanceSheet(t.db, held);
		expect(sheet.recorded).toBe(true);
		expect(statusOf(sheet)).toEqual({
			[s.anna.person.id]: ['substitute', 'Jan Peeters', true],
			[s.bert.person.id]: ['present', null, true],
			[s.carla.person.id]: ['present', null, true]
		});
		expect(sheet.quorum).toEqual({ required: 2, present: 2, reached: true });

		// Recorded again: Bert absent → one voting member present, below the quorum.
		await recordAttendance(
			ctx,
			s.meeting.id,
			form({
				[`status.${s.anna.person.id}`]: 'present',
				[`substitute.${s.anna.person.id}`]: 'genegeerd',
				[`status.${s.bert.person.id}`]: 'absent',
				[`status.${s.carla.person.id}`]: 'present'
			})
		);
		const rows = await t.db.select().from(attendance).where(eq(attendance.meetingId, s.meeting.id));
		expect(rows).toHaveLength(3);
		expect(rows.find((r) => r.personId === s.anna.person.id)?.substitute).toBeNull();
		expect((await attendanceSheet(t.db, held)).quorum).toEqual({
			required: 2,
			present: 1,
			reached: false
		});
	});

	it('is recorded by managers only; a body without quorum has none', async () => {
		const body = await buildBody(t.db);
		const anna = await buildMemberUser(t.db, { bodyId: body.id });
		const { meeting } = await buildMeeting(t.db, { bodyId: body.id, status: 'held' });
		const before = await meetingCounts(t.db);
		const e = await rejection(
			recordAttendance(t.ctx({ principal: anna.principal }), meeting.id, {
				[anna.person.id]: { status: 'present' }
			})
		);
		expect(e.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);
		await recordAttendance(t.ctx(), meeting.id, { [anna.person.id]: { status: 'present' } });
		expect((await attendanceSheet(t.db, meeting)).quorum).toBeNull();
	});
});
