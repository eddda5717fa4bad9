/**
 * Single-use links: invitations, the first-admin setup link and password resets. A link is
 * 256 bits, stored hashed, expires, works once (claimed atomically) and is throttled per IP.
 */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { formatDateTime, localizeHref } from '../../i18n';
import { mutate } from '../audit/audit.service';
import { config } from '../config';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { oneTimeTokens, users, type OneTimeTokenKind } from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { resetMail } from '../mail/templates';
import { getSiteSettings } from '../settings/settings.service';
import { setPasswordInput, email as emailSchema } from './accounts.schema';
import { hashPassword, passwordProblem } from './passwords';
import { hit, LOGIN_WINDOW_SECONDS, tooManyAttempts } from './rate-limit';
import { endAllSessions } from './sessions.service';
import { hashToken, newToken } from './tokens';
import { type User } from './accounts.service';

const linkError = () =>
	new AppError('invalid_input', 'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.', {
		token: ['Deze link is al gebruikt of verlopen.']
	});

export async function issueToken(
	tx: DbOrTx,
	kind: OneTimeTokenKind,
	userId: string,
	ttlMs: number,
	createdBy?: string
): Promise<{ token: string; expiresAt: Date }> {
	// A new link replaces any earlier unused link of the same kind.
	await tx
		.update(oneTimeTokens)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(oneTimeTokens.userId, userId),
				eq(oneTimeTokens.kind, kind),
				isNull(oneTimeTokens.usedAt)
			)
		);
	const token = newToken();
	const expiresAt = new Date(Date.now() + ttlMs);
	await tx
		.insert(oneTimeTokens)
		.values({ kind, tokenHash: hashToken(token), userId, expiresAt, createdBy });
	return { token, expiresAt };
}

/** Claim a single-use token (atomically: a replay finds it used). */
async function consumeToken(tx: DbOrTx, kinds: OneTimeTokenKind[], token: string) {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw linkError();
	const now = new Date();
	const [row] = await tx
		.update(oneTimeTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(oneTimeTokens.tokenHash, hashToken(token)),
				isNull(oneTimeTokens.usedAt),
				gt(oneTimeTokens.expiresAt, now)
			)
		)
		.returning();
	if (!row || !row.userId || !kinds.includes(row.kind)) throw linkError();
	return row;
}

/** Is this link still usable? (For showing the form; does not consume it.) */
export async function checkToken(db: DbOrTx, kinds: OneTimeTokenKind[], token: string) {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [row] = await db
		.select({ token: oneTimeTokens, user: users })
		.from(oneTimeTokens)
		.innerJoin(users, eq(users.id, oneTimeTokens.userId))
		.where(
			and(
				eq(oneTimeTokens.tokenHash, hashToken(token)),
				isNull(oneTimeTokens.usedAt),
				gt(oneTimeTokens.expiresAt, new Date())
			)
		);
	return row && kinds.includes(row.token.kind) ? row : null;
}

export const linkTo = (path: string) => new URL(path, config().origin).toString();

/** Links are 256-bit, but guessing is still throttled per IP address. */
async function throttleLinks(ctx: ServiceContext, ip: string) {
	if ((await hit(ctx.db, `link:ip:${ip}`, LOGIN_WINDOW_SECONDS)) > config().LOGIN_ATTEMPTS * 4)
		throw tooManyAttempts();
}

function checkNewPassword(input: unknown) {
	const parsed = setPasswordInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const problem = passwordProblem(parsed.data.password);
	if (problem)
		throw new AppError('invalid_input', 'Controleer de ingevulde gegevens.', {
			password: [problem]
		});
	return parsed.data.password;
}

/**
 * Accept an invitation (or the first-admin setup link): set the password. The user's language
 * becomes that of the page they accepted on (ctx.locale).
 */
export async function acceptInvitation(
	ctx: ServiceContext,
	token: string,
	input: unknown,
	ip: string
): Promise<User> {
	const password = checkNewPassword(input);
	await throttleLinks(ctx, ip);
	const passwordHash = await hashPassword(password);
	return mutate(ctx, async (tx) => {
		const claimed = await consumeToken(tx, ['invitation', 'setup'], token);
		const [user] = await tx
			.update(users)
			.set({ passwordHash, locale: ctx.locale })
			.where(and(eq(users.id, claimed.userId!), isNull(users.disabledAt)))
			.returning();
		if (!user) throw linkError();
		return {
			result: user,
			audit: {
				action: 'user.accept_invitation',
				recordType: 'user',
				recordId: user.id,
				changes: { password: { after: '(gewijzigd)' } }
			}
		};
	});
}

/** Mail a reset link if the address has an account; the answer is the same either way. */
export async function requestPasswordReset(
	ctx: ServiceContext,
	input: unknown,
	ip: string
): Promise<void> {
	const parsed = emailSchema.safeParse((input as { email?: unknown } | null)?.email);
	if (!parsed.success) throw invalidInput(parsed.error);
	const address = parsed.data;
	const limit = config().LOGIN_ATTEMPTS;
	const [perAccount, perIp] = await Promise.all([
		hit(ctx.db, `reset:acct:${address}`, LOGIN_WINDOW_SECONDS),
		hit(ctx.db, `reset:ip:${ip}`, LOGIN_WINDOW_SECONDS)
	]);
	if (perAccount > limit || perIp > limit * 4) throw tooManyAttempts();
	const [user] = await ctx.db
		.select()
		.from(users)
		.where(and(eq(users.email, address), isNull(users.disabledAt)));
	if (!user) {
		log().info({ requestId: ctx.requestId }, 'password reset requested for an unknown address');
		return;
	}
	const { token, expiresAt } = await mutate(ctx, async (tx) => ({
		result: await issueToken(tx, 'reset', user.id, config().RESET_TTL_MINUTES * 60_000),
		audit: { action: 'user.request_reset', recordType: 'user', recordId: user.id }
	}));
	const settings = await getSiteSettings(ctx.db);
	await sendMail(
		resetMail(settings, {
			to: user.email,
			name: user.name,
			link: linkTo(localizeHref(`/beheer/wachtwoord-herstellen/${token}`, user.locale)),
			expiresAt: formatDateTime(expiresAt, user.locale),
			locale: user.locale
		})
	);
}

/**
 * Set a new password from a reset link; ends every session of the user. The user's language
 * becomes that of the page they did it on (ctx.locale).
 */
export async function resetPassword(
	ctx: ServiceContext,
	token: string,
	input: unknown,
	ip: string
): Promise<User> {
	const password = checkNewPassword(input);
	await throttleLinks(ctx, ip);
	const passwordHash = await hashPassword(password);
	return mutate(ctx, async (tx) => {
		const claimed = await consumeToken(tx, ['reset'], token);
		const [user] = await tx
			.update(users)
			.set({ passwordHash, locale: ctx.locale })
			.where(eq(users.id, claimed.userId!))
			.returning();
		await endAllSessions(tx, user.id);
		return {
			result: user,
			audit: {
				action: 'user.reset_password',
				recordType: 'user',
				recordId: user.id,
				changes: { password: { after: '(gewijzigd)' } }
			}
		};
	});
}

/** Remove used or expired single-use links older than a day (scheduled job). */
export async function pruneTokens(db: DbOrTx, now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - 24 * 3600_000);
	const removed = await db
		.delete(oneTimeTokens)
		.where(lte(oneTimeTokens.expiresAt, cutoff))
		.returning();
	return removed.length;
}
