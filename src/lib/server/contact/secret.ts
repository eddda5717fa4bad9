/**
 * The platform's own secret for keyed hashes of the public forms: a sender's IP address becomes
 * an HMAC (rate limits without storing the address), and alert unsubscribe links are derived from
 * it (a mail sent months later still needs a link while only its hash is stored). It is made once,
 * at random, and kept in site_settings under its own key, so every instance shares it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { siteSettings } from '../db/schema';

const KEY = 'public_forms_secret';
let cached: { db: DbOrTx; secret: string } | undefined;

export async function platformSecret(db: DbOrTx): Promise<string> {
	if (cached?.db === db) return cached.secret;
	await db
		.insert(siteSettings)
		.values({ key: KEY, value: { secret: randomBytes(32).toString('base64url') } })
		.onConflictDoNothing();
	const [row] = await db.select().from(siteSettings).where(eq(siteSettings.key, KEY));
	const secret = (row.value as { secret: string }).secret;
	cached = { db, secret };
	return secret;
}

/** A keyed hash (HMAC-SHA256, URL-safe) of `value` under the platform secret. */
export async function keyedHash(db: DbOrTx, purpose: string, value: string): Promise<string> {
	return createHmac('sha256', await platformSecret(db))
		.update(`${purpose}:${value}`)
		.digest('base64url');
}

/** The key that stands for a sender's IP address in rate limits and contact_messages. */
export const senderKeyOf = (db: DbOrTx, clientAddress: string) =>
	keyedHash(db, 'sender', clientAddress);
