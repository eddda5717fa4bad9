/**
 * Password rules (NIST SP 800-63B): at least 12 characters, at least 128 allowed, no composition
 * rules, refused when on the shipped list of common passwords. Hashing is argon2id.
 */
import { hash, verify } from '@node-rs/argon2';
import commonList from './common-passwords.json';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | undefined;
const isCommon = (password: string) => {
	common ??= new Set((commonList as string[]).map((p) => p.toLowerCase()));
	return common.has(password.toLowerCase());
};

/** The Dutch reason a password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens.`;
	if (length > PASSWORD_MAX) return `Een wachtwoord heeft hoogstens ${PASSWORD_MAX} tekens.`;
	if (isCommon(password))
		return 'Dit wachtwoord staat op een lijst van veelgebruikte wachtwoorden. Kies een ander.';
	return undefined;
}

export function hashPassword(password: string): Promise<string> {
	// @node-rs/argon2 defaults to argon2id (m=19456 KiB, t=2, p=1), the OWASP baseline.
	return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A fixed hash to verify against when the account does not exist (same timing either way). */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
	dummy ??= hash('streekplatform-dummy-password');
	return dummy;
}
