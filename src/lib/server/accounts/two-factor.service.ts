/**
 * Second factor: TOTP (RFC 6238, via otpauth) with single-use recovery codes. Required for admin
 * and staff, optional for others. A code's time step is remembered so it cannot be replayed.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { recoveryCodes, users } from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { log } from '../log';
import { getSiteSettings } from '../settings/settings.service';
import { codeInput } from './accounts.schema';
import type { User } from './accounts.service';
import { verifyPassword } from './passwords';
import { hit, LOGIN_WINDOW_SECONDS, tooManyAttempts } from './rate-limit';
import { endAllSessions, markTwoFactorDone } from './sessions.service';
import { hashToken } from './tokens';

const PERIOD = 30;
const wrongCode = () =>
	new AppError(
		'invalid_input',
		'Deze code klopt niet. Probeer de volgende code of een herstelcode.',
		{
			code: ['Deze code klopt niet.']
		}
	);

function totpFor(issuer: string, user: User, secret: string) {
	return new TOTP({
		issuer,
		label: user.email,
		algorithm: 'SHA1',
		digits: 6,
		period: PERIOD,
		secret: Secret.fromBase32(secret)
	});
}

/** The time step a code is valid for, or null (window: one step either side). */
function matchStep(totp: TOTP, code: string, now = Date.now()): number | null {
	const delta = totp.validate({ token: code, timestamp: now, window: 1 });
	return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** Start (or restart) enrolment: a new secret, not active until a code confirms it. */
export async function beginEnrolment(ctx: ServiceContext, user: User) {
	const settings = await getSiteSettings(ctx.db);
	const secret = user.totpEnabledAt ? null : (user.totpSecret ?? new Secret({ size: 20 }).base32);
	if (!secret) throw new AppError('conflict', 'Tweestapsverificatie is al ingeschakeld.');
	if (secret !== user.totpSecret)
		await ctx.db.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
	const uri = totpFor(settings.name, user, secret).toString();
	const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return {
		secret,
		uri,
		qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`
	};
}

function newRecoveryCodes(): string[] {
	return Array.from({ length: 10 }, () => {
		const raw = randomBytes(8).toString('hex').slice(0, 10);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
}

/** Confirm enrolment with a first code; returns the recovery codes (shown once). */
export async function confirmEnrolment(
	ctx: ServiceContext,
	user: User,
	input: unknown,
	sessionId: string
): Promise<string[]> {
	const parsed = codeInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	if (!user.totpSecret || user.totpEnabledAt)
		throw new AppError('conflict', 'Start de instelling opnieuw.');
	const settings = await getSiteSettings(ctx.db);
	const step = matchStep(totpFor(settings.name, user, user.totpSecret), parsed.data.code);
	if (step === null) throw wrongCode();
	const codes = newRecoveryCodes();
	await mutate(ctx, async (tx) => {
		await tx
			.update(users)
			.set({ totpEnabledAt: new Date(), totpLastStep: step })
			.where(eq(users.id, user.id));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
		await tx
			.insert(recoveryCodes)
			.values(codes.map((c) => ({ userId: user.id, codeHash: hashToken(c) })));
		await markTwoFactorDone(tx, sessionId);
		return {
			result: null,
			audit: { action: 'user.enable_totp', recordType: 'user', recordId: user.id }
		};
	});
	return codes;
}

/** Verify the second factor of a session: a TOTP code or an unused recovery code. */
export async function verifySecondFactor(
	ctx: ServiceContext,
	user: User,
	input: unknown,
	sessionId: string,
	ip: string
): Promise<void> {
	const parsed = codeInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const attempts = await hit(ctx.db, `totp:${user.id}`, LOGIN_WINDOW_SECONDS);
	if (attempts > 10) throw tooManyAttempts();
	const code = parsed.data.code.replace(/\s/g, '');
	const settings = await getSiteSettings(ctx.db);
	await mutate({ ...ctx, actor: { type: 'user', id: user.id, label: user.email } }, async (tx) => {
		let how = 'totp';
		const step =
			/^\d{6}$/.test(code) && user.totpSecret
				? matchStep(totpFor(settings.name, user, user.totpSecret), code)
				: null;
		if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
			await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
		} else {
			const [used] = await tx
				.update(recoveryCodes)
				.set({ usedAt: new Date() })
				.where(
					and(
						eq(recoveryCodes.userId, user.id),
						eq(recoveryCodes.codeHash, hashToken(code.toLowerCase())),
						isNull(recoveryCodes.usedAt)
					)
				)
				.returning();
			if (!used) {
				log().warn({ requestId: ctx.requestId, userId: user.id, ip }, 'second factor failed');
				throw wrongCode();
			}
			how = 'recovery_code';
		}
		await markTwoFactorDone(tx, sessionId);
		return {
			result: null,
			audit: { action: `user.second_factor.${how}`, recordType: 'user', recordId: user.id }
		};
	});
}

/** Turn TOTP off (not allowed where it is required); asks for the password again. */
export async function disableTwoFactor(
	ctx: ServiceContext,
	user: User,
	password: string,
	keepSessionId: string
) {
	if (user.role !== 'user')
		throw new AppError(
			'conflict',
			'Voor beheerders en medewerkers is tweestapsverificatie verplicht.'
		);
	if ((await hit(ctx.db, `disable-totp:${user.id}`, LOGIN_WINDOW_SECONDS)) > 5)
		throw tooManyAttempts();
	if (
		password.length > 512 ||
		!user.passwordHash ||
		!(await verifyPassword(user.passwordHash, password))
	) {
		throw new AppError('invalid_input', 'Het wachtwoord klopt niet.', {
			password: ['Het wachtwoord klopt niet.']
		});
	}
	await mutate(ctx, async (tx) => {
		await tx
			.update(users)
			.set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
			.where(eq(users.id, user.id));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
		await endAllSessions(tx, user.id, keepSessionId);
		return {
			result: null,
			audit: { action: 'user.disable_totp', recordType: 'user', recordId: user.id }
		};
	});
}

export async function unusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
	const rows = await db
		.select({ id: recoveryCodes.id })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
	return rows.length;
}
