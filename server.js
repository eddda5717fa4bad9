/**
 * Streekplatform's own server: validates the settings (config.ts), refuses a port in use with one
 * clear line, mounts adapter-node's handler and shuts down gracefully on SIGTERM/SIGINT.
 */
import http from 'node:http';
import net from 'node:net';
import { tsImport } from 'tsx/esm/api';

const { config, envForAdapter, describeStartupError } = await tsImport(
	'./src/lib/server/config.ts',
	import.meta.url
);
const { unavailableCode } = await tsImport('./src/lib/server/db/unavailable.ts', import.meta.url);
const { createPageCache, CHANGED_EVENT, STATS_EVENT } = await tsImport(
	'./src/lib/server/http-cache/page-cache.ts',
	import.meta.url
);

/** Print one line and leave with a non-zero code. */
function fail(message) {
	process.stderr.write(`streekplatform: ${message}\n`);
	process.exit(1);
}

let settings;
try {
	settings = config();
} catch (e) {
	fail(describeStartupError(e));
}

function portInUseMessage() {
	return `poort ${settings.PORT} op ${settings.HOST} is al in gebruik. Stop het andere proces of kies een andere poort, bv. PORT=3001 npm start.`;
}

// Check the port before opening the database, so a second start touches no data.
await new Promise((resolve) => {
	const probe = net.createServer();
	probe.once('error', (e) =>
		fail(
			e.code === 'EADDRINUSE'
				? portInUseMessage()
				: `kan niet luisteren op ${settings.HOST}:${settings.PORT} (${e.code}).`
		)
	);
	probe.listen(settings.PORT, settings.HOST, () => probe.close(resolve));
});

// adapter-node reads its settings from the environment; hand it the validated ones.
Object.assign(process.env, envForAdapter(settings));

// A stop signal during start-up (migrations, seeding) waits for it, then closes cleanly.
let stopRequested;
const early = (signal) => (stopRequested = signal);
process.once('SIGTERM', early);
process.once('SIGINT', early);

let handler;
try {
	({ handler } = await import('./build/handler.js'));
} catch (e) {
	fail(describeStartupError(e));
}

// RFC 8058 one-click unsubscribe: mail providers POST without an Origin header, which SvelteKit's
// cross-site form check refuses. The token in the path alone authorises it (alerts/).
const ONE_CLICK_UNSUBSCRIBE = /^\/(en\/)?meldingen\/uitschrijven\/[^/?]+(\?|$)/;
function withOneClickUnsubscribe(next) {
	return (req, res) => {
		if (req.method === 'POST' && !req.headers.origin && ONE_CLICK_UNSUBSCRIBE.test(req.url))
			req.headers.origin = settings.origin;
		return next(req, res);
	};
}

// The public-page cache (src/lib/server/http-cache/page-cache.ts); the app tells it what changed.
let app = withOneClickUnsubscribe(handler);
if (settings.PUBLIC_CACHE_MB > 0) {
	const cache = createPageCache({
		maxBytes: settings.PUBLIC_CACHE_MB * 1024 * 1024,
		ttlMs: settings.PUBLIC_CACHE_SECONDS * 1000
	});
	process.on(CHANGED_EVENT, (tables) => cache.invalidate(tables));
	// /metrics asks for the cache's counts (its hits never reach the app).
	process.on(STATS_EVENT, (reply) => reply(cache.stats()));
	app = cache.middleware(app);
}

const server = http.createServer(app);

// A request Node refuses before the app sees it (a 10 MB search in the URL, malformed HTTP):
// answer in words instead of closing the connection without a reply.
server.on('clientError', (e, socket) => {
	if (!socket.writable || e.code === 'ECONNRESET') return socket.destroy();
	const tooLarge = e.code === 'HPE_HEADER_OVERFLOW';
	const text = tooLarge
		? 'De aanvraag is te groot (bijvoorbeeld een te lange zoekterm of link). Maak ze korter. / The request is too large (for example a search term or link that is too long).\n'
		: 'Ongeldige aanvraag. / Bad request.\n';
	const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
	socket.end(
		`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`
	);
});
let stopping = false;

async function closeApp(reason) {
	// hooks.server.ts listens for this to close the database.
	await Promise.all(process.listeners('sveltekit:shutdown').map((listener) => listener(reason)));
}

server.once('error', async (e) => {
	await closeApp('error');
	fail(e.code === 'EADDRINUSE' ? portInUseMessage() : `serverfout: ${e.message}`);
});

server.listen(settings.PORT, settings.HOST, () => {
	process.stdout.write(
		`${JSON.stringify({ level: 30, time: Date.now(), msg: `Streekplatform luistert op ${settings.origin}`, pid: process.pid })}\n`
	);
});

async function shutdown(signal, code = 0) {
	if (stopping) return;
	stopping = true;
	// Stop accepting, let open requests finish (bounded), then close the database.
	const closed = new Promise((resolve) => server.close(resolve));
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), settings.SHUTDOWN_TIMEOUT * 1000);
	force.unref();
	await closed;
	await closeApp(signal);
	process.exit(code);
}

// A crash (e.g. a static file removed under a running server) still closes the database
// cleanly before the process ends; the supervisor restarts it. A connection the database server
// dropped is no crash: postgres.js can throw that outside any query (porsager/postgres#1208),
// and the pool reconnects by itself once the server is back (requests meanwhile get a 503).
process.on('uncaughtException', (e) => {
	const code = unavailableCode(e);
	if (code) {
		process.stderr.write(
			`${JSON.stringify({ level: 40, time: Date.now(), msg: 'database connection lost', code, pid: process.pid })}\n`
		);
		return;
	}
	process.stderr.write(`streekplatform: onverwachte fout, de server stopt: ${e?.stack ?? e}\n`);
	void shutdown('uncaughtException', 1);
});

process.off('SIGTERM', early);
process.off('SIGINT', early);
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
if (stopRequested) void shutdown(stopRequested);
