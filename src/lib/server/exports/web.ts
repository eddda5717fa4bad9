/**
 * The glue between the export services and their routes: downloads (PDF, CSV, XLSX) as
 * attachments with clean file names, and the meeting's JSON-LD. Each route file is one line.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { contextOf, load } from '../http';
import { download } from '../files/serve';
import { JSONLD_TYPE, meetingJsonLd } from '../meetings/jsonld';
import { today } from '../clock';
import {
	bodyDecisionRows,
	decisionsCsv,
	decisionsXlsx,
	publicDecisionRows,
	registerFilters,
	type DecisionExportRow
} from './decisions-export';
import {
	publicMeetingDocument,
	workspaceMeetingDocument,
	type DocumentKind,
	type MeetingDocument
} from './meeting-document';
import { letterHead, renderMeetingPdf } from './pdf';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "agenda-taskforce-spitsregio-leuven-2026-03-12.pdf": ASCII, no spaces, no surprises. */
export function pdfName(kind: DocumentKind, doc: Pick<MeetingDocument, 'bodyName' | 'startsAt'>) {
	const slug = doc.bodyName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `${kind === 'agenda' ? 'agenda' : 'verslag'}-${slug || 'vergadering'}-${today(doc.startsAt)}.pdf`;
}

/** The agenda or minutes PDF of a meeting: public (public parts only) or for its members. */
export async function meetingPdfResponse(
	event: RequestEvent<{ id: string }>,
	kind: DocumentKind,
	audience: 'public' | 'members'
): Promise<Response> {
	const id = event.params.id;
	const doc = await load(
		audience === 'public'
			? publicMeetingDocument(event.locals.db, id, kind)
			: workspaceMeetingDocument(contextOf(event), id, kind)
	);
	const pdf = await renderMeetingPdf(doc, await letterHead(event.locals.db));
	return download(
		new Uint8Array(pdf),
		'application/pdf',
		pdfName(kind, doc),
		audience === 'public' ? 'public, max-age=300' : 'private, no-store'
	);
}

export type ExportFormat = 'csv' | 'xlsx';

async function registerDownload(rows: DecisionExportRow[], format: ExportFormat, name: string) {
	const file = `${name}-${today()}.${format}`;
	return format === 'csv'
		? download(decisionsCsv(rows), 'text/csv; charset=utf-8', file, 'no-store')
		: download(new Uint8Array(await decisionsXlsx(rows)), XLSX, file, 'no-store');
}

/** The public decisions register with the filters of the URL, every row. */
export async function publicRegisterExport(event: RequestEvent, format: ExportFormat) {
	const rows = await load(publicDecisionRows(contextOf(event), registerFilters(event.url)));
	return registerDownload(rows, format, 'besluiten');
}

/** A body's register for its members (closed decisions included), with the URL's filters. */
export async function bodyRegisterExport(
	event: RequestEvent<{ slug: string }>,
	format: ExportFormat
) {
	const filters = registerFilters(event.url, ['q', 'jaar', 'status']);
	const rows = await load(bodyDecisionRows(contextOf(event), event.params.slug, filters));
	return registerDownload(rows, format, `besluiten-${event.params.slug}`);
}

/** The JSON-LD of a public meeting (shared caches may keep it like the page). */
export async function meetingJsonLdResponse(event: RequestEvent<{ id: string }>) {
	const doc = await load(meetingJsonLd(event.locals.db, event.params.id, event.url.origin));
	return new Response(JSON.stringify(doc, null, 2), {
		headers: {
			'content-type': `${JSONLD_TYPE}; charset=utf-8`,
			'cache-control': 'public, max-age=60',
			vary: 'Accept',
			'x-content-type-options': 'nosniff'
		}
	});
}
