/**
 * The staff overview: per active body the next meeting, open advice (pending / placed) and held
 * meetings without minutes; staff only; four queries for few or many bodies and meetings.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { countQueries } from '../db';
import { adviceHops, advices, bodies, itemMinutes, type MeetingStatus } from '../db/schema';
import { staffOverview } from './overview.queries';

const t = useTestDatabase();
const DAY = 86_400_000;
const now = new Date('2026-11-27T10:00:00Z');

async function meeting(bodyId: string, days: number, status: MeetingStatus, title?: string) {
	const start = new Date(now.getTime() + days * DAY);
	return buildMeeting(t.db, {
		bodyId,
		status,
		title,
		startsAt: start,
		endsAt: new Date(start.getTime() + 2 * 3600_000),
		items: [{ title: 'Punt' }]
	});
}

async function hop(fromBodyId: string, toBodyId: string, state: 'pending' | 'placed' | 'settled') {
	const [advice] = await t.db
		.insert(advices)
		.values({ title: 'Advies', originBodyId: fromBodyId, isExample: true })
		.returning();
	const placedOn = state === 'pending' ? null : (await meeting(toBodyId, 30, 'draft')).items[0];
	await t.db.insert(adviceHops).values({
		adviceId: advice.id,
		step: 1,
		fromBodyId,
		toBodyId,
		text: 'Tekst',
		placedItemId: placedOn?.id ?? null,
		outcome: state === 'settled' ? 'confirmed' : null,
		settledAt: state === 'settled' ? now : null,
		isExample: true
	});
}

describe('staff overview', () => {
	it('shows each active body with its next meeting, open advice and meetings without minutes', async () => {
		const staff = await buildMemberUser(t.db, {
			bodyId: (await buildBody(t.db)).id,
			platformRole: 'staff'
		});
		const body = await buildBody(t.db, { name: { nl: 'Overzichtgroep' } });
		const sender = await buildBody(t.db);
		await meeting(body.id, -40, 'minutes_approved');
		const oldest = await meeting(body.id, -30, 'held', 'Oudste zonder verslag');
		await meeting(body.id, -20, 'minutes_draft');
		const written = await meeting(body.id, -10, 'minutes_draft');
		await t.db.insert(itemMinutes).values({
			agendaItemId: written.items[0].id,
			meetingId: written.meeting.id,
			body: 'Geschreven.',
			version: 1
		});
		await meeting(body.id, 3, 'cancelled');
		const next = await meeting(body.id, 5, 'agenda_published', 'Volgende');
		await meeting(body.id, 12, 'draft');
		await hop(sender.id, body.id, 'pending');
		await hop(sender.id, body.id, 'pending');
		await hop(sender.id, body.id, 'placed');
		await hop(sender.id, body.id, 'settled');
		const archived = await buildBody(t.db, { archivedAt: now });

		const rows = await staffOverview(t.ctx({ principal: staff.principal }), now);
		const row = rows.find((r) => r.id === body.id)!;
		expect(row).toMatchObject({
			name: 'Overzichtgroep',
			next: { id: next.meeting.id, title: 'Volgende', status: 'agenda_published' },
			advice: { pending: 2, placed: 1 },
			withoutMinutes: {
				count: 2,
				oldest: { id: oldest.meeting.id, title: 'Oudste zonder verslag' }
			}
		});
		// The sender has no meetings and no advice in its own inbox.
		expect(rows.find((r) => r.id === sender.id)).toMatchObject({
			next: null,
			advice: { pending: 0, placed: 0 },
			withoutMinutes: null
		});
		expect(rows.some((r) => r.id === archived.id)).toBe(false);
		// Every active body is listed, the seeded ones with their region.
		const active = await t.db.select({ id: bodies.id }).from(bodies);
		expect(rows.length).toBeGreaterThan(10);
		expect(rows.length).toBeLessThan(active.length);
		expect(rows.find((r) => r.slug === 'taskforce-spitsregio-leuven')?.region).toBeTruthy();
	});

	it('is for staff and admins only', async () => {
		const body = await buildBody(t.db);
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const refused = await rejection(staffOverview(t.ctx({ principal: secretary.principal })));
		expect(refused.code).toBe('forbidden');
		const admin = await buildMemberUser(t.db, { bodyId: body.id, platformRole: 'admin' });
		expect((await staffOverview(t.ctx({ principal: admin.principal }))).length).toBeGreaterThan(0);
	});

	it('needs the same number of queries for few and for many bodies and meetings', async () => {
		const staff = await buildMemberUser(t.db, {
			bodyId: (await buildBody(t.db)).id,
			platformRole: 'staff'
		});
		const ctx = t.ctx({ principal: staff.principal });
		const few = await countQueries(() => staffOverview(ctx, now));
		for (let i = 0; i < 15; i++) {
			const body = await buildBody(t.db);
			await meeting(body.id, -20, 'held');
			await meeting(body.id, -10, 'held');
			await meeting(body.id, 7, 'draft');
			await hop(body.id, body.id, 'pending');
		}
		const many = await countQueries(() => staffOverview(ctx, now));
		expect(many.result.length).toBe(few.result.length + 15);
		expect(few.queries).toBe(4);
		expect(many.queries).toBe(few.queries);
	});
});
