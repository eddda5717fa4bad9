import { z } from 'zod';
import { AppError } from './errors';

/** Query parameters of every list endpoint: an opaque cursor and a page size. */
export const pageQuerySchema = z.strictObject({
	cursor: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export type Page<T> = { items: T[]; nextCursor: string | null };

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
