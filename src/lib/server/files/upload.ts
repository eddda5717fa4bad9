/**
 * Multipart form posts with a size limit. adapter-node runs with BODY_SIZE_LIMIT=Infinity, so
 * each upload route sets its own: the body is counted while it streams in and refused (with a
 * Dutch message, before it is parsed) as soon as it passes the limit.
 */
import { AppError } from '../errors';
import { formatBytes, purposeRule, type FilePurpose } from './purposes';
import { tooLargeMessage } from './files.service';

/** Room for the multipart boundaries and the form's other fields. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * The form data of a request whose file field is for `purpose` (with up to `maxFiles` files of
 * the purpose's size each); too large → invalid_input. Each file's own limit is the service's.
 */
export async function uploadForm(
	request: Request,
	purpose: FilePurpose,
	field: string,
	maxFiles = 1
): Promise<FormData> {
	const rule = purposeRule(purpose)!;
	const limit = rule.maxBytes * maxFiles + FORM_OVERHEAD;
	const message =
		maxFiles > 1
			? `De bestanden zijn samen te groot: hoogstens ${maxFiles} bestanden van elk ${formatBytes(rule.maxBytes)}.`
			: tooLargeMessage(rule);
	const tooLarge = () => new AppError('invalid_input', message, { [field]: [message] });
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > limit) throw tooLarge();
	const chunks: Uint8Array[] = [];
	let size = 0;
	if (request.body) {
		const reader = request.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) {
				await reader.cancel();
				throw tooLarge();
			}
			chunks.push(value);
		}
	}
	try {
		return await new Response(new Blob(chunks as BlobPart[]), {
			headers: { 'content-type': request.headers.get('content-type') ?? '' }
		}).formData();
	} catch {
		const message = 'Het formulier kon niet gelezen worden. Kies het bestand opnieuw.';
		throw new AppError('invalid_input', message, { [field]: [message] });
	}
}

/** The uploaded file of a form field, or a Dutch refusal when none was chosen. */
export function uploadedFile(form: FormData, field: string, what: string): File {
	const file = form.get(field);
	if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
		const message = `Kies ${what}.`;
		throw new AppError('invalid_input', message, { [field]: [message] });
	}
	return file;
}
