/**
 * iCalendar out: invitations, updates and cancellations mailed to a real SMTP server and parsed
 * back with ical.js (METHOD, UID, SEQUENCE, DTSTART/DTEND, STATUS), per member with an address,
 * none for a member who turned invitations off; and the public feeds without closed meetings or
 * closed items.
 */
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import {
	buildBody,
	buildMeeting,
	buildMembership,
	buildMemberUser
} from '../../../../tests/helpers/factories';
import { config } from '../config';
import { agendaItems, meetingInvitations, people } from '../db/schema';
import { calendar, meetingUid } from './ical';
import { addItem } from './items.service';
import { createMeeting, transitionMeeting, updateMeeting } from './meetings.service';
import { publicCalendar } from './public.queries';
import { brusselsParts } from './time';

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

type Parsed = {
	method: string | null;
	events: { uid: string; sequence: number; start: Date; end: Date; status: string | null }[];
	vevents: ICAL.Component[];
};
function parse(text: string): Parsed {
	const root = new ICAL.Component(ICAL.parse(text));
	const vevents = root.getAllSubcomponents('vevent');
	return {
		method: (root.getFirstPropertyValue('method') as string | null) ?? null,
		vevents,
		events: vevents.map((v) => {
			const e = new ICAL.Event(v);
			return {
				uid: e.uid,
				sequence: e.sequence,
				start: e.startDate.toJSDate(),
				end: e.endDate.toJSDate(),
				status: (v.getFirstPropertyValue('status') as string | null) ?? null
			};
		})
	};
}
const recipient = (mail: ParsedMail) =>
	(Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;
function icsOf(mail: ParsedMail) {
	const files = mail.attachments.filter((a) => a.contentType.startsWith('text/calendar'));
	expect(files).toHaveLength(1);
	return { filename: files[0].filename, text: files[0].content.toString('utf8') };
}
const date = (days: number) => brusselsParts(new Date(Date.now() + days * 86400_000)).date;

describe('invitations by mail', () => {
	it('sends REQUEST, an update with the same UID and SEQUENCE 1, then CANCEL with SEQUENCE 2', async () => {
		const body = await buildBody(t.db, { name: { nl: 'Werkgroep Mobiliteit' } });
		const anna = await buildMemberUser(t.db, { bodyId: body.id });
		const bert = await buildMembership(t.db, { bodyId: body.id, role: 'chair' });
		await t.db
			.update(people)
			.set({ email: 'bert@voorbeeld.test' })
			.where(eq(people.id, bert.person.id));
		const quiet = await buildMemberUser(t.db, {
			bodyId: body.id,
			mailPreferences: { meeting_invitations: false }
		});
		await buildMembership(t.db, { bodyId: body.id }); // no address at all
		const editor = await buildMemberUser(t.db, { bodyId: body.id, role: 'editor' });
		const ctx = t.ctx();
		const m = await createMeeting(ctx, body.id, {
			date: date(20),
			startTime: '14:00',
			endTime: '16:00',
			location: 'Provinciehuis'
		});
		await addItem(ctx, m.id, { title: 'Fietsroutes', kind: 'discussion', durationMinutes: '30' });
		const uid = meetingUid(m.id, config().origin);
		const expected = [anna.user.email, 'bert@voorbeeld.test'].sort();

		// Publication: one invitation per member with an address who wants them.
		await transitionMeeting(ctx, m.id, 'publish');
		const invitations = (await smtp.waitFor(2)).slice(0, 2);
		expect(invitations.map(recipient).sort()).toEqual(expected);
		for (const mail of invitations) {
			expect(mail.subject).toMatch(/^Uitnodiging: Werkgroep Mobiliteit — /);
			const ics = icsOf(mail);
			expect(ics.filename).toBe('uitnodiging.ics');
			const cal = parse(ics.text);
			expect(cal.method).toBe('REQUEST');
			expect(cal.events).toEqual([
				{ uid, sequence: 0, start: m.startsAt, end: m.endsAt, status: 'CONFIRMED' }
			]);
			const attendee = cal.vevents[0].getFirstPropertyValue('attendee') as string;
			expect(attendee.toLowerCase()).toBe(`mailto:${recipient(mail)}`);
			expect(cal.vevents[0].getFirstPropertyValue('location')).toBe('Provinciehuis');
			expect(cal.vevents[0].getFirstPropertyValue('description')).toContain('1. Fietsroutes');
		}
		const notTo = [quiet.user.email, editor.user.email];
		expect(smtp.received.some((mail) => notTo.includes(recipient(mail)))).toBe(false);

		// A change of visibility only: nothing is sent, the sequence stays.
		await updateMeeting(ctx, m.id, {
			date: date(20),
			startTime: '14:00',
			endTime: '16:00',
			location: 'Provinciehuis',
			isPublic: 'on'
		});
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.received).toHaveLength(2);

		// A new time: same UID, SEQUENCE 1, the new instants.
		const moved = await updateMeeting(ctx, m.id, {
			date: date(21),
			startTime: '09:30',
			endTime: '11:00',
			location: 'Provinciehuis'
		});
		expect(moved.sequence).toBe(1);
		const updates = (await smtp.waitFor(4)).slice(2, 4);
		expect(updates.map(recipient).sort()).toEqual(expected);
		for (const mail of updates) {
			expect(mail.subject).toMatch(/^Gewijzigd: /);
			const cal = parse(icsOf(mail).text);
			expect(cal.method).toBe('REQUEST');
			expect(cal.events).toEqual([
				{ uid, sequence: 1, start: moved.startsAt, end: moved.endsAt, status: 'CONFIRMED' }
			]);
		}
		expect(moved.startsAt.getTime()).not.toBe(m.startsAt.getTime());

		// Cancellation: METHOD:CANCEL, STATUS:CANCELLED, SEQUENCE 2.
		await transitionMeeting(ctx, m.id, 'cancel', { reason: 'Te weinig agendapunten' });
		const cancels = (await smtp.waitFor(6)).slice(4, 6);
		expect(cancels.map(recipient).sort()).toEqual(expected);
		for (const mail of cancels) {
			expect(mail.subject).toMatch(/^Geannuleerd: /);
			expect(mail.text).toContain('Reden: Te weinig agendapunten');
			const ics = icsOf(mail);
			expect(ics.filename).toBe('annulering.ics');
			const cal = parse(ics.text);
			expect(cal.method).toBe('CANCEL');
			expect(cal.events).toEqual([
				{ uid, sequence: 2, start: moved.startsAt, end: moved.endsAt, status: 'CANCELLED' }
			]);
		}

		const log = await t.db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.meetingId, m.id));
		expect(log.map((l) => `${l.method} ${l.sequence}`).sort()).toEqual([
			'CANCEL 2',
			'CANCEL 2',
			'REQUEST 0',
			'REQUEST 0',
			'REQUEST 1',
			'REQUEST 1'
		]);
		expect(log.every((l) => l.sentAt && !l.error)).toBe(true);
	});

	it('sends nothing when a draft is cancelled (no invitation went out)', async () => {
		const body = await buildBody(t.db);
		await buildMemberUser(t.db, { bodyId: body.id });
		const m = await createMeeting(t.ctx(), body.id, {
			date: date(30),
			startTime: '10:00',
			endTime: '11:00'
		});
		const before = smtp.received.length;
		const cancelled = await transitionMeeting(t.ctx(), m.id, 'cancel', { reason: 'Dubbel' });
		expect(cancelled.sequence).toBe(0);
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.received).toHaveLength(before);
		const log = await t.db
			.select()
			.from(meetingInvitations)
			.where(eq(meetingInvitations.meetingId, m.id));
		expect(log).toEqual([]);
	});
});

