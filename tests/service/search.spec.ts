import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../../src/lib/server/db';
import { useTestDatabase } from '../helpers/db';

const t = useTestDatabase();

describe('search building blocks (PGlite and PostgreSQL alike)', () => {
	it('has pg_trgm for fuzzy names', async () => {
		const found = await rows<{ slug: string }>(
			t.db,
			sql`select slug from organisations where similarity(name->>'nl', ${'Interleuvn'}) > 0.4 order by similarity(name->>'nl', ${'Interleuvn'}) desc limit 1`
		);
		expect(found.map((r) => r.slug)).toEqual(['interleuven']);
	});

	it('has Dutch full-text search with stemming', async () => {
		const found = await rows<{ slug: string }>(
			t.db,
			sql`select slug from bodies where to_tsvector('dutch', coalesce(name->>'nl','') || ' ' || coalesce(purpose->>'nl','')) @@ plainto_tsquery('dutch', ${'adviezen stuurgroep'}) order by slug`
		);
		expect(found.length).toBeGreaterThanOrEqual(6);
		expect(found.map((r) => r.slug)).toContain('themawerkgroep-wonen');
		const [stem] = await rows<{ hit: boolean }>(
			t.db,
			sql`select to_tsvector('dutch', 'de werkgroepen vergaderden') @@ plainto_tsquery('dutch', 'werkgroep') as hit`
		);
		expect(stem.hit).toBe(true);
	});
});
