/**
 * Meetings: creation, the status machine (every allowed and refused transition) and changes of
 * time and place.
 * Every refusal asserts the Dutch message and that nothing changed (rows and audit trail).
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMemberUser,
	meetingCounts
} from '../../../../tests/helpers/factories';
import { auditEvents, meetings, type MeetingStatus } from '../db/schema';
import { formatDateTime } from '../../i18n';
import { addItem } from './items.service';
import {
	createMeeting,
	deleteDraftMeeting,
	statusLabels,
	transitionMeeting,
	updateMeeting,
	type TransitionName
} from './meetings.service';
import { brusselsParts } from './time';

const t = useTestDatabase();
const DAY = 86400_000;
/** A Brussels date `n` days from now (YYYY-MM-DD). */
const inDays = (n: number) => brusselsParts(new Date(Date.now() + n * DAY)).date;
const form = (over: Record<string, string> = {}) => ({
	date: inDays(14),
	startTime: '14:00',
	endTime: '16:00',
	...over
});
const row = async (id: string) =>
	(await t.db.select().from(meetings).where(eq(meetings.id, id)))[0];

describe('creating a meeting', () => {
	it('stores Brussels wall-clock times as instants (winter and summer time)', async () => {
		const body = await buildBody(t.db);
		const winter = await createMeeting(t.ctx(), body.id, {
			date: '2030-01-15',
			startTime: '14:00',
			endTime: '16:30',
			location: 'Gemeentehuis',
			isPublic: 'on'
		});
		expect(winter.startsAt.toISOString()).toBe('2030-01-15T13:00:00.000Z');
		expect(winter.endsAt.toISOString()).toBe('2030-01-15T15:30:00.000Z');
		expect(winter).toMatchObject({ status: 'draft', isPublic: true, sequence: 0 });
		const summer = await createMeeting(t.ctx(), body.id, {
			date: '2030-07-15',
			startTime: '09:00',
			endTime: '10:00'
		});
		expect(summer.startsAt.toISOString()).toBe('2030-07-15T07:00:00.000Z');
		expect(summer.isPublic).toBe(false);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'meeting'), eq(auditEvents.recordId, winter.id)));
		expect(audit.action).toBe('meeting.create');
	});

	it('refuses a meeting that ends before (or when) it starts, and saves nothing', async () => {
		const body = await buildBody(t.db);
		const before = await meetingCounts(t.db);
		for (const endTime of ['13:00', '14:00']) {
			const e = await rejection(createMeeting(t.ctx(), body.id, form({ endTime })));
			expect(e.code).toBe('invalid_input');
			expect(e.fields?.endTime).toEqual(['De vergadering moet eindigen na het begin.']);
		}
		const badTime = await rejection(createMeeting(t.ctx(), body.id, form({ startTime: '25:00' })));
		expect(badTime.fields?.startTime).toEqual(['Geef een uur als UU:MM (bijvoorbeeld 14:00).']);
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('is for the body’s secretary, chair or staff — not for a plain member', async () => {
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const before = await meetingCounts(t.db);
		const e = await rejection(
			createMeeting(t.ctx({ principal: member.principal }), body.id, form())
		);
		expect(e.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);
		const other = await buildBody(t.db);
		const elsewhere = await rejection(
			createMeeting(t.ctx({ principal: secretary.principal }), other.id, form())
		);
		expect(elsewhere.code).toBe('forbidden');
		const m = await createMeeting(t.ctx({ principal: secretary.principal }), body.id, form());
		expect(m.bodyId).toBe(body.id);
	});
});

