/**
 * The agenda and minutes as print-ready A4 PDFs, with pdfkit (pure JS, no browser) and its
 * built-in Helvetica: no font is downloaded or embedded. Helvetica speaks WinAnsi (Latin-1 plus
 * the Windows extras), which covers Dutch, French and German; any other character is printed as
 * "?" rather than as garbage. Pages are buffered so the footer can say "pagina X van Y".
 */
import PDFDocument from 'pdfkit';
import type { DbOrTx } from '../db';
import { getFile } from '../files/files.service';
import { openBlob } from '../files/storage';
import { log } from '../log';
import { formatDate, formatDateTime } from '../../i18n';
import { formatTime } from '../../calendar';
import { getSiteSettings } from '../settings/settings.service';
import type { DocumentAttendance, DocumentDecision, MeetingDocument } from './meeting-document';

/** The document header of the site settings, with the logo's bytes when it is a PNG or JPEG. */
export type LetterHead = {
	name: string;
	legalName?: string;
	address?: string;
	documentHeader?: string;
	logo: Buffer | null;
};

const MAX_LOGO = 2 * 1024 * 1024;

async function readLogo(db: DbOrTx, fileId: string | undefined): Promise<Buffer | null> {
	if (!fileId) return null;
	try {
		const file = await getFile(db, fileId);
		if (!file || !['image/png', 'image/jpeg'].includes(file.mimeType) || file.size > MAX_LOGO)
			return null;
		const chunks: Buffer[] = [];
		for await (const chunk of openBlob(file.sha256)) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	} catch (e) {
		// A missing blob must not stop the document: it is printed without the logo.
		log().warn({ err: e, fileId }, 'logo not readable for a PDF');
		return null;
	}
}

export async function letterHead(db: DbOrTx): Promise<LetterHead> {
	const s = await getSiteSettings(db);
	return {
		name: s.name,
		legalName: s.legalName,
		address: s.address,
		documentHeader: s.documentHeader,
		logo: await readLogo(db, s.logoFileId)
	};
}

/** Characters Helvetica (WinAnsiEncoding) can print beyond Latin-1. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text as WinAnsi can print it: NFC, tabs as spaces, unprintable characters as "?". */
export function printable(text: string): string {
	let out = '';
	for (const ch of text.normalize('NFC').replace(/\t/g, '    ').replace(/\r\n?/g, '\n')) {
		const code = ch.codePointAt(0)!;
		if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
			out += ch;
		} else if (winAnsiExtras.has(ch)) {
			out += ch;
		} else if (code === 0x2212 || code === 0x2010 || code === 0x2011) {
			out += '-';
		} else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xfe00 && code <= 0xfe0f)) {
			// control characters and variation selectors: dropped
		} else if (code === 0x200b || code === 0x200d || code === 0xfeff) {
			// zero-width characters: dropped
		} else {
			out += '?';
		}
	}
	return out;
}

export const MARGIN = 57; // 2 cm
export const INK = '#1a1a1a';
export const MUTED = '#555555';

type Pdf = PDFKit.PDFDocument;

/** A new A4 document with the house margins and buffered pages, and the promise of its bytes. */
export function a4Document(options: {
	info: PDFKit.DocumentInfo;
	/** `false` leaves the page streams readable (tests look for the text). */
	compress?: boolean;
}): { pdf: Pdf; bytes: Promise<Buffer> } {
	const pdf = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
		bufferPages: true,
		compress: options.compress ?? true,
		lang: 'nl-BE',
		displayTitle: true,
		info: { Creator: 'Streekplatform', ...options.info }
	});
	const chunks: Buffer[] = [];
	const bytes = new Promise<Buffer>((resolve, reject) => {
		pdf.on('data', (c: Buffer) => chunks.push(c));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
	});
	return { pdf, bytes };
}

/** The letterhead: the logo on the left, the organisation's name and address beside it, a rule. */
export function drawLetterHead(pdf: Pdf, head: LetterHead): void {
	const left = MARGIN;
	const width = pdf.page.width - 2 * MARGIN;
	const top = pdf.y;
	let textLeft = left;
	if (head.logo) {
		try {
			pdf.image(head.logo, left, top, { fit: [120, 50] });
			textLeft = left + 135;
		} catch (e) {
			log().warn({ err: e }, 'logo not printable in a PDF');
		}
	}
	pdf.x = textLeft;
	pdf.font('Helvetica-Bold').fontSize(13).fillColor(INK);
	pdf.text(printable(head.name), textLeft, top, { width: width - (textLeft - left) });
	pdf.font('Helvetica').fontSize(9).fillColor(MUTED);
	for (const line of [head.legalName, head.address, head.documentHeader]) {
		if (line) pdf.text(printable(line), { width: width - (textLeft - left) });
	}
	pdf.y = Math.max(pdf.y, head.logo ? top + 55 : pdf.y) + 8;
	pdf
		.moveTo(left, pdf.y)
		.lineTo(left + width, pdf.y)
		.lineWidth(0.75)
		.strokeColor('#999999')
		.stroke();
	pdf.x = left;
	pdf.moveDown(1);
}

