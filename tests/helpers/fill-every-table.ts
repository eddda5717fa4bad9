/**
 * Give every table of the app at least one row, so a test that copies a database (backup,
 * restore, db:move) is checked on all of them. Run it after the real seeds and services have
 * made what they make; each table still empty gets one generated row (test data only), built
 * from the catalog: references point at an existing row, enums take their first value,
 * everything else a plain value of its type.
 */
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../src/lib/server/db';
import { describeTables, ident } from '../../src/lib/server/operations/catalog';

type Column = {
	column: string;
	type: string;
	udt: string;
	nullable: boolean;
	hasDefault: boolean;
};

/** Values a column's check constraint would refuse as plain values. */
const overrides: Record<string, Record<string, string>> = {};

function plainValue(c: Column): string {
	if (c.type === 'USER-DEFINED')
		return `(select enumlabel from pg_enum where enumtypid = '${c.udt}'::regtype order by enumsortorder limit 1)::${c.udt}`;
	switch (c.udt) {
		case 'uuid':
			return 'gen_random_uuid()';
		case 'int2':
		case 'int4':
		case 'int8':
		case 'numeric':
		case 'float4':
		case 'float8':
			return '1';
		case 'bool':
			return 'false';
		case 'timestamptz':
		case 'timestamp':
			return 'now()';
		case 'date':
			return 'current_date';
		case 'jsonb':
		case 'json':
			return `'{"nl":"voorbeeld","en":"example"}'`;
		case 'bytea':
			return `'\\x00'::bytea`;
		case 'inet':
			return `'127.0.0.1'`;
		default:
			if (c.udt.startsWith('_')) return `'{}'`;
			return `'voorbeeld-' || gen_random_uuid()`;
	}
}

/** Fill every empty table with one row; returns the tables it filled. Throws naming a table it cannot. */
export async function fillEveryTable(db: Db): Promise<string[]> {
	const tables = await describeTables(db);
	const columns = await rows<Column & { table: string }>(
		db,
		sql`select table_name as "table", column_name as "column", data_type as type, udt_name as udt,
			is_nullable = 'YES' as nullable, column_default is not null as "hasDefault"
		from information_schema.columns where table_schema = 'public'`
	);
	const filled: string[] = [];
	for (const table of tables) {
		const [{ any }] = await rows<{ any: boolean }>(
			db,
			sql.raw(`select exists (select 1 from ${ident(table.name)}) as any`)
		);
		if (any) continue;
		const values = new Map<string, string>();
		for (const ref of table.references) {
			if (ref.referenced === table.name) continue;
			const order = ref.refColumns.map(ident).join(', ');
			ref.columns.forEach((column, i) =>
				values.set(
					column,
					`(select ${ident(ref.refColumns[i])} from ${ident(ref.referenced)} order by ${order} limit 1)`
				)
			);
		}
		for (const c of columns.filter((c) => c.table === table.name)) {
			const override = overrides[table.name]?.[c.column];
			if (override) values.set(c.column, override);
			else if (!values.has(c.column) && !c.nullable && !c.hasDefault)
				values.set(c.column, plainValue(c));
		}
		const names = [...values.keys()];
		try {
			await db.execute(
				sql.raw(
					`insert into ${ident(table.name)} (${names.map(ident).join(', ')}) values (${names.map((n) => values.get(n)).join(', ')})`
				)
			);
		} catch (e) {
			throw new Error(
				`could not fill ${table.name}: ${((e as Error).cause as Error)?.message ?? (e as Error).message}`,
				{ cause: e }
			);
		}
		filled.push(table.name);
	}
	return filled;
}
