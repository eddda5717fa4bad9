/**
 * The contact form: a message to the secretariat of a body (or of the partnership), stored in
 * contact_messages, mailed to the secretariat with the sender as reply-to, and confirmed to the
 * sender in their language. Against spam: a honeypot (filled → nothing stored, the same answer
 * as a real message), limits per sender (a keyed hash of the IP address, never the address) and
 * per secretariat, no third-party captcha. A failed mail leaves the message stored with
 * `mailed_at` null: the workspace (/beheer/contact) still shows it.
 */
import { and, count, desc, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { tr, type Locale } from '../../i18n';
import { platformGrants } from '../accounts/accounts.policy';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { bodies, contactMessages, type BodyContact } from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { log } from '../log';
import { sendMail } from '../mail/mail.service';
import { plainMail } from '../mail/templates';
import { authorize, can, type Principal } from '../policy';
import { getSiteSettings } from '../settings/settings.service';
import type { SiteSettings } from '../settings/settings.schema';
import {
	CONTACT_RATE,
	HONEYPOT,
	contactRefusals,
	contactSchema,
	contactText,
	type ContactInput
} from './contact.schema';
import { senderKeyOf } from './secret';

export type Secretariat = {
	/** null: the partnership's own secretariat. */
	body: { id: string; slug: string; name: string } | null;
	/** Where the message is mailed (none: stored only, the workspace shows it). */
	contact: BodyContact;
};

/** The partnership's secretariat: the contact details of the site settings. */
export function partnershipSecretariat(settings: SiteSettings): Secretariat {
	const { email, phone, address, website } = settings;
	return { body: null, contact: { email, phone, address, website } };
}

/** A public (not archived) body's secretariat by slug; 404 otherwise. */
export async function bodySecretariat(
	db: DbOrTx,
	slug: string,
	locale: Locale
): Promise<Secretariat> {
	const [row] = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, contact: bodies.contact })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!row) throw notFound(locale === 'en' ? 'Body not found.' : 'Orgaan niet gevonden.');
	return {
		body: { id: row.id, slug: row.slug, name: tr(row.name, locale) },
		contact: row.contact ?? {}
	};
}

export type SendResult = { status: 'sent' | 'ignored'; id?: string };

/**
 * Take a message from the public form. Throws invalid_input (field messages in `locale`) or
 * rate_limited; a filled honeypot returns `ignored` (the page shows the same thanks).
 */
export async function sendContactMessage(
	db: DbOrTx,
	args: {
		secretariat: Secretariat;
		values: Record<string, unknown>;
		clientAddress: string;
		locale: Locale;
		now?: Date;
	}
): Promise<SendResult> {
	const { secretariat, values, locale } = args;
	const now = args.now ?? new Date();
	if (typeof values[HONEYPOT] === 'string' && values[HONEYPOT].trim() !== '') {
		log().info({ body: secretariat.body?.slug ?? null }, 'contact form: honeypot filled, ignored');
		return { status: 'ignored' };
	}
	const parsed = contactSchema(locale).safeParse(values);
	if (!parsed.success) throw invalidInput(parsed.error, contactText(locale).summary);
	const senderKey = await senderKeyOf(db, args.clientAddress);
	const bodyId = secretariat.body?.id ?? null;

	const id = await db.transaction(async (tx) => {
		// One sender's (and one secretariat's) messages are counted and stored one at a time, so a
		// burst of parallel posts cannot slip past the limits.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contact:${senderKey}`}))`);
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contact:${bodyId ?? '-'}`}))`);
		const since = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
		const sent = (where: SQL) =>
			tx
				.select({ n: count() })
				.from(contactMessages)
				.where(where)
				.then(([r]) => r.n);
		const [recent, today, toRecipient] = await Promise.all([
			sent(
				and(
					eq(contactMessages.senderKey, senderKey),
					gte(contactMessages.createdAt, since(CONTACT_RATE.windowMinutes))
				)!
			),
			sent(
				and(
					eq(contactMessages.senderKey, senderKey),
					gte(contactMessages.createdAt, since(24 * 60))
				)!
			),
			sent(
				and(
					bodyId ? eq(contactMessages.bodyId, bodyId) : isNull(contactMessages.bodyId),
					gte(contactMessages.createdAt, since(24 * 60))
				)!
			)
		]);
		if (recent >= CONTACT_RATE.perWindow || today >= CONTACT_RATE.perDay) {
			throw new AppError('rate_limited', contactRefusals[locale].tooMany);
		}
		if (toRecipient >= CONTACT_RATE.perRecipientPerDay) {
			throw new AppError('rate_limited', contactRefusals[locale].recipientBusy);
		}
		const [row] = await tx
			.insert(contactMessages)
			.values({ bodyId, ...parsed.data, locale, senderKey, createdAt: now })
			.returning({ id: contactMessages.id });
		return row.id;
	});

	await mailMessage(db, { id, secretariat, message: parsed.data, locale });
	return { status: 'sent', id };
}