/**
 * The footer on every buffered page: the document's title on the left, `stamp` and
 * "pagina X van Y" on the right. Call once, after the last page is written.
 */
export function drawFooters(
	pdf: Pdf,
	title: string,
	stamp: string,
	pageOf: (page: number, pages: number) => string = (page, pages) => `pagina ${page} van ${pages}`
): void {
	const left = MARGIN;
	const width = pdf.page.width - 2 * MARGIN;
	const range = pdf.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		pdf.switchToPage(i);
		const bottom = pdf.page.margins.bottom;
		// Writing inside the bottom margin must not start a new page.
		pdf.page.margins.bottom = 0;
		const y = pdf.page.height - MARGIN + 6;
		pdf.font('Helvetica').fontSize(8).fillColor(MUTED);
		pdf.text(printable(title), left, y, { width: width * 0.6, lineBreak: false, ellipsis: true });
		pdf.text(printable(`${stamp} · ${pageOf(i - range.start + 1, range.count)}`), left, y, {
			width,
			align: 'right',
			lineBreak: false
		});
		pdf.page.margins.bottom = bottom;
	}
}

const time = (d: Date) => formatTime(d, 'nl');

const votesLine = (v: DocumentDecision['votes']) =>
	v
		? `${v.for} voor, ${v.against} tegen, ${v.abstain} onthouding${v.abstain === 1 ? '' : 'en'}`
		: null;

