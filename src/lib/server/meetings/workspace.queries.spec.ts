/**
 * Read models of the meeting workspace pages: who may look and who may act, which meetings a
 * body's list shows, when the reply form is offered, and the edit form in Brussels time.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { brusselsInstant } from './time';
import {
	bodyMeetingsPage,
	meetingForEdit,
	meetingOverview,
	standingItemsPage,
	workspaceBody
} from './workspace.queries';

const t = useTestDatabase();
const DAY = 86400_000;

async function setting() {
	const body = await buildBody(t.db);
	const other = await buildBody(t.db);
	const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
	const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
	const outsider = await buildMemberUser(t.db, { bodyId: other.id, role: 'member' });
	const as = (p: { principal: typeof secretary.principal }) => t.ctx({ principal: p.principal });
	return { body, secretary, member, outsider, as };
}

describe('a body’s meetings', () => {
	it('lists drafts and closed meetings for members, split into upcoming and past', async () => {
		const { body, member, secretary, as } = await setting();
		const now = new Date();
		const draft = await buildMeeting(t.db, { bodyId: body.id, status: 'draft', isPublic: false });
		const past = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			startsAt: new Date(now.getTime() - 10 * DAY),
			endsAt: new Date(now.getTime() - 10 * DAY + 3600_000)
		});
		const view = await bodyMeetingsPage(as(member), body.slug, now);
		expect(view.upcoming.map((m) => m.id)).toEqual([draft.meeting.id]);
		expect(view.past.map((m) => m.id)).toEqual([past.meeting.id]);
		expect(view.body.manage).toBe(false);
		expect(view.copyCandidates).toEqual([]);
		const managed = await bodyMeetingsPage(as(secretary), body.slug, now);
		expect(managed.body.manage).toBe(true);
		expect(managed.copyCandidates.map((c) => c.id).sort()).toEqual(
			[draft.meeting.id, past.meeting.id].sort()
		);
	});

	it('is closed to members of other bodies, and an unknown slug is not found', async () => {
		const { body, outsider, member, as } = await setting();
		expect((await rejection(bodyMeetingsPage(as(outsider), body.slug))).code).toBe('forbidden');
		expect((await rejection(standingItemsPage(as(outsider), body.slug))).code).toBe('forbidden');
		expect((await rejection(workspaceBody(as(member), body.slug, 'body:manage'))).code).toBe(
			'forbidden'
		);
		expect((await rejection(bodyMeetingsPage(as(member), 'bestaat-niet'))).code).toBe('not_found');
	});
});

describe('a meeting’s overview', () => {
	it('offers the reply form to an invitee of a published meeting that has not begun', async () => {
		const { body, member, secretary, outsider, as } = await setting();
		const { meeting } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published',
			items: [{ title: 'Opening', durationMinutes: 10 }]
		});
		const view = await meetingOverview(as(member), meeting.id);
		expect(view.canReply).toBe(true);
		expect(view.can.manage).toBe(false);
		expect(view.inviteeCount).toBe(2);
		expect(view.items.map((i) => [i.number, i.title])).toEqual([['1', 'Opening']]);
		expect((await meetingOverview(as(secretary), meeting.id)).can.manage).toBe(true);
		expect((await rejection(meetingOverview(as(outsider), meeting.id))).code).toBe('forbidden');
		// Once it has begun, or as a draft, there is nothing to answer.
		expect((await meetingOverview(as(member), meeting.id, meeting.startsAt)).canReply).toBe(false);
		const draft = await buildMeeting(t.db, { bodyId: body.id, status: 'draft' });
		expect((await meetingOverview(as(member), draft.meeting.id)).canReply).toBe(false);
	});

	it('prefills the edit form in Brussels wall-clock time, for managers only', async () => {
		const { body, member, secretary, as } = await setting();
		const { meeting } = await buildMeeting(t.db, {
			bodyId: body.id,
			startsAt: brusselsInstant('2030-07-01', '09:30'),
			endsAt: brusselsInstant('2030-07-01', '11:00'),
			location: 'Leuven'
		});
		const view = await meetingForEdit(as(secretary), meeting.id);
		expect(view.form).toMatchObject({
			date: '2030-07-01',
			startTime: '09:30',
			endTime: '11:00',
			location: 'Leuven',
			title: ''
		});
		expect(view.meeting.displayTitle).toBe(`${body.name.nl} — 1 juli 2030`);
		expect((await rejection(meetingForEdit(as(member), meeting.id))).code).toBe('forbidden');
	});
});
