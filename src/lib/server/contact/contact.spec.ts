/**
 * The contact form over a real SMTP server: a message is stored, mailed to the secretariat
 * (reply-to the sender) and confirmed to the sender in their language; every bad input is refused
 * with its message (Dutch, English under /en) and nothing stored or mailed; the honeypot stores
 * nothing and answers like a real message; bursts hit the limits per sender and per secretariat;
 * a failed mail keeps the message. The workspace shows messages to who runs the body.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import type { ServiceContext } from '../context';
import { auditEvents, contactMessages } from '../db/schema';
import { actorOf } from '../http';
import type { Principal } from '../policy';
import { CONTACT_LIMITS, CONTACT_RATE } from './contact.schema';
import {
	bodySecretariat,
	listContactMessages,
	partnershipSecretariat,
	sendContactMessage,
	setHandled,
	type Secretariat
} from './contact.service';

const smtp = useSmtp({ refuse: (a) => a.startsWith('kapot@') });
const t = useTestDatabase();

const { mailsTo } = smtp;
const settle = () => new Promise((r) => setTimeout(r, 300));
const stored = async () => (await t.db.select({ n: count() }).from(contactMessages))[0].n;

let ip = 0;
/** A fresh client address per test, so the limits of one test do not touch another. */
const nextIp = () => `192.0.2.${++ip}`;

async function bodyWithSecretariat(email = `secretariaat-${crypto.randomUUID()}@voorbeeld.test`) {
	const body = await buildBody(t.db, { contact: { email, phone: '016 00 00 00' } });
	return { body, secretariat: await bodySecretariat(t.db, body.slug, 'nl'), email };
}

const good = (over: Record<string, unknown> = {}) => ({
	name: 'An Peeters',
	email: `an-${crypto.randomUUID().slice(0, 8)}@voorbeeld.test`,
	subject: 'Vraag over de Taskforce',
	message: 'Wanneer vergadert de Taskforce opnieuw?',
	...over
});

function send(
	secretariat: Secretariat,
	values: Record<string, unknown>,
	clientAddress = nextIp(),
	locale: 'nl' | 'en' = 'nl',
	now?: Date
) {
	return sendContactMessage(t.db, { secretariat, values, clientAddress, locale, now });
}