/** Render a meeting document to PDF bytes. */
export function renderMeetingPdf(
	doc: MeetingDocument,
	head: LetterHead,
	/** `compress: false` leaves the page streams readable (tests look for the text). */
	options: { now?: Date; compress?: boolean } = {}
): Promise<Buffer> {
	const now = options.now ?? new Date();
	const heading = doc.kind === 'agenda' ? 'Agenda' : 'Verslag';
	const { pdf, bytes: done } = a4Document({
		compress: options.compress,
		info: {
			Title: printable(`${heading}: ${doc.title}`),
			Author: printable(head.legalName || head.name),
			Subject: printable(`${heading} van ${doc.bodyName}`)
		}
	});

	const width = pdf.page.width - 2 * MARGIN;
	const left = MARGIN;
	const font = (
		name: 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique',
		size: number,
		color = INK
	) => pdf.font(name).fontSize(size).fillColor(color);
	/** A paragraph at the left margin plus `indent` (every line, not only the first). */
	const text = (value: string, options: PDFKit.Mixins.TextOptions & { indent?: number } = {}) => {
		const { indent = 0, ...rest } = options;
		return pdf.text(printable(value), left + indent, pdf.y, { width: width - indent, ...rest });
	};
	/** "Label: value" on one line. */
	const labelled = (label: string, value: string) => {
		font('Helvetica-Bold', 10);
		pdf.text(`${label}: `, left, pdf.y, { width, continued: true });
		font('Helvetica', 10);
		pdf.text(printable(value));
	};

	drawLetterHead(pdf, head);

	// Title and facts.
	font('Helvetica-Bold', 20);
	text(`${heading}${doc.draft ? ' (ONTWERP)' : ''}`);
	font('Helvetica-Bold', 13);
	text(doc.title);
	pdf.moveDown(0.5);
	const facts: [string, string][] = [
		['Orgaan', doc.bodyName],
		[
			'Datum',
			`${formatDate(doc.startsAt, 'nl', 'long')}, ${time(doc.startsAt)}–${time(doc.endsAt)}`
		],
		...(doc.location ? ([['Plaats', doc.location]] as [string, string][]) : []),
		...(doc.onlineUrl ? ([['Online', doc.onlineUrl]] as [string, string][]) : []),
		['Status', doc.status]
	];
	if (doc.approval) {
		facts.push([
			'Goedgekeurd',
			`${formatDate(doc.approval.at, 'nl', 'long')}${doc.approval.reference ? ` (besluit ${doc.approval.reference})` : ''}`
		]);
	}
	for (const [label, value] of facts) labelled(label, value);
	if (doc.audience === 'members') {
		font('Helvetica-Oblique', 9, MUTED);
		pdf.moveDown(0.3);
		text('Versie voor de leden: bevat ook de besloten agendapunten en besluiten.');
	}

	if (doc.attendance) attendanceBlock(doc.attendance);

	// The agenda, numbered as everywhere else (closed items keep their number).
	pdf.moveDown(1);
	font('Helvetica-Bold', 14);
	text(doc.kind === 'agenda' ? 'Agendapunten' : 'Verslag per agendapunt');
	pdf.moveDown(0.3);
	if (doc.items.length === 0) {
		font('Helvetica-Oblique', 10, MUTED);
		text('Er staan geen agendapunten op deze agenda.');
	}
	for (const item of doc.items) {
		const indent = item.depth ? 20 : 0;
		pdf.moveDown(0.6);
		font('Helvetica-Bold', item.depth ? 11 : 12);
		text(`${item.number}. ${item.title}`, { indent });
		const meta = [
			time(item.plannedStart),
			item.durationMinutes ? `${item.durationMinutes} min.` : null,
			item.kind,
			item.presenter ? `toelichting: ${item.presenter}` : null,
			item.closed ? 'besloten' : null
		].filter(Boolean);
		font('Helvetica', 9, MUTED);
		text(meta.join(' · '), { indent });
		if (item.description) {
			font('Helvetica', 10);
			text(item.description, { indent });
		}
		if (item.report) {
			pdf.moveDown(0.2);
			font('Helvetica', 10);
			for (const line of item.report) text(line, { indent });
		}
		if (item.minutes !== null) {
			pdf.moveDown(0.2);
			if (item.minutes) {
				font('Helvetica', 10);
				text(item.minutes, { indent, lineGap: 1 });
			} else {
				font('Helvetica-Oblique', 10, MUTED);
				text('Geen verslag bij dit agendapunt.', { indent });
			}
		}
		for (const d of item.decisions) decisionBlock(d, indent);
	}
	if (doc.closedItems > 0) {
		pdf.moveDown(0.8);
		font('Helvetica-Oblique', 9, MUTED);
		text(
			doc.closedItems === 1
				? 'Eén besloten agendapunt is niet opgenomen in deze openbare versie.'
				: `${doc.closedItems} besloten agendapunten zijn niet opgenomen in deze openbare versie.`
		);
	}
	if (doc.otherDecisions.length) {
		pdf.moveDown(1);
		font('Helvetica-Bold', 14);
		text('Andere besluiten');
		for (const d of doc.otherDecisions) decisionBlock(d, 0);
	}

	// Footer on every page: title, date of printing, "pagina X van Y".
	drawFooters(pdf, `${heading} — ${doc.title}`, `Afgedrukt ${formatDateTime(now, 'nl')}`);
	pdf.end();
	return done;

	function decisionBlock(d: DocumentDecision, indent: number) {
		pdf.moveDown(0.4);
		font('Helvetica-Bold', 10);
		text(`Besluit ${d.reference}: ${d.title}${d.closed ? ' (besloten)' : ''}`, {
			indent: indent + 10
		});
		font('Helvetica', 10);
		text(d.text, { indent: indent + 10 });
		font('Helvetica', 9, MUTED);
		const votes = votesLine(d.votes);
		text(`Uitkomst: ${d.outcome}${votes ? ` · Stemming: ${votes}` : ''}`, { indent: indent + 10 });
	}

	function attendanceBlock(a: DocumentAttendance) {
		pdf.moveDown(1);
		font('Helvetica-Bold', 14);
		text('Aanwezigheid');
		const lists: [string, string[], number][] = [
			['Aanwezig', a.present, a.unnamed.present],
			['Vervangen', a.substitutes, a.unnamed.substitute],
			['Verontschuldigd', a.excused, a.unnamed.excused],
			['Afwezig', a.absent, a.unnamed.absent]
		];
		for (const [label, names, unnamed] of lists) {
			if (names.length === 0 && unnamed === 0) continue;
			const others = unnamed
				? `${names.length ? ' en ' : ''}${unnamed} ${names.length ? 'andere ' : ''}${unnamed === 1 ? 'lid' : 'leden'}`
				: '';
			labelled(label, `${names.join(', ')}${others}.`);
		}
		if (a.quorum) {
			font('Helvetica', 10);
			text(
				`Quorum: ${a.quorum.present} stemgerechtigde leden aanwezig, ${a.quorum.required} vereist — ${a.quorum.reached ? 'bereikt' : 'niet bereikt'}.`
			);
		}
	}
}
