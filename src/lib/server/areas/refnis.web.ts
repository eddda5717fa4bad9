/**
 * The glue between the REFNIS service and the workspace page /beheer/monitor/gebieden: the
 * upload streams through busboy (never request.formData()) and is read into memory only up to
 * the limit (a REFNIS list is small); refusals become fail() with the message and the line errors.
 */
import { Readable } from 'node:stream';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { DocumentRefused } from '../documents/documents.service';
import { MULTIPART_MARGIN, receiveUpload } from '../documents/multipart';
import { isAppError } from '../errors';
import type { Locale } from '$lib/i18n';
import { contextOf, load } from '../http';
import { translateMessage } from '../messages';
import type { UploadSource } from '../files/storage';
import { refnisMessages } from './refnis';
import {
	addAreasFromRefnis,
	areaCountsByLevel,
	REFNIS_MAX_BYTES,
	RefnisRefused
} from './refnis.service';

export type RefnisFailure = { message: string; errors: string[] };

const maxMegabytes = Math.round(REFNIS_MAX_BYTES / 1024 / 1024);

/** The bytes of an upload, kept up to just past the limit (the service refuses the overflow). */
async function readLimited(source: UploadSource, maxBytes: number): Promise<Uint8Array> {
	const stream =
		source instanceof Readable
			? source
			: source instanceof Uint8Array
				? Readable.from([source])
				: source instanceof Blob
					? Readable.from([new Uint8Array(await source.arrayBuffer())])
					: Readable.fromWeb(source as never);
	const parts: Buffer[] = [];
	let size = 0;
	// busboy cuts the file one byte past the limit; the rest of a larger stream is drained unkept.
	for await (const chunk of stream) {
		if (size > maxBytes) continue;
		const b = Buffer.from(chunk as Uint8Array);
		parts.push(b);
		size += b.length;
	}
	return Buffer.concat(parts);
}

function refused(e: unknown, locale: Locale) {
	const t = (message: string) => translateMessage(locale, message);
	if (e instanceof RefnisRefused) {
		// One line error is the message itself ("Er is niets toegevoegd: Regel 3: …"): its line
		// part is translated first, then the sentence around it.
		const message =
			e.errors.length === 1 && e.message === refnisMessages.lineErrors(e.errors)
				? refnisMessages.lineErrors([t(e.errors[0])])
				: e.message;
		return fail(400, {
			message: t(message),
			errors: e.errors.length > 1 ? e.errors.map(t) : []
		} satisfies RefnisFailure);
	}
	if (e instanceof DocumentRefused) {
		return fail(400, {
			message: t(
				e.reason === 'geen-bestand'
					? 'Kies een REFNIS-lijst (CSV, TXT of Excel). Er is niets toegevoegd.'
					: 'Het formulier kon niet gelezen worden. Probeer opnieuw; er is niets toegevoegd.'
			),
			errors: []
		} satisfies RefnisFailure);
	}
	if (isAppError(e)) error(e.status, t(e.message));
	throw e;
}

/** Upload → the areas added (or every error; nothing added). */
export async function refnisAction(event: RequestEvent) {
	const ctx = contextOf(event);
	const declared = Number(event.request.headers.get('content-length') ?? NaN);
	if (declared > REFNIS_MAX_BYTES + MULTIPART_MARGIN) {
		return fail(413, {
			message: translateMessage(event.locals.locale, refnisMessages.tooLarge(maxMegabytes)),
			errors: []
		} satisfies RefnisFailure);
	}
	try {
		const added = await receiveUpload(
			event.request,
			{ fileField: 'bestand', textFields: [], maxFileBytes: REFNIS_MAX_BYTES },
			async (_fields, upload) =>
				addAreasFromRefnis(ctx, {
					fileName: upload.name,
					bytes: await readLimited(upload.data, REFNIS_MAX_BYTES)
				})
		);
		return { added };
	} catch (e) {
		return refused(e, event.locals.locale);
	}
}

/** The page (routes.ts requires monitor:manage): how many areas the platform knows per level. */
export async function refnisPage(event: RequestEvent) {
	const ctx = contextOf(event);
	const levels = await load(areaCountsByLevel(ctx.db));
	return { levels, maxMegabytes };
}
