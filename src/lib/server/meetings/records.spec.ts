/**
 * The workspace pages of part 2: the agenda editor's commands are scoped to the meeting in the
 * URL (a member gets 403 before any hint; an item or decision of another meeting is not found),
 * a lone id reorders, attendance comes from the form fields, and the register is for members.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { createDecision } from './decisions.service';
import {
	agendaEditor,
	deleteMeetingItem,
	moveMeetingItem,
	reorderMeetingItems,
	updateMeetingItem
} from './editor.service';
import {
	attendancePage,
	bodyDecisionRegister,
	saveAttendance,
	updateMeetingDecision
} from './records.service';

const t = useTestDatabase();
const DAY = 86400_000;

async function setting() {
	const body = await buildBody(t.db);
	const other = await buildBody(t.db);
	const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
	const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
	const outsider = await buildMemberUser(t.db, { bodyId: other.id, role: 'member' });
	const as = (p: { principal: typeof secretary.principal }) => t.ctx({ principal: p.principal });
	return { body, other, secretary, member, outsider, as };
}

describe('agenda editor', () => {
	it('shows numbered items with totals, and policy domains only to managers', async () => {
		const { body, secretary, member, outsider, as } = await setting();
		const { meeting } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			items: [{ durationMinutes: 20 }, { durationMinutes: 25 }]
		});
		const view = await agendaEditor(as(secretary), meeting.id);
		expect(view.items.map((i) => i.number)).toEqual(['1', '2']);
		expect([view.planned, view.available]).toEqual([45, 120]);
		expect(view.can.editAgenda).toBe(true);
		expect(view.policyDomains.length).toBeGreaterThan(0);
		const read = await agendaEditor(as(member), meeting.id);
		expect(read.can.editAgenda).toBe(false);
		expect(read.policyDomains).toEqual([]);
		expect((await rejection(agendaEditor(as(outsider), meeting.id))).code).toBe('forbidden');
	});

	it('refuses members first, and items of another meeting are not found', async () => {
		const { body, secretary, member, as } = await setting();
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			items: [{ title: 'Een' }, { title: 'Twee' }]
		});
		const second = await buildMeeting(t.db, { bodyId: body.id, status: 'draft', items: [{}] });
		expect((await rejection(deleteMeetingItem(as(member), meeting.id, 'x'))).code).toBe(
			'forbidden'
		);
		expect(
			(await rejection(deleteMeetingItem(as(secretary), meeting.id, second.items[0].id))).code
		).toBe('not_found');
		expect(
			(await rejection(updateMeetingItem(as(secretary), meeting.id, undefined, {}))).code
		).toBe('not_found');
		await moveMeetingItem(as(secretary), meeting.id, items[1].id, 'up');
		const view = await agendaEditor(as(secretary), meeting.id);
		expect(view.items.map((i) => i.title)).toEqual(['Twee', 'Een']);
	});

	it('reorders from form values, a lone id included', async () => {
		const { body, secretary, as } = await setting();
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'draft',
			items: [{ title: 'Een' }, { title: 'Twee' }]
		});
		await reorderMeetingItems(as(secretary), meeting.id, {
			parentId: '',
			order: [items[1].id, items[0].id]
		});
		expect((await agendaEditor(as(secretary), meeting.id)).items.map((i) => i.title)).toEqual([
			'Twee',
			'Een'
		]);
		const stale = await rejection(
			reorderMeetingItems(as(secretary), meeting.id, { parentId: '', order: items[0].id })
		);
		expect(stale.message).toContain('intussen gewijzigd');
	});
});

describe('attendance and decisions', () => {
	async function held() {
		const s = await setting();
		const start = new Date(Date.now() - 2 * DAY);
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: s.body.id,
			status: 'held',
			isPublic: false,
			startsAt: start,
			endsAt: new Date(start.getTime() + 2 * 3600_000),
			items: [{ title: 'Begroting' }]
		});
		return { ...s, meeting, items };
	}

	it('saves attendance from the form fields and is closed before the meeting is held', async () => {
		const { body, secretary, member, as, meeting } = await held();
		const page = await attendancePage(as(member), meeting.id);
		const people = page.attendance!.rows.map((r) => r.personId);
		expect(people).toHaveLength(2);
		const values = Object.fromEntries(people.map((id) => [`status.${id}`, 'present']));
		expect((await rejection(saveAttendance(as(member), meeting.id, values))).code).toBe(
			'forbidden'
		);
		await saveAttendance(as(secretary), meeting.id, values);
		const after = await attendancePage(as(member), meeting.id);
		expect(after.attendance!.recorded).toBe(true);
		expect(after.attendance!.rows.every((r) => r.status === 'present')).toBe(true);
		const draft = await buildMeeting(t.db, { bodyId: body.id, status: 'draft' });
		expect((await attendancePage(as(member), draft.meeting.id)).attendance).toBeNull();
	});

	it('corrects only a decision of the meeting in the URL', async () => {
		const { body, secretary, member, as, meeting, items } = await held();
		const other = await buildMeeting(t.db, { bodyId: body.id, status: 'held' });
		const input = { title: 'Begroting goedgekeurd', text: 'Goedgekeurd.', status: 'adopted' };
		const decision = await createDecision(as(secretary), meeting.id, {
			...input,
			agendaItemId: items[0].id
		});
		expect(
			(await rejection(updateMeetingDecision(as(member), meeting.id, decision.id, input))).code
		).toBe('forbidden');
		expect(
			(await rejection(updateMeetingDecision(as(secretary), other.meeting.id, decision.id, input)))
				.code
		).toBe('not_found');
		const fixed = await updateMeetingDecision(as(secretary), meeting.id, decision.id, {
			...input,
			status: 'postponed'
		});
		expect([fixed.status, fixed.number]).toEqual(['postponed', decision.number]);
	});

	it('shows the register, closed decisions included, to members of the body only', async () => {
		const { body, secretary, member, outsider, as, meeting } = await held();
		await createDecision(as(secretary), meeting.id, {
			title: 'Besloten besluit',
			text: 'Tekst.',
			status: 'adopted'
		});
		const register = await bodyDecisionRegister(as(member), body.slug, { q: 'besloten' });
		expect(register.items.map((d) => [d.title, d.isPublic])).toEqual([['Besloten besluit', false]]);
		expect(register.manage).toBe(false);
		expect((await rejection(bodyDecisionRegister(as(outsider), body.slug, {}))).code).toBe(
			'forbidden'
		);
		expect((await rejection(bodyDecisionRegister(as(member), 'bestaat-niet', {}))).code).toBe(
			'not_found'
		);
	});
});
