import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { applicationName } from '../../db/client';
import { indicators, monitorImportRows, monitorImports, observations } from '../../db/schema';
import { jobs } from '../../jobs/jobs';
import type { Principal } from '../../policy';
import { importAll, stagePush } from './import.service';
import {
	aggregatesPending,
	PENDING_KEY,
	recoverInterruptedImports,
	recoverPendingAggregates,
	stagingMarker
} from './recovery';

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

describe('recoverPendingAggregates', () => {
	const writer: Principal = {
		kind: 'token',
		tokenId: '00000000-0000-4000-8000-00000000000a',
		organisationId: '00000000-0000-4000-8000-00000000000b',
		scopes: ['observations:write']
	};
	const aggregatedOf = (indicatorId: string) =>
		t.db
			.select({ area: observations.areaId, value: observations.value })
			.from(observations)
			.where(and(eq(observations.indicatorId, indicatorId), eq(observations.origin, 'aggregated')))
			.orderBy(observations.areaId);

	it('recomputes the aggregates of an import cut off after its commit, and clears the marker', async () => {
		const [indicator] = await t.db
			.insert(indicators)
			.values({
				code: 'voorbeeld-herstel',
				name: { nl: 'Herstel (voorbeeld)' },
				unit: 'aantal',
				domain: 'x',
				aggregation: 'sum',
				isExample: true
			})
			.returning({ id: indicators.id });
		const ctx = t.ctx({ principal: writer });
		const { importId, committed } = await importAll(
			ctx,
			stagePush(ctx, {
				indicator: 'voorbeeld-herstel',
				observations: [
					{ area: '24062', period: '2024', value: 100 },
					{ area: '24009', period: '2024', value: 20 }
				]
			})
		);
		expect(committed?.inserted).toBe(2);
		const summaryOf = async () =>
			(await t.db.select().from(monitorImports).where(eq(monitorImports.id, importId)))[0].summary;
		// A commit that ran to its end leaves no marker.
		expect(await summaryOf()).not.toHaveProperty(PENDING_KEY);
		const computed = await aggregatedOf(indicator.id);
		expect(computed.length).toBeGreaterThan(0);

		// The process died between the commit and the recompute: the marker stays, the aggregates
		// are not there (here: removed).
		await t.db
			.delete(observations)
			.where(
				and(eq(observations.indicatorId, indicator.id), eq(observations.origin, 'aggregated'))
			);
		await t.db.execute(
			sql`update monitor_imports set summary = summary || ${JSON.stringify(aggregatesPending([indicator.id]))}::jsonb where id = ${importId}`
		);

		// The job that does it while the server runs (as every start does).
		const job = jobs.find((j) => j.name === 'monitor.aggregates')!;
		expect(job.schedule).toEqual({ everyMinutes: 10 });
		const now = new Date();
		expect(await job.run(t.ctx(), { period: 'p', now })).toBe('herberekend voor 1 import(s)');
		expect(await aggregatedOf(indicator.id)).toEqual(computed);
		expect(await summaryOf()).not.toHaveProperty(PENDING_KEY);
		// The next run, or the next start, finds nothing more to do.
		expect(await recoverPendingAggregates(t.db)).toEqual([]);
	});
});
