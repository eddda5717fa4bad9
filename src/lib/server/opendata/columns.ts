/**
 * The open-data ZIP's tables in one shape: each CSV is a list of columns, and each column has
 * its name, type, meaning and the getter of its value. The CSV header, the cells and the
 * README's description of every column come from the same list, so they cannot drift apart.
 */
import type { DbOrTx } from '../db';
import type { Translatable } from '../db/schema';

export type ColumnType = 'uuid' | 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export type Column<R> = {
	name: string;
	type: ColumnType;
	/** What the value means, in English (the README's language). */
	description: string;
	value: (row: R) => string | number | boolean | Date | null | undefined;
};

export type Table<R> = {
	/** File name in the ZIP, e.g. `bodies.csv`. */
	file: string;
	/** What one row is, and which rows are in (the publication rule). */
	description: string;
	columns: Column<R>[];
	rows: (db: DbOrTx) => Promise<R[]>;
};

/** A table with its row type erased, for the list of all tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;

export const table = <R>(t: Table<R>): AnyTable => t;

/** The Dutch and English columns of a translatable text. */
export function translated<R>(
	name: string,
	what: string,
	get: (row: R) => Translatable | null | undefined
): Column<R>[] {
	return [
		{
			name: `${name}_nl`,
			type: 'text',
			description: `${what} in Dutch.`,
			value: (r) => get(r)?.nl
		},
		{
			name: `${name}_en`,
			type: 'text',
			description: `${what} in English; empty when not translated.`,
			value: (r) => get(r)?.en
		}
	];
}

/** The `is_example` column every table has. */
export const exampleColumn = <R extends { isExample: boolean }>(): Column<R> => ({
	name: 'is_example',
	type: 'boolean',
	description: 'true for example data shown while the platform is being set up (not real).',
	value: (r) => r.isExample
});
