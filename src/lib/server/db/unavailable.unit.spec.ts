import { DrizzleQueryError } from 'drizzle-orm/errors';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, unavailableCode } from './unavailable';

/** An error shaped as postgres.js raises it (`code` on an Error). */
const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it('recognises the socket and driver errors of a lost connection', () => {
		for (const code of [
			'ECONNREFUSED',
			'ECONNRESET',
			'CONNECTION_CLOSED',
			'CONNECTION_ENDED',
			'CONNECTION_DESTROYED',
			'CONNECT_TIMEOUT'
		]) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
		}
	});

	it('recognises the SQLSTATEs of a server shutting down or refusing connections', () => {
		for (const code of ['57P01', '57P02', '57P03', '08000', '08006', '08P01']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
		}
	});

	it('looks through drizzle’s wrapper and an AggregateError of addresses', () => {
		const wrapped = new DrizzleQueryError('select 1', [], withCode('ECONNREFUSED'));
		expect(isDatabaseUnavailable(wrapped)).toBe(true);
		const all = new AggregateError([new Error('other'), withCode('ECONNREFUSED')]);
		expect(isDatabaseUnavailable(all)).toBe(true);
		// The log gets the code, not the wrapper's text with the statement's parameters.
		expect(unavailableCode(wrapped)).toBe('ECONNREFUSED');
	});

	it('leaves other errors alone (they stay a 500 or their own status)', () => {
		expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
		expect(isDatabaseUnavailable(withCode('23505'))).toBe(false); // unique violation
		expect(isDatabaseUnavailable(withCode('57014'))).toBe(false); // statement timeout
		expect(isDatabaseUnavailable(withCode('ENOENT'))).toBe(false);
		expect(isDatabaseUnavailable(new DrizzleQueryError('x', [], withCode('42P01')))).toBe(false);
		expect(isDatabaseUnavailable(undefined)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
	});

	it('recognises what postgres.js really raises when nothing listens on the port', async () => {
		// Port 1 on loopback: nothing listens there, so the connection is refused at once.
		const sql = postgres('postgres://app@127.0.0.1:1/none', { connect_timeout: 2, max: 1 });
		try {
			const error = await sql`select 1`.then(
				() => undefined,
				(e: unknown) => e
			);
			expect(error).toBeDefined();
			expect(isDatabaseUnavailable(error)).toBe(true);
		} finally {
			await sql.end({ timeout: 1 });
		}
	});
});
