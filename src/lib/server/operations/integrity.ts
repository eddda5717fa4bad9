/**
 * The database integrity check (`npm run db:check`): what a crash, a bad request or a hand edit
 * could break and the database does not enforce by itself, plus a re-validation of what it does
 * enforce (a corrupt index or a constraint added NOT VALID would otherwise go unnoticed).
 *
 * - every foreign key, CHECK, NOT NULL and unique constraint/index, generated from the catalog;
 * - the references the schema keeps without a foreign key (staging rows, import ids…);
 * - decision counters behind their numbers, revision counters below their start;
 * - file rows whose blob is missing (or has another size) on disk;
 * - scheduled runs stuck "running", committed imports that kept their staging rows;
 * - audit rows of a user or token without that actor; translatable JSON that is not { nl: … };
 * - on PostgreSQL with the `amcheck` extension, bt_index_check on every B-tree index.
 *
 * Read-only, except that it creates the amcheck extension when it may.
 */
import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db';
import { blobPath, filesDir } from '../files/storage';

export type IntegrityReport = { ok: boolean; problems: string[]; checked: number };

export type IntegrityOptions = {
	/** A scheduled run still "running" after this long was cut off by a crash. */
	stuckAfterMs?: number;
	now?: Date;
};

/** References kept without a foreign key (see the schema's comments for why). */
const softReferences: { table: string; column: string; target: string }[] = [
	{ table: 'monitor_import_rows', column: 'import_id', target: 'monitor_imports' },
	{ table: 'monitor_import_rows', column: 'indicator_id', target: 'indicators' },
	{ table: 'monitor_import_rows', column: 'area_id', target: 'areas' },
	{ table: 'observations', column: 'import_id', target: 'monitor_imports' },
	{ table: 'meetings', column: 'minutes_approval_decision_id', target: 'decisions' },
	{ table: 'one_time_tokens', column: 'created_by', target: 'users' }
];

/** Optimistic-locking counters and their starting values (a lower value is a broken write). */
const counters: { table: string; column: string; min: number }[] = [
	{ table: 'content_items', column: 'revision', min: 0 },
	{ table: 'dossiers', column: 'revision', min: 0 },
	{ table: 'plans', column: 'revision', min: 1 },
	{ table: 'plans', column: 'version', min: 1 },
	{ table: 'plan_items', column: 'revision', min: 1 },
	{ table: 'plan_measures', column: 'revision', min: 1 },
	{ table: 'meetings', column: 'sequence', min: 0 }
];

/** Translatable text columns ({ nl, en? }; schema/common.ts `translatable`), and which are required. */
export const translatableColumns: { table: string; column: string; required: boolean }[] = [
	['areas', 'name', true],
	['areas', 'description', false],
	['policy_domains', 'name', true],
	['bodies', 'name', true],
	['bodies', 'purpose', false],
	['content_items', 'title', true],
	['content_items', 'summary', false],
	['content_items', 'body', true],
	['content_items', 'image_alt', false],
	['organisation_links', 'label', true],
	['indicators', 'name', true],
	['indicators', 'definition', false],
	['streekfoto_profiles', 'title', true],
	['organisations', 'name', true],
	['organisations', 'description', false],
	['programmes', 'name', true],
	['programmes', 'description', false],
	['plans', 'title', true]
].map(([table, column, required]) => ({
	table: table as string,
	column: column as string,
	required: required as boolean
}));

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

type Check = { label: string; query: string };

export async function checkIntegrity(
	db: Db,
	options: IntegrityOptions = {}
): Promise<IntegrityReport> {
	const problems: string[] = [];
	let checked = 0;
	/** Run a query that returns how many rows break a rule; report the label when > 0. */
	const count = async ({ label, query }: Check) => {
		checked++;
		try {
			const [row] = await rows<{ n: number | string }>(db, sql.raw(query));
			const n = Number(row?.n ?? 0);
			if (n > 0) problems.push(`${label}: ${n} ${n === 1 ? 'rij' : 'rijen'}`);
		} catch (e) {
			problems.push(`${label}: controle mislukt (${(e as Error).message})`);
		}
	};

	for (const check of await constraintChecks(db)) await count(check);
	for (const check of await uniqueIndexChecks(db)) await count(check);
	for (const check of domainChecks(options)) await count(check);
	checked += await checkBlobs(db, problems);
	checked += await checkIndexes(db, problems);
	return { ok: problems.length === 0, problems, checked };
}

