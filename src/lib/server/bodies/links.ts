/**
 * Which bodies work together: linked by `reports to`, `advises` (body_links) or `part of`
 * (bodies.part_of_id), in either direction. Reports and advice travel only along these links.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { bodies, bodyLinks, type Translatable } from '../db/schema';
import { AppError } from '../errors';

export type LinkedBody = { id: string; slug: string; name: Translatable };

/** The active bodies linked to `bodyId`, in the structure's order. One query. */
export async function linkedBodies(db: DbOrTx, bodyId: string): Promise<LinkedBody[]> {
	const self = await db
		.select({ partOfId: bodies.partOfId })
		.from(bodies)
		.where(eq(bodies.id, bodyId));
	const parent = self[0]?.partOfId ?? null;
	return db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(
			and(
				isNull(bodies.archivedAt),
				sql`${bodies.id} <> ${bodyId}`,
				or(
					eq(bodies.partOfId, bodyId),
					parent ? eq(bodies.id, parent) : undefined,
					sql`exists (select 1 from ${bodyLinks} l where (l.from_body_id = ${bodyId} and l.to_body_id = ${bodies.id}) or (l.to_body_id = ${bodyId} and l.from_body_id = ${bodies.id}))`
				)
			)
		)
		.orderBy(bodies.position, bodies.slug);
}

/** Refuse unless `otherId` is linked to `bodyId`; returns the linked body. */
export async function requireLinked(
	db: DbOrTx,
	bodyId: string,
	otherId: string,
	message: string
): Promise<LinkedBody> {
	const linked = (await linkedBodies(db, bodyId)).find((b) => b.id === otherId);
	if (!linked) throw new AppError('invalid_input', message);
	return linked;
}
