/**
 * Who may read /metrics: with METRICS_TOKEN set, whoever sends it as a bearer token; without,
 * only clients on this machine (a local Prometheus or node agent). Others get a 404, so an
 * unprotected instance does not reveal that the endpoint exists.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** 127.0.0.0/8, ::1 and IPv4-mapped ::ffff:127.x (BlockList maps them to their IPv4 rule). */
export function isLoopback(address: string): boolean {
	const family = isIP(address);
	return family !== 0 && loopback.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Compare without leaking the token through timing (hashing first makes the lengths equal). */
function sameToken(given: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

export type MetricsAccess = 'allowed' | 'unauthenticated' | 'hidden';

/**
 * `clientAddress` is a function because adapter-node's getClientAddress() throws when
 * ADDRESS_HEADER is set and the request lacks it (such a request is not treated as local).
 */
export function metricsAccess(
	authorization: string | null,
	clientAddress: () => string,
	token: string | undefined
): MetricsAccess {
	if (token) {
		const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
		return given !== undefined && sameToken(given, token) ? 'allowed' : 'unauthenticated';
	}
	try {
		return isLoopback(clientAddress()) ? 'allowed' : 'hidden';
	} catch {
		return 'hidden';
	}
}
