/**
 * The API's envelope around every endpoint: ETag and 304, CORS for public reads (never for
 * token calls), preflights, and the anonymous rate limit counted in the database.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { GET as listBodies } from '../../../routes/api/v1/bodies/+server';
import { anonymous } from '../policy';
import { openApiDocument } from './openapi';
import { apiRequest, matches, type ApiLimits } from './public-api';

const t = useTestDatabase();
const generous: ApiLimits = { limit: 1000, windowSeconds: 60 };

function eventFor(
	path: string,
	init: RequestInit = {},
	address = '198.51.100.7'
): RequestEvent & { request: Request } {
	const url = new URL(path, 'http://localhost');
	return {
		request: new Request(url, init),
		url,
		params: {},
		locals: { db: t.db, requestId: 'test-request', locale: 'nl', principal: anonymous },
		getClientAddress: () => address
	} as unknown as RequestEvent & { request: Request };
}

/** The real /api/v1/bodies endpoint behind the envelope. */
const bodies = (event: RequestEvent) => () => listBodies(event as never);

describe('API envelope', () => {
	it('gives every successful GET an ETag and answers a matching If-None-Match with 304', async () => {
		const first = eventFor('/api/v1/bodies?limit=3');
		const res = await apiRequest(first, bodies(first), generous);
		expect(res.status).toBe(200);
		const etag = res.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]+"$/);
		const body = (await res.json()) as { items: unknown[] };
		expect(body.items).toHaveLength(3);

		const again = eventFor('/api/v1/bodies?limit=3', { headers: { 'if-none-match': etag! } });
		const notModified = await apiRequest(again, bodies(again), generous);
		expect(notModified.status).toBe(304);
		expect(notModified.headers.get('etag')).toBe(etag);
		expect(await notModified.text()).toBe('');

		// Another page is other bytes: another ETag, and the old one no longer matches.
		const other = eventFor('/api/v1/bodies?limit=2', { headers: { 'if-none-match': etag! } });
		const changed = await apiRequest(other, bodies(other), generous);
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
	});

	it('compares ETags weakly and accepts lists and *', () => {
		expect(matches('"a", W/"b"', '"b"')).toBe(true);
		expect(matches('*', '"x"')).toBe(true);
		expect(matches('"a"', '"b"')).toBe(false);
		expect(matches(null, '"b"')).toBe(false);
	});

	it('allows any origin to read, answers preflights for reads only, and never for tokens', async () => {
		const read = eventFor('/api/v1/bodies', { headers: { origin: 'https://elders.example' } });
		const res = await apiRequest(read, bodies(read), generous);
		expect(res.headers.get('access-control-allow-origin')).toBe('*');
		expect(res.headers.get('access-control-allow-credentials')).toBeNull();
		expect(res.headers.get('access-control-expose-headers')).toContain('ETag');

		const pre = eventFor('/api/v1/bodies', {
			method: 'OPTIONS',
			headers: { origin: 'https://elders.example', 'access-control-request-method': 'GET' }
		});
		const answer = await apiRequest(pre, () => Promise.reject(new Error('not reached')), generous);
		expect(answer.status).toBe(204);
		expect(answer.headers.get('access-control-allow-origin')).toBe('*');
		expect(answer.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(answer.headers.get('access-control-allow-headers')).not.toMatch(/authorization/i);

		// A token call (here a push of observations) gets no CORS header, whatever it answers.
		const write = eventFor('/api/v1/observations', {
			method: 'POST',
			headers: { authorization: 'Bearer sp_x', origin: 'https://elders.example' },
			body: '{}'
		});
		const pushed = await apiRequest(write, async () => Response.json({}, { status: 201 }));
		expect(pushed.headers.get('access-control-allow-origin')).toBeNull();
		const tokenRead = eventFor('/api/v1/bodies', { headers: { authorization: 'Bearer sp_x' } });
		const got = await apiRequest(tokenRead, bodies(tokenRead), generous);
		expect(got.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('limits anonymous calls per address with a 429, Retry-After and a Dutch message', async () => {
		const limits: ApiLimits = { limit: 3, windowSeconds: 600 };
		const calls = async (address: string, headers: Record<string, string> = {}) => {
			const event = eventFor('/api/v1/bodies?limit=1', { headers }, address);
			return apiRequest(event, bodies(event), limits);
		};
		for (let i = 0; i < 3; i++) expect((await calls('203.0.113.9')).status).toBe(200);
		const refused = await calls('203.0.113.9');
		expect(refused.status).toBe(429);
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThan(0);
		expect(retryAfter).toBeLessThanOrEqual(600);
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
		const body = (await refused.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('rate_limited');
		expect(body.error.message).toBe(
			`Te veel verzoeken. Probeer het over ${retryAfter} seconden opnieuw.`
		);
		// Another address has its own count; a token call is not counted at all.
		expect((await calls('203.0.113.10')).status).toBe(200);
		const withToken = await calls('203.0.113.9', { authorization: 'Bearer sp_x' });
		expect(withToken.status).toBe(200);
		// Limit 0 switches the limit off.
		const event = eventFor('/api/v1/bodies?limit=1', {}, '203.0.113.9');
		const off = await apiRequest(event, bodies(event), { limit: 0, windowSeconds: 60 });
		expect(off.status).toBe(200);
	});

	it('is documented on every operation: 304 on reads, 429 everywhere', () => {
		const paths = Object.entries(openApiDocument().paths ?? {});
		expect(paths.length).toBeGreaterThan(10);
		for (const [path, item] of paths) {
			for (const [method, op] of Object.entries(item ?? {})) {
				const responses = (op as { responses: Record<string, unknown> }).responses;
				expect(responses['429'], `${method} ${path}`).toBeDefined();
				if (method === 'get') expect(responses['304'], path).toBeDefined();
			}
		}
	});
});
