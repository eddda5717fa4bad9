import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMembership } from '../../../../tests/helpers/factories';
import { rejection } from '../../../../tests/helpers/errors';
import { agendaItems, auditEvents, meetings } from '../db/schema';
import { numberAgenda } from './agenda';
import { addItem, addStandingItem, moveItem } from './items.service';
import { createMeeting, transitionMeeting } from './meetings.service';
import { getMeetingWorkspace } from './queries';

const t = useTestDatabase();
const nextWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);

describe('meetings (smoke)', () => {
	it('creates from the template, publishes, refuses an empty agenda', async () => {
		const ctx = t.ctx();
		const body = await buildBody(t.db);
		await buildMembership(t.db, { bodyId: body.id, role: 'member' });
		await addStandingItem(ctx, body.id, {
			title: 'Goedkeuring verslag vorige vergadering',
			kind: 'decision',
			durationMinutes: '10',
			isPublic: 'on'
		});
		const empty = await createMeeting(ctx, (await buildBody(t.db)).id, {
			date: nextWeek(),
			startTime: '14:00',
			endTime: '16:00'
		});
		const e = await rejection(transitionMeeting(ctx, empty.id, 'publish'));
		expect(e.message).toContain('zonder punten');
		const m = await createMeeting(ctx, body.id, {
			date: nextWeek(),
			startTime: '14:00',
			endTime: '16:00',
			isPublic: 'on'
		});
		const item = await addItem(ctx, m.id, {
			title: 'Mobiliteit',
			kind: 'discussion',
			durationMinutes: '30'
		});
		await addItem(ctx, m.id, {
			title: 'Deelpunt',
			kind: 'information',
			parentId: item.id,
			durationMinutes: '15'
		});
		await moveItem(ctx, item.id, 'up');
		const view = await getMeetingWorkspace(ctx, m.id);
		expect(view.items.map((i) => `${i.number} ${i.title}`)).toEqual([
			'1 Mobiliteit',
			'1.1 Deelpunt',
			'2 Goedkeuring verslag vorige vergadering'
		]);
		const tooLong = await rejection(
			addItem(ctx, m.id, { title: 'Lang', kind: 'discussion', durationMinutes: '120' })
		);
		expect(tooLong.fields?.durationMinutes?.[0]).toContain('langer dan de vergadering');
		const published = await transitionMeeting(ctx, m.id, 'publish');
		expect(published.status).toBe('agenda_published');
		expect(
			numberAgenda(view.items, m.startsAt)[2].plannedStart.getTime() - m.startsAt.getTime()
		).toBe(45 * 60_000);
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, m.id));
		expect(n).toBe(3);
		expect((await t.db.select().from(meetings).where(eq(meetings.id, m.id)))[0].status).toBe(
			'agenda_published'
		);
		expect((await t.db.select({ n: count() }).from(auditEvents))[0].n).toBeGreaterThan(4);
	});
});
