import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { localeOfPath, translate } from '$lib/i18n';
import { database, startApp, stopApp } from '$lib/server/app';
import { withQueryScope } from '$lib/server/db/query-counter';
import { log } from '$lib/server/log';

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

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	const locale = localeOfPath(event.url.pathname);
	event.locals.requestId = requestId;
	event.locals.locale = locale;
	event.locals.db = database().db;

	const { scope, result } = withQueryScope(() =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		})
	);
	const response = await result;
	for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	response.headers.set('x-request-id', requestId);
	log().info(
		{
			requestId,
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			queries: scope.count
		},
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const requestId = event.locals.requestId ?? randomUUID();
	const locale = event.locals.locale ?? 'nl';
	if (status !== 404)
		log().error({ err: error, requestId, path: event.url.pathname }, 'unhandled error');
	return {
		message: translate(locale, status === 404 ? 'error.notFound.title' : 'error.generic.title'),
		requestId
	};
};
