/**
 * Reading an uploaded observations file as a stream of records (line number + cells), whatever
 * its format: CSV (`;`, `,` or tab; UTF-8 with or without BOM; CRLF or LF), XLSX (exceljs's
 * streaming reader, from a temp file) or a Provincies in Cijfers selection table as JSON
 * (`{headers, rows}`). The format is recognised by the content, never by the file name. Nothing
 * here holds the whole file in memory, except a JSON table (capped at MAX_JSON_BYTES).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { parse as csvParse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';

/** One line (CSV) or row (XLSX, JSON) with its cells; `formulas`: addresses of formula cells. */
export type SourceRecord = { line: number; cells: string[]; formulas?: string[] };

export type FileFormat = 'csv' | 'xlsx' | 'pic-json' | 'api';

/** What the reader found out about the file itself (shown in the preview). */
export type FileFacts = {
	format: FileFormat;
	delimiter?: ';' | ',' | '\t';
	bom?: boolean;
	lineEnding?: 'CRLF' | 'LF';
	/** Numbers come typed (XLSX numeric cells, JSON numbers): a NIS code may have lost its 0. */
	typedNumbers: boolean;
	sheet?: string;
};

/** Bytes as they arrive: a Node stream, a web stream's iterator, or chunks in memory (tests). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export type OpenedFile = { facts: FileFacts; records: AsyncIterable<SourceRecord> };

/** A JSON selection table is parsed whole: it may not be larger than this. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

export const refuse = (message: string) =>
	new AppError('invalid_input', message, { file: [message] });

export const messages = {
	empty: 'Het bestand is leeg.',
	binary:
		'Dit is geen CSV-bestand in UTF-8, geen Excel-bestand (.xlsx) en geen JSON-tabel: het bevat binaire gegevens. Kies het bestand opnieuw of sla het op als CSV (UTF-8).',
	notUtf8:
		'Dit bestand is geen tekst in UTF-8. Sla het op als "CSV UTF-8" (Excel) en probeer opnieuw.',
	badCsv: (line: number) =>
		`Het CSV-bestand is niet leesbaar vanaf regel ${line} (controleer de aanhalingstekens).`,
	badXlsx: 'Dit is geen leesbaar Excel-bestand (.xlsx).',
	badJson:
		'Dit is geen leesbare JSON-tabel: verwacht een object met "headers" (kolomnamen) en "rows" (rijen).',
	jsonTooLarge: `Een JSON-tabel mag hoogstens ${MAX_JSON_BYTES / 1024 / 1024} MB groot zijn; gebruik CSV voor grotere bestanden.`,
	merged: (cells: string[]) =>
		`Samengevoegde cellen (${cells.slice(0, 10).join(', ')}${cells.length > 10 ? ', …' : ''}) in het werkblad: maak de samenvoeging ongedaan en probeer opnieuw.`
};

/** Count the bytes as they pass; more than maxBytes stops the stream with a Dutch message. */
export async function* limitBytes(
	source: ByteSource,
	maxBytes: number,
	tooLarge: string,
	onBytes?: (total: number) => void
): AsyncGenerator<Uint8Array> {
	let total = 0;
	for await (const chunk of source) {
		total += chunk.byteLength;
		if (total > maxBytes) throw refuse(tooLarge);
		onBytes?.(total);
		yield chunk;
	}
}

/** Take the first chunk(s) of a stream (at least `min` bytes or all) and return them with the rest. */
async function peek(
	source: AsyncIterable<Uint8Array>,
	min: number
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
	const iterator = source[Symbol.asyncIterator]();
	const parts: Uint8Array[] = [];
	let size = 0;
	let done = false;
	while (size < min) {
		const next = await iterator.next();
		if (next.done) {
			done = true;
			break;
		}
		parts.push(next.value);
		size += next.value.byteLength;
	}
	const head = Buffer.concat(parts);
	async function* rest() {
		if (done) return;
		for (;;) {
			const next = await iterator.next();
			if (next.done) return;
			yield next.value;
		}
	}
	return { head, rest: rest() };
}

