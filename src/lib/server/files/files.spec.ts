import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { auditEvents, files } from '../db/schema';
import { storeFile } from './files.service';
import { contentDisposition, publicPurposes, serveFile } from './serve';
import { blobPath, filesDir, storageError, storageFullMessage } from './storage';
import { images } from '../../../../tests/helpers/images';
import { rejection } from '../../../../tests/helpers/errors';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-files-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();

/** Every blob on disk (not the temp folder). */
function blobs(): string[] {
	const root = filesDir();
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes(`${path.sep}.tmp`))
		.map((e) => path.join(e.parentPath, e.name));
}
const tmpFiles = () => {
	const tmp = path.join(filesDir(), '.tmp');
	return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
};
async function rowCount() {
	const [f] = await t.db.select({ n: count() }).from(files);
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return { files: f.n, audit: a.n };
}

beforeEach(async () => {
	await t.db.delete(files);
	fs.rmSync(filesDir(), { recursive: true, force: true });
});

describe('storeFile', () => {
	it.each([
		['PNG', images.png, 'image/png'],
		['JPEG', images.jpeg, 'image/jpeg'],
		['WebP', images.webp, 'image/webp']
	])('accepts a %s logo, typed by its content, stored under its hash', async (_, bytes, mime) => {
		const before = await rowCount();
		const file = await storeFile(t.ctx(), 'logo', { name: 'logo.bin', data: bytes }, 'logo');
		expect(file).toMatchObject({ mimeType: mime, size: bytes.length, originalName: 'logo.bin' });
		expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
		const stored = blobPath(file.sha256);
		expect(stored).toBe(
			path.join(dataDir, 'files', file.sha256.slice(0, 2), file.sha256.slice(2, 4), file.sha256)
		);
		expect(fs.readFileSync(stored)).toEqual(Buffer.from(bytes));
		expect(blobs()).toEqual([stored]);
		expect(tmpFiles()).toEqual([]);
		expect(await rowCount()).toEqual({ files: before.files + 1, audit: before.audit + 1 });
	});

	it('takes a File from a form and a web stream as well', async () => {
		const file = new File([images.png], 'Mijn logo.png', { type: 'text/plain' });
		const fromFile = await storeFile(t.ctx(), 'logo', { name: file.name, data: file });
		expect(fromFile.mimeType).toBe('image/png');
		const fromStream = await storeFile(t.ctx(), 'logo', {
			name: 'x.png',
			data: new Blob([images.png]).stream()
		});
		expect(fromStream.sha256).toBe(fromFile.sha256);
	});

	it('keeps the same content once: one blob, two rows', async () => {
		const a = await storeFile(t.ctx(), 'logo', { name: 'a.png', data: images.png });
		const b = await storeFile(t.ctx(), 'logo', { name: 'b.png', data: images.png });
		expect(a.id).not.toBe(b.id);
		expect(a.sha256).toBe(b.sha256);
		expect(blobs()).toHaveLength(1);
		expect((await rowCount()).files).toBe(2);
	});

	it.each([
		['an SVG', 'logo.svg', images.svg, 'Dit bestand is een SVG-bestand.'],
		['an SVG renamed .png', 'logo.png', images.svg, 'Dit bestand is een SVG-bestand.'],
		['a text file named logo.png', 'logo.png', images.text, 'geen bekend bestandstype'],
		['a GIF', 'logo.gif', images.gif, 'Dit bestand is een GIF-bestand.'],
		['a PDF', 'logo.png', images.pdf, 'Dit bestand is een PDF-bestand.']
	])('refuses %s as a logo, naming the type, and writes nothing', async (_, name, bytes, text) => {
		const before = await rowCount();
		const e = await rejection(storeFile(t.ctx(), 'logo', { name, data: bytes }, 'logo'));
		expect(e.code).toBe('invalid_input');
		expect(e.message).toContain(text);
		expect(e.message).toContain('Voor een logo zijn alleen PNG, JPEG of WebP toegestaan.');
		expect(e.fields?.logo).toEqual([e.message]);
		expect(await rowCount()).toEqual(before);
		expect(blobs()).toEqual([]);
		expect(tmpFiles()).toEqual([]);
	});

	it('refuses a PNG over 2 MB while streaming, and writes nothing', async () => {
		const big = new Uint8Array(2 * 1024 * 1024 + 1);
		big.set(images.png);
		const before = await rowCount();
		for (const data of [
			big,
			Readable.from([big.subarray(0, 1_000_000), big.subarray(1_000_000)])
		]) {
			const e = await rejection(storeFile(t.ctx(), 'logo', { name: 'groot.png', data }));
			expect(e.message).toBe('Het bestand is groter dan 2 MB, de grens voor een logo.');
		}
		expect(await rowCount()).toEqual(before);
		expect(blobs()).toEqual([]);
		expect(tmpFiles()).toEqual([]);
	});

	it('refuses an empty file', async () => {
		const e = await rejection(
			storeFile(t.ctx(), 'logo', { name: 'leeg.png', data: new Uint8Array() })
		);
		expect(e.message).toBe('Het bestand is leeg.');
	});

	it('leaves nothing when the upload breaks off halfway', async () => {
		const before = await rowCount();
		const broken = new Readable({
			read() {
				this.push(images.png);
				this.destroy(new Error('connection reset'));
			}
		});
		await expect(storeFile(t.ctx(), 'logo', { name: 'x.png', data: broken })).rejects.toThrow(
			'connection reset'
		);
		expect(await rowCount()).toEqual(before);
		expect(blobs()).toEqual([]);
		expect(tmpFiles()).toEqual([]);
	});

	it.each(['ENOSPC', 'EROFS', 'EDQUOT'])(
		'answers a disk error (%s) with a message, not a crash, and leaves nothing',
		async (code) => {
			// The write fails as the disk does when it is full or read-only (tests/ops/faults.ts
			// does it on a real tmpfs).
			const before = await rowCount();
			const full = new Readable({
				read() {
					this.push(images.png);
					this.destroy(Object.assign(new Error(`${code}: disk`), { code }));
				}
			});
			const e = await rejection(storeFile(t.ctx(), 'logo', { name: 'x.png', data: full }));
			expect(e.code).toBe('unavailable');
			expect(e.status).toBe(503);
			expect(e.message).toBe(storageFullMessage);
			expect(e.fields?.file).toEqual([storageFullMessage]);
			expect(await rowCount()).toEqual(before);
			expect(blobs()).toEqual([]);
			expect(tmpFiles()).toEqual([]);
		}
	);

	it('passes other errors through unchanged', () => {
		const other = Object.assign(new Error('gone'), { code: 'ENOENT' });
		expect(storageError(other)).toBe(other);
	});

	it('accepts a PDF as a document, not as a logo', async () => {
		const doc = await storeFile(t.ctx(), 'document', { name: 'verslag.pdf', data: images.pdf });
		expect(doc.mimeType).toBe('application/pdf');
	});

	it('keeps only the base name of the upload, for display', async () => {
		const file = await storeFile(t.ctx(), 'logo', {
			name: '../../etc/lo\u0000go.png',
			data: images.png
		});
		expect(file.originalName).toBe('logo.png');
		expect(blobs()[0]).not.toContain('logo');
	});
});

