/**
 * Users: who they are (principal), invitations, roles, the first admin. Each command is one
 * transaction with its audit row.
 */
import { and, asc, count, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDateTime, localizeHref, locales, type Locale } from '../../i18n';
import { diff, mutate } from '../audit/audit.service';
import { today } from '../clock';
import { config } from '../config';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { auditEvents, memberships, people, users, type PlatformRole } from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { sendMail } from '../mail/mail.service';
import { invitationMail } from '../mail/templates';
import { authorize, can, type Principal } from '../policy';
import { getSiteSettings } from '../settings/settings.service';
import { mayAssignRole, twoFactorRequired } from './accounts.policy';
import { inviteInput, roleInput, email as emailSchema } from './accounts.schema';
import { endAllSessions } from './sessions.service';
import { issueToken, linkTo } from './links.service';

export type User = typeof users.$inferSelect;
const USER_AUDIT_LIMIT = 50;

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

/**
 * Invite a person to the workspace; mails a single-use link to choose a password, in the language
 * of the page the inviter used (`locale`, by default the request's). A new user starts in that
 * language too.
 */
export async function inviteUser(ctx: ServiceContext, input: unknown, locale: Locale = ctx.locale) {
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
		if (existing && inviter && !mayAssignRole(inviter.role, existing.role)) {
			throw new AppError('forbidden', 'Alleen een beheerder kan deze uitnodiging wijzigen.');
		}
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
					.values({ email: data.email, name: data.name, role: data.role, locale })
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
			result: {
				user,
				link: linkTo(localizeHref(`/beheer/uitnodiging/${token}`, locale)),
				expiresAt
			},
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
			expiresAt: formatDateTime(expiresAt, locale),
			locale
		})
	);
	return user;
}

const localeInput = z.strictObject({
	locale: z.enum(locales, 'Kies Nederlands of Engels.')
});

/** The user chooses the language of their mails and workspace (only their own), audited. */
export async function updateMyLocale(ctx: ServiceContext, userId: string, input: unknown) {
	const p = ctx.principal;
	if (!(p.kind === 'system' || (p.kind === 'user' && p.userId === userId))) {
		throw new AppError('forbidden', 'U kunt alleen uw eigen taal instellen.');
	}
	const parsed = localeInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Uw taal is niet gewijzigd.');
	const next = parsed.data.locale;
	return mutate(ctx, async (tx) => {
		const [before] = await tx
			.select({ locale: users.locale })
			.from(users)
			.where(eq(users.id, userId));
		if (!before) throw new AppError('not_found', 'Gebruiker niet gevonden.');
		await tx.update(users).set({ locale: next, updatedAt: new Date() }).where(eq(users.id, userId));
		return {
			result: { locale: next },
			audit: {
				action: 'user.locale',
				recordType: 'user',
				recordId: userId,
				changes: diff({ locale: before.locale }, { locale: next })
			}
		};
	});
}

/** What staff may see of a user: never the password hash or the TOTP secret. */
const safeUserColumns = {
	id: users.id,
	email: users.email,
	name: users.name,
	role: users.role,
	/** Accepted the invitation (has chosen a password). */
	active: sql<boolean>`${users.passwordHash} is not null`,
	totpEnabledAt: users.totpEnabledAt,
	lastLoginAt: users.lastLoginAt,
	disabledAt: users.disabledAt,
	createdAt: users.createdAt
};

export async function listUsers(ctx: ServiceContext) {
	authorize(ctx.principal, 'users:read', undefined, ctx.requestId);
	return ctx.db.select(safeUserColumns).from(users).orderBy(asc(users.name));
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
	const [row] = await ctx.db.select(safeUserColumns).from(users).where(eq(users.id, id));
	if (!row) throw new AppError('not_found', 'Gebruiker niet gevonden.');
	const events = can(ctx.principal, 'audit:read')
		? await ctx.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.recordType, 'user'), eq(auditEvents.recordId, id)))
				.orderBy(desc(auditEvents.at), desc(auditEvents.id))
				.limit(USER_AUDIT_LIMIT + 1)
		: null;
	return {
		user: row,
		events: events?.slice(0, USER_AUDIT_LIMIT) ?? null,
		moreEvents: (events?.length ?? 0) > USER_AUDIT_LIMIT
	};
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
