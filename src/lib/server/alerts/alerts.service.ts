/**
 * Public e-mail alerts: anyone may follow a body's news, decisions or meetings. Double opt-in:
 * a request stores unconfirmed subscriptions and mails one confirmation link; the link's page
 * confirms only on POST (a link scanner's GET confirms nothing). Every alert mail carries a
 * one-click unsubscribe (RFC 8058). The answer to a request is the same whether the address was
 * subscribed already or not, and requests are limited per IP address (a keyed hash).
 *
 * Tokens: the confirmation link carries a random token T; each topic's row stores
 * sha256(T + ':' + topic) (one link confirms all the topics of one request, and the stored hashes
 * stay unique). The unsubscribe token of a row is an HMAC of its id under the platform secret,
 * stored as its sha256: the alert job can build the link again for every mail it sends.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { localizeHref, tr, type Locale } from '../../i18n';
import { hit } from '../accounts/rate-limit';
import { hashToken, newToken } from '../accounts/tokens';
import { config } from '../config';
import type { DbOrTx } from '../db';
import { alertSubscriptions, alertTopics, bodies, type AlertTopic } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { plainMail } from '../mail/templates';
import { keyedHash, senderKeyOf } from '../contact/secret';
import { getSiteSettings } from '../settings/settings.service';

/** How long a confirmation link works. */
export const CONFIRM_DAYS = 7;
/** Subscription requests per IP address per hour. */
export const ALERT_REQUESTS_PER_HOUR = 5;

export const topicLabels: Record<Locale, Record<AlertTopic, string>> = {
	nl: { news: 'nieuws', decisions: 'besluiten', meetings: 'vergaderingen' },
	en: { news: 'news', decisions: 'decisions', meetings: 'meetings' }
};

const text = {
	nl: {
		email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.be.',
		topics: 'Kies minstens één onderwerp.',
		summary: 'Uw aanvraag is niet verstuurd: controleer de velden.',
		tooMany: 'Te veel aanvragen na elkaar. Wacht een uur en probeer het dan opnieuw.',
		badConfirm:
			'Deze bevestigingslink is ongeldig, verlopen of al gebruikt. Vraag de meldingen opnieuw aan.',
		badUnsubscribe:
			'Deze uitschrijflink is ongeldig of al gebruikt: dit adres krijgt deze meldingen niet (meer).'
	},
	en: {
		email: 'Enter a valid e-mail address, like name@example.com.',
		topics: 'Choose at least one topic.',
		summary: 'Your request was not sent: check the fields.',
		tooMany: 'Too many requests in a row. Please wait an hour and try again.',
		badConfirm:
			'This confirmation link is invalid, expired or already used. Please request the alerts again.',
		badUnsubscribe:
			'This unsubscribe link is invalid or already used: this address does not receive these alerts (any more).'
	}
} as const;
export const alertText = (locale: Locale) => text[locale];

function requestSchema(locale: Locale) {
	const m = text[locale];
	return z.object({
		email: z.string(m.email).trim().max(254, m.email).pipe(z.email(m.email)),
		topics: z
			.preprocess(
				(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
				z
					.array(z.string(m.topics), m.topics)
					.min(1, m.topics)
					.refine((t) => t.every((v) => (alertTopics as readonly string[]).includes(v)), m.topics)
			)
			.transform((t) => [...new Set(t as AlertTopic[])])
	});
}

/** A public (not archived) body by slug, for the follow page. */
export async function alertBody(db: DbOrTx, slug: string, locale: Locale) {
	const [row] = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!row) throw notFound(locale === 'en' ? 'Body not found.' : 'Orgaan niet gevonden.');
	return { id: row.id, slug: row.slug, name: tr(row.name, locale) };
}

const confirmHash = (token: string, topic: AlertTopic) => hashToken(`${token}:${topic}`);

/** The unsubscribe token of a subscription (see the file comment). */
export const unsubscribeToken = (db: DbOrTx, subscriptionId: string) =>
	keyedHash(db, 'unsubscribe', subscriptionId);

/**
 * Ask for alerts: unconfirmed rows get a new confirmation link (mailed); confirmed rows stay as
 * they are. The caller shows the same answer in every case.
 */
