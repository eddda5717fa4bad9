/** Thin glue between services (AppError) and SvelteKit routes (pages and the JSON API). */
import { error, fail, json, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Locale } from '$lib/i18n';
import type { z } from 'zod';
import type { Actor, ServiceContext } from './context';
import { AppError, invalidInput, isAppError, isUuid } from './errors';
import { log } from './log';
import { translateFields, translateMessage } from './messages';
import type { Principal } from './policy';

/** The locale of the request being handled (Dutch outside a request, as in service tests). */
function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'nl';
	} catch {
		return 'nl';
	}
}

/** Await a service call in a page load; an AppError becomes the matching HTTP error page. */
export async function load<T>(promise: Promise<T>): Promise<T> {
	try {
		return await promise;
	} catch (e) {
		if (isAppError(e)) error(e.status, translateMessage(requestLocale(), e.message));
		throw e;
	}
}

/** The JSON body of an API error. */
export function apiError(e: AppError, requestId: string): Response {
	return json(
		{ error: { code: e.code, message: e.message, fields: e.fields, requestId } },
		{ status: e.status }
	);
}

/** Validation failures are logged by field name only: never the values (passwords, tokens). */
function logInvalid(e: AppError, requestId?: string) {
	log().info({ requestId, code: e.code, fields: Object.keys(e.fields ?? {}) }, 'input refused');
}

/** Parse the query string of an API request with a zod schema. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
	const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige queryparameters.');
	return parsed.data;
}

/** Wrap an API handler: AppErrors become JSON errors with the right status. */
export function api(fn: (event: RequestEvent) => Promise<unknown>) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const body = await fn(event);
			return json(body, { headers: { 'cache-control': 'public, max-age=60' } });
		} catch (e) {
			if (isAppError(e)) {
				if (e.code === 'invalid_input') logInvalid(e, event.locals.requestId);
				return apiError(e, event.locals.requestId);
			}
			throw e;
		}
	};
}

/** Ids in URLs are UUIDs: anything else is a 404, never a database error. */
export function parseId(id: string | undefined): string {
	if (!isUuid(id)) throw new AppError('not_found', 'Niet gevonden.');
	return id.toLowerCase();
}

/** The audit actor for a principal. */
export function actorOf(principal: Principal): Actor {
	switch (principal.kind) {
		case 'user':
			return { type: 'user', id: principal.userId, label: principal.email };
		case 'token':
			return { type: 'token', id: principal.tokenId };
		case 'system':
			return { type: 'system' };
		default:
			return { type: 'system', label: 'anoniem' };
	}
}

/** The service context of a request. */
export function contextOf(event: RequestEvent): ServiceContext {
	const { db, requestId, locale, principal } = event.locals;
	return { db, requestId, locale, principal, actor: actorOf(principal) };
}

/**
 * Form data as a plain object (repeated names become arrays). Files are left out. NUL characters
 * are dropped: no browser sends one from a form field, and PostgreSQL text cannot hold one (the
 * insert would fail as a 500 instead of the field's own message).
 */
export async function formValues(request: Request): Promise<Record<string, unknown>> {
	const data = await request.formData();
	const out: Record<string, unknown> = {};
	for (const key of new Set(data.keys())) {
		const values = data
			.getAll(key)
			.filter((v): v is string => typeof v === 'string')
			.map((v) => v.replaceAll('\0', ''));
		out[key] = values.length > 1 ? values : values[0];
	}
	return out;
}

export type FormFailure = {
	message: string;
	fields: Record<string, string[]>;
	values: Record<string, unknown>;
};

/**
 * Run a form action's service call: invalid input → fail(400) with field messages and the values
 * (minus secrets) to fill the form again; not found / forbidden → the error page.
 */
export async function formAction<T>(
	values: Record<string, unknown>,
	fn: () => Promise<T>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await fn();
	} catch (e) {
		if (isAppError(e) && ['invalid_input', 'conflict', 'rate_limited'].includes(e.code)) {
			logInvalid(e);
			const safe = Object.fromEntries(
				Object.entries(values).filter(([k]) => !/password|confirm|code|token/i.test(k))
			);
			const locale = requestLocale();
			return fail(e.status, {
				message: translateMessage(locale, e.message),
				fields: translateFields(locale, e.fields ?? {}),
				values: safe
			});
		}
		if (isAppError(e)) error(e.status, translateMessage(requestLocale(), e.message));
		throw e;
	}
}
