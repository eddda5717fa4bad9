/**
 * Users: invitations, password set and reset, login with rate limits, roles. Each command is one
 * transaction with its audit row; links are single-use and expire; nothing reveals whether an
 * e-mail address has an account.
 */
import { and, asc, count, desc, eq, gt, isNull, lte, ne } from 'drizzle-orm';
import { formatDateTime } from '../../i18n';
import { diff, mutate } from '../audit/audit.service';
import { today } from '../clock';
import { config } from '../config';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	auditEvents,
	memberships,
	oneTimeTokens,
	people,
	users,
	type OneTimeTokenKind,
	type PlatformRole
} from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { invitationMail, resetMail } from '../mail/templates';
import { authorize, can, type Principal } from '../policy';
import { getSiteSettings } from '../settings/settings.service';
import { mayAssignRole, twoFactorRequired } from './accounts.policy';
import {
	inviteInput,
	loginInput,
	roleInput,
	setPasswordInput,
	email as emailSchema
} from './accounts.schema';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { hit, hits, LOGIN_WINDOW_SECONDS } from './rate-limit';
import {
	createSession,
	endAllSessions,
	endOwnSession,
	endSession,
	listSessions
} from './sessions.service';
import { hashToken, newToken } from './tokens';
import { unusedRecoveryCodes } from './two-factor.service';

export type User = typeof users.$inferSelect;

const linkError = () =>
	new AppError('invalid_input', 'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.', {
		token: ['Deze link is al gebruikt of verlopen.']
	});

