/**
 * Download of a meeting document (?versie=N for an older version). Public documents for anyone;
 * others only for members of the body — everyone else gets 404, so a closed document does not
 * reveal that it exists. The type is the one sniffed at upload, never the uploaded one.
 */
import { documentFile } from '$lib/server/documents/documents.queries';
import { contentDisposition, serveFile } from '$lib/server/files/serve';
import type { RequestHandler } from './$types';

const notFound = () =>
	new Response('Niet gevonden.', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

/** Shown in the browser: PDF and images; everything else is saved. */
const inline = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const versie = url.searchParams.get('versie');
	if (versie !== null && !/^[1-9]\d{0,5}$/.test(versie)) return notFound();
	const found = await documentFile(
		locals.db,
		locals.principal,
		params.id,
		versie === null ? undefined : Number(versie)
	);
	if (!found) return notFound();
	const response = await serveFile(locals.db, found.fileId, request, { allow: () => true });
	if (response.status === 404) return notFound();
	const h = response.headers;
	h.set(
		'content-disposition',
		contentDisposition(inline.has(found.mimeType) ? 'inline' : 'attachment', found.name)
	);
	h.set('x-content-type-options', 'nosniff');
	// Access is checked on every use: caches keep a copy but must ask again (answered with 304).
	h.set('cache-control', found.isPublic ? 'public, no-cache' : 'private, no-cache');
	if (!found.isPublic) h.set('vary', 'cookie');
	// Browsers' PDF viewers refuse to run in a sandboxed document (or with object-src 'none'); the
	// content was sniffed as a PDF and nosniff stops any other reading of it.
	if (found.mimeType === 'application/pdf') h.delete('content-security-policy');
	return response;
};
