/** Tiny files of each kind, for upload tests (valid enough for browsers and for file-type). */
const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
const text = (s: string) => new TextEncoder().encode(s);

export const images = {
	/** A 1×1 PNG. */
	png: b64(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
	),
	/** A 1×1 JPEG. */
	jpeg: b64(
		'/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='
	),
	/** A 1×1 lossless WebP. */
	webp: b64('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=='),
	/** A 1×1 GIF. */
	gif: b64('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'),
	svg: text(
		'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>'
	),
	text: text('Dit is gewoon tekst, geen afbeelding.\n'),
	pdf: text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
};