describe('the status machine', () => {
	const allowed: Record<TransitionName, MeetingStatus[]> = {
		publish: ['draft'],
		hold: ['agenda_published'],
		startMinutes: ['held'],
		cancel: ['draft', 'agenda_published']
	};
	const statuses = Object.keys(statusLabels) as MeetingStatus[];

	it('refuses every transition from a status it does not start from', async () => {
		const body = await buildBody(t.db);
		for (const status of statuses) {
			const { meeting } = await buildMeeting(t.db, {
				bodyId: body.id,
				status,
				items: [{ durationMinutes: 10 }]
			});
			for (const name of Object.keys(allowed) as TransitionName[]) {
				if (allowed[name].includes(status)) continue;
				const before = await meetingCounts(t.db);
				const e = await rejection(
					transitionMeeting(t.ctx(), meeting.id, name, name === 'cancel' ? { reason: 'x' } : {})
				);
				expect(e.message, `${name} from ${status}`).toBe(
					`Dat kan niet bij een vergadering met status „${statusLabels[status]}”.`
				);
				expect(await meetingCounts(t.db)).toEqual(before);
				expect((await row(meeting.id)).status).toBe(status);
			}
		}
	});

	it('publishes only an agenda with items, within the meeting, before the start', async () => {
		const body = await buildBody(t.db);
		const empty = await createMeeting(t.ctx(), body.id, form());
		let before = await meetingCounts(t.db);
		const noItems = await rejection(transitionMeeting(t.ctx(), empty.id, 'publish'));
		expect(noItems.message).toBe(
			'Een agenda zonder punten kan niet gepubliceerd worden. Voeg eerst een punt toe.'
		);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect((await row(empty.id)).status).toBe('draft');

		// An agenda that outgrew its meeting (rows written past the services) is still caught.
		const { meeting: long } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			items: [{ durationMinutes: 90 }, { durationMinutes: 45 }]
		});
		before = await meetingCounts(t.db);
		const tooLong = await rejection(transitionMeeting(t.ctx(), long.id, 'publish'));
		expect(tooLong.message).toBe(
			'De geplande duur van de agendapunten (135 min.) is langer dan de vergadering (120 min.).'
		);
		expect(await meetingCounts(t.db)).toEqual(before);

		const { meeting: past } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			startsAt: new Date(Date.now() - 2 * 3600_000),
			endsAt: new Date(Date.now() - 3600_000),
			items: [{ durationMinutes: 10 }]
		});
		before = await meetingCounts(t.db);
		const started = await rejection(transitionMeeting(t.ctx(), past.id, 'publish'));
		expect(started.message).toBe(
			'Deze vergadering is al begonnen: een uitnodiging kan niet meer verstuurd worden.'
		);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect((await row(past.id)).status).toBe('draft');
	});

	it('runs draft → published → held → minutes draft', async () => {
		const body = await buildBody(t.db);
		const m = await createMeeting(t.ctx(), body.id, form());
		await addItem(t.ctx(), m.id, { title: 'Opening', kind: 'information', durationMinutes: '5' });
		const now = new Date();
		const published = await transitionMeeting(t.ctx(), m.id, 'publish', {}, now);
		expect(published.status).toBe('agenda_published');
		expect(published.publishedAt?.getTime()).toBe(now.getTime());

		let before = await meetingCounts(t.db);
		const early = await rejection(transitionMeeting(t.ctx(), m.id, 'hold'));
		expect(early.message).toBe(
			`De vergadering is nog niet begonnen (begint op ${formatDateTime(m.startsAt, 'nl')}).`
		);
		expect(await meetingCounts(t.db)).toEqual(before);

		const afterStart = new Date(m.startsAt.getTime() + 60_000);
		expect((await transitionMeeting(t.ctx(), m.id, 'hold', {}, afterStart)).status).toBe('held');
		expect((await transitionMeeting(t.ctx(), m.id, 'startMinutes')).status).toBe('minutes_draft');
		const trail = await t.db
			.select({ action: auditEvents.action, changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'meeting'), eq(auditEvents.recordId, m.id)))
			.orderBy(asc(auditEvents.at));
		expect(trail.map((a) => a.action)).toEqual([
			'meeting.create',
			'meeting.publish',
			'meeting.hold',
			'meeting.startMinutes'
		]);
		expect(trail[1].changes).toMatchObject({
			status: { before: 'draft', after: 'agenda_published' }
		});

		before = await meetingCounts(t.db);
		const late = await rejection(transitionMeeting(t.ctx(), m.id, 'cancel', { reason: 'Te laat' }));
		expect(late.message).toBe('Dat kan niet bij een vergadering met status „Verslag in opmaak”.');
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('cancels only with a reason; a draft’s cancellation sends nothing', async () => {
		const body = await buildBody(t.db);
		const m = await createMeeting(t.ctx(), body.id, form());
		const before = await meetingCounts(t.db);
		for (const input of [{}, { reason: '   ' }]) {
			const e = await rejection(transitionMeeting(t.ctx(), m.id, 'cancel', input));
			expect(e.message).toBe('De vergadering is niet geannuleerd.');
			expect(e.fields?.reason).toEqual(['Geef een reden voor de annulering.']);
		}
		expect(await meetingCounts(t.db)).toEqual(before);
		const cancelled = await transitionMeeting(t.ctx(), m.id, 'cancel', {
			reason: 'Geen agendapunten'
		});
		expect(cancelled).toMatchObject({
			status: 'cancelled',
			cancelReason: 'Geen agendapunten',
			sequence: 0
		});
		const after = await meetingCounts(t.db);
		expect(after.meetingInvitations).toBe(before.meetingInvitations);
		expect(after.auditEvents).toBe(before.auditEvents + 1);
	});

	it('is for managers: a member may not move a meeting along', async () => {
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const { meeting } = await buildMeeting(t.db, { bodyId: body.id, status: 'draft', items: [{}] });
		const before = await meetingCounts(t.db);
		const e = await rejection(
			transitionMeeting(t.ctx({ principal: member.principal }), meeting.id, 'publish')
		);
		expect(e.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('deletes a draft, but never a published meeting', async () => {
		const body = await buildBody(t.db);
		const { meeting: draft } = await buildMeeting(t.db, { bodyId: body.id, status: 'draft' });
		await deleteDraftMeeting(t.ctx(), draft.id);
		expect(await row(draft.id)).toBeUndefined();
		const { meeting: published } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published'
		});
		const before = await meetingCounts(t.db);
		const e = await rejection(deleteDraftMeeting(t.ctx(), published.id));
		expect(e.message).toBe(
			'Alleen een ontwerp kan verwijderd worden; annuleer een gepubliceerde vergadering.'
		);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect((await rejection(deleteDraftMeeting(t.ctx(), 'geen-uuid'))).code).toBe('not_found');
	});
});