async function* prepend(head: Uint8Array, rest: AsyncIterable<Uint8Array>) {
	if (head.byteLength) yield head;
	yield* rest;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Control bytes that never occur in a text table (NUL and most C0 codes). */
const looksBinary = (b: Uint8Array) => {
	let control = 0;
	const n = Math.min(b.byteLength, 8192);
	for (let i = 0; i < n; i++) {
		const c = b[i];
		if (c === 0) return true;
		if (c < 9 || (c > 13 && c < 32)) control++;
	}
	return control > n / 100;
};

/** Open a file: recognise its format and return its records as a stream. */
export async function openFile(source: AsyncIterable<Uint8Array>): Promise<OpenedFile> {
	const { head, rest } = await peek(source, 64 * 1024);
	if (head.byteLength === 0) throw refuse(messages.empty);
	const all = prepend(head, rest);
	if (isZip(head)) return openXlsx(all);
	if (looksBinary(head)) throw refuse(messages.binary);
	const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	const start = new TextDecoder('utf-8').decode(head.subarray(bom ? 3 : 0, 256)).trimStart();
	if (start.startsWith('{')) return openJson(all);
	return openCsv(all, head, bom);
}

/** Decode UTF-8 as a stream; invalid bytes stop it with a Dutch message. */
async function* decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		for await (const chunk of source) {
			if (looksBinary(chunk)) throw refuse(messages.binary);
			yield decoder.decode(chunk, { stream: true });
		}
		yield decoder.decode();
	} catch (e) {
		if (e instanceof AppError) throw e;
		throw refuse(messages.notUtf8);
	}
}

/** The separator of a header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(line: string): ';' | ',' | '\t' {
	const outside = line.replace(/"[^"]*"/g, '');
	const counts = ([';', ',', '\t'] as const).map((d) => [d, outside.split(d).length - 1] as const);
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ';';
}

function openCsv(all: AsyncIterable<Uint8Array>, head: Uint8Array, bom: boolean): OpenedFile {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(
			head.subarray(bom ? 3 : 0, Math.min(head.byteLength, 64 * 1024 - 8))
		);
	} catch {
		// The cut may fall inside a character: judge the decoded stream instead.
		text = new TextDecoder('utf-8').decode(head.subarray(bom ? 3 : 0));
	}
	const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
	const lineEnding = /\r\n/.test(text.slice(0, firstLine.length + 2)) ? 'CRLF' : 'LF';
	const delimiter = detectDelimiter(firstLine);
	const facts: FileFacts = { format: 'csv', delimiter, bom, lineEnding, typedNumbers: false };
	async function* records(): AsyncGenerator<SourceRecord> {
		const parser = csvParse({
			delimiter,
			bom: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true
		});
		// The line of each record, as `info: true` would give it (parser.info.lines when the record
		// is pushed) without copying the whole info object per record, which doubled the time.
		const push = parser.push.bind(parser);
		parser.push = (record: string[] | null) =>
			push(record === null ? null : { line: parser.info.lines, cells: record });
		const input = Readable.from(decode(all));
		input.on('error', (e) => parser.destroy(e));
		input.pipe(parser);
		try {
			for await (const r of parser as AsyncIterable<SourceRecord>) yield r;
		} catch (e) {
			if (e instanceof AppError) throw e;
			const line = (e as { lines?: number }).lines ?? 1;
			throw refuse(messages.badCsv(line));
		} finally {
			input.destroy();
		}
	}
	return { facts, records: records() };
}

async function openJson(all: AsyncIterable<Uint8Array>): Promise<OpenedFile> {
	const parts: Uint8Array[] = [];
	let size = 0;
	for await (const chunk of all) {
		size += chunk.byteLength;
		if (size > MAX_JSON_BYTES) throw refuse(messages.jsonTooLarge);
		parts.push(chunk);
	}
	let data: unknown;
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(parts));
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		throw refuse(messages.badJson);
	}
	const table = data as { headers?: unknown; rows?: unknown };
	if (
		!table ||
		typeof table !== 'object' ||
		!Array.isArray(table.headers) ||
		!Array.isArray(table.rows)
	) {
		throw refuse(messages.badJson);
	}
	const headers = table.headers.map((h) => cellString(h));
	const rows = table.rows as unknown[];
	async function* records(): AsyncGenerator<SourceRecord> {
		yield { line: 1, cells: headers };
		for (let i = 0; i < rows.length; i++) {
			const row = rows[i];
			const cells = Array.isArray(row)
				? row.map(cellString)
				: row && typeof row === 'object'
					? headers.map((h) => cellString((row as Record<string, unknown>)[h]))
					: [];
			yield { line: i + 2, cells };
		}
	}
	return { facts: { format: 'pic-json', typedNumbers: true }, records: records() };
}

const cellString = (v: unknown): string =>
	v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a streamed cell (numbers as JS writes them, dates as ISO, rich text joined). */
