import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { itemTrails } from '../advice/trail.queries';
import { adviceHops, advices, agendaItems, meetings } from '../db/schema';
import { exampleAdviceId, seedExampleAdvice } from './example-advice';
import { seedExampleMeetings } from './examples';
import { purgeExamples } from './seed.service';

const t = useTestDatabase();

describe('the example advice', () => {
	it('is loaded once, marked as example, with a three-body trail visible to the public', async () => {
		await seedExampleMeetings(t.ctx());
		expect(await seedExampleAdvice(t.ctx())).toEqual({
			adviceMeetings: 3,
			advices: 1,
			adviceHops: 2
		});
		expect(await seedExampleAdvice(t.ctx())).toEqual({
			adviceMeetings: 0,
			advices: 0,
			adviceHops: 0
		});
		const hops = await t.db
			.select()
			.from(adviceHops)
			.where(eq(adviceHops.adviceId, exampleAdviceId));
		expect(hops.every((h) => h.isExample)).toBe(true);
		const [advice] = await t.db.select().from(advices);
		expect(advice).toMatchObject({ isExample: true });
		expect(advice.title).toContain('voorbeeld');
		const all = await t.db.select().from(meetings);
		expect(all.every((m) => m.isExample && m.title?.includes('voorbeeld'))).toBe(true);

		const first = hops.find((h) => h.step === 1)!;
		const trails = await itemTrails(t.db, [first.fromItemId!], 'public');
		const trail = trails.get(first.fromItemId!)!;
		expect(trail.title).toBe(advice.title);
		expect(
			trail.hops.map((h) => [h.from.slug, h.to.slug, h.status, h.outcomeLabel, h.visibility])
		).toEqual([
			[
				'themawerkgroep-mobiliteit',
				'stuurgroep-toekomstforum',
				'settled',
				'Doorgestuurd',
				'public'
			],
			['stuurgroep-toekomstforum', 'burgemeestersoverleg-halle-vilvoorde', 'placed', null, 'public']
		]);
	});

	it('is removed by purge-examples without foreign-key errors', async () => {
		await purgeExamples(t.ctx());
		for (const table of [advices, adviceHops, meetings, agendaItems]) {
			expect((await t.db.select({ n: count() }).from(table))[0].n).toBe(0);
		}
	});
});