describe('text in iCalendar', () => {
	it('survives escaping and line folding: punctuation, accents, long lines, emoji', async () => {
		const origin = 'https://streek.voorbeeld.test';
		const title = 'Overleg “Zuidrand”; mobiliteit, fiets & bus — één\\twee 🚲';
		const long = `Agendapunt ${'é'.repeat(120)} einde`;
		const text = calendar(
			[
				{
					id: crypto.randomUUID(),
					title,
					startsAt: new Date('2030-01-15T13:00:00Z'),
					endsAt: new Date('2030-01-15T15:00:00Z'),
					location: 'Zaal A, 2de verdieping; Gemeentehuis',
					onlineUrl: null,
					status: 'agenda_published',
					cancelReason: null,
					sequence: 0,
					createdAt: new Date('2029-12-01T10:00:00Z'),
					updatedAt: new Date('2029-12-02T10:00:00Z'),
					url: `${origin}/vergaderingen/x`,
					agenda: ['1. Opening', `2. ${long}`]
				}
			],
			origin,
			{ name: 'Feed; met, tekens' }
		);
		expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
		const [v] = parse(text).vevents;
		expect(v.getFirstPropertyValue('summary')).toBe(title);
		expect(v.getFirstPropertyValue('location')).toBe('Zaal A, 2de verdieping; Gemeentehuis');
		expect(v.getFirstPropertyValue('description')).toContain(`2. ${long}`);
	});
});

