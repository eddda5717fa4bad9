import { count, eq } from 'drizzle-orm';
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { auditEvents, oneTimeTokens, sessions, users } from '../db/schema';
import { anonymous, system, type Principal } from '../policy';
import { inviteUser } from './accounts.service';
import { acceptInvitation, requestPasswordReset, resetPassword } from './links.service';
import { login, logout } from './login.service';
import { validateSession } from './sessions.service';
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from './two-factor.service';
import { rejection } from '../../../../tests/helpers/errors';

const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.MAIL_FROM = 'Streekplatform test <test@voorbeeld.test>';
});
afterAll(async () => {
	await smtp.close();
});

const PASSWORD = 'een lange zin als wachtwoord 7';
const client = { ip: '127.0.0.1', userAgent: 'vitest' };
const linkIn = (text: string) => /https?:\/\/\S+\/beheer\/\S+\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function snapshot() {
	const [u] = await t.db.select({ n: count() }).from(users);
	const [s] = await t.db.select({ n: count() }).from(sessions);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	const [o] = await t.db.select({ n: count() }).from(oneTimeTokens);
	return { users: u.n, sessions: s.n, audit: a.n, tokens: o.n };
}

describe('invitation → password → login → TOTP → logout', () => {
	it('runs end to end with real mail over SMTP', async () => {
		const admin: Principal = {
			kind: 'user',
			userId: '00000000-0000-4000-8000-000000000001',
			name: 'Beheerder',
			email: 'b@voorbeeld.test',
			role: 'admin',
			bodyRoles: {}
		};
		const user = await inviteUser(t.ctx({ principal: admin }), {
			email: 'Secretaris@Voorbeeld.test',
			name: 'Sam Secretaris',
			role: 'staff'
		});
		expect(user.email).toBe('secretaris@voorbeeld.test');
		const [mail] = await smtp.waitFor(1);
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('secretaris@voorbeeld.test');
		expect(mail.subject).toContain('Uitnodiging');
		expect(mail.html).toContain('Wachtwoord kiezen');
		const token = linkIn(mail.text ?? '');
		expect(token).toBeDefined();

		// A password that is too short, or too common, is refused and nothing changes.
		const before = await snapshot();
		for (const [password, message] of [
			['kort', 'Kies een wachtwoord van minstens 12 tekens.'],
			[
				'qwertyuiop123',
				'Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.'
			]
		]) {
			const e = await rejection(
				acceptInvitation(t.ctx(), token!, { password, confirm: password }, '127.0.0.1')
			);
			expect(e.fields?.password).toEqual([message]);
		}
		const mismatch = await rejection(
			acceptInvitation(
				t.ctx(),
				token!,
				{ password: PASSWORD, confirm: PASSWORD + 'x' },
				'127.0.0.1'
			)
		);
		expect(mismatch.fields?.confirm).toEqual(['De twee wachtwoorden zijn niet gelijk.']);
		expect(await snapshot()).toEqual(before);

		await acceptInvitation(t.ctx(), token!, { password: PASSWORD, confirm: PASSWORD }, '127.0.0.1');
		// The link works once.
		const replay = await rejection(
			acceptInvitation(t.ctx(), token!, { password: PASSWORD, confirm: PASSWORD }, '127.0.0.1')
		);
		expect(replay.message).toBe('Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.');

		// Staff must set up a second factor: the session is not complete yet.
		const first = await login(
			t.ctx({ principal: anonymous }),
			{ email: 'secretaris@voorbeeld.test', password: PASSWORD },
			client
		);
		expect(first.next).toBe('enroll');
		const pending = await validateSession(t.db, first.token);
		expect(pending?.session.twoFactorDone).toBe(false);

		const enrolment = await beginEnrolment(t.ctx(), pending!.user);
		const [fresh] = await t.db.select().from(users).where(eq(users.id, user.id));
		const totp = new TOTP({ secret: Secret.fromBase32(enrolment.secret), digits: 6, period: 30 });
		const wrong = await rejection(
			confirmEnrolment(
				t.ctx(),
				fresh,
				{ code: '000000' === totp.generate() ? '111111' : '000000' },
				pending!.session.id
			)
		);
		expect(wrong.fields?.code).toEqual(['Deze code klopt niet.']);
		const codes = await confirmEnrolment(
			t.ctx(),
			fresh,
			{ code: totp.generate() },
			pending!.session.id
		);
		expect(codes).toHaveLength(10);
		expect((await validateSession(t.db, first.token))?.session.twoFactorDone).toBe(true);

		// Next login asks for the code; a recovery code works once.
		const second = await login(
			t.ctx(),
			{ email: 'secretaris@voorbeeld.test', password: PASSWORD },
			client
		);
		expect(second.next).toBe('second-factor');
		const s2 = await validateSession(t.db, second.token);
		const [enrolled] = await t.db.select().from(users).where(eq(users.id, user.id));
		await verifySecondFactor(t.ctx(), enrolled, { code: codes[0] }, s2!.session.id, client.ip);
		expect((await validateSession(t.db, second.token))?.session.twoFactorDone).toBe(true);
		const third = await login(
			t.ctx(),
			{ email: 'secretaris@voorbeeld.test', password: PASSWORD },
			client
		);
		const s3 = await validateSession(t.db, third.token);
		const reused = await rejection(
			verifySecondFactor(t.ctx(), enrolled, { code: codes[0] }, s3!.session.id, client.ip)
		);
		expect(reused.message).toBe(
			'Deze code klopt niet. Probeer de volgende code of een herstelcode.'
		);
		expect((await validateSession(t.db, third.token))?.session.twoFactorDone).toBe(false);

		await logout(t.ctx(), enrolled, s2!.session.id);
		expect(await validateSession(t.db, second.token)).toBeNull();
	});
});

