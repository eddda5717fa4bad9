/** The example news and page: seeded once, public on /nieuws and the body page, purged. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { latestNews, publishedItem, publishedPages } from '../content/content.queries';
import { contentItems } from '../db/schema';
import { seedExampleContent } from './example-content';
import { bodyId, purgeExamples, regionId } from './seed.service';

const t = useTestDatabase();

describe('example content', () => {
	it('seeds three news items and a page once, published, and purges them', async () => {
		expect(await seedExampleContent(t.ctx())).toEqual({ contentItems: 4 });
		expect(await seedExampleContent(t.ctx())).toEqual({ contentItems: 0 });
		const rows = await t.db.select().from(contentItems).where(eq(contentItems.isExample, true));
		expect(rows.filter((r) => r.kind === 'news').map((r) => r.title.nl)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^Voorbeeld: /)])
		);
		expect(rows.every((r) => r.title.nl.startsWith('Voorbeeld: '))).toBe(true);
		const taskforce = await latestNews(t.db, { bodyId: bodyId('taskforce-spitsregio-leuven') });
		expect(taskforce).toHaveLength(2);
		const halle = await latestNews(t.db, { areaId: regionId('halle-vilvoorde') });
		expect(halle.map((r) => r.slug)).toEqual(['voorbeeld-toekomstforum-stelt-prioriteiten-voor']);
		expect(await publishedPages(t.db, { areaId: regionId('leuven') })).toHaveLength(1);
		expect(await publishedItem(t.db, 'page', 'voorbeeld-over-de-taskforce')).toBeTruthy();
		await purgeExamples(t.ctx());
		expect(await t.db.select().from(contentItems)).toEqual([]);
	});
});
