import { and, eq, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from './db';
import { AppError, isUuid } from './errors';

/** Query parameters of every list endpoint: an opaque cursor and a page size. */
export const pageQuerySchema = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The answer of a list endpoint: one page of `item`s and the next page's cursor. */
export const cursorPageOut = <T extends z.ZodType>(item: T, id: string) =>
	z
		.object({
			items: z.array(item),
			nextCursor: z
				.string()
				.nullable()
				.meta({ description: 'Pass as `cursor` to get the next page; null on the last page.' })
		})
		.meta({ id });

/** A list filter that names a row by its id or its slug. */
export const idOrSlugFilter = (what: string) =>
	z
		.string()
		.trim()
		.min(1)
		.max(200)
		.optional()
		.meta({ description: `Id or slug of ${what}.` });

/**
 * The id of the row of `table` named by `value` (an id or a slug), or undefined when none; a
 * malformed id is only compared as a slug, never a database error. `where` narrows the rows.
 */
export async function idOfIdOrSlug(
	db: DbOrTx,
	table: PgTable & { id: PgColumn; slug: PgColumn },
	value: string,
	where?: SQL
): Promise<string | undefined> {
	const match = isUuid(value)
		? or(eq(table.id, value.toLowerCase()), eq(table.slug, value))
		: eq(table.slug, value);
	const [row] = await db.select({ id: table.id }).from(table).where(and(match, where));
	return row?.id as string | undefined;
}

const uuid = z.uuid();

/** Cursors are the base64url of the last row's id; rows are ordered by id. */
export function decodeCursor(cursor: string | undefined): string | undefined {
	if (!cursor) return undefined;
	const id = Buffer.from(cursor, 'base64url').toString('utf8');
	if (!uuid.safeParse(id).success) {
		throw new AppError('invalid_input', 'Ongeldige cursor.', { cursor: ['Ongeldige cursor.'] });
	}
	return id;
}

/** Rows fetched with limit + 1 → the page and the cursor of the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
	const items = rows.slice(0, limit);
	const more = rows.length > limit;
	return {
		items,
		nextCursor: more ? Buffer.from(items[items.length - 1].id, 'utf8').toString('base64url') : null
	};
}
