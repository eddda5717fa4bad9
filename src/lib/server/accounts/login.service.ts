/**
 * Logging in and out, and a user's own account and sessions. Failed logins are rate-limited per
 * account and per IP in the database and never reveal whether an address has an account.
 */
import { eq } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { config } from '../config';
import type { ServiceContext } from '../context';
import { users } from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { log } from '../log';
import { twoFactorRequired } from './accounts.policy';
import { loginInput } from './accounts.schema';
import { dummyHash, verifyPassword } from './passwords';
import { hit, hits, LOGIN_WINDOW_SECONDS, tooManyAttempts } from './rate-limit';
import {
	createSession,
	endAllSessions,
	endOwnSession,
	endSession,
	listSessions
} from './sessions.service';
import { needsTwoFactor, type User } from './accounts.service';
import { unusedRecoveryCodes } from './two-factor.service';

export type LoginResult = { user: User; token: string; next: 'done' | 'second-factor' | 'enroll' };

/** Check e-mail and password (rate-limited per account and per IP) and start a session. */
export async function login(
	ctx: ServiceContext,
	input: unknown,
	client: { ip: string; userAgent?: string | null }
): Promise<LoginResult> {
	const parsed = loginInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const { email, password } = parsed.data;
	const limit = config().LOGIN_ATTEMPTS;
	const acctKey = `login:acct:${email}`;
	const ipKey = `login:ip:${client.ip}`;
	const [acct, ip] = await Promise.all([
		hits(ctx.db, acctKey, LOGIN_WINDOW_SECONDS),
		hits(ctx.db, ipKey, LOGIN_WINDOW_SECONDS)
	]);
	if (acct >= limit || ip >= limit * 4) {
		log().warn({ requestId: ctx.requestId, ip: client.ip }, 'login rate-limited');
		throw tooManyAttempts();
	}
	const [user] = await ctx.db.select().from(users).where(eq(users.email, email));
	const ok = user?.passwordHash
		? await verifyPassword(user.passwordHash, password)
		: (await verifyPassword(await dummyHash(), password), false);
	if (!ok || !user || user.disabledAt) {
		await Promise.all([
			hit(ctx.db, acctKey, LOGIN_WINDOW_SECONDS),
			hit(ctx.db, ipKey, LOGIN_WINDOW_SECONDS)
		]);
		log().warn({ requestId: ctx.requestId, ip: client.ip, known: Boolean(user) }, 'login failed');
		throw new AppError('invalid_input', 'Het e-mailadres of het wachtwoord klopt niet.', {
			_: ['Het e-mailadres of het wachtwoord klopt niet.']
		});
	}
	const next: LoginResult['next'] = !needsTwoFactor(user)
		? 'done'
		: user.totpEnabledAt
			? 'second-factor'
			: 'enroll';
	return mutate({ ...ctx, actor: { type: 'user', id: user.id, label: user.email } }, async (tx) => {
		const { token } = await createSession(tx, user.id, {
			twoFactorDone: next === 'done',
			userAgent: client.userAgent,
			ip: client.ip
		});
		await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
		return {
			result: { user, token, next },
			audit: { action: 'user.login', recordType: 'user', recordId: user.id }
		};
	});
}

/** The "my account" page: who I am, my live sessions and my second factor. */
export async function myAccount(ctx: ServiceContext, userId: string, currentSessionId: string) {
	// Read afresh: an action in the same request (e.g. turning 2FA off) may just have changed it.
	const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
	if (!user) throw new AppError('not_found', 'Gebruiker niet gevonden.');
	const [sessionRows, recoveryCodesLeft] = await Promise.all([
		listSessions(ctx.db, user.id),
		user.totpEnabledAt ? unusedRecoveryCodes(ctx.db, user.id) : Promise.resolve(0)
	]);
	return {
		user: { id: user.id, name: user.name, email: user.email, role: user.role },
		twoFactor: {
			enabledAt: user.totpEnabledAt,
			required: twoFactorRequired.includes(user.role),
			recoveryCodesLeft
		},
		sessions: sessionRows.map((s) => ({
			id: s.id,
			current: s.id === currentSessionId,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			userAgent: s.userAgent,
			ip: s.ip
		}))
	};
}

/**
 * End one of my own sessions (audited). Someone else's session id, one already ended, or the
 * current one (that is "Uitloggen") is refused and nothing is written.
 */
export async function endMySession(
	ctx: ServiceContext,
	user: User,
	sessionId: string,
	currentSessionId: string
): Promise<void> {
	if (sessionId === currentSessionId)
		throw new AppError('conflict', 'Gebruik "Uitloggen" om deze sessie te beëindigen.');
	await mutate(ctx, async (tx) => {
		if (!(await endOwnSession(tx, user.id, sessionId)))
			throw new AppError('conflict', 'Deze sessie bestaat niet meer.');
		return {
			result: null,
			audit: { action: 'user.end_session', recordType: 'user', recordId: user.id }
		};
	});
}

/** End all my sessions except the current one (audited). */
export async function endMyOtherSessions(
	ctx: ServiceContext,
	user: User,
	currentSessionId: string
): Promise<void> {
	await mutate(ctx, async (tx) => {
		await endAllSessions(tx, user.id, currentSessionId);
		return {
			result: null,
			audit: { action: 'user.end_other_sessions', recordType: 'user', recordId: user.id }
		};
	});
}

/** End the current session (audited). */
export async function logout(ctx: ServiceContext, user: User, sessionId: string): Promise<void> {
	await mutate({ ...ctx, actor: { type: 'user', id: user.id, label: user.email } }, async (tx) => {
		await endSession(tx, sessionId);
		return {
			result: null,
			audit: { action: 'user.logout', recordType: 'user', recordId: user.id }
		};
	});
}