describe('contact messages', () => {
	it('stores the message, mails the secretariat (reply-to the sender) and confirms to the sender', async () => {
		const { body, secretariat, email } = await bodyWithSecretariat();
		const values = good();
		const result = await send(secretariat, values);
		expect(result.status).toBe('sent');
		const [row] = await t.db
			.select()
			.from(contactMessages)
			.where(eq(contactMessages.id, result.id!));
		expect(row).toMatchObject({ bodyId: body.id, name: 'An Peeters', locale: 'nl' });
		expect(row.mailedAt).not.toBeNull();
		expect(row.senderKey).not.toContain('192.0.2');
		await smtp.waitFor(2);
		const [toSecretariat] = mailsTo(email);
		expect(toSecretariat.subject).toContain('Contactformulier: Vraag over de Taskforce');
		expect(toSecretariat.replyTo?.value[0].address).toBe(values.email);
		expect(toSecretariat.text).toContain('Wanneer vergadert de Taskforce opnieuw?');
		const [confirmation] = mailsTo(values.email);
		expect(confirmation.subject).toContain('Uw bericht is goed ontvangen');
		expect(confirmation.text).toContain(`Bedankt voor uw bericht aan ${body.name.nl}`);
	});

	it('confirms in English to a sender who wrote under /en', async () => {
		const { secretariat } = await bodyWithSecretariat();
		const values = good();
		await send(secretariat, values, nextIp(), 'en');
		await settle();
		const [confirmation] = mailsTo(values.email);
		expect(confirmation.subject).toContain('We received your message');
		expect(confirmation.text).toContain('Thank you for your message');
		expect(confirmation.html).toContain('<html lang="en">');
	});

	it('keeps the message when the mail to the secretariat fails, and still answers success', async () => {
		const { secretariat } = await bodyWithSecretariat('kapot@voorbeeld.test');
		const result = await send(secretariat, good());
		expect(result.status).toBe('sent');
		const [row] = await t.db
			.select()
			.from(contactMessages)
			.where(eq(contactMessages.id, result.id!));
		expect(row.mailedAt).toBeNull();
	});

	it('stores a message to the partnership without an address (the workspace shows it)', async () => {
		const result = await send(partnershipSecretariat({ name: 'X', colours: {} as never }), good());
		const [row] = await t.db
			.select()
			.from(contactMessages)
			.where(eq(contactMessages.id, result.id!));
		expect(row.bodyId).toBeNull();
		expect(row.mailedAt).toBeNull();
	});

	const long = (n: number) => 'x'.repeat(n + 1);
	it.each([
		['an invalid e-mail', { email: 'geen-adres' }, 'email', 'Vul een geldig e-mailadres in'],
		['no e-mail', { email: undefined }, 'email', 'Vul een geldig e-mailadres in'],
		['an empty name', { name: '   ' }, 'name', 'Vul uw naam in.'],
		['a name over the limit', { name: long(CONTACT_LIMITS.name) }, 'name', 'hoogstens 100'],
		['a name with a line break', { name: 'An\r\nBcc: x@y.z' }, 'name', 'Vul uw naam in.'],
		['an empty subject', { subject: '' }, 'subject', 'Vul een onderwerp in.'],
		['a long subject', { subject: long(CONTACT_LIMITS.subject) }, 'subject', 'hoogstens 150'],
		['an empty message', { message: ' \n ' }, 'message', 'Vul uw bericht in.'],
		['a long message', { message: long(CONTACT_LIMITS.message) }, 'message', 'hoogstens 5000'],
		['a message that is not text', { message: ['a', 'b'] }, 'message', 'Vul uw bericht in.']
	])('refuses %s in Dutch and stores and mails nothing', async (_, over, field, message) => {
		const { secretariat, email } = await bodyWithSecretariat();
		const before = await stored();
		const mails = smtp.received.length;
		const e = await rejection(send(secretariat, good(over)));
		expect(e.code).toBe('invalid_input');
		expect(e.message).toBe('Uw bericht is niet verstuurd: controleer de velden.');
		expect(e.fields?.[field]?.join(' ')).toContain(message);
		await settle();
		expect(await stored()).toBe(before);
		expect(smtp.received.length).toBe(mails);
		expect(mailsTo(email)).toHaveLength(0);
	});

	it('refuses bad input in English under /en', async () => {
		const { secretariat } = await bodyWithSecretariat();
		const e = await rejection(send(secretariat, good({ email: 'nope' }), nextIp(), 'en'));
		expect(e.message).toBe('Your message was not sent: check the fields.');
		expect(e.fields?.email).toEqual(['Enter a valid e-mail address, like name@example.com.']);
	});

	it('stores nothing and mails nothing when the honeypot is filled, with the same answer', async () => {
		const { secretariat, email } = await bodyWithSecretariat();
		const before = await stored();
		const mails = smtp.received.length;
		const result = await send(secretariat, good({ website: 'https://spam.example' }));
		expect(result.status).toBe('ignored');
		await settle();
		expect(await stored()).toBe(before);
		expect(smtp.received.length).toBe(mails);
		expect(mailsTo(email)).toHaveLength(0);
	});

	it('stops a burst from one sender at the limit (429), in Dutch and English, storing nothing more', async () => {
		const { secretariat } = await bodyWithSecretariat();
		const address = nextIp();
		// Sent at once: the limit holds under concurrency too.
		const results = await Promise.allSettled(
			Array.from({ length: CONTACT_RATE.perWindow + 3 }, () => send(secretariat, good(), address))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CONTACT_RATE.perWindow);
		const before = await stored();
		const e = await rejection(send(secretariat, good(), address));
		expect(e.code).toBe('rate_limited');
		expect(e.status).toBe(429);
		expect(e.message).toBe(
			'U hebt te veel berichten na elkaar verstuurd. Wacht een tijdje en probeer het later opnieuw.'
		);
		const en = await rejection(send(secretariat, good(), address, 'en'));
		expect(en.message).toBe(
			'You have sent too many messages in a row. Please wait a while and try again later.'
		);
		expect(await stored()).toBe(before);
		// Another sender is not affected.
		expect((await send(secretariat, good())).status).toBe('sent');
	});

	it('allows a sender at most the daily number, spread over the day', async () => {
		const { secretariat } = await bodyWithSecretariat();
		const address = nextIp();
		const now = Date.now();
		for (let i = 0; i < CONTACT_RATE.perDay; i++) {
			const at = new Date(now - (CONTACT_RATE.perDay - i) * 60 * 60_000);
			await send(secretariat, good(), address, 'nl', at);
		}
		const before = await stored();
		const e = await rejection(send(secretariat, good(), address));
		expect(e.code).toBe('rate_limited');
		expect(await stored()).toBe(before);
	});

	it('caps what one secretariat receives per day, whoever sends', async () => {
		const { body, secretariat } = await bodyWithSecretariat();
		await t.db.insert(contactMessages).values(
			Array.from({ length: CONTACT_RATE.perRecipientPerDay }, (_, i) => ({
				bodyId: body.id,
				name: 'Bot',
				email: 'bot@voorbeeld.test',
				subject: 'Spam',
				message: 'Spam',
				senderKey: `ander-${i}`
			}))
		);
		const before = await stored();
		const e = await rejection(send(secretariat, good()));
		expect(e.code).toBe('rate_limited');
		expect(e.message).toContain('Dit secretariaat kreeg vandaag al erg veel berichten.');
		expect(await stored()).toBe(before);
	});
});

describe('contact messages in the workspace', () => {
	const ctxOf = (principal: Principal): ServiceContext => ({
		db: t.db,
		principal,
		actor: actorOf(principal),
		locale: 'nl'
	});

	it('shows a body’s messages to its secretary and staff, not to a member; marks them handled', async () => {
		const { body, secretariat } = await bodyWithSecretariat();
		const { id } = await send(secretariat, good({ subject: 'Voor het secretariaat' }));
		const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
		const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
		const staff = await buildMemberUser(t.db, {
			bodyId: (await buildBody(t.db)).id,
			platformRole: 'staff'
		});
		const seen = async (p: Principal) =>
			(await listContactMessages(ctxOf(p))).some((m) => m.id === id);
		expect(await seen(secretary.principal)).toBe(true);
		expect(await seen(staff.principal)).toBe(true);
		expect(await seen(member.principal)).toBe(false);

		const audits = async () => (await t.db.select({ n: count() }).from(auditEvents))[0].n;
		const before = await audits();
		const e = await rejection(setHandled(ctxOf(member.principal), id, true));
		expect(e.code).toBe('not_found');
		const bad = await rejection(setHandled(ctxOf(secretary.principal), 'geen-id', true));
		expect(bad.code).toBe('not_found');
		expect(await audits()).toBe(before);

		await setHandled(ctxOf(secretary.principal), id, true);
		const [row] = await t.db.select().from(contactMessages).where(eq(contactMessages.id, id!));
		expect(row.handledAt).not.toBeNull();
		expect(await audits()).toBe(before + 1);
	});
});