describe('login', () => {
	it('says the same for an unknown address and a wrong password, and rate-limits per account', async () => {
		const unknown = await rejection(
			login(t.ctx(), { email: 'niemand@voorbeeld.test', password: 'x'.repeat(12) }, client)
		);
		const wrong = await rejection(
			login(
				t.ctx(),
				{ email: 'secretaris@voorbeeld.test', password: 'verkeerd wachtwoord' },
				{ ip: '10.0.0.9' }
			)
		);
		expect(unknown.message).toBe(wrong.message);
		for (let i = 0; i < 4; i++) {
			await rejection(
				login(
					t.ctx(),
					{ email: 'secretaris@voorbeeld.test', password: 'verkeerd wachtwoord' },
					{ ip: '10.0.0.9' }
				)
			);
		}
		// Now even the right password is refused until the window passes.
		const limited = await rejection(
			login(t.ctx(), { email: 'secretaris@voorbeeld.test', password: PASSWORD }, { ip: '10.0.0.9' })
		);
		expect(limited.code).toBe('rate_limited');
		expect(limited.status).toBe(429);
	});

	it('refuses bad input with field messages and starts no session', async () => {
		const before = await snapshot();
		const e = await rejection(
			login(t.ctx(), { email: 'geen-adres', password: '', extra: 1 }, client)
		);
		expect(e.code).toBe('invalid_input');
		expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
		expect(await snapshot()).toEqual(before);
	});
});

