/**
 * The public-page cache in front of SvelteKit (mounted by server.js). A response is stored only
 * when the app marked it cacheable (hooks.server.ts: a public route, an anonymous visitor, 200, no
 * cookie set) with the tables it read (`x-sp-cache-tags`); it is dropped as soon as one of those
 * tables changes (db/changes.ts: in this process at once, in the others by PostgreSQL NOTIFY) or
 * after `ttlMs` (pages that depend on the date). Hits are served from memory, compressed once
 * (brotli, gzip), with ETag/Last-Modified and 304s. Visitors with a session or a token always
 * reach the app.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const TAGS_HEADER = 'x-sp-cache-tags';
/** The process event that carries changed table names from the app to the cache (string[]). */
export const CHANGED_EVENT = 'streekplatform:changed';
/** Payload of CHANGED_EVENT meaning "anything may have changed" (e.g. after a lost connection). */
export const EVERYTHING = '*';
/**
 * The process event /metrics emits with a callback; server.js answers it with the cache's
 * `stats()` (the cache lives outside the app's bundle).
 */
export const STATS_EVENT = 'streekplatform:cache-stats';
export type PageCacheStats = ReturnType<PageCache['stats']>;

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

type Entry = {
	key: string;
	tags: string[];
	status: number;
	headers: [string, string][];
	identity: Buffer;
	gzip?: Buffer;
	br?: Buffer;
	etag: string;
	lastModified: string;
	expires: number;
	size: number;
};

export type PageCacheOptions = {
	maxBytes: number;
	ttlMs: number;
	/** A response larger than this is passed through, never stored. */
	maxEntryBytes?: number;
	now?: () => number;
};

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|xml|atom\+xml|javascript)|image\/svg)/;
/** Headers that belong to one response, not to the stored page. */
const PER_RESPONSE = new Set(['set-cookie', 'date', 'x-request-id', 'content-length']);