/** Foreign keys, CHECK and NOT NULL constraints of the public schema, from pg_constraint. */
async function constraintChecks(db: Db): Promise<Check[]> {
	const constraints = await rows<{
		name: string;
		type: string;
		table: string;
		columns: string[];
		target: string | null;
		target_columns: string[] | null;
		definition: string;
	}>(
		db,
		sql`select c.conname as name, c.contype as type, t.relname as table,
			array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
			ft.relname as target,
			array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
				join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as target_columns,
			pg_get_constraintdef(c.oid) as definition
		from pg_constraint c
		join pg_class t on t.oid = c.conrelid
		join pg_namespace s on s.oid = t.relnamespace
		left join pg_class ft on ft.oid = c.confrelid
		where s.nspname = 'public' and c.contype in ('f', 'c')
		order by t.relname, c.conname`
	);
	const checks: Check[] = [];
	for (const c of constraints) {
		if (c.type === 'f') {
			const cols = c.columns;
			const targetCols = c.target_columns ?? [];
			const notNull = cols.map((col) => `c.${ident(col)} is not null`).join(' and ');
			const join = cols
				.map((col, i) => `p.${ident(targetCols[i])} = c.${ident(col)}`)
				.join(' and ');
			checks.push({
				label: `${c.table}.${cols.join(',')} verwijst naar een ontbrekende rij in ${c.target} (${c.name})`,
				query: `select count(*) as n from ${ident(c.table)} c where ${notNull} and not exists (select 1 from ${ident(c.target!)} p where ${join})`
			});
		} else {
			const expression = /^CHECK \((.*)\)( NOT VALID)?$/s.exec(c.definition)?.[1];
			if (!expression) continue;
			checks.push({
				label: `${c.table} voldoet niet aan ${c.name}`,
				query: `select count(*) as n from ${ident(c.table)} where not (${expression})`
			});
		}
	}
	const notNulls = await rows<{ table: string; column: string }>(
		db,
		sql`select c.table_name as table, c.column_name as column from information_schema.columns c
			join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
			where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_nullable = 'NO'
			order by 1, 2`
	);
	for (const { table, column } of notNulls)
		checks.push({
			label: `${table}.${column} is leeg (NOT NULL)`,
			query: `select count(*) as n from ${ident(table)} where ${ident(column)} is null`
		});
	return checks;
}

/** Unique indexes (primary keys included) on plain columns: no two rows with the same key. */
async function uniqueIndexChecks(db: Db): Promise<Check[]> {
	const indexes = await rows<{
		name: string;
		table: string;
		columns: string[];
		predicate: string | null;
	}>(
		db,
		sql`select i.relname as name, t.relname as table,
			array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(n, o)
				join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.n order by k.o) as columns,
			pg_get_expr(x.indpred, x.indrelid) as predicate
		from pg_index x
		join pg_class i on i.oid = x.indexrelid
		join pg_class t on t.oid = x.indrelid
		join pg_namespace s on s.oid = t.relnamespace
		where s.nspname = 'public' and x.indisunique and x.indexprs is null and not (0 = any(x.indkey::int2[]))
		order by t.relname, i.relname`
	);
	return indexes.map(({ name, table, columns, predicate }) => {
		const cols = columns.map(ident).join(', ');
		const where = [
			...columns.map((c) => `${ident(c)} is not null`),
			...(predicate ? [`(${predicate})`] : [])
		];
		return {
			label: `${table}: dubbele sleutel (${columns.join(', ')}) tegen ${name}`,
			query: `select count(*) as n from (select 1 from ${ident(table)} where ${where.join(' and ')} group by ${cols} having count(*) > 1) d`
		};
	});
}