describe('public feeds', () => {
	it('hold public meetings with their public items only, per body and for all bodies', async () => {
		const origin = 'https://streek.voorbeeld.test';
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const start = new Date(Date.now() + 5 * 86400_000);
		const at = (hours: number) => new Date(start.getTime() + hours * 3600_000);
		const { meeting: open, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published',
			startsAt: at(0),
			endsAt: at(2),
			items: [
				{ title: 'Openbaar punt', durationMinutes: 30 },
				{ title: 'GEHEIM hoofdpunt', isPublic: false, durationMinutes: 30 }
			]
		});
		// Sub-items: a public one under the public item, a 'public' one under the closed item.
		await t.db.insert(agendaItems).values([
			{ meetingId: open.id, parentId: items[1].id, position: 0, title: 'GEHEIM subpunt' },
			{ meetingId: open.id, parentId: items[0].id, position: 0, title: 'Openbaar subpunt' }
		]);
		const { meeting: closed } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published',
			isPublic: false,
			title: 'GEHEIME vergadering',
			startsAt: at(24),
			endsAt: at(25)
		});
		const { meeting: draft } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			title: 'GEHEIM ontwerp',
			startsAt: at(48),
			endsAt: at(49)
		});
		const { meeting: cancelled } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'cancelled',
			cancelReason: 'Ziekte',
			sequence: 1,
			publishedAt: at(-72),
			startsAt: at(72),
			endsAt: at(73)
		});
		const { meeting: elsewhere } = await buildMeeting(t.db, {
			bodyId: other.id,
			status: 'agenda_published',
			startsAt: at(96),
			endsAt: at(97)
		});

		const bodyFeed = calendar(await publicCalendar(t.db, { origin, bodyId: body.id }), origin, {
			name: 'Testorgaan'
		});
		expect(bodyFeed).not.toContain('GEHEIM');
		const cal = parse(bodyFeed);
		expect(cal.method).toBe('PUBLISH');
		const uid = (id: string) => meetingUid(id, origin);
		expect(cal.events.map((e) => e.uid).sort()).toEqual([uid(open.id), uid(cancelled.id)].sort());
		const openEvent = cal.vevents.find((v) => v.getFirstPropertyValue('uid') === uid(open.id))!;
		const description = openEvent.getFirstPropertyValue('description') as string;
		expect(description).toContain('1. Openbaar punt');
		expect(description).toContain('1.1. Openbaar subpunt');
		expect(openEvent.getFirstPropertyValue('url')).toBe(`${origin}/vergaderingen/${open.id}`);
		const cancelledEvent = cal.events.find((e) => e.uid === uid(cancelled.id))!;
		expect(cancelledEvent).toMatchObject({ status: 'CANCELLED', sequence: 1 });

		const allFeed = calendar(await publicCalendar(t.db, { origin }), origin);
		expect(allFeed).not.toContain('GEHEIM');
		const all = parse(allFeed).events.map((e) => e.uid);
		expect(all).toEqual(expect.arrayContaining([uid(open.id), uid(elsewhere.id)]));
		expect(all).not.toContain(uid(closed.id));
		expect(all).not.toContain(uid(draft.id));
	});
});
