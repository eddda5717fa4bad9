/**
 * Fixed-window rate limits stored in the database, so they hold across app instances.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { rateLimits } from '../db/schema';
import { AppError } from '../errors';

export const LOGIN_WINDOW_SECONDS = 15 * 60;

function windowStart(windowSeconds: number, now = Date.now()): Date {
	return new Date(Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000);
}

/** How many hits `key` has in the current window. */
export async function hits(db: DbOrTx, key: string, windowSeconds: number): Promise<number> {
	const [row] = await db
		.select({ count: rateLimits.count })
		.from(rateLimits)
		.where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart(windowSeconds))));
	return row?.count ?? 0;
}

/** Count one hit for `key` (atomically, also under concurrency); returns the new count. */
export async function hit(db: DbOrTx, key: string, windowSeconds: number): Promise<number> {
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: windowStart(windowSeconds), count: 1 })
		.onConflictDoUpdate({
			target: [rateLimits.key, rateLimits.windowStart],
			set: { count: sql`${rateLimits.count} + 1` }
		})
		.returning({ count: rateLimits.count });
	return row.count;
}

/** Remove windows that ended long ago (scheduled job). */
export async function pruneRateLimits(db: DbOrTx, olderThan: Date): Promise<number> {
	const removed = await db
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, olderThan))
		.returning();
	return removed.length;
}

/** The one answer to too many attempts (login, reset, links, second factor). */
export function tooManyAttempts(): AppError {
	return new AppError(
		'rate_limited',
		'Te veel pogingen. Wacht 15 minuten en probeer het dan opnieuw.'
	);
}
