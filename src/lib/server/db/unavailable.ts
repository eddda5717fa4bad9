/**
 * A lost database (PostgreSQL stopped, restarting or unreachable) is not a bug of the request:
 * hooks.server.ts answers such a request with 503 and `Retry-After` instead of a 500, and the
 * pool (postgres.js) reconnects by itself on the next query once the server is back.
 */

/** Node's socket errors when the server is down or drops the connection. */
const SOCKET_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN'
]);

/** postgres.js's own codes for a connection that closed, ended, broke or never opened. */
const DRIVER_CODES = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

/**
 * SQLSTATEs of a server going away: admin_shutdown, crash_shutdown, cannot_connect_now (starting
 * up or shutting down) and class 08 (connection exception).
 */
const SQLSTATE = /^(57P0[123]|08[0-9A-Z]{3})$/;

/** How deep to follow `cause` (drizzle wraps the driver's error in a DrizzleQueryError). */
const MAX_DEPTH = 5;

/**
 * The code (ECONNREFUSED, CONNECTION_CLOSED, 57P01…) that makes this error, or what caused it,
 * a lost or refused database connection; undefined for any other error. Logged instead of the
 * error's text, which carries the statement's parameters.
 */
export function unavailableCode(error: unknown, depth = 0): string | undefined {
	if (!error || typeof error !== 'object' || depth > MAX_DEPTH) return undefined;
	const code = (error as { code?: unknown }).code;
	if (
		typeof code === 'string' &&
		(SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SQLSTATE.test(code))
	)
		return code;
	// Node reports a refused connection to every address of a host name as one AggregateError.
	if (error instanceof AggregateError) {
		for (const e of error.errors) {
			const found = unavailableCode(e, depth + 1);
			if (found) return found;
		}
	}
	return unavailableCode((error as { cause?: unknown }).cause, depth + 1);
}

/** Is this error (or what caused it) a lost or refused database connection? */
export const isDatabaseUnavailable = (error: unknown) => unavailableCode(error) !== undefined;

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** The answer's text (Dutch; messages.en.ts has the English). */
export const unavailableMessage =
	'De databank is even niet bereikbaar. Probeer het over enkele seconden opnieuw.';
