/**
 * Serving a stored file. The caller decides access (public purposes: anyone; documents: the
 * route that knows the meeting or body) and passes its decision in; this module only answers.
 */
import { Readable } from 'node:stream';
import type { DbOrTx } from '../db';
import { getFile, type StoredFile } from './files.service';
import { purposeRule } from './purposes';
import { log } from '../log';
import { blobExists, openBlob } from './storage';

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/webp']);

export type ServeOptions = {
	/**
	 * The caller's authorisation decision for this file. False → 404 (the file's existence is
	 * not revealed). A public decision also allows shared caches.
	 */
	allow: (file: StoredFile) => boolean | Promise<boolean>;
};

/** A public-purpose file may be read by anyone. */
export const publicPurposes: ServeOptions['allow'] = (file) =>
	purposeRule(file.purpose)?.public === true;

/**
 * The response for GET of a stored file: its sniffed type, nosniff, a sandboxing CSP,
 * Content-Disposition, ETag = content hash, and a long cache (a file row never changes).
 * The body streams from disk.
 */
export async function serveFile(
	db: DbOrTx,
	id: string,
	request: Request,
	options: ServeOptions
): Promise<Response> {
	const file = await getFile(db, id);
	if (!file || !(await options.allow(file))) {
		return new Response('Niet gevonden.', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const isPublic = purposeRule(file.purpose)?.public === true;
	const etag = `"${file.sha256}"`;
	const headers = new Headers({
		'content-type': file.mimeType,
		'x-content-type-options': 'nosniff',
		'content-security-policy': "default-src 'none'; sandbox",
		'content-disposition': contentDisposition(
			inlineTypes.has(file.mimeType) ? 'inline' : 'attachment',
			file.originalName
		),
		etag,
		// Public: content-addressed, cache for a year. Otherwise the browser keeps it privately
		// but asks again each time, so access is checked on every use (answered with 304).
		'cache-control': isPublic ? 'public, max-age=31536000, immutable' : 'private, no-cache'
	});
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	if (!(await blobExists(file.sha256))) {
		log().error({ fileId: file.id, sha256: file.sha256 }, 'file row without its blob on disk');
		return new Response('Niet gevonden.', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	headers.set('content-length', String(file.size));
	const body = Readable.toWeb(openBlob(file.sha256)) as unknown as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers });
}

/** A generated file as an attachment, never sniffed (exports, downloads). */
export function download(body: BodyInit, type: string, name: string, cache: string) {
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': contentDisposition('attachment', name),
			'x-content-type-options': 'nosniff',
			'cache-control': cache
		}
	});
}
