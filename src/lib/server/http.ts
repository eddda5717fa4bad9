/** Thin glue between services (AppError) and SvelteKit routes (pages and the JSON API). */
import { error, json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, invalidInput, isAppError } from './errors';

/** Await a service call in a page load; an AppError becomes the matching HTTP error page. */
export async function load<T>(promise: Promise<T>): Promise<T> {
	try {
		return await promise;
	} catch (e) {
		if (isAppError(e)) error(e.status, e.message);
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
			if (isAppError(e)) return apiError(e, event.locals.requestId);
			throw e;
		}
	};
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids in URLs are UUIDs: anything else is a 404, never a database error. */
export function parseId(id: string | undefined): string {
	if (!id || !uuid.test(id)) throw new AppError('not_found', 'Niet gevonden.');
	return id.toLowerCase();
}
