import { randomUUID } from 'node:crypto';
import {
	json,
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { localeOfPath, localizeHref, translate } from '$lib/i18n';
import { principalFor } from '$lib/server/accounts/accounts.service';
import { apiRequest } from '$lib/server/api/public-api';
import { authenticateToken } from '$lib/server/accounts/api-tokens.service';
import { SESSION_COOKIE, validateSession } from '$lib/server/accounts/sessions.service';
import { database, startApp, stopApp } from '$lib/server/app';
import { config } from '$lib/server/config';
import { announceChanges } from '$lib/server/db/changes';
import { withQueryScope } from '$lib/server/db/query-counter';
import {
	isDatabaseUnavailable,
	RETRY_AFTER_SECONDS,
	unavailableCode,
	unavailableMessage
} from '$lib/server/db/unavailable';
import { TAGS_HEADER } from '$lib/server/http-cache/page-cache';
import { AppError } from '$lib/server/errors';
import { apiError } from '$lib/server/http';
import { log } from '$lib/server/log';
import { translateMessage } from '$lib/server/messages';
import { observeRequest } from '$lib/server/metrics/metrics';
import { anonymous, can } from '$lib/server/policy';
import { actionOf, requiredPermission, routeAccess } from '$lib/server/policy/routes';

export const init: ServerInit = async () => {
	await startApp();
	// server.js (and adapter-node) emit this on SIGTERM/SIGINT; close the database cleanly.
	process.once('sveltekit:shutdown', () => stopApp());
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

/** Who is calling: a session cookie (workspace) or a bearer token (API). */
async function authenticate(event: RequestEvent): Promise<Response | undefined> {
	const db = event.locals.db;
	const bearer = event.request.headers.get('authorization');
	if (bearer && event.url.pathname.startsWith('/api/')) {
		const principal =
			/^Bearer\s+(\S+)$/i.exec(bearer) &&
			(await authenticateToken(db, bearer.replace(/^Bearer\s+/i, '')));
		if (!principal) {
			log().warn({ requestId: event.locals.requestId }, 'invalid API token');
			return json(
				{
					error: {
						code: 'unauthenticated',
						message: 'Ongeldige of ingetrokken API-sleutel.',
						requestId: event.locals.requestId
					}
				},
				{ status: 401 }
			);
		}
		event.locals.principal = principal;
		return;
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return;
	const found = await validateSession(db, token);
	if (!found) {
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		return;
	}
	event.locals.user = found.user;
	event.locals.session = found.session;
	if (found.session.twoFactorDone) event.locals.principal = await principalFor(db, found.user);
}

const NUL_REFUSED = 'Het adres bevat een ongeldig teken (NUL).';

/**
 * PostgreSQL text cannot hold a NUL character: a path or query with one (%00) is refused here
 * with a 400, before a slug or a filter reaches a query and fails as a database error (500).
 */
function refuseNul(event: RequestEvent): Response | undefined {
	if (!/%00/.test(event.url.pathname + event.url.search)) return;
	const e = new AppError('invalid_input', NUL_REFUSED);
	if (event.url.pathname.startsWith('/api/')) return apiError(e, event.locals.requestId);
	return new Response(translateMessage(event.locals.locale, NUL_REFUSED), {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** Enforce the route's declared access (deny by default). */
function guard(event: RequestEvent): Response | undefined {
	const id = event.route.id;
	if (id === null) return; // 404s render the error page
	const access = routeAccess[id];
	const locale = event.locals.locale;
	const toLogin = () => {
		const back = event.url.pathname + event.url.search;
		redirect(303, `${localizeHref('/beheer/inloggen', locale)}?terug=${encodeURIComponent(back)}`);
	};
	if (access === undefined) {
		log().error({ route: id }, 'route without declared access (src/lib/server/policy/routes.ts)');
		return new Response('Forbidden', { status: 403 });
	}
	if (access === 'public' || access === 'open') return;
	if (access === 'pending') {
		if (!event.locals.user) toLogin();
		return;
	}
	const { user, session, principal } = event.locals;
	if (!user) toLogin();
	if (session && !session.twoFactorDone) {
		redirect(
			303,
			localizeHref(
				user!.totpEnabledAt ? '/beheer/tweede-factor' : '/beheer/tweestapsverificatie-instellen',
				locale
			)
		);
	}
	if (!can(principal, requiredPermission(access, actionOf(event.request.method, event.url)))) {
		log().warn({ requestId: event.locals.requestId, route: id, userId: user?.id }, 'access denied');
		return new Response(translate(locale, 'error.forbidden.title'), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
}

/**
 * Let server.js's public-page cache keep this answer, tagged with the tables it read: a public
 * route seen by an anonymous visitor (no session cookie, no token), 200, no cookie set, not the
 * API (its anonymous rate limit must see every call), not a search.
 */
function markCacheable(event: RequestEvent, response: Response, reads: Set<string>) {
	const method = event.request.method;
	if (!config().PUBLIC_CACHE_MB || (method !== 'GET' && method !== 'HEAD')) return;
	if (response.status !== 200 || response.headers.has('set-cookie')) return;
	if (event.locals.principal.kind !== 'anonymous' || event.cookies.get(SESSION_COOKIE)) return;
	if (event.request.headers.has('authorization')) return;
	// Free text (a search) makes endless distinct pages: they would only push real pages out.
	if (event.url.pathname.startsWith('/api/') || event.url.searchParams.has('q')) return;
	if (routeAccess[event.route.id ?? ''] !== 'public') return;
	if (/private|no-store/.test(response.headers.get('cache-control') ?? '')) return;
	response.headers.set(TAGS_HEADER, [...reads].join(' '));
}

/**
 * The database is gone for a moment (PostgreSQL restarting): 503 with Retry-After instead of a
 * 500. A page keeps the error page SvelteKit rendered (handleError gave it the message); the API
 * answers in its JSON error format; an error thrown before resolve gets a short page.
 */
function unavailable(event: RequestEvent, rendered?: Response): Response {
	const { locale, requestId } = event.locals;
	const message = translateMessage(locale, unavailableMessage);
	const headers = new Headers(rendered?.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	headers.set('cache-control', 'no-store');
	if (event.url.pathname.startsWith('/api/')) {
		headers.set('content-type', 'application/json');
		headers.delete('content-length');
		const body = { error: { code: 'unavailable', message, requestId } };
		return new Response(JSON.stringify(body), { status: 503, headers });
	}
	if (rendered) return new Response(rendered.body, { status: 503, headers });
	headers.set('content-type', 'text/plain; charset=utf-8');
	return new Response(`${message}\n`, { status: 503, headers });
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	const locale = localeOfPath(event.url.pathname);
	event.locals.requestId = requestId;
	event.locals.locale = locale;
	event.locals.db = database().db;
	event.locals.principal = anonymous;

	const { scope, result } = withQueryScope(async () => {
		const run = async () => {
			const refused = refuseNul(event) ?? (await authenticate(event)) ?? guard(event);
			if (refused) return refused;
			return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
		};
		// The API's preflight, rate limit, CORS and ETags (api/public-api.ts).
		return event.url.pathname.startsWith('/api/') ? apiRequest(event, run) : run();
	});
	let response: Response;
	try {
		response = await result;
	} catch (e) {
		// Thrown before resolve (session or token check, the API's rate limit).
		if (!isDatabaseUnavailable(e)) throw e;
		log().warn(
			{ requestId, path: event.url.pathname, code: unavailableCode(e) },
			'database unavailable'
		);
		response = unavailable(event);
	}
	if (event.locals.databaseUnavailable && response.status === 500)
		response = unavailable(event, response);
	// Every "not now" (an AppError 'unavailable' too: a full disk, a lost staging) says when to retry.
	if (response.status === 503 && !response.headers.has('retry-after'))
		response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	// This process's public pages that read what the request wrote are dropped before it answers;
	// other instances hear it through PostgreSQL (db/changes.ts).
	announceChanges([...scope.writes]);
	markCacheable(event, response, scope.reads);
	for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	if (event.url.pathname.startsWith('/beheer'))
		response.headers.set('cache-control', 'private, no-store');
	response.headers.set('x-request-id', requestId);
	observeRequest(event.request.method, event.route.id, response.status, started);
	// Scrapes every few seconds would drown the log: /metrics logs at debug.
	log()[event.route.id === '/metrics' ? 'debug' : 'info'](
		{
			requestId,
			method: event.request.method,
			path: event.route.id ?? event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			queries: scope.count,
			user: event.locals.user?.id
		},
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? 'nl';
	if (isDatabaseUnavailable(error)) {
		// No stack trace for an outage: handle turns the 500 into a 503 with Retry-After.
		event.locals.databaseUnavailable = true;
		log().warn(
			{ requestId, path: event.url.pathname, code: unavailableCode(error) },
			'database unavailable'
		);
		return { message: translateMessage(locale, unavailableMessage), requestId, unavailable: true };
	}
	// A client's mistake SvelteKit itself refused (a 415 for a JSON post to a form action, a 405…)
	// is not the server's error: one line without a stack. Anything else is.
	if (status >= 500)
		log().error({ err: error, requestId, path: event.url.pathname }, 'unhandled error');
	else if (status !== 404)
		log().info(
			{ requestId, path: event.url.pathname, status, reason: (error as Error)?.message },
			'request refused'
		);
	return {
		message: translate(locale, status === 404 ? 'error.notFound.title' : 'error.generic.title'),
		requestId
	};
};
