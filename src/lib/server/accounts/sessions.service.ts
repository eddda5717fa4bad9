/**
 * Database sessions: an opaque 256-bit token in an HttpOnly cookie, stored as its SHA-256.
 * Idle timeout and absolute lifetime come from config; a new token at every login.
 */
import { and, desc, eq, gt, lt, ne, or } from 'drizzle-orm';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { sessions, users } from '../db/schema';
import { hashToken, newToken } from './tokens';

export const SESSION_COOKIE = 'sp_session';

export type SessionUser = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export async function createSession(
	db: DbOrTx,
	userId: string,
	options: { twoFactorDone: boolean; userAgent?: string | null; ip?: string | null }
): Promise<{ token: string; session: Session }> {
	const token = newToken();
	const maxHours = config().SESSION_MAX_HOURS;
	const [session] = await db
		.insert(sessions)
		.values({
			id: hashToken(token),
			userId,
			expiresAt: new Date(Date.now() + maxHours * 3600_000),
			twoFactorDone: options.twoFactorDone,
			userAgent: options.userAgent?.slice(0, 300) ?? null,
			ip: options.ip ?? null
		})
		.returning();
	return { token, session };
}

/** The live session and its user for a cookie token, refreshing its idle clock; else null. */
export async function validateSession(
	db: DbOrTx,
	token: string,
	now = new Date()
): Promise<{ session: Session; user: SessionUser } | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [row] = await db
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, hashToken(token)));
	if (!row) return null;
	const idleMs = config().SESSION_IDLE_MINUTES * 60_000;
	const expired =
		row.session.expiresAt <= now || row.session.lastSeenAt.getTime() + idleMs <= now.getTime();
	if (expired || row.user.disabledAt) {
		await db.delete(sessions).where(eq(sessions.id, row.session.id));
		return null;
	}
	// Touch at most once a minute: fewer writes, idle timeout still accurate to the minute.
	if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
		row.session.lastSeenAt = now;
	}
	return row;
}

export async function markTwoFactorDone(db: DbOrTx, sessionId: string): Promise<void> {
	await db.update(sessions).set({ twoFactorDone: true }).where(eq(sessions.id, sessionId));
}

export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** End a user's session by id, only if it is theirs (no IDOR). Returns whether one ended. */
export async function endOwnSession(
	db: DbOrTx,
	userId: string,
	sessionId: string
): Promise<boolean> {
	const removed = await db
		.delete(sessions)
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
		.returning();
	return removed.length > 0;
}

export async function endAllSessions(db: DbOrTx, userId: string, exceptId?: string): Promise<void> {
	await db
		.delete(sessions)
		.where(
			exceptId
				? and(eq(sessions.userId, userId), ne(sessions.id, exceptId))
				: eq(sessions.userId, userId)
		);
}

export async function listSessions(db: DbOrTx, userId: string) {
	return db
		.select()
		.from(sessions)
		.where(
			and(
				eq(sessions.userId, userId),
				gt(sessions.expiresAt, new Date()),
				gt(sessions.lastSeenAt, new Date(Date.now() - config().SESSION_IDLE_MINUTES * 60_000))
			)
		)
		.orderBy(desc(sessions.lastSeenAt));
}

/** Delete sessions past their absolute or idle end (scheduled job). */
export async function pruneSessions(db: DbOrTx, now = new Date()): Promise<number> {
	const idleCutoff = new Date(now.getTime() - config().SESSION_IDLE_MINUTES * 60_000);
	const removed = await db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
		.returning();
	return removed.length;
}
