import { createHash, randomBytes } from 'node:crypto';

/** An opaque random token of 256 bits, URL-safe. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256 (they are high-entropy, so no salt is needed). */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
