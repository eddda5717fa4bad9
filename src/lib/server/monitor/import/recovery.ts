/**
 * Imports cut off by a crash (kill -9, power loss) while their file was being read, or (CLI and
 * API) before their commit: the import row exists (status `staged`) with (part of) its rows. Nothing of it
 * reached `observations` — that only happens in the commit's single transaction — but the row
 * would look like a staged import until the daily clean-up. At start, each such import whose
 * process is gone is marked `failed` (summary `{ interrupted: true }`) and its staged rows are
 * dropped.
 *
 * Which process stages an import is kept in its summary (`stagingBy`: the application_name of
 * that process's connections, db/client.ts). On PostgreSQL a process is alive while its name is
 * in pg_stat_activity; this process's own name at start belongs to a crashed predecessor with
 * the same host and pid (a container's pid 1). On PGlite only this process opens the database.
 */
import { sql } from 'drizzle-orm';
import { applicationName, rows, type DbOrTx } from '../../db/client';
import { log } from '../../log';

/** What stage() writes in the summary while reading a file. */
export const stagingMarker = () => ({ stagingBy: applicationName });

/**
 * What the CLI and the API (importAll) add before committing: their import has no preview page
 * to come back to, so one whose process died before the commit is failed too. (A workspace
 * import stays staged: its preview can still commit it.)
 */
export const committingMarker = () => ({ committingBy: applicationName });

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
