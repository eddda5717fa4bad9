/**
 * Which tables changed, told to every app instance: a statement-level trigger on each table sends
 * `pg_notify('sp_changes', <table>)`, delivered at commit to every listener (several instances on
 * one PostgreSQL, or the one process on PGlite). The public-page cache (server.js,
 * src/lib/server/http-cache) drops the pages that read a changed table.
 */
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { EventEmitter } from 'node:events';
import { CHANGED_EVENT } from '../http-cache/page-cache';
import type { DbOrTx } from './client';
import * as schema from './schema';

export const CHANGE_CHANNEL = 'sp_changes';

/** Every table of the schema, by its SQL name. */
export const tableNames: ReadonlySet<string> = new Set(
	(Object.values(schema) as unknown[])
		.filter((value): value is PgTable => is(value, PgTable))
		.map((table) => getTableName(table))
);

/**
 * Tables written on nearly every request or job run that no public page shows: a notification
 * for each would only be noise.
 */
const quiet = new Set([
	'sessions',
	'rate_limits',
	'audit_events',
	'job_runs',
	'notification_deliveries',
	'alert_deliveries',
	'contact_messages',
	'one_time_tokens',
	'recovery_codes',
	'monitor_import_rows'
]);

/**
 * Create the notify function and a trigger on every table that lacks one (new tables of later
 * migrations included). Runs after the migrations, under their lock on PostgreSQL; idempotent.
 */
export async function installChangeTriggers(db: DbOrTx): Promise<void> {
	await db.execute(sql`
		create or replace function sp_notify_change() returns trigger language plpgsql as $$
		begin
			perform pg_notify(${sql.raw(`'${CHANGE_CHANNEL}'`)}, tg_table_name);
			return null;
		end $$`);
	await db.execute(sql`
		do $$
		declare t text;
		begin
			for t in
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind in ('r', 'p')
					and c.relname not in (${sql.raw([...quiet].map((name) => `'${name}'`).join(', '))})
					and not exists (
						select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'sp_notify_change'
					)
			loop
				execute format(
					'create trigger sp_notify_change after insert or update or delete or truncate on %I '
					'for each statement execute function sp_notify_change()', t);
			end loop;
		end $$`);
}

const IDENTIFIER = /"?([a-z_][a-z0-9_]*)"?/g;

/**
 * The tables a statement names. Any identifier equal to a table name counts (joins, subqueries,
 * comma joins, raw SQL alike): naming a table too many only drops a page more often; missing one
 * would leave it stale.
 */
export function tablesIn(statement: string): string[] {
	const found = new Set<string>();
	for (const match of statement.toLowerCase().matchAll(IDENTIFIER)) {
		if (tableNames.has(match[1])) found.add(match[1]);
	}
	return [...found];
}

const WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?/i;

/** The table a write statement changes, or null for a read. */
export function tableWritten(statement: string): string | null {
	const match = WRITE.exec(statement);
	return match && tableNames.has(match[1].toLowerCase()) ? match[1].toLowerCase() : null;
}

/** Tell the public-page cache of this process that these tables changed. */
export function announceChanges(tables: readonly string[]): void {
	if (tables.length > 0) (process as EventEmitter).emit(CHANGED_EVENT, tables);
}
