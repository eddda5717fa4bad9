/**
 * What every /api request gets, whatever its endpoint (hooks.server.ts runs it around the route):
 *
 * - CORS for public reads: `Access-Control-Allow-Origin: *` on GET/HEAD without an Authorization
 *   header, and preflights answered for GET/HEAD only. A preflight never allows the Authorization
 *   header or another method, so a browser on another site cannot send a token-authenticated
 *   write; `*` also means browsers never send cookies along.
 * - A rate limit per client IP address for anonymous calls (no Authorization header), counted in
 *   the database (accounts/rate-limit.ts) so it holds across app instances: 429 with Retry-After.
 * - An ETag (hash of the body) on every successful GET/HEAD, and 304 for a matching If-None-Match.
 */
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { hit } from '../accounts/rate-limit';
import { config } from '../config';
import { log } from '../log';

const READ = new Set(['GET', 'HEAD']);

/** Headers a cross-origin script may read from an answer. */
const EXPOSED = 'ETag, Retry-After, X-Request-Id, X-Next-Cursor';

export type ApiLimits = { limit: number; windowSeconds: number };

const limitsFromConfig = (): ApiLimits => ({
	limit: config().API_RATE_LIMIT,
	windowSeconds: config().API_RATE_WINDOW_SECONDS
});

/** The answer to a CORS preflight: reads only, no credentials, no Authorization header. */
export function preflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'Accept, Accept-Language, If-None-Match',
			'access-control-max-age': '86400',
			allow: 'GET, HEAD, OPTIONS'
		}
	});
}

/** A public read: GET or HEAD without credentials of its own. */
function isPublicRead(request: Request): boolean {
	return READ.has(request.method) && !request.headers.has('authorization');
}

/** Count an anonymous call; a 429 answer once the address is over its limit. */
async function limited(event: RequestEvent, limits: ApiLimits): Promise<Response | undefined> {
	if (limits.limit === 0 || event.request.headers.has('authorization')) return;
	const address = event.getClientAddress();
	const count = await hit(event.locals.db, `api:${address}`, limits.windowSeconds);
	if (count <= limits.limit) return;
	const windowMs = limits.windowSeconds * 1000;
	const retryAfter = Math.max(1, Math.ceil((windowMs - (Date.now() % windowMs)) / 1000));
	if (count === limits.limit + 1) log().warn({ requestId: event.locals.requestId }, 'API limit');
	return Response.json(
		{
			error: {
				code: 'rate_limited',
				message: `Te veel verzoeken. Probeer het over ${retryAfter} seconden opnieuw.`,
				requestId: event.locals.requestId
			}
		},
		{ status: 429, headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' } }
	);
}

/** Does an If-None-Match header name this ETag (weak comparison, `*` matches all)? */
export function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const strip = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/** An ETag from the body's bytes, and 304 when the client already has them. */
async function conditional(request: Request, response: Response): Promise<Response> {
	if (!READ.has(request.method) || response.status !== 200 || !response.body) return response;
	const bytes = new Uint8Array(await response.arrayBuffer());
	const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	if (matches(request.headers.get('if-none-match'), etag)) {
		headers.delete('content-type');
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
}

/**
 * Run an /api request: preflight, limit, the route itself (`next`), then CORS and the ETag.
 * Limits come from the settings unless a test passes its own.
 */
export async function apiRequest(
	event: RequestEvent,
	next: () => Promise<Response>,
	limits: ApiLimits = limitsFromConfig()
): Promise<Response> {
	const { request } = event;
	if (request.method === 'OPTIONS') return preflight();
	const response = (await limited(event, limits)) ?? (await next());
	const answered = await conditional(request, response);
	if (isPublicRead(request)) {
		answered.headers.set('access-control-allow-origin', '*');
		answered.headers.set('access-control-expose-headers', EXPOSED);
	}
	return answered;
}
