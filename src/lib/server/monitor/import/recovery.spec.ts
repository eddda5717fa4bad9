import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { applicationName } from '../../db/client';
import { monitorImportRows, monitorImports } from '../../db/schema';
import { recoverInterruptedImports, stagingMarker } from './recovery';

const t = useTestDatabase();

async function importWith(summary: Record<string, unknown>, stagedRows: number) {
	const [row] = await t.db
		.insert(monitorImports)
		.values({ fileName: 'groot.csv', format: 'onbekend', summary })
		.returning({ id: monitorImports.id });
	if (stagedRows) {
		await t.db.insert(monitorImportRows).values(
			Array.from({ length: stagedRows }, (_, i) => ({
				importId: row.id,
				seq: i + 1,
				line: i + 2
			}))
		);
	}
	return row.id;
}

describe('recoverInterruptedImports', () => {
	it('marks imports of a dead process failed and drops their staged rows; leaves the rest', async () => {
		const gone = await importWith({ stagingBy: 'streekplatform elders:424242' }, 3);
		// This process's own name at start: a predecessor with the same host and pid crashed.
		const predecessor = await importWith(stagingMarker(), 2);
		const staged = await importWith({ stagingBy: applicationName, lines: 5, valid: 5 }, 5);
		const old = await importWith({ lines: 1, valid: 1 }, 1);
		// The CLI died before its commit: failed too (no preview page to come back to).
		const uncommitted = await importWith(
			{ stagingBy: applicationName, lines: 4, valid: 4, committingBy: 'streekplatform elders:7' },
			4
		);

		expect((await recoverInterruptedImports(t.db)).sort()).toEqual(
			[gone, predecessor, uncommitted].sort()
		);

		const after = await t.db
			.select({
				id: monitorImports.id,
				status: monitorImports.status,
				summary: monitorImports.summary
			})
			.from(monitorImports)
			.where(inArray(monitorImports.id, [gone, predecessor, staged, old, uncommitted]));
		const byId = new Map(after.map((r) => [r.id, r]));
		for (const id of [gone, predecessor, uncommitted]) {
			expect(byId.get(id)).toMatchObject({ status: 'failed', summary: { interrupted: true } });
			const left = await t.db
				.select()
				.from(monitorImportRows)
				.where(eq(monitorImportRows.importId, id));
			expect(left).toHaveLength(0);
		}
		for (const [id, n] of [
			[staged, 5],
			[old, 1]
		] as const) {
			expect(byId.get(id)?.status).toBe('staged');
			const left = await t.db
				.select()
				.from(monitorImportRows)
				.where(eq(monitorImportRows.importId, id));
			expect(left).toHaveLength(n);
		}
		// A second start finds nothing more to do.
		expect(await recoverInterruptedImports(t.db)).toEqual([]);
	});
});
