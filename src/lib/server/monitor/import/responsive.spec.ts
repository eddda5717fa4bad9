/**
 * Other users are served while a large file is staged: the import works in chunks and never holds
 * the database (on the embedded database: its only connection) for the whole file. A query loop
 * beside the import must get answers before the import is done.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { indicators } from '../../db/schema';
import { CHUNK_ROWS, stageImport } from './import.service';

const t = useTestDatabase();

it('answers other queries between the chunks of a large import', async () => {
	await t.db
		.insert(indicators)
		.values({
			code: 'voorbeeld-bevolking',
			name: { nl: 'Bevolking (voorbeeld)' },
			unit: 'aantal',
			domain: 'demografie',
			isExample: true
		})
		.onConflictDoNothing();
	// Six chunks of Leuven's population per month (example data).
	const rows = CHUNK_ROWS * 6;
	const lines = ['NIS;periode;waarde'];
	for (let i = 0; i < rows; i++) {
		const year = 1000 + Math.floor(i / 12);
		lines.push(`24062;${year}-${String((i % 12) + 1).padStart(2, '0')};${1000 + i}`);
	}

	let importing = true;
	let served = 0;
	const staged = stageImport(t.ctx(), {
		fileName: 'groot.csv',
		source: [Buffer.from(lines.join('\n'))],
		indicatorCode: 'voorbeeld-bevolking'
	}).finally(() => (importing = false));
	// Another user's requests, each arriving as its own event (as HTTP requests do).
	const nextEvent = () => new Promise<void>((resolve) => setImmediate(resolve));
	const others = (async () => {
		while (importing) {
			await nextEvent();
			await t.db.execute(sql`select 1`);
			if (importing) served++;
		}
	})();
	const { summary } = await staged;
	await others;

	expect(summary.lines).toBe(rows);
	// Answered while the import was still running: at least one query per chunk boundary or so.
	expect(served).toBeGreaterThanOrEqual(3);
});