/** The rules of the application that no constraint carries. */
function domainChecks(options: IntegrityOptions): Check[] {
	const now = (options.now ?? new Date()).toISOString();
	const stuckAfter = Math.round((options.stuckAfterMs ?? 6 * 3600_000) / 1000);
	const checks: Check[] = softReferences.map(({ table, column, target }) => ({
		label: `${table}.${column} verwijst naar een ontbrekende rij in ${target}`,
		query: `select count(*) as n from ${ident(table)} c where c.${ident(column)} is not null and not exists (select 1 from ${ident(target)} p where p.id = c.${ident(column)})`
	}));
	checks.push(
		{
			label: 'monitor_import_rows van een vastgelegde import (horen verwijderd te zijn)',
			query: `select count(*) as n from monitor_import_rows r join monitor_imports i on i.id = r.import_id where i.status = 'committed'`
		},
		{
			label: `job_runs die langer dan ${stuckAfter} s op "running" staan (afgebroken run)`,
			query: `select count(*) as n from job_runs where status = 'running' and started_at < ${lit(now)}::timestamptz - interval '${stuckAfter} seconds'`
		},
		{
			label: 'job_runs die klaar zijn zonder eindtijd, of lopen met een eindtijd',
			query: `select count(*) as n from job_runs where (status = 'running') <> (finished_at is null)`
		},
		{
			label: 'decision_counters achter op het hoogste besluitnummer (of ontbrekend)',
			query: `select count(*) as n from (select body_id, year, max(number) as top from decisions group by body_id, year) d
				left join decision_counters c on c.body_id = d.body_id and c.year = d.year where c.last is null or c.last < d.top`
		},
		{
			label: 'audit_events van een gebruiker of token zonder actor_id',
			query: `select count(*) as n from audit_events where actor_type in ('user', 'token') and actor_id is null`
		},
		{
			label: 'audit_events met changes die geen JSON-object zijn',
			query: `select count(*) as n from audit_events where changes is not null and jsonb_typeof(changes) <> 'object'`
		},
		{
			label: 'files met een ongeldige sha256 of grootte',
			query: `select count(*) as n from files where sha256 !~ '^[0-9a-f]{64}$' or size < 0`
		}
	);
	for (const { table, column, min } of counters)
		checks.push({
			label: `${table}.${column} onder ${min}`,
			query: `select count(*) as n from ${ident(table)} where ${ident(column)} < ${min}`
		});
	for (const { table, column, required } of translatableColumns) {
		const c = ident(column);
		checks.push({
			label: `${table}.${column} is geen vertaalbare tekst ({ nl, en? })`,
			query: `select count(*) as n from ${ident(table)} where ${required ? `${c} is null or ` : ''}(${c} is not null and (jsonb_typeof(${c}) <> 'object' or jsonb_typeof(${c}->'nl') is distinct from 'string' or (${c} ? 'en' and jsonb_typeof(${c}->'en') not in ('string', 'null'))))`
		});
	}
	return checks;
}

/** Every file row's blob is on disk with the recorded size. Returns the number of checks. */
async function checkBlobs(db: Db, problems: string[]): Promise<number> {
	const list = await rows<{ id: string; sha256: string; size: number | string }>(
		db,
		sql`select id, sha256, size from files order by id`
	);
	const missing: string[] = [];
	const wrongSize: string[] = [];
	for (const f of list) {
		if (!/^[0-9a-f]{64}$/.test(f.sha256)) continue; // reported by the sha256 check
		try {
			const stat = await fs.stat(blobPath(f.sha256));
			if (stat.size !== Number(f.size)) wrongSize.push(f.id);
		} catch {
			missing.push(f.id);
		}
	}
	if (missing.length)
		problems.push(
			`files zonder bestand op schijf (${filesDir()}): ${missing.length} (${missing.slice(0, 5).join(', ')})`
		);
	if (wrongSize.length)
		problems.push(
			`files waarvan het bestand een andere grootte heeft: ${wrongSize.length} (${wrongSize.slice(0, 5).join(', ')})`
		);
	return 1;
}

/** bt_index_check on every B-tree index, when the amcheck extension exists or can be created. */
async function checkIndexes(db: Db, problems: string[]): Promise<number> {
	try {
		await db.execute(sql`create extension if not exists amcheck`);
	} catch {
		return 0; // the embedded database, or no right to create it: skipped
	}
	const indexes = await rows<{ oid: number; name: string }>(
		db,
		sql`select i.oid::int as oid, i.relname as name from pg_index x
			join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam
			join pg_namespace s on s.oid = i.relnamespace
			where s.nspname = 'public' and am.amname = 'btree' and x.indisvalid and x.indisready
			order by i.relname`
	);
	for (const { oid, name } of indexes) {
		try {
			await db.execute(sql`select bt_index_check(${oid}::oid)`);
		} catch (e) {
			problems.push(`index ${name} is beschadigd (amcheck: ${(e as Error).message})`);
		}
	}
	return indexes.length;
}
