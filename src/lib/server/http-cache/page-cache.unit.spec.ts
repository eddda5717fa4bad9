import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseEncoding, createPageCache, TAGS_HEADER } from './page-cache';

/** What the app answers per path, written the way adapter-node's setResponse writes. */
type Answer = { status?: number; tags?: string; body: string; cookie?: boolean };

async function serve(answers: Record<string, () => Answer>, ttlMs = 60_000, maxBytes = 1 << 20) {
	let clock = 1_000_000;
	const cache = createPageCache({ maxBytes, ttlMs, now: () => clock });
	const calls: string[] = [];
	const app = (req: IncomingMessage, res: ServerResponse) => {
		calls.push(req.url!);
		const answer = answers[req.url!]?.() ?? { status: 404, body: 'niet gevonden' };
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.setHeader('x-frame-options', 'DENY');
		if (answer.tags !== undefined) res.setHeader(TAGS_HEADER, answer.tags);
		if (answer.cookie) res.setHeader('set-cookie', 'a=b');
		res.writeHead(answer.status ?? 200);
		res.write(answer.body.slice(0, 10));
		res.end(answer.body.slice(10));
	};
	const server = http.createServer(cache.middleware(app));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const get = async (path: string, headers: Record<string, string> = {}) => {
		const response = await rawGet(`${base}${path}`, headers);
		// Storing happens after the answer (compression): let it finish.
		await new Promise((resolve) => setTimeout(resolve, 20));
		return response;
	};
	const getAtOnce = (path: string) => rawGet(`${base}${path}`, {});
	return { cache, calls, get, getAtOnce, tick: (ms: number) => (clock += ms) };
}

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A GET that shows the bytes as sent (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>) {
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
		(resolve, reject) => {
			http
				.get(url, { headers }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
					);
				})
				.on('error', reject);
		}
	);
}

const page = 'x'.repeat(2000);

describe('public-page cache', () => {
	it('serves a marked page from memory, without the tags header, with ETag and 304', async () => {
		const { get, calls } = await serve({
			'/organen/x': () => ({ tags: 'bodies areas', body: page })
		});
		const first = await get('/organen/x');
		expect(first.headers[TAGS_HEADER]).toBeUndefined();
		expect(first.headers['x-cache']).toBeUndefined();
		const second = await get('/organen/x');
		expect(calls).toEqual(['/organen/x']);
		expect(second.headers['x-cache']).toBe('hit');
		expect(second.headers[TAGS_HEADER]).toBeUndefined();
		expect(second.headers['x-frame-options']).toBe('DENY');
		expect(second.body.toString()).toBe(page);
		const etag = second.headers.etag!;
		expect(etag).toMatch(/^".+"$/);
		const revalidated = await get('/organen/x', { 'if-none-match': etag });
		expect(revalidated.status).toBe(304);
		expect(revalidated.body.length).toBe(0);
	});

	it('serves the very next visitor from the cache, before compression is done', async () => {
		const { getAtOnce, calls } = await serve({ '/p': () => ({ tags: 'bodies', body: page }) });
		await getAtOnce('/p');
		const next = await getAtOnce('/p');
		expect(next.headers['x-cache']).toBe('hit');
		expect(calls).toEqual(['/p']);
	});

	it('compresses once: brotli, gzip or identity as the client asks', async () => {
		const { get } = await serve({ '/p': () => ({ tags: 'bodies', body: page }) });
		await get('/p');
		const br = await get('/p', { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);
		const gz = await get('/p', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(zlib.gunzipSync(gz.body).toString()).toBe(page);
		expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
		const plain = await get('/p', { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(page);
	});

	it('drops exactly the pages that read a changed table', async () => {
		let name = 'Taskforce';
		const { get, calls, cache } = await serve({
			'/organen/x': () => ({ tags: 'bodies', body: `${name} ${page}` }),
			'/monitor': () => ({ tags: 'indicators observations', body: page })
		});
		await get('/organen/x');
		await get('/monitor');
		name = 'Taskforce Spitsregio';
		cache.invalidate(['observations']);
		expect((await get('/organen/x')).headers['x-cache']).toBe('hit');
		cache.invalidate(['bodies']);
		const fresh = await get('/organen/x');
		expect(fresh.headers['x-cache']).toBeUndefined();
		expect(fresh.body.toString()).toContain('Taskforce Spitsregio');
		expect(calls.filter((c) => c === '/organen/x')).toHaveLength(2);
		expect((await get('/monitor')).headers['x-cache']).toBeUndefined();
		cache.invalidate(['*']);
		expect(cache.stats().entries).toBe(0);
	});

	it('does not keep a page whose table changed while it was being made', async () => {
		const holder: { cache?: ReturnType<typeof createPageCache> } = {};
		const { get, cache } = await serve({
			'/p': () => {
				holder.cache!.invalidate(['bodies']);
				return { tags: 'bodies', body: page };
			}
		});
		holder.cache = cache;
		await get('/p');
		expect(cache.stats().entries).toBe(0);
	});

	it('never caches what the app did not mark, errors, cookies, sessions, tokens or posts', async () => {
		const { get, cache } = await serve({
			'/unmarked': () => ({ body: page }),
			'/error': () => ({ status: 500, tags: 'bodies', body: page }),
			'/cookie': () => ({ tags: 'bodies', body: page, cookie: true }),
			'/p': () => ({ tags: 'bodies', body: page })
		});
		await get('/unmarked');
		await get('/error');
		await get('/cookie');
		await get('/p', { cookie: 'sp_session=abc' });
		await get('/p', { authorization: 'Bearer abc' });
		expect(cache.stats().entries).toBe(0);
		const leaked = await get('/p', { cookie: 'sp_session=abc' });
		expect(leaked.headers['x-cache']).toBeUndefined();
	});

	it('expires pages after the time limit and stays within its memory', async () => {
		const { get, tick, cache } = await serve(
			Object.fromEntries(
				Array.from({ length: 20 }, (_, i) => [`/p${i}`, () => ({ tags: 'bodies', body: page })])
			),
			1000,
			20_000
		);
		await get('/p0');
		tick(1001);
		expect((await get('/p0')).headers['x-cache']).toBeUndefined();
		for (let i = 0; i < 20; i++) await get(`/p${i}`);
		expect(cache.stats().bytes).toBeLessThanOrEqual(20_000);
		expect(cache.stats().entries).toBeLessThan(20);
		// The most recently used page is still there.
		expect((await get('/p19')).headers['x-cache']).toBe('hit');
	});

	it('chooses encodings by the Accept-Encoding header', () => {
		const both = { gzip: Buffer.from(''), br: Buffer.from('') };
		expect(chooseEncoding(undefined, both)).toBe('identity');
		expect(chooseEncoding('gzip', both)).toBe('gzip');
		expect(chooseEncoding('*', both)).toBe('br');
		expect(chooseEncoding('br;q=0,gzip', both)).toBe('gzip');
		expect(chooseEncoding('br', {})).toBe('identity');
	});
});
