/**
 * The blob store on disk: DATA_DIR/files/ab/cd/<sha256>, by content hash, never by the uploaded
 * name. An upload streams into DATA_DIR/files/.tmp/ (the same file system, so the final rename
 * is atomic) while it is hashed and counted; only a complete, accepted upload is renamed into
 * place. The same content uploaded twice is one blob.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileTypeFromFile } from 'file-type';
import { config } from '../config';
import { AppError } from '../errors';

/** What an upload can come from: a File/Blob of a form, a web or Node stream, or bytes. */
export type UploadSource = Blob | ReadableStream<Uint8Array> | Readable | Uint8Array;

export const filesDir = () => path.join(config().dataDir, 'files');
const tmpDir = () => path.join(filesDir(), '.tmp');

const SHA256 = /^[0-9a-f]{64}$/;

/** DATA_DIR/files/ab/cd/abcd… */
export function blobPath(sha256: string): string {
	if (!SHA256.test(sha256)) throw new Error('not a sha256 hash');
	return path.join(filesDir(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export class TooLargeError extends Error {
	constructor(readonly maxBytes: number) {
		super('upload exceeds its limit');
	}
}

function toNodeStream(source: UploadSource): Readable {
	if (source instanceof Readable) return source;
	if (source instanceof Uint8Array) return Readable.from([source]);
	if (source instanceof Blob) {
		return Readable.fromWeb(source.stream() as unknown as WebReadableStream<Uint8Array>);
	}
	return Readable.fromWeb(source as unknown as WebReadableStream<Uint8Array>);
}

export type StagedBlob = { tmpPath: string; sha256: string; size: number };

/** The disk under DATA_DIR/files is full, read-only or not ours: the upload cannot be kept. */
const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

export const storageFullMessage =
	'Het bestand kon niet bewaard worden: de opslag van het platform is vol of niet beschrijfbaar. Er is niets opgeslagen. Probeer het later opnieuw of verwittig de beheerders.';

/** A disk error of the store as AppError('unavailable') with a message; others unchanged. */
export function storageError(e: unknown): unknown {
	const code = (e as NodeJS.ErrnoException | undefined)?.code;
	return code && STORAGE_CODES.has(code)
		? new AppError('unavailable', storageFullMessage, { file: [storageFullMessage] })
		: e;
}

/**
 * Stream a source into a new temp file, hashing and counting as it goes; more than maxBytes
 * stops the stream with TooLargeError. On any failure the temp file is removed.
 */
export async function stageBlob(source: UploadSource, maxBytes: number): Promise<StagedBlob> {
	if (source instanceof Blob && source.size > maxBytes) throw new TooLargeError(maxBytes);
	await fs.mkdir(tmpDir(), { recursive: true }).catch((e: unknown) => {
		throw storageError(e);
	});
	const tmpPath = path.join(tmpDir(), randomUUID());
	const hash = createHash('sha256');
	let size = 0;
	const meter = new Transform({
		transform(chunk: Buffer, _enc, done) {
			size += chunk.length;
			if (size > maxBytes) return done(new TooLargeError(maxBytes));
			hash.update(chunk);
			done(null, chunk);
		}
	});
	const out = createWriteStream(tmpPath, { flags: 'wx' });
	try {
		await pipeline(toNodeStream(source), meter, out);
	} catch (e) {
		// A stream stopped early may still be opening its file: remove it only once it is closed,
		// or the file appears after the removal and stays behind.
		if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
		await fs.rm(tmpPath, { force: true });
		throw storageError(e);
	}
	return { tmpPath, sha256: hash.digest('hex'), size };
}

/** The type by magic bytes (file-type reads only what it needs from the start of the file). */
export async function sniffType(filePath: string): Promise<string | undefined> {
	const found = (await fileTypeFromFile(filePath))?.mime;
	if (found && found !== 'application/xml') return found;
	// file-type does not tell SVG from other XML or text; SVG deserves a clear refusal of its own.
	const handle = await fs.open(filePath, 'r');
	try {
		const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
		const head = buffer.subarray(0, bytesRead).toString('utf8').toLowerCase();
		return /<svg[\s>]/.test(head) ? 'image/svg+xml' : found;
	} finally {
		await handle.close();
	}
}

/**
 * Move a staged blob to its content address. Already there (same content) → the temp file is
 * dropped and the existing blob kept. Returns whether a new blob was written.
 */
export async function placeBlob(staged: StagedBlob): Promise<boolean> {
	const target = blobPath(staged.sha256);
	try {
		await fs.mkdir(path.dirname(target), { recursive: true });
	} catch (e) {
		throw storageError(e);
	}
	try {
		await fs.access(target);
		await fs.rm(staged.tmpPath, { force: true });
		return false;
	} catch {
		await fs.rename(staged.tmpPath, target).catch((e: unknown) => {
			throw storageError(e);
		});
		return true;
	}
}

export async function discardStaged(staged: StagedBlob | undefined): Promise<void> {
	if (staged) await fs.rm(staged.tmpPath, { force: true });
}

export async function blobExists(sha256: string): Promise<boolean> {
	return fs.access(blobPath(sha256)).then(
		() => true,
		() => false
	);
}

/** A stream of a stored blob, for responses. */
export function openBlob(sha256: string): Readable {
	return createReadStream(blobPath(sha256));
}
