/**
 * The glue between the exchange service and its routes (the platform-wide pages and the per-body
 * pages share it, so each route file stays one line per handler).
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { today } from '../clock';
import { getRequestEvent } from '$app/server';
import type { Locale } from '$lib/i18n';
import { isAppError, type AppError } from '../errors';
import { contextOf, load } from '../http';
import { translateMessage } from '../messages';
import { exchangeColumns, type RowError, type SourceRow } from './columns';
import { toCsv } from './csv';
import {
	applyImport,
	exchangeTarget,
	exportMemberships,
	ImportRefused,
	previewImport
} from './exchange.service';
import { maxImportBytes, parseExchangeFile } from './parse';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx';

const types: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** A download of the export: an attachment, never rendered by the browser. */
export async function exportResponse(
	event: RequestEvent,
	format: ExportFormat,
	bodySlug?: string
): Promise<Response> {
	const rows = await load(exportMemberships(contextOf(event), { bodySlug }));
	const body = format === 'csv' ? toCsv(rows) : new Uint8Array(await toXlsx(rows));
	const name = `leden-${bodySlug ?? 'platform'}-${today()}.${format}`;
	return new Response(body, {
		headers: {
			'content-type': types[format],
			'content-disposition': `attachment; filename="${name}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
}

/** Room for the multipart boundaries, the other fields, and the JSON rows of a confirmation. */
const FORM_LIMIT = maxImportBytes * 3;
const tooLarge = 'Het bestand is te groot: hoogstens 5 MB.';

/**
 * Read a form post counting its bytes as they stream in (adapter-node runs with
 * BODY_SIZE_LIMIT=Infinity, so the limit is ours); null when it passes the limit.
 */
export async function limitedForm(request: Request, limit: number): Promise<FormData | null> {
	if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
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
				return null;
			}
			chunks.push(value);
		}
	}
	try {
		return await new Response(new Blob(chunks as BlobPart[]), {
			headers: { 'content-type': request.headers.get('content-type') ?? '' }
		}).formData();
	} catch {
		return new FormData();
	}
}

export type ImportFailure = { message: string; errors: RowError[] };

/** The locale of the request being handled (Dutch outside a request, as in the service tests). */
function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'nl';
	} catch {
		return 'nl';
	}
}

/** A refusal in the language of the request: the message and every row error (Dutch in the code). */
function refuse(status: number, message: string, errors: RowError[] = []) {
	const locale = requestLocale();
	return fail(status, {
		message: translateMessage(locale, message),
		errors: errors.map((e) => ({ line: e.line, message: translateMessage(locale, e.message) }))
	} satisfies ImportFailure);
}

/** A service error that ends the request: the error page, in the language of the request. */
function stop(e: AppError): never {
	error(e.status, translateMessage(requestLocale(), e.message));
}

/** Rows travel from the preview to the confirmation as compact JSON: [line, ...values]. */
const rowsField = z
	.string()
	.transform((s, ctx) => {
		try {
			return JSON.parse(s) as unknown;
		} catch {
			ctx.addIssue({ code: 'custom', message: 'bad json' });
			return z.NEVER;
		}
	})
	.pipe(
		z
			.array(
				z
					.tuple([z.number().int().positive()])
					.rest(z.string().max(10_000))
					.refine((r) => r.length === exchangeColumns.length + 1)
			)
			.max(200_000)
	);

const encodeRows = (rows: SourceRow[]) =>
	JSON.stringify(rows.map((r) => [r.line, ...exchangeColumns.map((c) => r.values[c])]));

/** Upload → parse → preview. Writes nothing; the page shows the changes or every bad row. */
export async function previewAction(event: RequestEvent, bodySlug?: string) {
	const ctx = contextOf(event);
	const form = await limitedForm(event.request, maxImportBytes + 64 * 1024);
	if (!form) return refuse(413, tooLarge);
	const file = form.get('bestand');
	if (!(file instanceof File) || file.size === 0)
		return refuse(400, 'Kies een CSV- of XLSX-bestand.');
	if (file.size > maxImportBytes) return refuse(413, tooLarge);
	const keepIds = !bodySlug && form.get('idsOvernemen') === 'on';
	const parsed = await parseExchangeFile(new Uint8Array(await file.arrayBuffer()));
	if (parsed.errors.length) {
		return refuse(
			400,
			'Het bestand kan niet gelezen worden; er is niets geïmporteerd.',
			parsed.errors
		);
	}
	try {
		const preview = await previewImport(ctx, parsed.rows, { bodySlug, keepIds });
		if (preview.errors.length) {
			const n = preview.errors.length;
			return refuse(
				400,
				`Er is niets geïmporteerd: ${n} ${n === 1 ? 'fout' : 'fouten'} in het bestand.`,
				preview.errors
			);
		}
		return { preview, fileName: file.name, rows: encodeRows(parsed.rows), keepIds };
	} catch (e) {
		if (isAppError(e)) stop(e);
		throw e;
	}
}

/** The confirmation: validate the same rows again and import them all, or nothing. */
export async function importAction(event: RequestEvent, bodySlug?: string) {
	const form = await limitedForm(event.request, FORM_LIMIT);
	if (!form) return refuse(413, tooLarge);
	const parsed = rowsField.safeParse(form.get('rijen'));
	if (!parsed.success)
		return refuse(400, 'De bevestiging is onvolledig. Laad het bestand opnieuw op.');
	const rows: SourceRow[] = parsed.data.map(([line, ...cells]) => ({
		line,
		values: Object.fromEntries(
			exchangeColumns.map((c, i) => [c, cells[i] ?? ''])
		) as SourceRow['values']
	}));
	const keepIds = !bodySlug && form.get('idsOvernemen') === 'on';
	try {
		const summary = await applyImport(contextOf(event), rows, { bodySlug, keepIds });
		return { imported: summary };
	} catch (e) {
		if (e instanceof ImportRefused) return refuse(400, e.message, e.errors);
		if (isAppError(e)) stop(e);
		throw e;
	}
}

/** The page: which body (if any) and the crumbs; refuses who may not import or export here. */
export async function exchangePage(event: RequestEvent, bodySlug?: string) {
	const target = await load(exchangeTarget(contextOf(event), bodySlug));
	return { target, maxMegabytes: maxImportBytes / 1024 / 1024 };
}