describe('updating a meeting', () => {
	it('changes time and place of a draft without raising the sequence', async () => {
		const body = await buildBody(t.db);
		const m = await createMeeting(t.ctx(), body.id, form({ date: '2030-03-12' }));
		const updated = await updateMeeting(t.ctx(), m.id, {
			date: '2030-03-13',
			startTime: '10:00',
			endTime: '12:00',
			location: 'Zaal 2',
			onlineUrl: 'https://vergadering.voorbeeld.test/abc'
		});
		expect(updated.startsAt.toISOString()).toBe('2030-03-13T09:00:00.000Z');
		expect(updated).toMatchObject({ location: 'Zaal 2', sequence: 0, isPublic: false });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.recordType, 'meeting'),
					eq(auditEvents.recordId, m.id),
					eq(auditEvents.action, 'meeting.update')
				)
			);
		expect(audit.changes).toMatchObject({
			startsAt: { before: '2030-03-12T13:00:00.000Z', after: '2030-03-13T09:00:00.000Z' },
			location: { after: 'Zaal 2' }
		});
	});

	it('refuses a meeting shorter than its agenda, or ending before it starts', async () => {
		const body = await buildBody(t.db);
		const m = await createMeeting(t.ctx(), body.id, form());
		await addItem(t.ctx(), m.id, { title: 'Punt', kind: 'discussion', durationMinutes: '90' });
		const stored = await row(m.id);
		const before = await meetingCounts(t.db);
		const short = await rejection(updateMeeting(t.ctx(), m.id, form({ endTime: '15:00' })));
		expect(short.message).toBe('De vergadering is niet opgeslagen.');
		expect(short.fields?.endTime).toEqual([
			'De geplande duur van de agendapunten (90 min.) is langer dan de vergadering (60 min.).'
		]);
		const reversed = await rejection(updateMeeting(t.ctx(), m.id, form({ endTime: '12:00' })));
		expect(reversed.fields?.endTime).toEqual(['De vergadering moet eindigen na het begin.']);
		const url = await rejection(
			updateMeeting(t.ctx(), m.id, { ...form(), onlineUrl: 'javascript:alert(1)' })
		);
		expect(url.fields?.onlineUrl).toEqual(['Geef een volledig webadres (https://…).']);
		expect(await meetingCounts(t.db)).toEqual(before);
		expect(await row(m.id)).toEqual(stored);
		// Exactly as long as the agenda is fine.
		const fits = await updateMeeting(t.ctx(), m.id, form({ endTime: '15:30' }));
		expect(fits.endsAt.getTime() - fits.startsAt.getTime()).toBe(90 * 60_000);
	});

	it('refuses changes once the meeting was held', async () => {
		const body = await buildBody(t.db);
		const { meeting } = await buildMeeting(t.db, { bodyId: body.id, status: 'held' });
		const before = await meetingCounts(t.db);
		const e = await rejection(updateMeeting(t.ctx(), meeting.id, form()));
		expect(e.message).toBe('Een vergadering met status „Gehouden” kan niet meer wijzigen.');
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('does not raise the sequence for a change invitees do not see (visibility)', async () => {
		const body = await buildBody(t.db);
		const m = await createMeeting(t.ctx(), body.id, form());
		await addItem(t.ctx(), m.id, { title: 'Punt', kind: 'discussion', durationMinutes: '30' });
		await transitionMeeting(t.ctx(), m.id, 'publish');
		const updated = await updateMeeting(t.ctx(), m.id, { ...form(), isPublic: 'on' });
		expect(updated).toMatchObject({ isPublic: true, sequence: 0 });
	});
});
