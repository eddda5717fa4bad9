/**
 * Streaming upload of an observations file (POST multipart/form-data: indicator, then bestand):
 * busboy hands the file part as a stream to the import service, which reads, validates and
 * stages it as it arrives (never the whole file in memory). A browser gets a 303 to the preview,
 * or back to the import page with the refusal (?fout=…). Beside the page, like the documents
 * upload: a browser's form post asks for text/html, which SvelteKit would give to the page.
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n';
import { config } from '$lib/server/config';
import { DocumentRefused } from '$lib/server/documents/documents.service';
import { MULTIPART_MARGIN, receiveUpload } from '$lib/server/documents/multipart';
import { isAppError } from '$lib/server/errors';
import { contextOf } from '$lib/server/http';
import { log } from '$lib/server/log';
import { translateMessage } from '$lib/server/messages';
import { importMessages, stageImport } from '$lib/server/monitor/import/import.service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event: RequestEvent) => {
	const { request, locals } = event;
	const page = localizeHref('/beheer/monitor/import', locals.locale);
	const maxMb = config().MONITOR_IMPORT_MAX_MB;
	const maxBytes = maxMb * 1024 * 1024;
	const back = (message: string) =>
		new Response(null, {
			status: 303,
			headers: {
				connection: 'close',
				location: `${page}?fout=${encodeURIComponent(translateMessage(locals.locale, message))}`
			}
		});
	// Refuse an announced oversize body before reading a byte of it.
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes + MULTIPART_MARGIN) return back(importMessages.tooLarge(maxMb));
	const ctx = contextOf(event);
	let staged;
	try {
		staged = await receiveUpload(
			request,
			{ fileField: 'bestand', textFields: ['indicator'], maxFileBytes: maxBytes },
			(fields, upload) =>
				stageImport(ctx, {
					fileName: upload.name,
					source: upload.data as AsyncIterable<Uint8Array>,
					indicatorCode: fields.indicator || undefined,
					maxBytes
				})
		);
	} catch (e) {
		if (e instanceof DocumentRefused || isAppError(e)) {
			log().info({ requestId: locals.requestId }, 'observation import refused');
			if (isAppError(e) && (e.code === 'forbidden' || e.code === 'unauthenticated'))
				error(e.status, translateMessage(locals.locale, e.message));
			return back(e.message);
		}
		throw e;
	}
	redirect(303, localizeHref(`/beheer/monitor/import/${staged.importId}`, locals.locale));
};

/** The form lives on the import page. */
export const GET: RequestHandler = ({ locals }) =>
	redirect(303, localizeHref('/beheer/monitor/import', locals.locale));
