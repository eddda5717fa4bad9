/**
 * Same formats out as in: the public download of an indicator (CSV and XLSX) imports back. The
 * values the platform computes itself (aggregated, derived) are recognised by their origin and
 * skipped; everything supplied comes back unchanged, so the re-import is a no-op.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/helpers/db';
import { indicators, observations } from '../../db/schema';
import { observationsCsv, observationsXlsx } from '../charts/downloads';
import { indicatorByCode, indicatorObservations } from '../monitor.queries';
import { commitImport, stageImport } from './import.service';

const t = useTestDatabase();

it('the CSV and XLSX downloads import back as a no-op', async () => {
	await t.db.insert(indicators).values({
		code: 'voorbeeld-bevolking',
		name: { nl: 'Bevolking (voorbeeld)' },
		unit: 'aantal',
		domain: 'demografie',
		aggregation: 'sum',
		minValue: 0,
		isExample: true
	});
	const first = await stageImport(t.ctx(), {
		fileName: 'bevolking-breed.csv',
		source: createReadStream(path.resolve('tests/fixtures/monitor/import/bevolking-breed.csv')),
		indicatorCode: 'voorbeeld-bevolking'
	});
	await commitImport(t.ctx(), first.importId);

	const indicator = await indicatorByCode(t.db, 'voorbeeld-bevolking');
	const rows = await indicatorObservations(t.db, indicator);
	const computed = rows.filter((r) => r.origin === 'aggregated' || r.origin === 'derived');
	const supplied = rows.length - computed.length;
	expect(computed.length).toBeGreaterThan(0); // the arrondissements, province, regions…
	const [before] = await t.db.select({ n: count() }).from(observations);

	for (const [fileName, bytes] of [
		['bevolking.csv', Buffer.from(observationsCsv(indicator, rows), 'utf8')],
		['bevolking.xlsx', await observationsXlsx(indicator, rows)]
	] as const) {
		const { importId, summary } = await stageImport(t.ctx(), { fileName, source: [bytes] });
		expect(summary).toMatchObject({
			errors: 0,
			unresolved: 0,
			computed: computed.length,
			valid: supplied,
			indicatorColumn: 'indicator',
			statusColumn: 'status'
		});
		expect(await commitImport(t.ctx(), importId)).toMatchObject({
			inserted: 0,
			updated: 0,
			unchanged: supplied
		});
	}
	const [after] = await t.db.select({ n: count() }).from(observations);
	expect(after.n).toBe(before.n);
});
