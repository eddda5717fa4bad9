/**
 * The JavaScript each public page ships, gzipped: the built server on fresh example data, crawled
 * from / (and /en) along its own links, every page's <script src>, modulepreload links and inline
 * scripts fetched and gzipped (level 6, what a server sends). Pages with nothing interactive
 * should ship 0 bytes, the heaviest at most 40 KB. It prints figures; it asserts nothing.
 *
 *   npm run bench:js                      up to 400 pages
 *   npm run bench:js -- --pages 100
 */
import zlib from 'node:zlib';
import { machineLine, out, positiveInt, table, usageError } from './support';
import { startServer } from './server';

const USAGE = 'usage: npm run bench:js -- [--pages N]';
let maxPages = 400;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
	if (argv[i] === '--pages') maxPages = positiveInt(argv[i], argv[++i], USAGE);
	else usageError(USAGE, argv[i] === '--help' ? undefined : `unknown argument ${argv[i]}`);
}

/** Links not to follow: the workspace, the API, downloads and feeds. */
const SKIP =
	/^\/(en\/)?(beheer|api|bestanden|documenten)(\/|$)|\.(csv|xlsx|pdf|ics|jsonld|atom|xml|zip|svg|json|txt)(\?|$)/;

const app = await startServer();
const js = new Map<string, number>();
async function gzippedScript(url: string): Promise<number> {
	if (!js.has(url)) {
		const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
		js.set(url, zlib.gzipSync(bytes, { level: 6 }).length);
	}
	return js.get(url)!;
}

type PageWeight = { path: string; files: number; bytes: number };
const results: PageWeight[] = [];
try {
	const queue = ['/', '/en'];
	const seen = new Set(queue);
	while (queue.length > 0 && results.length < maxPages) {
		const path = queue.shift()!;
		const response = await fetch(`${app.base}${path}`, { redirect: 'manual' });
		if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) continue;
		const html = await response.text();
		const sources = new Set<string>();
		for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) sources.add(m[1]);
		for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
			sources.add(m[1]);
		let bytes = 0;
		for (const source of sources)
			bytes += await gzippedScript(new URL(source, `${app.base}${path}`).href);
		for (const m of html.matchAll(
			/<script\b(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g
		))
			bytes += m[1].trim() ? zlib.gzipSync(m[1], { level: 6 }).length : 0;
		results.push({ path, files: sources.size, bytes });
		for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
			const link = m[1].replaceAll('&amp;', '&');
			if (!seen.has(link) && !SKIP.test(link)) {
				seen.add(link);
				queue.push(link);
			}
		}
	}
} finally {
	await app.stop();
}

const heaviest = [...results].sort((a, b) => b.bytes - a.bytes);
const zero = results.filter((r) => r.bytes === 0).length;
out(`# JavaScript per public page, gzip (${new Date().toISOString()})`);
out(machineLine());
out(
	`${results.length} pages crawled; ${zero} ship no JavaScript; heaviest ${(heaviest[0]?.bytes ?? 0) / 1000} KB`
);
out();
for (const line of table(
	[
		['page', 'scripts', 'KB gzip'],
		...heaviest.map((r) => [r.path, String(r.files), (r.bytes / 1000).toFixed(1)])
	],
	1
))
	out(line);
