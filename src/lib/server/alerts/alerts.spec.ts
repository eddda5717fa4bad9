/**
 * Public e-mail alerts over a real SMTP server: a request mails one confirmation link and stores
 * unconfirmed rows (tokens hashed); the same answer for a known address; bad input, a burst of
 * requests, a wrong, expired or used token and a second unsubscribe are refused with their
 * message and change nothing; GET pages change nothing. The job mails each confirmed subscriber
 * once per new public item of their topic (news, decisions, meetings) — never for drafts,
 * scheduled news, closed decisions, example data, or what came before the confirmation — with
 * RFC 8058 one-click headers, in the subscriber's language, also when two runs race.
 */
import { and, count, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { useSmtp } from '../../../../tests/helpers/smtp';
import {
	alertDeliveries,
	alertSubscriptions,
	contentItems,
	decisions,
	type AlertTopic
} from '../db/schema';
import { jobs } from '../jobs/jobs';
import { system } from '../policy';
import {
	ALERT_REQUESTS_PER_HOUR,
	alertBody,
	confirmAlerts,
	confirmationPage,
	requestAlerts,
	unsubscribe,
	unsubscribePage
} from './alerts.service';
import { sendAlerts } from './send';

const smtp = useSmtp();
const t = useTestDatabase();

const { mailsTo } = smtp;
/** A header as sent (mailparser turns List-* headers into objects). */
const rawHeader = (mail: ParsedMail, name: string) =>
	(mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/^[^:]+:\s*/, '');
const settle = () => new Promise((r) => setTimeout(r, 300));
const rows = async () => (await t.db.select({ n: count() }).from(alertSubscriptions))[0].n;
const snapshot = () => t.db.select().from(alertSubscriptions).orderBy(alertSubscriptions.id);

let ip = 0;
const nextIp = () => `198.51.100.${++ip}`;
const newAddress = () => `volger-${crypto.randomUUID().slice(0, 8)}@voorbeeld.test`;

async function aBody() {
	const body = await buildBody(t.db, { isExample: false });
	return { row: body, body: await alertBody(t.db, body.slug, 'nl') };
}

/** Request alerts and return the confirmation link's token from the mail. */
async function subscribe(
	body: { id: string; slug: string; name: string },
	email: string,
	topics: AlertTopic[],
	locale: 'nl' | 'en' = 'nl'
) {
	const before = mailsTo(email).length;
	await requestAlerts(t.db, {
		body,
		values: { email, topics },
		clientAddress: nextIp(),
		locale
	});
	await smtp.waitFor(smtp.received.length);
	await settle();
	const mail = mailsTo(email)[before];
	expect(mail, 'a confirmation mail').toBeDefined();
	const token = /\/meldingen\/bevestigen\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
	return { mail, token };
}

describe('asking for alerts', () => {
	it('stores unconfirmed rows with hashed tokens and mails one confirmation link', async () => {
		const { body } = await aBody();
		const email = newAddress();
		const { mail, token } = await subscribe(body, email, ['news', 'meetings']);
		expect(mail.subject).toContain('Bevestig uw e-mailmeldingen');
		expect(mail.text).toContain('nieuws, vergaderingen');
		expect(mail.text).toContain(`https://streek.voorbeeld.test/meldingen/bevestigen/${token}`);
		const stored = await t.db
			.select()
			.from(alertSubscriptions)
			.where(eq(alertSubscriptions.email, email));
		expect(stored.map((s) => s.topic).sort()).toEqual(['meetings', 'news']);
		for (const s of stored) {
			expect(s.confirmedAt).toBeNull();
			expect(s.confirmTokenHash).not.toContain(token);
			expect(s.unsubscribeTokenHash).toMatch(/^[0-9a-f]{64}$/);
		}
	});

	it('gives the same answer for an address already subscribed, and changes nothing', async () => {
		const { body } = await aBody();
		const email = newAddress();
		const { token } = await subscribe(body, email, ['news']);
		await confirmAlerts(t.db, token, 'nl');
		const before = await snapshot();
		const mails = smtp.received.length;
		await expect(
			requestAlerts(t.db, {
				body,
				values: { email: email.toUpperCase(), topics: 'news' },
				clientAddress: nextIp(),
				locale: 'nl'
			})
		).resolves.toBeUndefined();
		await settle();
		expect(await snapshot()).toEqual(before);
		expect(smtp.received.length).toBe(mails);
	});

	it.each([
		['an invalid e-mail', { email: 'geen-adres', topics: ['news'] }, 'email', 'Vul een geldig'],
		['no topic', { email: 'a@voorbeeld.test' }, 'topics', 'Kies minstens één onderwerp.'],
		['an unknown topic', { email: 'a@voorbeeld.test', topics: ['sport'] }, 'topics', 'Kies']
	])('refuses %s in Dutch, storing and mailing nothing', async (_, values, field, message) => {
		const { body } = await aBody();
		const before = await rows();
		const mails = smtp.received.length;
		const e = await rejection(
			requestAlerts(t.db, { body, values, clientAddress: nextIp(), locale: 'nl' })
		);
		expect(e.code).toBe('invalid_input');
		expect(e.message).toBe('Uw aanvraag is niet verstuurd: controleer de velden.');
		expect(e.fields?.[field]?.join(' ')).toContain(message);
		await settle();
		expect(await rows()).toBe(before);
		expect(smtp.received.length).toBe(mails);
	});

	it('limits requests per IP address (429), storing nothing more', async () => {
		const { body } = await aBody();
		const address = nextIp();
		const ask = (email: string, locale: 'nl' | 'en' = 'nl') =>
			requestAlerts(t.db, {
				body,
				values: { email, topics: ['news'] },
				clientAddress: address,
				locale
			});
		for (let i = 0; i < ALERT_REQUESTS_PER_HOUR; i++) await ask(newAddress());
		const before = await rows();
		const e = await rejection(ask(newAddress()));
		expect(e.code).toBe('rate_limited');
		expect(e.status).toBe(429);
		expect(e.message).toBe(
			'Te veel aanvragen na elkaar. Wacht een uur en probeer het dan opnieuw.'
		);
		const en = await rejection(ask(newAddress(), 'en'));
		expect(en.message).toBe('Too many requests in a row. Please wait an hour and try again.');
		expect(await rows()).toBe(before);
	});
});

describe('confirming', () => {
	it('shows the page on GET without confirming; confirms on POST; a used token is refused', async () => {
		const { body } = await aBody();
		const email = newAddress();
		const { token } = await subscribe(body, email, ['decisions']);
		const page = await confirmationPage(t.db, token, 'nl');
		expect(page).toEqual({ body: { slug: body.slug, name: body.name }, topics: ['besluiten'] });
		const [row] = await t.db
			.select()
			.from(alertSubscriptions)
			.where(eq(alertSubscriptions.email, email));
		expect(row.confirmedAt).toBeNull();

		const done = await confirmAlerts(t.db, token, 'nl');
		expect(done.topics).toEqual(['besluiten']);
		const [confirmed] = await t.db
			.select()
			.from(alertSubscriptions)
			.where(eq(alertSubscriptions.email, email));
		expect(confirmed.confirmedAt).not.toBeNull();
		expect(confirmed.confirmTokenHash).toBeNull();

		const before = await snapshot();
		const used = await rejection(confirmAlerts(t.db, token, 'nl'));
		expect(used.code).toBe('not_found');
		expect(used.message).toBe(
			'Deze bevestigingslink is ongeldig, verlopen of al gebruikt. Vraag de meldingen opnieuw aan.'
		);
		expect(await confirmationPage(t.db, token, 'nl')).toBeNull();
		expect(await snapshot()).toEqual(before);
	});

	it.each([
		['a wrong token', 'verkeerd-token-verkeerd-token-verkeerd'],
		['a malformed token', "'); drop table alert_subscriptions; --"],
		['an empty token', '']
	])('refuses %s, changing nothing', async (_, token) => {
		const before = await snapshot();
		const e = await rejection(confirmAlerts(t.db, token, 'en'));
		expect(e.message).toBe(
			'This confirmation link is invalid, expired or already used. Please request the alerts again.'
		);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses an expired link', async () => {
		const { body } = await aBody();
		const email = newAddress();
		const { token } = await subscribe(body, email, ['news']);
		await t.db
			.update(alertSubscriptions)
			.set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
			.where(eq(alertSubscriptions.email, email));
		const before = await snapshot();
		expect((await rejection(confirmAlerts(t.db, token, 'nl'))).code).toBe('not_found');
		expect(await snapshot()).toEqual(before);
	});
});

describe('the alert job', () => {
	const past = (minutes: number) => new Date(Date.now() - minutes * 60_000);
	let n = 0;
	async function news(bodyId: string, values: Partial<typeof contentItems.$inferInsert>) {
		const i = ++n;
		const [row] = await t.db
			.insert(contentItems)
			.values({
				kind: 'news',
				slug: `melding-nieuws-${i}-${crypto.randomUUID().slice(0, 6)}`,
				title: { nl: `Nieuwsbericht ${i}`, en: `News item ${i}` },
				summary: { nl: `Samenvatting ${i}` },
				body: { nl: 'Tekst.' },
				bodyId,
				...values
			})
			.returning();
		return row;
	}
	async function decision(
		bodyId: string,
		opts: { publicItem?: boolean; isExample?: boolean; title: string }
	) {
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId,
			status: 'held',
			isExample: false,
			publishedAt: past(600),
			items: [{ isPublic: opts.publicItem ?? true, isExample: false }]
		});
		const [row] = await t.db
			.insert(decisions)
			.values({
				bodyId,
				meetingId: meeting.id,
				agendaItemId: items[0].id,
				year: 2026,
				number: 900 + ++n,
				title: opts.title,
				text: 'Besloten.',
				isExample: opts.isExample ?? false
			})
			.returning();
		return row;
	}

	it('mails each confirmed subscriber once per new public item, with one-click unsubscribe', async () => {
		const { row, body } = await aBody();
		const nl = newAddress();
		const en = newAddress();
		const pending = newAddress();
		const early = await news(row.id, { publishAt: past(120), title: { nl: 'Oud nieuws' } });
		for (const [email, locale] of [
			[nl, 'nl'],
			[en, 'en']
		] as const) {
			const { token } = await subscribe(body, email, ['news', 'decisions', 'meetings'], locale);
			await confirmAlerts(t.db, token, locale);
		}
		await subscribe(body, pending, ['news']);
		// Published after the confirmation: alerts.
		const fresh = await news(row.id, { publishAt: new Date(Date.now() + 1000) });
		const adopted = await decision(row.id, { title: 'Mobiliteitsplan goedgekeurd' });
		const { meeting } = await buildMeeting(t.db, {
			bodyId: row.id,
			status: 'agenda_published',
			isExample: false,
			title: 'Taskforce juni',
			publishedAt: new Date(Date.now() + 1000)
		});
		// Nothing for these.
		await news(row.id, { publishAt: null, title: { nl: 'Concept' } });
		await news(row.id, { publishAt: new Date(Date.now() + 86_400_000), title: { nl: 'Later' } });
		await news(row.id, { publishAt: new Date(Date.now() + 1000), isExample: true });
		await decision(row.id, { title: 'Besloten punt', publicItem: false });
		await decision(row.id, { title: 'Voorbeeldbesluit', isExample: true });
		await buildMeeting(t.db, { bodyId: row.id, status: 'draft', isExample: false });
		await new Promise((r) => setTimeout(r, 1100));

		const mails = smtp.received.length;
		// Two runs at once (two instances): each alert goes out once.
		const [a, b] = await Promise.all([sendAlerts(t.db), sendAlerts(t.db)]);
		expect(a.sent + b.sent).toBe(6);
		await smtp.waitFor(mails + 6);
		await settle();
		expect(smtp.received.length).toBe(mails + 6);

		const toNl = mailsTo(nl).filter((m) => !m.subject?.includes('Bevestig'));
		expect(toNl.map((m) => m.subject?.split(' — ')[0]).sort()).toEqual([
			'Nieuw besluit',
			'Nieuwe vergadering',
			'Nieuws'
		]);
		const newsMail = toNl.find((m) => m.subject?.startsWith('Nieuws'))!;
		expect(newsMail.text).toContain(fresh.title.nl);
		expect(newsMail.text).toContain(`https://streek.voorbeeld.test/nieuws/${fresh.slug}`);
		expect(toNl.find((m) => m.subject?.startsWith('Nieuw besluit'))!.text).toContain(adopted.title);
		expect(toNl.find((m) => m.subject?.startsWith('Nieuwe vergadering'))!.text).toContain(
			`https://streek.voorbeeld.test/vergaderingen/${meeting.id}`
		);
		for (const m of toNl) expect(m.text).not.toContain(early.title.nl);
		const unsubscribeUrl = /<([^>]+)>/.exec(rawHeader(newsMail, 'list-unsubscribe'))![1];
		expect(unsubscribeUrl).toMatch(/^https:\/\/streek\.voorbeeld\.test\/meldingen\/uitschrijven\//);
		expect(rawHeader(newsMail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(newsMail.text).toContain(unsubscribeUrl);

		const toEn = mailsTo(en).filter((m) => !m.subject?.includes('Confirm'));
		expect(toEn.map((m) => m.subject?.split(' — ')[0]).sort()).toEqual([
			'New decision',
			'New meeting',
			'News'
		]);
		expect(toEn.find((m) => m.subject?.startsWith('News'))!.text).toContain('News item');
		expect(rawHeader(toEn[0], 'list-unsubscribe')).toContain('/en/meldingen/uitschrijven/');
		expect(mailsTo(pending).filter((m) => !m.subject?.includes('Bevestig'))).toHaveLength(0);

		// Later runs (and the scheduled job) send nothing again.
		const job = jobs.find((j) => j.name === 'alerts.send')!;
		expect(job.schedule).toEqual({ everyMinutes: 60 });
		await job.run(
			{ db: t.db, principal: system, actor: { type: 'system' }, locale: 'nl' },
			{ period: 'x', now: new Date() }
		);
		expect((await sendAlerts(t.db)).sent).toBe(0);
		await settle();
		expect(smtp.received.length).toBe(mails + 6);

		// Unsubscribing through the mail's link: the page changes nothing, the POST removes the
		// subscription, a second time is refused and changes nothing.
		const token = unsubscribeUrl.split('/').pop()!;
		expect(await unsubscribePage(t.db, token, 'nl')).toEqual({
			body: { slug: body.slug, name: body.name },
			topic: 'nieuws'
		});
		const subscriptions = await rows();
		expect((await unsubscribe(t.db, token, 'nl')).topic).toBe('nieuws');
		expect(await rows()).toBe(subscriptions - 1);
		const before = await snapshot();
		const twice = await rejection(unsubscribe(t.db, token, 'nl'));
		expect(twice.code).toBe('not_found');
		expect(twice.message).toBe(
			'Deze uitschrijflink is ongeldig of al gebruikt: dit adres krijgt deze meldingen niet (meer).'
		);
		expect(await snapshot()).toEqual(before);
		expect(await unsubscribePage(t.db, token, 'nl')).toBeNull();
		const left = await t.db
			.select()
			.from(alertSubscriptions)
			.where(and(eq(alertSubscriptions.email, nl), eq(alertSubscriptions.topic, 'news')));
		expect(left).toHaveLength(0);
		const deliveries = await t.db.select({ n: count() }).from(alertDeliveries);
		expect(deliveries[0].n).toBeGreaterThanOrEqual(4);
	});
});
