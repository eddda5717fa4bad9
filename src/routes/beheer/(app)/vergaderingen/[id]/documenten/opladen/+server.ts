/**
 * Streaming upload of a meeting document (POST multipart/form-data: title, agendaItemId,
 * documentId, note, then file). Beside the documents page rather than in it: a browser's form
 * post asks for text/html, which SvelteKit would route to the page instead of an endpoint.
 *
 * HTML forms get a 303 back to the documents page (?opgeladen, or ?fout=<code> mapped to a fixed
 * message there); clients asking for JSON get 201 or {error:{code,message,fields}}, the
 * messages in the locale of the request.
 * SvelteKit's CSRF check (Origin must match for multipart posts) runs before this handler.
 */
import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref, translate, type Locale } from '$lib/i18n';
import { contextOf, parseId } from '$lib/server/http';
import { isAppError } from '$lib/server/errors';
import { documentLimits } from '$lib/server/documents/documents.queries';
import {
	DocumentRefused,
	refusalMessage,
	uploadDocument
} from '$lib/server/documents/documents.service';
import { MULTIPART_MARGIN, receiveUpload } from '$lib/server/documents/multipart';
import { log } from '$lib/server/log';
import { translateFields, translateMessage } from '$lib/server/messages';
import type { RequestHandler } from './$types';

const textFields = ['title', 'agendaItemId', 'documentId', 'note'] as const;

const wantsJson = (request: Request) =>
	/application\/json/i.test(request.headers.get('accept') ?? '') &&
	!/text\/html/i.test(request.headers.get('accept') ?? '');

/** A refusal page for browsers posting a body that is too large before it is read. */
function tooLargePage(back: string, locale: Locale): Response {
	const message = translateMessage(locale, refusalMessage('te-groot'));
	const title = translate(locale, 'ws.meetings.doc.tooLarge');
	const backText = translate(locale, 'ws.meetings.doc.backToDocuments');
	return new Response(
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="${back}">${backText}</a></p></main></body></html>`,
		{
			status: 413,
			headers: { 'content-type': 'text/html; charset=utf-8', connection: 'close' }
		}
	);
}

export const POST: RequestHandler = async (event: RequestEvent<{ id: string }>) => {
	const { request, locals } = event;
	let id: string;
	try {
		id = parseId(event.params.id);
	} catch {
		error(404, translateMessage(locals.locale, 'Vergadering niet gevonden.'));
	}
	const page = localizeHref(`/beheer/vergaderingen/${id}/documenten`, locals.locale);
	const asJson = wantsJson(request);
	const { maxBytes } = documentLimits();

	// Refuse an announced oversize body before reading a byte of it.
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes + MULTIPART_MARGIN) {
		log().info({ requestId: locals.requestId, declared }, 'document upload too large');
		if (asJson) {
			return json(
				{
					error: {
						code: 'te-groot',
						message: translateMessage(locals.locale, refusalMessage('te-groot'))
					}
				},
				{ status: 413, headers: { connection: 'close' } }
			);
		}
		return tooLargePage(page, locals.locale);
	}

	const ctx = contextOf(event);
	let result;
	try {
		result = await receiveUpload(
			request,
			{ fileField: 'file', textFields, maxFileBytes: maxBytes },
			(fields, upload) => uploadDocument(ctx, id, fields, upload)
		);
	} catch (e) {
		if (e instanceof DocumentRefused) {
			log().info(
				{ requestId: locals.requestId, reason: e.reason, fields: Object.keys(e.fields ?? {}) },
				'document upload refused'
			);
			// The rest of the body (if any) is not read: close the connection after answering.
			const headers = { connection: 'close' };
			if (asJson) {
				return json(
					{
						error: {
							code: e.reason,
							message: translateMessage(locals.locale, e.message),
							fields: e.fields && translateFields(locals.locale, e.fields)
						}
					},
					{ status: e.reason === 'te-groot' ? 413 : 400, headers }
				);
			}
			return new Response(null, {
				status: 303,
				headers: { ...headers, location: `${page}?fout=${e.reason}` }
			});
		}
		if (isAppError(e)) {
			// The rest of the body is read and dropped (busboy resumes it; the route already
			// checked its declared size): closing now would reset the connection under the
			// client's answer (a full or read-only disk answers before the body has arrived).
			if (asJson) {
				return json(
					{ error: { code: e.code, message: translateMessage(locals.locale, e.message) } },
					{ status: e.status }
				);
			}
			error(e.status, translateMessage(locals.locale, e.message));
		}
		throw e;
	}
	if (asJson) {
		return json(
			{ ...result, href: localizeHref(`/documenten/${result.documentId}`, locals.locale) },
			{ status: 201 }
		);
	}
	redirect(303, `${page}?opgeladen`);
};

/** The form lives on the documents page. */
export const GET: RequestHandler = ({ params, locals }) =>
	redirect(303, localizeHref(`/beheer/vergaderingen/${params.id}/documenten`, locals.locale));