function xlsxCell(v: ExcelJS.CellValue): { text: string; formula: boolean } {
	if (v === null || v === undefined) return { text: '', formula: false };
	if (typeof v === 'string') return { text: v.trim(), formula: false };
	if (typeof v === 'number') return { text: String(v), formula: false };
	if (typeof v === 'boolean') return { text: v ? 'true' : 'false', formula: false };
	if (v instanceof Date) {
		return {
			text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`,
			formula: false
		};
	}
	if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))
		return { text: '', formula: true };
	if (typeof v === 'object' && 'richText' in v)
		return { text: v.richText.map((t) => t.text).join(''), formula: false };
	if (typeof v === 'object' && 'text' in v && typeof v.text === 'string')
		return { text: v.text, formula: false };
	if (typeof v === 'object' && 'error' in v) return { text: String(v.error), formula: false };
	return { text: '', formula: false };
}

/** The stream of one part of a ZIP file on disk (stored or deflated; no ZIP64: files < 4 GB). */
async function zipPart(file: string, part: string): Promise<Readable | null> {
	const handle = await fs.open(file, 'r');
	try {
		const { size } = await handle.stat();
		const tailSize = Math.min(size, 22 + 65535);
		const tail = Buffer.alloc(tailSize);
		await handle.read(tail, 0, tailSize, size - tailSize);
		const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
		if (eocd < 0) return null;
		const cdSize = tail.readUInt32LE(eocd + 12);
		const cdOffset = tail.readUInt32LE(eocd + 16);
		const cd = Buffer.alloc(cdSize);
		await handle.read(cd, 0, cdSize, cdOffset);
		for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50;) {
			const method = cd.readUInt16LE(p + 10);
			const compressed = cd.readUInt32LE(p + 20);
			const nameLength = cd.readUInt16LE(p + 28);
			const skip = nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
			const local = cd.readUInt32LE(p + 42);
			const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
			p += 46 + skip;
			if (name !== part) continue;
			const header = Buffer.alloc(30);
			await handle.read(header, 0, 30, local);
			const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
			if (compressed === 0) return Readable.from([]);
			const raw = createReadStream(file, { start, end: start + compressed - 1 });
			return method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
		}
		return null;
	} finally {
		await handle.close();
	}
}

/**
 * The merged ranges of a worksheet part: exceljs's streaming reader ignores them, so the part's
 * XML is scanned for `<mergeCell ref="…"/>` (they come after the rows) as a stream.
 */
async function mergedRanges(file: string, part: string): Promise<string[]> {
	const stream = await zipPart(file, part);
	if (!stream) return [];
	const found: string[] = [];
	let tail = '';
	for await (const chunk of stream) {
		const text = tail + (chunk as Buffer).toString('utf8');
		for (const m of text.matchAll(/<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) found.push(m[1]);
		tail = text.slice(-200);
	}
	return [...new Set(found)];
}

async function openXlsx(all: AsyncIterable<Uint8Array>): Promise<OpenedFile> {
	// A ZIP's directory is at its end: the upload goes to a temp file first (streamed, not kept
	// in memory), which exceljs then reads as a stream.
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sp-monitor-import-'));
	const file = path.join(dir, 'upload.xlsx');
	const cleanup = () => fs.rm(dir, { recursive: true, force: true });
	try {
		await pipeline(Readable.from(all), createWriteStream(file));
	} catch (e) {
		await cleanup();
		throw e;
	}
	const facts: FileFacts = { format: 'xlsx', typedNumbers: true };
	async function* records(): AsyncGenerator<SourceRecord> {
		try {
			const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
				sharedStrings: 'cache',
				hyperlinks: 'ignore',
				styles: 'ignore',
				worksheets: 'emit',
				entries: 'emit'
			});
			let first = true;
			try {
				for await (const sheet of reader) {
					if (!first) continue;
					first = false;
					const ws = sheet as unknown as { id: number; name?: string } & AsyncIterable<ExcelJS.Row>;
					facts.sheet = ws.name;
					const merged = await mergedRanges(file, `xl/worksheets/sheet${ws.id}.xml`);
					if (merged.length) throw refuse(messages.merged(merged));
					for await (const row of ws) {
						const values = row.values as ExcelJS.CellValue[];
						const cells: string[] = [];
						const formulas: string[] = [];
						for (let col = 1; col < values.length; col++) {
							const { text, formula } = xlsxCell(values[col]);
							if (formula) formulas.push(`${columnName(col)}${row.number}`);
							cells.push(text);
						}
						yield { line: row.number, cells, ...(formulas.length ? { formulas } : {}) };
					}
				}
			} catch (e) {
				if (e instanceof AppError) throw e;
				throw refuse(messages.badXlsx);
			}
			if (first) throw refuse(messages.badXlsx);
		} finally {
			await cleanup();
		}
	}
	return { facts, records: records() };
}

/** A, B, …, Z, AA, … */
export function columnName(col: number): string {
	let s = '';
	for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}
