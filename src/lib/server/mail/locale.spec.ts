/**
 * Each user's language (users.locale) over a real SMTP server: an English user gets the
 * invitation, the reset, the weekly digest and the minutes reminder in English (subject, text,
 * HTML, dates and links under /en), a Dutch user still the Dutch; accepting an invitation or
 * resetting under /en makes the user English; the preference is saved with an audit event and a
 * value other than nl/en is refused (in Dutch or English) with nothing changed.
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import { inviteUser, updateMyLocale } from '../accounts/accounts.service';
import { acceptInvitation, requestPasswordReset, resetPassword } from '../accounts/links.service';
import { auditEvents, meetings, users } from '../db/schema';
import { translateMessage } from '../messages';
import { sendWeeklyDigest } from '../notifications/digest';
import { sendMinutesReminders } from '../notifications/minutes-reminder';
import type { Principal } from '../policy';

const smtp = useSmtp();
const t = useTestDatabase();

const PASSWORD = 'een lange zin als wachtwoord 7';
const { mailsTo } = smtp;
async function mailTo(email: string) {
	for (let i = 0; i < 50 && mailsTo(email).length === 0; i++) {
		await new Promise((r) => setTimeout(r, 100));
	}
	const [mail] = mailsTo(email);
	expect(mail, `a mail to ${email}`).toBeDefined();
	return mail;
}
const tokenIn = (text: string) => /\/([A-Za-z0-9_-]{43})(\s|$)/.exec(text)?.[1];
const localeOf = async (id: string) =>
	(await t.db.select({ locale: users.locale }).from(users).where(eq(users.id, id)))[0].locale;

const admin: Principal = {
	kind: 'user',
	userId: '00000000-0000-4000-8000-000000000001',
	name: 'Beheerder',
	email: 'b@voorbeeld.test',
	role: 'admin',
	bodyRoles: {}
};

describe('the language of mails', () => {
	it('writes the invitation in the language of the inviter’s page; accepting under /en makes the user English', async () => {
		const en = await inviteUser(t.ctx({ principal: admin, locale: 'en' }), {
			email: 'invited-en@voorbeeld.test',
			name: 'Erin English'
		});
		expect(en.locale).toBe('en');
		const mail = await mailTo('invited-en@voorbeeld.test');
		expect(mail.subject).toMatch(/^Invitation to the workspace — /);
		expect(mail.text).toContain('Dear Erin English,');
		expect(mail.text).toContain('Beheerder invites you to the workspace of');
		expect(mail.text).toContain('https://streek.voorbeeld.test/en/beheer/uitnodiging/');
		expect(mail.text).toMatch(/expires on \d\d\/\d\d\/\d{4},? \d\d:\d\d/);
		expect(mail.html).toContain('<html lang="en">');
		expect(mail.html).toContain('Choose a password');
		expect(mail.text).not.toContain('Beste');

		const nl = await inviteUser(t.ctx({ principal: admin }), {
			email: 'invited-nl@voorbeeld.test',
			name: 'Nora Nederlands'
		});
		expect(nl.locale).toBe('nl');
		const dutch = await mailTo('invited-nl@voorbeeld.test');
		expect(dutch.subject).toMatch(/^Uitnodiging voor de werkruimte — /);
		expect(dutch.text).toContain('Beste Nora Nederlands,');
		expect(dutch.text).toContain('https://streek.voorbeeld.test/beheer/uitnodiging/');
		expect(dutch.html).toContain('<html lang="nl">');

		// Nora accepts on the English page: her mails are English from now on.
		const token = tokenIn(dutch.text!);
		await acceptInvitation(
			t.ctx({ locale: 'en' }),
			token!,
			{ password: PASSWORD, confirm: PASSWORD },
			'127.0.0.1'
		);
		expect(await localeOf(nl.id)).toBe('en');
	});

	it('mails the reset link in the user’s language; resetting under /en makes the user English', async () => {
		const body = await buildBody(t.db);
		const { user: eng } = await buildMemberUser(t.db, { bodyId: body.id });
		await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, eng.id));
		await requestPasswordReset(t.ctx(), { email: eng.email }, '10.0.0.1');
		const mail = await mailTo(eng.email);
		expect(mail.subject).toMatch(/^Choose a new password — /);
		expect(mail.text).toContain('Someone asked for a new password for your account.');
		expect(mail.text).toContain('https://streek.voorbeeld.test/en/beheer/wachtwoord-herstellen/');
		expect(mail.html).toContain('<html lang="en">');

		const { user: dutch } = await buildMemberUser(t.db, { bodyId: body.id });
		await requestPasswordReset(t.ctx({ locale: 'en' }), { email: dutch.email }, '10.0.0.2');
		const nl = await mailTo(dutch.email);
		expect(nl.subject).toMatch(/^Nieuw wachtwoord kiezen — /);
		expect(nl.text).toContain('https://streek.voorbeeld.test/beheer/wachtwoord-herstellen/');
		await resetPassword(
			t.ctx({ locale: 'en' }),
			tokenIn(nl.text!)!,
			{ password: PASSWORD, confirm: PASSWORD },
			'10.0.0.2'
		);
		expect(await localeOf(dutch.id)).toBe('en');
	});

	it('sends the weekly digest and the minutes reminder in each member’s language', async () => {
		const now = new Date('2026-11-30T07:30:00Z');
		const body = await buildBody(t.db, {
			name: { nl: 'Taalwerkgroep', en: 'Language working group' }
		});
		const english = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const dutch = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, english.user.id));
		await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			title: null,
			startsAt: new Date('2026-11-24T14:00:00Z'),
			endsAt: new Date('2026-11-24T16:00:00Z'),
			items: [{ title: 'Mobiliteit' }],
			isExample: false
		});

		await sendWeeklyDigest(t.db, '2026-W48', now);
		const digest = await mailTo(english.user.email);
		expect(digest.subject).toMatch(/^Weekly overview: 23\/11\/2026 to 29\/11\/2026 — /);
		expect(digest.text).toContain('Dear ');
		expect(digest.text).toContain(
			'This is what happened from 23/11/2026 to 29/11/2026 in the bodies you are a member of.'
		);
		expect(digest.text).toContain('Language working group:');
		expect(digest.text).toContain(
			'Meeting held on 24/11/2026: Language working group — 24 November 2026'
		);
		expect(digest.text).toContain('https://streek.voorbeeld.test/en/beheer/vergaderingen/');
		expect(digest.text).toContain(
			'You receive this e-mail because notifications about “weekly overview” are on for your account.'
		);
		expect(digest.text).toContain('https://streek.voorbeeld.test/en/beheer/account#meldingen');
		expect(digest.html).toContain('<html lang="en">');
		const dutchDigest = await mailTo(dutch.user.email);
		expect(dutchDigest.subject).toMatch(
			/^Wekelijks overzicht: 23\/11\/2026 tot en met 29\/11\/2026/
		);
		expect(dutchDigest.text).toContain('Taalwerkgroep:');
		expect(dutchDigest.text).toContain(
			'Vergadering gehouden op 24/11/2026: Taalwerkgroep — 24 november 2026'
		);

		smtp.received.length = 0;
		await sendMinutesReminders(t.db, new Date('2026-12-10T07:30:00Z'), 7);
		const reminder = await mailTo(english.user.email);
		expect(reminder.subject).toMatch(
			/^Reminder: the minutes of “Language working group — 24 November 2026” are still missing — /
		);
		expect(reminder.text).toContain(
			'The meeting “Language working group — 24 November 2026” of Language working group took place on 24 November 2026. More than 7 days later there are still no minutes.'
		);
		expect(reminder.text).toMatch(
			/Write the minutes:\nhttps:\/\/streek\.voorbeeld\.test\/en\/beheer\/vergaderingen\/\S+\/verslag/
		);
		expect(reminder.text).toContain('notifications about “reminders”');
		const dutchReminder = await mailTo(dutch.user.email);
		expect(dutchReminder.subject).toMatch(
			/^Herinnering: het verslag van „Taalwerkgroep — 24 november 2026” ontbreekt nog/
		);
		expect(dutchReminder.text).toContain('Het verslag schrijven');
		await t.db.delete(meetings).where(eq(meetings.bodyId, body.id));
	});
});

describe('the language preference', () => {
	it('is saved with an audit event; a value other than nl/en is refused and nothing changes', async () => {
		const body = await buildBody(t.db);
		const { user, principal } = await buildMemberUser(t.db, { bodyId: body.id });
		const ctx = t.ctx({ principal, actor: { type: 'user', id: user.id } });
		expect(await localeOf(user.id)).toBe('nl');

		expect(await updateMyLocale(ctx, user.id, { locale: 'en' })).toEqual({ locale: 'en' });
		expect(await localeOf(user.id)).toBe('en');
		const [event] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'user.locale'), eq(auditEvents.recordId, user.id)));
		expect(event.changes).toEqual({ locale: { before: 'nl', after: 'en' } });

		const audits = async () =>
			(
				await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.recordId, user.id))
			)[0].n;
		const before = await audits();
		for (const locale of ['fr', '', undefined]) {
			const e = await rejection(updateMyLocale(ctx, user.id, { locale }));
			expect(e.code).toBe('invalid_input');
			expect(e.message).toBe('Uw taal is niet gewijzigd.');
			expect(e.fields?.locale).toEqual(['Kies Nederlands of Engels.']);
			expect(translateMessage('en', e.message)).toBe('Your language has not been changed.');
			expect(translateMessage('en', e.fields!.locale[0])).toBe('Choose Dutch or English.');
		}
		expect(await localeOf(user.id)).toBe('en');
		expect(await audits()).toBe(before);

		// Only one's own.
		const other = await buildMemberUser(t.db, { bodyId: body.id });
		const e = await rejection(updateMyLocale(ctx, other.user.id, { locale: 'en' }));
		expect(e.code).toBe('forbidden');
		expect(await localeOf(other.user.id)).toBe('nl');
	});
});
