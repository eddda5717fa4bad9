import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { decisionCounters, decisions, meetings, standingItems } from '../db/schema';
import { getPublicMeeting, listMeetings } from '../meetings/queries';
import { exampleMeetingId, seedExampleMeetings } from './examples';
import { bodyId, purgeExamples } from './seed.service';

const t = useTestDatabase();

describe('example meetings', () => {
	it('are loaded once, marked as examples and visible where they should be', async () => {
		const first = await seedExampleMeetings(t.ctx());
		expect(first).toEqual({ standingItems: 5, meetings: 5, agendaItems: 18, decisions: 3 });
		expect(await seedExampleMeetings(t.ctx())).toEqual({
			standingItems: 0,
			meetings: 0,
			agendaItems: 0,
			decisions: 0
		});
		const all = await t.db.select().from(meetings);
		expect(all.every((m) => m.isExample && m.title?.includes('voorbeeld'))).toBe(true);

		// The mayors' template carries the Taskforce's standing item.
		const template = await t.db
			.select({ title: standingItems.title })
			.from(standingItems)
			.where(eq(standingItems.bodyId, bodyId('burgemeestersoverleg-oost-brabant')))
			.orderBy(standingItems.position);
		expect(template.map((s) => s.title)).toContain('Terugkoppeling Taskforce Spitsregio Leuven');

		// The draft is not public; the held Taskforce meeting hides its closed item and decision.
		const publicOnes = await listMeetings(t.db, { closedScope: [] });
		expect(publicOnes).toHaveLength(4);
		const held = await getPublicMeeting(t.db, exampleMeetingId('taskforce-gehouden'));
		expect(held.items.map((i) => i.title)).not.toContain('Personeel van het secretariaat');
		expect(held.closedItems).toBe(1);
		expect(held.decisions.map((d) => d.title)).toEqual(['Actieplan knelpuntberoepen goedgekeurd']);
	});

	it('are removed by purge-examples, decision counters included', async () => {
		await purgeExamples(t.ctx());
		for (const table of [meetings, standingItems, decisions, decisionCounters]) {
			expect((await t.db.select({ n: count() }).from(table))[0].n).toBe(0);
		}
	});
});
