/**
 * Imports cut off by a crash (kill -9, power loss) while their file was being read, or (CLI and
 * API) before their commit: the import row exists (status `staged`) with (part of) its rows. Nothing of it
 * reached `observations` — that only happens in the commit's single transaction — but the row
 * would look like a staged import until the daily clean-up. At start, each such import whose
 * process is gone is marked `failed` (summary `{ interrupted: true }`) and its staged rows are
 * dropped.
 *
 * An import cut off after its commit but before the aggregates of its indicators were recomputed
 * (their own transaction) keeps the marker `aggregatesPending` (the indicator ids) in its summary;
 * at start, and every 10 minutes (job `monitor.aggregates`, for a commit whose recompute met a
 * PostgreSQL outage), those aggregates are recomputed and the marker removed.
 *
 * Which process stages an import is kept in its summary (`stagingBy`: the application_name of
 * that process's connections, db/client.ts). On PostgreSQL a process is alive while its name is
 * in pg_stat_activity; this process's own name at start belongs to a crashed predecessor with
 * the same host and pid (a container's pid 1). On PGlite only this process opens the database.
 */
import { sql } from 'drizzle-orm';
import { applicationName, rows, type DbOrTx } from '../../db/client';
import { log } from '../../log';
import { recomputeAggregates } from '../aggregate.service';

/** What stage() writes in the summary while reading a file. */
export const stagingMarker = () => ({ stagingBy: applicationName });

/**
 * What the CLI and the API (importAll) add before committing: their import has no preview page
 * to come back to, so one whose process died before the commit is failed too. (A workspace
 * import stays staged: its preview can still commit it.)
 */
export const committingMarker = () => ({ committingBy: applicationName });

export const PENDING_KEY = 'aggregatesPending';
/** What a commit adds to its summary until the aggregates of its indicators are recomputed. */
export const aggregatesPending = (indicatorIds: string[]) => ({ [PENDING_KEY]: indicatorIds });

/**
 * Recompute the aggregates of committed imports whose process died before it did; returns the
 * imports. Another instance recomputing at the same moment only repeats the same computation.
 */
export async function recoverPendingAggregates(db: DbOrTx): Promise<string[]> {
	const pending = await rows<{ id: string; ids: string[] }>(
		db,
		sql`select id, array(select jsonb_array_elements_text(summary->${PENDING_KEY}::text)) as ids
			from monitor_imports where status = 'committed' and summary ? ${PENDING_KEY}::text`
	);
	if (!pending.length) return [];
	const indicatorIds = [...new Set(pending.flatMap((p) => p.ids))];
	await recomputeAggregates(db, { indicatorIds });
	const imports = pending.map((p) => p.id);
	await db.execute(
		sql`update monitor_imports set summary = summary - ${PENDING_KEY}::text
			where id in (${sql.join(
				imports.map((id) => sql`${id}::uuid`),
				sql`, `
			)})`
	);
	log().warn(
		{ imports, indicators: indicatorIds.length },
		'aggregates of interrupted imports recomputed'
	);
	return imports;
}

/** Mark imports interrupted by a dead process as failed and drop their staged rows. */
export async function recoverInterruptedImports(db: DbOrTx): Promise<string[]> {
	const found = await rows<{ id: string }>(
		db,
		sql`update monitor_imports set status = 'failed', summary = '{"interrupted": true}'::jsonb
			where status = 'staged'
				and ((summary ? 'stagingBy' and not summary ? 'lines') or summary ? 'committingBy')
				and (coalesce(summary->>'committingBy', summary->>'stagingBy') = ${applicationName}
					or coalesce(summary->>'committingBy', summary->>'stagingBy') not in (
						select application_name from pg_stat_activity where application_name is not null))
			returning id`
	);
	const ids = found.map((r) => r.id);
	if (ids.length) {
		await db.execute(
			sql`delete from monitor_import_rows where import_id in (${sql.join(
				ids.map((id) => sql`${id}::uuid`),
				sql`, `
			)})`
		);
		log().warn({ imports: ids }, 'monitor imports interrupted by a crash marked failed');
	}
	return ids;
}