export async function requestAlerts(
	db: DbOrTx,
	args: {
		body: { id: string; slug: string; name: string };
		values: Record<string, unknown>;
		clientAddress: string;
		locale: Locale;
		now?: Date;
	}
): Promise<void> {
	const { body, locale } = args;
	const now = args.now ?? new Date();
	const parsed = requestSchema(locale).safeParse(args.values);
	if (!parsed.success) throw invalidInput(parsed.error, text[locale].summary);
	const sender = await senderKeyOf(db, args.clientAddress);
	if ((await hit(db, `alerts:${sender}`, 3600)) > ALERT_REQUESTS_PER_HOUR) {
		throw new AppError('rate_limited', text[locale].tooMany);
	}
	const email = parsed.data.email.toLowerCase();
	const token = newToken();
	const pending = await db.transaction(async (tx) => {
		const existing = await tx
			.select()
			.from(alertSubscriptions)
			.where(
				and(
					eq(alertSubscriptions.email, email),
					eq(alertSubscriptions.bodyId, body.id),
					inArray(alertSubscriptions.topic, parsed.data.topics)
				)
			)
			.for('update');
		const byTopic = new Map(existing.map((s) => [s.topic, s]));
		const out: AlertTopic[] = [];
		for (const topic of parsed.data.topics) {
			const row = byTopic.get(topic);
			if (row?.confirmedAt) continue;
			out.push(topic);
			if (row) {
				await tx
					.update(alertSubscriptions)
					.set({ confirmTokenHash: confirmHash(token, topic), locale, createdAt: now })
					.where(eq(alertSubscriptions.id, row.id));
			} else {
				const id = randomUUID();
				await tx
					.insert(alertSubscriptions)
					.values({
						id,
						email,
						bodyId: body.id,
						topic,
						locale,
						confirmTokenHash: confirmHash(token, topic),
						unsubscribeTokenHash: hashToken(await unsubscribeToken(tx, id)),
						createdAt: now
					})
					.onConflictDoNothing();
			}
		}
		return out;
	});
	if (pending.length === 0) return;
	const settings = await getSiteSettings(db);
	const link = new URL(
		localizeHref(`/meldingen/bevestigen/${token}`, locale),
		config().origin
	).toString();
	const topics = pending.map((t) => topicLabels[locale][t]).join(', ');
	const en = locale === 'en';
	try {
		await sendMail(
			plainMail(settings, {
				to: email,
				locale,
				subject: en ? 'Confirm your e-mail alerts' : 'Bevestig uw e-mailmeldingen',
				blocks: [
					{
						text: en
							? `Someone (hopefully you) asked to receive e-mails about ${body.name}: ${topics}. Please confirm with the link below.`
							: `Iemand (hopelijk u) vroeg om e-mails over ${body.name}: ${topics}. Bevestig dat via de link hieronder.`
					},
					{ link, label: en ? 'Confirm the alerts' : 'Meldingen bevestigen' },
					{
						text: en
							? `The link works for ${CONFIRM_DAYS} days. Did you not ask for this? Then ignore this e-mail: you will receive nothing.`
							: `De link werkt ${CONFIRM_DAYS} dagen. Vroeg u niets aan? Negeer dan deze e-mail: u krijgt niets.`
					}
				]
			})
		);
	} catch (e) {
		// The answer stays the same: the visitor may simply ask again.
		log().error({ err: e instanceof Error ? e.message : String(e) }, 'alert confirmation failed');
	}
}

/** The rows a confirmation token stands for (unconfirmed, not expired). */
async function pendingRows(db: DbOrTx, token: string, now: Date) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return [];
	return db
		.select({
			id: alertSubscriptions.id,
			topic: alertSubscriptions.topic,
			bodyId: alertSubscriptions.bodyId,
			bodySlug: bodies.slug,
			bodyName: bodies.name
		})
		.from(alertSubscriptions)
		.innerJoin(bodies, eq(bodies.id, alertSubscriptions.bodyId))
		.where(
			and(
				inArray(
					alertSubscriptions.confirmTokenHash,
					alertTopics.map((t) => confirmHash(token, t))
				),
				isNull(alertSubscriptions.confirmedAt),
				gt(alertSubscriptions.createdAt, new Date(now.getTime() - CONFIRM_DAYS * 86_400_000))
			)
		);
}

/** What a confirmation link's page shows (GET): never changes anything. */
export async function confirmationPage(
	db: DbOrTx,
	token: string,
	locale: Locale,
	now = new Date()
) {
	const rows = await pendingRows(db, token, now);
	if (rows.length === 0) return null;
	return {
		body: { slug: rows[0].bodySlug, name: tr(rows[0].bodyName, locale) },
		topics: rows.map((r) => topicLabels[locale][r.topic])
	};
}

/** Confirm (POST). A wrong, expired or used token → not_found with the message in `locale`. */
export async function confirmAlerts(db: DbOrTx, token: string, locale: Locale, now = new Date()) {
	const rows = await pendingRows(db, token, now);
	if (rows.length === 0) throw new AppError('not_found', text[locale].badConfirm);
	await db
		.update(alertSubscriptions)
		.set({ confirmedAt: now, confirmTokenHash: null })
		.where(
			and(
				inArray(
					alertSubscriptions.id,
					rows.map((r) => r.id)
				),
				isNull(alertSubscriptions.confirmedAt)
			)
		);
	return {
		body: { slug: rows[0].bodySlug, name: tr(rows[0].bodyName, locale) },
		topics: rows.map((r) => topicLabels[locale][r.topic])
	};
}

async function subscriptionOf(db: DbOrTx, token: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
	const [row] = await db
		.select({
			id: alertSubscriptions.id,
			topic: alertSubscriptions.topic,
			bodySlug: bodies.slug,
			bodyName: bodies.name
		})
		.from(alertSubscriptions)
		.innerJoin(bodies, eq(bodies.id, alertSubscriptions.bodyId))
		.where(eq(alertSubscriptions.unsubscribeTokenHash, hashToken(token)));
	return row;
}

/** What an unsubscribe link's page shows (GET): never changes anything. */
export async function unsubscribePage(db: DbOrTx, token: string, locale: Locale) {
	const row = await subscriptionOf(db, token);
	if (!row) return null;
	return {
		body: { slug: row.bodySlug, name: tr(row.bodyName, locale) },
		topic: topicLabels[locale][row.topic]
	};
}

/** Unsubscribe (POST, also RFC 8058's one-click POST): the subscription is deleted. */
export async function unsubscribe(db: DbOrTx, token: string, locale: Locale) {
	const row = await subscriptionOf(db, token);
	if (!row) throw new AppError('not_found', text[locale].badUnsubscribe);
	await db.delete(alertSubscriptions).where(eq(alertSubscriptions.id, row.id));
	return {
		body: { slug: row.bodySlug, name: tr(row.bodyName, locale) },
		topic: topicLabels[locale][row.topic]
	};
}
