/**
 * The tables a backup or a move carries: every table of the app's schema (db/schema), described
 * from the database's own catalog (columns, primary key, foreign keys), in an order that inserts
 * referenced rows first. References that cannot be ordered (a table pointing at itself, a cycle)
 * are "deferred": inserted as NULL and set once every row is in.
 */
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors';
import { rows, type DbOrTx } from '../db';
import * as schema from '../db/schema';

export type TableInfo = {
	name: string;
	/** Columns the backup carries (generated columns are left out: the database makes them). */
	columns: string[];
	primaryKey: string[];
	/** References to the same table: its rows are inserted parents first. */
	selfReferences: { columns: string[]; refColumns: string[] }[];
	/** Columns that reference a table of a cycle, not yet inserted: set after all inserts. */
	deferred: string[];
	/** Its foreign keys to the app's tables (the referenced table's name unquoted). */
	references: { columns: string[]; referenced: string; refColumns: string[] }[];
	hasIdentity: boolean;
};

/** The names of the app's tables, from its drizzle schema. */
export function schemaTableNames(): string[] {
	return (Object.values(schema) as unknown[])
		.filter((value): value is PgTable => is(value, PgTable))
		.map((table) => getTableName(table))
		.sort();
}

type ColumnRow = { table: string; column: string; generated: boolean; identity: boolean };
type KeyRow = {
	table: string;
	columns: string[];
	refColumns: string[];
	referenced: string | null;
	kind: 'p' | 'f';
};

/** The app's tables as this database has them, referenced tables first. */
export async function describeTables(db: DbOrTx): Promise<TableInfo[]> {
	const names = schemaTableNames();
	const columns = await rows<ColumnRow>(
		db,
		sql`select table_name as "table", column_name as "column",
			is_generated = 'ALWAYS' as generated, is_identity = 'YES' as identity
		from information_schema.columns where table_schema = 'public' order by ordinal_position`
	);
	const keys = await rows<KeyRow>(
		db,
		sql`select c.conrelid::regclass::text as "table", c.contype as kind,
			case when c.contype = 'f' then c.confrelid::regclass::text end as referenced,
			array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
			array(select a.attname::text from unnest(coalesce(c.confkey, '{}')) with ordinality k(n, i)
				join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as "refColumns"
		from pg_constraint c join pg_namespace n on n.oid = c.connamespace
		where n.nspname = 'public' and c.contype in ('p', 'f')`
	);
	const present = new Set(columns.map((c) => c.table));
	const missing = names.filter((name) => !present.has(name));
	if (missing.length)
		throw new AppError(
			'invalid_input',
			`De database mist tabellen van Streekplatform (${missing.join(', ')}): pas eerst de migraties toe.`
		);
	const unquote = (name: string) => name.replace(/^"|"$/g, '');
	const byTable = new Map(
		names.map((name) => [
			name,
			{
				columns: columns.filter((c) => c.table === name),
				primaryKey: keys.find((k) => unquote(k.table) === name && k.kind === 'p')?.columns ?? [],
				references: keys.filter((k) => unquote(k.table) === name && k.kind === 'f')
			}
		])
	);

	// Depth-first topological order; an edge back to a table still being visited is a cycle.
	const order: TableInfo[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (name: string) => {
		state.set(name, 'visiting');
		const info = byTable.get(name)!;
		const deferred: string[] = [];
		const selfReferences: TableInfo['selfReferences'] = [];
		const references: TableInfo['references'] = [];
		for (const ref of info.references) {
			const target = unquote(ref.referenced ?? '');
			if (!byTable.has(target)) continue;
			references.push({ columns: ref.columns, referenced: target, refColumns: ref.refColumns });
			if (target === name)
				selfReferences.push({ columns: ref.columns, refColumns: ref.refColumns });
			else if (state.get(target) === 'visiting') deferred.push(...ref.columns);
			else if (!state.has(target)) visit(target);
		}
		if (!info.primaryKey.length && deferred.length)
			throw new Error(`table ${name} has a cyclic reference but no primary key`);
		order.push({
			name,
			columns: info.columns.filter((c) => !c.generated).map((c) => c.column),
			primaryKey: info.primaryKey,
			selfReferences,
			deferred: [...new Set(deferred)],
			references,
			hasIdentity: info.columns.some((c) => c.identity)
		});
		state.set(name, 'done');
	};
	for (const name of names) if (!state.has(name)) visit(name);
	return order;
}

/** The applied migrations, oldest first (their hashes): what schema version a database has. */
export async function appliedMigrations(db: DbOrTx): Promise<string[]> {
	const found = await rows<{ hash: string }>(
		db,
		sql`select hash from drizzle.__drizzle_migrations order by created_at, id`
	);
	return found.map((r) => r.hash);
}

/** A double-quoted SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