describe('password reset', () => {
	it('never reveals whether an address exists, and a link works once', async () => {
		const mailsBefore = smtp.received.length;
		await requestPasswordReset(t.ctx(), { email: 'onbekend@voorbeeld.test' }, '127.0.0.2');
		await requestPasswordReset(t.ctx(), { email: 'secretaris@voorbeeld.test' }, '127.0.0.2');
		const mails = await smtp.waitFor(mailsBefore + 1);
		expect(mails).toHaveLength(mailsBefore + 1);
		const token = linkIn(mails[mails.length - 1].text ?? '');
		const newPassword = 'nog een andere lange zin 8';
		const [{ id }] = await t.db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, 'secretaris@voorbeeld.test'));
		await resetPassword(
			t.ctx(),
			token!,
			{ password: newPassword, confirm: newPassword },
			'127.0.0.1'
		);
		const [{ n }] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, id));
		expect(n).toBe(0); // every session ended
		const before = await snapshot();
		const replay = await rejection(
			resetPassword(t.ctx(), token!, { password: newPassword, confirm: newPassword }, '127.0.0.1')
		);
		expect(replay.message).toBe('Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.');
		expect(await snapshot()).toEqual(before);
	});

	it('refuses an expired link', async () => {
		await requestPasswordReset(t.ctx(), { email: 'secretaris@voorbeeld.test' }, '127.0.0.3');
		const mails = smtp.received;
		const token = linkIn(mails[mails.length - 1].text ?? '');
		await t.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) });
		const e = await rejection(
			resetPassword(
				t.ctx(),
				token!,
				{
					password: 'nog een andere lange zin 9',
					confirm: 'nog een andere lange zin 9'
				},
				'127.0.0.1'
			)
		);
		expect(e.fields?.token).toEqual(['Deze link is al gebruikt of verlopen.']);
	});
});

describe('sessions', () => {
	it('end after the idle timeout and after the absolute lifetime', async () => {
		const [user] = await t.db
			.insert(users)
			.values({ email: 'sessie@voorbeeld.test', name: 'Sessie' })
			.returning();
		const { createSession } = await import('./sessions.service');
		const { token } = await createSession(t.db, user.id, { twoFactorDone: true });
		const now = Date.now();
		expect(await validateSession(t.db, token, new Date(now + 29 * 60_000))).not.toBeNull();
		// 29 minutes later it was touched; 31 minutes after that touch it is gone.
		expect(
			await validateSession(t.db, token, new Date(now + 29 * 60_000 + 31 * 60_000))
		).toBeNull();

		const second = await createSession(t.db, user.id, { twoFactorDone: true });
		let at = now;
		for (let i = 0; i < 25; i++) {
			at += 29 * 60_000; // active all day long
			const alive = await validateSession(t.db, second.token, new Date(at));
			if (at - now < 12 * 3600_000) expect(alive).not.toBeNull();
			else {
				expect(alive).toBeNull();
				break;
			}
		}
	});
});

describe('invitations are authorised', () => {
	it('anonymous and plain users cannot invite; staff cannot hand out the admin role', async () => {
		const member: Principal = {
			kind: 'user',
			userId: '00000000-0000-4000-8000-000000000002',
			name: 'Lid',
			email: 'lid@voorbeeld.test',
			role: 'user',
			bodyRoles: {}
		};
		const staff: Principal = { ...member, role: 'staff' };
		const before = await snapshot();
		expect(
			(
				await rejection(
					inviteUser(t.ctx({ principal: anonymous }), { email: 'x@voorbeeld.test', name: 'X' })
				)
			).code
		).toBe('unauthenticated');
		expect(
			(
				await rejection(
					inviteUser(t.ctx({ principal: member }), { email: 'x@voorbeeld.test', name: 'X' })
				)
			).code
		).toBe('forbidden');
		const e = await rejection(
			inviteUser(t.ctx({ principal: staff }), {
				email: 'x@voorbeeld.test',
				name: 'X',
				role: 'admin'
			})
		);
		expect(e.fields?.role).toEqual(['Alleen een beheerder kan deze rol toekennen.']);
		expect(await snapshot()).toEqual(before);
	});

	it('stores HTML in a name as text and escapes it in the mail', async () => {
		await inviteUser(t.ctx({ principal: system }), {
			email: 'html@voorbeeld.test',
			name: '<b>Vet</b>'
		});
		const mails = await smtp.waitFor(1);
		const last = mails[mails.length - 1];
		expect(last.html).toContain('&lt;b&gt;Vet&lt;/b&gt;');
		expect(last.html).not.toContain('<b>Vet</b>');
	});
});