/** The principal of a logged-in user: their platform role and their active body roles. */
export async function principalFor(db: DbOrTx, user: User, on = today()): Promise<Principal> {
	const rows = await db
		.select({
			bodyId: memberships.bodyId,
			role: memberships.role,
			startOn: memberships.startOn,
			endOn: memberships.endOn
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.where(eq(people.userId, user.id));
	const bodyRoles: Record<string, (typeof rows)[number]['role'][]> = {};
	for (const r of rows) {
		if ((r.startOn && r.startOn > on) || (r.endOn && r.endOn < on)) continue;
		(bodyRoles[r.bodyId] ??= []).push(r.role);
	}
	return {
		kind: 'user',
		userId: user.id,
		name: user.name,
		email: user.email,
		role: user.role,
		bodyRoles
	};
}

export function needsTwoFactor(user: User): boolean {
	return user.totpEnabledAt !== null || twoFactorRequired.includes(user.role);
}

async function issueToken(
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

const linkTo = (path: string) => new URL(path, config().origin).toString();

/** Invite a person to the workspace; mails a single-use link to choose a password. */
export async function inviteUser(ctx: ServiceContext, input: unknown) {
	authorize(ctx.principal, 'users:invite', undefined, ctx.requestId);
	const parsed = inviteInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	const inviter = ctx.principal.kind === 'user' ? ctx.principal : undefined;
	if (inviter && !mayAssignRole(inviter.role, data.role)) {
		throw new AppError(
			'forbidden',
			'Alleen een beheerder kan iemand als beheerder of medewerker uitnodigen.',
			{
				role: ['Alleen een beheerder kan deze rol toekennen.']
			}
		);
	}
	const settings = await getSiteSettings(ctx.db);
	const { user, link, expiresAt } = await mutate(ctx, async (tx) => {
		const [existing] = await tx.select().from(users).where(eq(users.email, data.email));
		if (existing?.passwordHash) {
			throw new AppError('conflict', 'Er bestaat al een account met dit e-mailadres.', {
				email: ['Er bestaat al een account met dit e-mailadres.']
			});
		}
		const [user] = existing
			? await tx
					.update(users)
					.set({ name: data.name, role: data.role })
					.where(eq(users.id, existing.id))
					.returning()
			: await tx
					.insert(users)
					.values({ email: data.email, name: data.name, role: data.role })
					.returning();
		if (data.personId) {
			const linked = await tx
				.update(people)
				.set({ userId: user.id })
				.where(eq(people.id, data.personId))
				.returning();
			if (linked.length === 0)
				throw new AppError('invalid_input', 'Onbekende persoon.', {
					personId: ['Onbekende persoon.']
				});
		}
		const { token, expiresAt } = await issueToken(
			tx,
			'invitation',
			user.id,
			config().INVITATION_TTL_HOURS * 3600_000,
			inviter?.userId
		);
		return {
			result: { user, link: linkTo(`/beheer/uitnodiging/${token}`), expiresAt },
			audit: {
				action: 'user.invite',
				recordType: 'user',
				recordId: user.id,
				changes: diff(existing ? { name: existing.name, role: existing.role } : undefined, {
					email: user.email,
					name: user.name,
					role: user.role
				})
			}
		};
	});
	// Mail after commit: a failed send leaves a valid invitation that can be sent again.
	await sendMail(
		invitationMail(settings, {
			to: user.email,
			name: user.name,
			invitedBy: inviter?.name ?? settings.name,
			link,
			expiresAt: formatDateTime(expiresAt, 'nl')
		})
	);
	return user;
}

/** Links are 256-bit, but guessing is still throttled per IP address. */
async function throttleLinks(ctx: ServiceContext, ip: string) {
	if ((await hit(ctx.db, `link:ip:${ip}`, LOGIN_WINDOW_SECONDS)) > config().LOGIN_ATTEMPTS * 4) throw tooMany();
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

/** Accept an invitation (or the first-admin setup link): set the password. */
export async function acceptInvitation(
	ctx: ServiceContext,
	token: string,
	input: unknown
): Promise<User> {
	const password = checkNewPassword(input);
	const passwordHash = await hashPassword(password);
	return mutate(ctx, async (tx) => {
		const claimed = await consumeToken(tx, ['invitation', 'setup'], token);
		const [user] = await tx
			.update(users)
			.set({ passwordHash })
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
	if (perAccount > limit || perIp > limit * 4) throw tooMany();
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
			link: linkTo(`/beheer/wachtwoord-herstellen/${token}`),
			expiresAt: formatDateTime(expiresAt, 'nl')
		})
	);
}

/** Set a new password from a reset link; ends every session of the user. */
export async function resetPassword(
	ctx: ServiceContext,
	token: string,
	input: unknown
): Promise<User> {
	const password = checkNewPassword(input);
	const passwordHash = await hashPassword(password);
	return mutate(ctx, async (tx) => {
		const claimed = await consumeToken(tx, ['reset'], token);
		const [user] = await tx
			.update(users)
			.set({ passwordHash })
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

function tooMany() {
	return new AppError(
		'rate_limited',
		'Te veel pogingen. Wacht 15 minuten en probeer het dan opnieuw.'
	);
}

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
		throw tooMany();
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

export async function listUsers(ctx: ServiceContext) {
	authorize(ctx.principal, 'users:read', undefined, ctx.requestId);
	return ctx.db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			hasPassword: users.passwordHash,
			totpEnabledAt: users.totpEnabledAt,
			lastLoginAt: users.lastLoginAt,
			disabledAt: users.disabledAt
		})
		.from(users)
		.orderBy(asc(users.name))
		.then((rows) => rows.map(({ hasPassword, ...r }) => ({ ...r, active: hasPassword !== null })));
}

export async function changeRole(ctx: ServiceContext, userId: string, input: unknown) {
	authorize(ctx.principal, 'users:manage', undefined, ctx.requestId);
	const parsed = roleInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(users).where(eq(users.id, userId));
		if (!before) throw new AppError('not_found', 'Gebruiker niet gevonden.');
		if (before.role === 'admin' && parsed.data.role !== 'admin' && !before.disabledAt) {
			const [others] = await tx
				.select({ n: count() })
				.from(users)
				.where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
			if (others.n === 0)
				throw new AppError('conflict', 'Er moet minstens één beheerder overblijven.', {
					role: ['Er moet minstens één beheerder overblijven.']
				});
		}
		const [after] = await tx
			.update(users)
			.set({ role: parsed.data.role })
			.where(eq(users.id, userId))
			.returning();
		// A session started without a second factor must not carry a role that requires one:
		// end them, so the next login goes through enrolment.
		if (needsTwoFactor(after) && !after.totpEnabledAt) await endAllSessions(tx, userId);
		return {
			result: after,
			audit: {
				action: 'user.change_role',
				recordType: 'user',
				recordId: userId,
				changes: diff({ role: before.role }, { role: after.role })
			}
		};
	});
}

/** One user for the workspace: safe fields only (no hashes or secrets), and their latest audit. */
export async function getUser(ctx: ServiceContext, id: string) {
	authorize(ctx.principal, 'users:read', undefined, ctx.requestId);
	const [row] = await ctx.db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			hasPassword: users.passwordHash,
			totpEnabledAt: users.totpEnabledAt,
			lastLoginAt: users.lastLoginAt,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, id));
	if (!row) throw new AppError('not_found', 'Gebruiker niet gevonden.');
	const { hasPassword, ...user } = row;
	const events = can(ctx.principal, 'audit:read')
		? await ctx.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.recordType, 'user'), eq(auditEvents.recordId, id)))
				.orderBy(desc(auditEvents.at), desc(auditEvents.id))
				.limit(USER_AUDIT_LIMIT + 1)
		: null;
	return {
		user: { ...user, active: hasPassword !== null },
		events: events?.slice(0, USER_AUDIT_LIMIT) ?? null,
		moreEvents: (events?.length ?? 0) > USER_AUDIT_LIMIT
	};
}

const USER_AUDIT_LIMIT = 50;

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

/**
 * Create an admin (or make an existing user one) and return a single-use link to set the
 * password: `npm run admin:create`, and the first start of an empty database.
 */
export async function createAdminLink(
	ctx: ServiceContext,
	input: { email: unknown; name?: string }
) {
	authorize(ctx.principal, 'users:manage', undefined, ctx.requestId);
	const parsed = emailSchema.safeParse(input.email);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldig e-mailadres.');
	const address = parsed.data;
	return mutate(ctx, async (tx) => {
		const [existing] = await tx.select().from(users).where(eq(users.email, address));
		const role: PlatformRole = 'admin';
		const [user] = existing
			? await tx
					.update(users)
					.set({ role, disabledAt: null })
					.where(eq(users.id, existing.id))
					.returning()
			: await tx
					.insert(users)
					.values({ email: address, name: input.name?.trim() || address, role })
					.returning();
		const { token, expiresAt } = await issueToken(tx, 'setup', user.id, 24 * 3600_000);
		return {
			result: { user, link: linkTo(`/beheer/uitnodiging/${token}`), expiresAt },
			audit: {
				action: existing ? 'user.reset_admin' : 'user.create_admin',
				recordType: 'user',
				recordId: user.id
			}
		};
	});
}

export async function hasAdmin(db: DbOrTx): Promise<boolean> {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
		.limit(1);
	return row !== undefined;
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