export function createPageCache(options: PageCacheOptions) {
	const now = options.now ?? Date.now;
	const maxEntryBytes = options.maxEntryBytes ?? Math.max(64 * 1024, options.maxBytes / 20);
	const entries = new Map<string, Entry>();
	const byTag = new Map<string, Set<string>>();
	/** A change counter, and for each table the count at its last change (precise re-checks). */
	let changes = 0;
	let everythingAt = 0;
	const changedAt = new Map<string, number>();
	let bytes = 0;
	const counts = { hits: 0, misses: 0, stored: 0, invalidated: 0 };

	function remove(key: string) {
		const entry = entries.get(key);
		if (!entry) return;
		entries.delete(key);
		bytes -= entry.size;
		for (const tag of entry.tags) byTag.get(tag)?.delete(key);
	}

	function invalidate(tables: readonly string[]) {
		changes++;
		for (const table of tables) {
			if (table === EVERYTHING) {
				everythingAt = changes;
				counts.invalidated += entries.size;
				entries.clear();
				byTag.clear();
				bytes = 0;
				return;
			}
			changedAt.set(table, changes);
			const keys = byTag.get(table);
			if (!keys) continue;
			for (const key of [...keys]) {
				remove(key);
				counts.invalidated++;
			}
		}
	}

	function store(entry: Entry) {
		remove(entry.key);
		entries.set(entry.key, entry);
		bytes += entry.size;
		for (const tag of entry.tags) {
			let keys = byTag.get(tag);
			if (!keys) byTag.set(tag, (keys = new Set()));
			keys.add(entry.key);
		}
		counts.stored++;
		evict();
	}

	/** Least recently used first: a Map keeps insertion order and hits re-insert. */
	function evict() {
		for (const key of entries.keys()) {
			if (bytes <= options.maxBytes) break;
			remove(key);
		}
	}

	function serve(req: IncomingMessage, res: ServerResponse, entry: Entry) {
		counts.hits++;
		entries.delete(entry.key);
		entries.set(entry.key, entry);
		const headers: OutgoingHttpHeaders = Object.fromEntries(entry.headers);
		headers['etag'] = entry.etag;
		headers['last-modified'] = entry.lastModified;
		headers['vary'] = 'accept-encoding';
		headers['x-request-id'] = randomUUID();
		headers['x-cache'] = 'hit';
		if (notModified(req, entry)) {
			res.writeHead(304, headers).end();
			return;
		}
		const encoding = chooseEncoding(req.headers['accept-encoding'], entry);
		const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.identity;
		if (encoding !== 'identity') headers['content-encoding'] = encoding;
		headers['content-length'] = body.length;
		res.writeHead(entry.status, headers);
		res.end(req.method === 'HEAD' ? undefined : body);
	}

	/** Let the app answer, keeping a copy of the answer if the app marked it cacheable. */
	function record(req: IncomingMessage, res: ServerResponse, key: string, handler: Handler) {
		counts.misses++;
		const startedAt = changes;
		const chunks: Buffer[] = [];
		let size = 0;
		let tags: string[] | null = null;
		let headers: [string, string][] = [];
		let status = 0;

		const writeHead = res.writeHead;
		res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
			const marked = res.getHeader(TAGS_HEADER);
			if (marked !== undefined) {
				res.removeHeader(TAGS_HEADER);
				if (code === 200 && rest.length === 0 && !res.hasHeader('set-cookie')) {
					tags = String(marked).split(' ').filter(Boolean);
					status = code;
					headers = Object.entries(res.getHeaders())
						.filter(([name]) => !PER_RESPONSE.has(name))
						.map(([name, value]) => [name, String(value)]);
				}
			}
			return writeHead.call(this, code, ...(rest as []));
		} as typeof res.writeHead;

		const keep = (chunk: unknown, encoding?: unknown) => {
			if (!tags || chunk === undefined || chunk === null || typeof chunk === 'function') return;
			const buffer = Buffer.isBuffer(chunk)
				? chunk
				: typeof chunk === 'string'
					? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
					: Buffer.from(chunk as Uint8Array);
			size += buffer.length;
			if (size > maxEntryBytes) tags = null;
			else chunks.push(Buffer.from(buffer));
		};
		const write = res.write;
		res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
			keep(chunk, rest[0]);
			return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
		} as typeof res.write;
		const end = res.end;
		res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
			keep(chunk, rest[0]);
			const done = tags && req.method === 'GET' ? tags : null;
			if (done) {
				void finish(key, done, status, headers, Buffer.concat(chunks), startedAt).catch(
					() => undefined
				);
			}
			return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
		} as typeof res.end;

		handler(req, res);
	}

	/** Keep the page at once (the next visitor may be right behind), then add compressed copies. */
	async function finish(
		key: string,
		tags: string[],
		status: number,
		headers: [string, string][],
		identity: Buffer,
		startedAt: number
	) {
		// A table it read changed while it was being made: it may already be stale.
		if (everythingAt > startedAt || tags.some((tag) => (changedAt.get(tag) ?? 0) > startedAt))
			return;
		const entry: Entry = {
			key,
			tags,
			status,
			headers,
			identity,
			// SvelteKit's own ETag when it gave one, so a browser's first copy revalidates too.
			etag:
				headers.find(([name]) => name === 'etag')?.[1] ??
				`"${createHash('sha1').update(identity).digest('base64url')}"`,
			lastModified: new Date(now()).toUTCString(),
			expires: now() + options.ttlMs,
			size: identity.length + key.length + 512
		};
		store(entry);
		const type = headers.find(([name]) => name === 'content-type')?.[1] ?? '';
		if (!COMPRESSIBLE.test(type) || identity.length <= 512) return;
		const [gz, br] = await Promise.all([
			gzip(identity, { level: 6 }),
			brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
		]);
		// Still the same page (not dropped or replaced meanwhile): account for the copies.
		if (entries.get(key) !== entry) return;
		entry.gzip = gz;
		entry.br = br;
		entry.size += gz.length + br.length;
		bytes += gz.length + br.length;
		evict();
	}

	return {
		/** Wrap the app's handler. */
		middleware(handler: Handler): Handler {
			return (req, res) => {
				if ((req.method !== 'GET' && req.method !== 'HEAD') || isPrivate(req))
					return handler(req, res);
				const key = `${req.url}\n${req.headers.accept ?? ''}`;
				const entry = entries.get(key);
				if (entry && entry.expires > now()) return serve(req, res, entry);
				if (entry) remove(key);
				record(req, res, key, handler);
			};
		},
		invalidate,
		stats: () => ({ ...counts, entries: entries.size, bytes })
	};
}

export type PageCache = ReturnType<typeof createPageCache>;

/** A visitor with a session cookie or a token sees their own pages: never from the cache. */
function isPrivate(req: IncomingMessage): boolean {
	return (
		req.headers.authorization !== undefined || (req.headers.cookie ?? '').includes('sp_session=')
	);
}

function notModified(req: IncomingMessage, entry: Entry): boolean {
	const match = req.headers['if-none-match'];
	if (match !== undefined)
		return match === '*' || match.split(',').some((tag) => tag.trim() === entry.etag);
	const since = req.headers['if-modified-since'];
	return since !== undefined && Date.parse(since) >= Date.parse(entry.lastModified);
}

/** br, then gzip, then identity, as the client allows (q=0 refuses). */
export function chooseEncoding(
	accept: string | undefined,
	entry: { gzip?: Buffer; br?: Buffer }
): 'br' | 'gzip' | 'identity' {
	if (!accept) return 'identity';
	const allowed = new Set<string>();
	for (const part of accept.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		if (q && Number(q.slice(2)) === 0) continue;
		allowed.add(name);
	}
	if (entry.br && (allowed.has('br') || allowed.has('*'))) return 'br';
	if (entry.gzip && (allowed.has('gzip') || allowed.has('*'))) return 'gzip';
	return 'identity';
}