/** Mail the stored message to the secretariat and a confirmation to the sender; never throws. */
async function mailMessage(
	db: DbOrTx,
	args: { id: string; secretariat: Secretariat; message: ContactInput; locale: Locale }
) {
	const { id, secretariat, message, locale } = args;
	const settings = await getSiteSettings(db);
	const recipientName = secretariat.body?.name ?? settings.name;
	const to = secretariat.contact.email;
	if (to) {
		try {
			await sendMail({
				...plainMail(settings, {
					to,
					subject: `Contactformulier: ${message.subject}`,
					blocks: [
						{
							text: `${message.name} <${message.email}> stuurde via het contactformulier een bericht aan ${recipientName}. Antwoorden kan rechtstreeks op deze e-mail.`
						},
						{ text: `Onderwerp: ${message.subject}` },
						{ text: message.message },
						{ text: `Taal van de afzender: ${locale === 'en' ? 'Engels' : 'Nederlands'}.` }
					]
				}),
				replyTo: message.email
			});
			await db
				.update(contactMessages)
				.set({ mailedAt: new Date() })
				.where(eq(contactMessages.id, id));
		} catch (e) {
			log().error(
				{ contactMessage: id, err: e instanceof Error ? e.message : String(e) },
				'contact message stored but not mailed'
			);
		}
	}
	try {
		await sendMail(confirmationMail(settings, { recipientName, message, locale }));
	} catch (e) {
		log().warn(
			{ contactMessage: id, err: e instanceof Error ? e.message : String(e) },
			'contact confirmation not mailed'
		);
	}
}

function confirmationMail(
	settings: SiteSettings,
	args: { recipientName: string; message: ContactInput; locale: Locale }
) {
	const { recipientName, message } = args;
	const en = args.locale === 'en';
	return plainMail(settings, {
		to: message.email,
		locale: args.locale,
		subject: en ? 'We received your message' : 'Uw bericht is goed ontvangen',
		blocks: [
			{ text: en ? `Dear ${message.name},` : `Beste ${message.name},` },
			{
				text: en
					? `Thank you for your message to ${recipientName}. The secretariat will answer you as soon as possible. This is what you sent:`
					: `Bedankt voor uw bericht aan ${recipientName}. Het secretariaat antwoordt u zo snel mogelijk. Dit stuurde u:`
			},
			{ text: `${en ? 'Subject' : 'Onderwerp'}: ${message.subject}` },
			{ text: message.message },
			{
				text: en
					? 'Did you not send this message? Then you can ignore this e-mail.'
					: 'Stuurde u dit bericht niet? Dan mag u deze e-mail negeren.'
			}
		]
	});
}

// ---------------------------------------------------------------------------------------------
// The workspace

/** The bodies whose messages the principal reads: all (null) or a list. */
function managedBodies(principal: Principal): string[] | null {
	if (principal.kind !== 'user') return [];
	// A platform role that holds body:manage everywhere (staff, admin).
	if (platformGrants[principal.role].includes('body:manage')) return null;
	return Object.keys(principal.bodyRoles).filter((bodyId) =>
		can(principal, 'body:manage', { bodyId })
	);
}

/** Who may read a message: body:manage on its body, content:manage for the partnership's. */
export function mayHandle(principal: Principal, bodyId: string | null): boolean {
	return bodyId ? can(principal, 'body:manage', { bodyId }) : can(principal, 'content:manage');
}

/** The messages the user may read, newest first (open ones before handled ones). */
export async function listContactMessages(ctx: ServiceContext, opts: { limit?: number } = {}) {
	const bodyIds = managedBodies(ctx.principal);
	const scope: SQL[] = [];
	if (bodyIds === null) scope.push(sql`${contactMessages.bodyId} is not null`);
	else if (bodyIds.length) scope.push(inArray(contactMessages.bodyId, bodyIds));
	if (can(ctx.principal, 'content:manage')) scope.push(isNull(contactMessages.bodyId));
	if (scope.length === 0) return [];
	return ctx.db
		.select({
			id: contactMessages.id,
			name: contactMessages.name,
			email: contactMessages.email,
			subject: contactMessages.subject,
			message: contactMessages.message,
			locale: contactMessages.locale,
			mailedAt: contactMessages.mailedAt,
			handledAt: contactMessages.handledAt,
			createdAt: contactMessages.createdAt,
			body: { id: bodies.id, slug: bodies.slug, name: bodies.name }
		})
		.from(contactMessages)
		.leftJoin(bodies, eq(bodies.id, contactMessages.bodyId))
		.where(or(...scope))
		.orderBy(sql`${contactMessages.handledAt} is not null`, desc(contactMessages.createdAt))
		.limit(opts.limit ?? 200);
}

/** Mark a message handled (or open again). 404 for a message the user may not read. */
export async function setHandled(ctx: ServiceContext, id: unknown, handled: boolean) {
	authorize(ctx.principal, 'workspace:enter', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Bericht niet gevonden.');
	return mutate(ctx, async (tx) => {
		const [row] = await tx
			.select()
			.from(contactMessages)
			.where(eq(contactMessages.id, id))
			.for('update');
		if (!row || !mayHandle(ctx.principal, row.bodyId)) throw notFound('Bericht niet gevonden.');
		const handledAt = handled ? (row.handledAt ?? new Date()) : null;
		await tx.update(contactMessages).set({ handledAt }).where(eq(contactMessages.id, id));
		return {
			result: { id, handledAt },
			audit: {
				action: handled ? 'contact.handled' : 'contact.reopened',
				recordType: 'contact_message',
				recordId: id
			}
		};
	});
}