describe('serveFile', () => {
	const get = (headers: Record<string, string> = {}) =>
		new Request('http://localhost/bestanden/x', { headers });

	it('serves a public file with its sniffed type, nosniff, ETag and a long cache', async () => {
		const file = await storeFile(t.ctx(), 'logo', { name: 'Logo régio.png', data: images.png });
		const res = await serveFile(t.db, file.id, get(), { allow: publicPurposes });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('etag')).toBe(`"${file.sha256}"`);
		expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(res.headers.get('content-disposition')).toBe(
			`inline; filename="Logo r_gio.png"; filename*=UTF-8''Logo%20r%C3%A9gio.png`
		);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(images.png);

		const again = await serveFile(t.db, file.id, get({ 'if-none-match': `"${file.sha256}"` }), {
			allow: publicPurposes
		});
		expect(again.status).toBe(304);
	});

	it('answers 404 when the caller does not allow it, or it does not exist', async () => {
		const doc = await storeFile(t.ctx(), 'document', { name: 'notulen.pdf', data: images.pdf });
		expect((await serveFile(t.db, doc.id, get(), { allow: publicPurposes })).status).toBe(404);
		const missing = '00000000-0000-4000-8000-000000000000';
		expect((await serveFile(t.db, missing, get(), { allow: () => true })).status).toBe(404);
		const allowed = await serveFile(t.db, doc.id, get(), { allow: () => true });
		expect(allowed.headers.get('content-disposition')).toMatch(/^attachment; /);
		expect(allowed.headers.get('cache-control')).toBe('private, no-cache');
		await allowed.body?.cancel();
	});

	it('answers 404 when the blob is gone from disk', async () => {
		const file = await storeFile(t.ctx(), 'logo', { name: 'l.png', data: images.png });
		fs.rmSync(blobPath(file.sha256));
		expect((await serveFile(t.db, file.id, get(), { allow: publicPurposes })).status).toBe(404);
	});

	it('encodes names per RFC 5987', () => {
		expect(contentDisposition('attachment', 'a "b" (c)*.pdf')).toBe(
			`attachment; filename="a _b_ (c)*.pdf"; filename*=UTF-8''a%20%22b%22%20%28c%29%2A.pdf`
		);
	});
});
