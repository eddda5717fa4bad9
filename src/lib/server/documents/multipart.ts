/**
 * A streaming multipart upload: busboy reads the request body as it arrives and hands the one
 * file part, as a stream, to the service — the body is never buffered (not request.formData()).
 * Text fields must come before the file part (browsers send them in the form's order, and the
 * upload forms put the file last); fields after it are ignored.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { DocumentRefused } from './documents.service';
import type { Upload } from '../files/files.service';

/** Room for the multipart boundaries and the other fields, on top of the file limit. */
export const MULTIPART_MARGIN = 64 * 1024;

/**
 * Parse `request` and call `onFile(fields, upload)` for the first file part named `fileField`.
 * Resolves with its result; refuses with DocumentRefused('geen-bestand') when no file was chosen
 * and DocumentRefused('formulier') when the body is not a readable multipart form.
 */
export function receiveUpload<T>(
	request: Request,
	options: { fileField: string; textFields: readonly string[]; maxFileBytes: number },
	onFile: (fields: Record<string, string>, upload: Upload) => Promise<T>
): Promise<T> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
		return Promise.reject(new DocumentRefused('formulier'));
	}
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			limits: {
				files: 1,
				// One byte over the limit, so the service sees the overflow and refuses it.
				fileSize: options.maxFileBytes + 1,
				fields: options.textFields.length + 4,
				fieldSize: 8 * 1024,
				parts: options.textFields.length + 6
			}
		});
	} catch {
		return Promise.reject(new DocumentRefused('formulier'));
	}
	return new Promise<T>((resolve, reject) => {
		const fields: Record<string, string> = {};
		let started = false;
		parser.on('field', (name, value) => {
			// NUL can be in no database text (formValues drops it from ordinary forms too).
			if (!started && options.textFields.includes(name) && !(name in fields))
				fields[name] = value.replaceAll('\u0000', '');
		});
		parser.on('file', (name, stream, info) => {
			// An empty file input still sends a part, with no name and no bytes.
			if (started || name !== options.fileField || !info.filename) {
				stream.resume();
				return;
			}
			started = true;
			onFile({ ...fields }, { name: info.filename, data: stream }).then(resolve, (e) => {
				stream.resume();
				// A refused file is answered at once (the route closes the connection). Any other
				// failure (a full or read-only disk) waits for the rest of the body, whose size the
				// route checked: answering earlier would let the connection reset under the answer.
				if (e instanceof DocumentRefused || body.readableEnded) return reject(e);
				body.unpipe(parser);
				body.once('end', () => reject(e));
				body.resume();
			});
		});
		parser.on('close', () => {
			if (!started) reject(new DocumentRefused('geen-bestand'));
		});
		parser.on('error', () => reject(new DocumentRefused('formulier')));
		const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
		// A broken-off upload ends the file stream with an error too, so the service stops waiting.
		body.on('error', () => {
			parser.destroy(new Error('upload broken off'));
			reject(new DocumentRefused('formulier'));
		});
		body.pipe(parser);
	});
}
