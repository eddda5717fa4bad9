/**
 * Reading Statbel's REFNIS list (TU_COM_REFNIS): the official NIS codes of Belgium's regions,
 * provinces, arrondissements and municipalities, each with its parent code, names and validity.
 * Pure: bytes in, entries (or a Dutch refusal naming every bad line) out; nothing is stored here.
 *
 * What Statbel publishes (CSV/TXT and XLSX): the columns LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS,
 * TX_REFNIS_NL, TX_REFNIS_FR, TX_REFNIS_DE, DT_VLDT_START and DT_VLDT_END (some copies say
 * DT_VLDT_STOP), dates as DD/MM/YYYY with 31/12/9999 for "still valid" and 01/01/1970 for "since
 * always". Its levels are numbered 1 region (gewest), 2 province, 3 arrondissement, 4
 * municipality; the regions have no parent ("-" or empty). Level names (gemeente, commune,
 * municipality, …) are accepted as well. Header names are case-insensitive; the delimiter (`;`,
 * `|`, `,` or tab) is detected from the header line; UTF-8 with or without BOM (Windows-1252 as a
 * fallback for a list saved by Excel), CRLF or LF.
 */
import { parse as csvParse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';

export type RefnisLevel = 'land' | 'gewest' | 'provincie' | 'arrondissement' | 'gemeente';
/** Highest first: parents come before their children. */
export const refnisLevels: readonly RefnisLevel[] = [
	'land',
	'gewest',
	'provincie',
	'arrondissement',
	'gemeente'
];

export type RefnisEntry = {
	/** Line (CSV) or row (XLSX) in the file. */
	line: number;
	level: RefnisLevel;
	code: string;
	parentCode: string | null;
	name: string;
	nameFr?: string;
	/** ISO dates; null = since always / still valid. */
	validFrom: string | null;
	validTo: string | null;
};

export type RefnisList = {
	format: 'csv' | 'xlsx';
	delimiter?: string;
	entries: RefnisEntry[];
};

/** At most 10 MB: Statbel's full list (all levels and history) is well under 1 MB. */
export const REFNIS_MAX_BYTES = 10 * 1024 * 1024;
/** Line errors listed at most; the message says how many there were. */
const MAX_ERRORS = 50;

/** Refused input: a Dutch message and, for line errors, every line (up to 50). */
export class RefnisRefused extends AppError {
	constructor(
		message: string,
		readonly errors: string[] = []
	) {
		super('invalid_input', message, { file: [message, ...errors] });
	}
}

export const refnisMessages = {
	empty: 'Het bestand is leeg. Er is niets toegevoegd.',
	tooLarge: (mb: number) =>
		`Het bestand is groter dan ${mb} MB: dat is geen REFNIS-lijst. Er is niets toegevoegd.`,
	binary:
		'Dit is geen REFNIS-lijst: het bestand bevat binaire gegevens. Kies de lijst van Statbel als CSV, TXT of Excel (.xlsx). Er is niets toegevoegd.',
	badXlsx: 'Dit is geen leesbaar Excel-bestand (.xlsx). Er is niets toegevoegd.',
	badCsv: (line: number) =>
		`Het bestand is niet leesbaar vanaf regel ${line} (controleer de aanhalingstekens). Er is niets toegevoegd.`,
	notRefnis:
		'Dit is geen REFNIS-lijst: er is geen kolom CD_REFNIS (de NIS-code). Kies de lijst van Statbel (TU_COM_REFNIS) met de kolommen LVL_REFNIS, CD_REFNIS, CD_SUP_REFNIS en TX_REFNIS_NL. Er is niets toegevoegd.',
	missingColumn: (column: string) =>
		`De REFNIS-lijst mist de kolom ${column}. Er is niets toegevoegd.`,
	noEntries: 'De REFNIS-lijst bevat geen enkel gebied. Er is niets toegevoegd.',
	lineErrors: (errors: string[]) =>
		errors.length === 1
			? `Er is niets toegevoegd: ${errors[0]}`
			: `Er is niets toegevoegd: ${errors.length > MAX_ERRORS ? `meer dan ${MAX_ERRORS}` : errors.length} fouten in de REFNIS-lijst.`,
	badCode: (line: number, raw: string) =>
		`Regel ${line}: ongeldige NIS-code "${raw}" in CD_REFNIS: een NIS-code heeft vijf cijfers (bv. 11002).`,
	badParent: (line: number, raw: string) =>
		`Regel ${line}: ongeldige bovenliggende code "${raw}" in CD_SUP_REFNIS: verwacht vijf cijfers, of leeg.`,
	badLevel: (line: number, raw: string) =>
		`Regel ${line}: onbekend niveau "${raw}" in LVL_REFNIS: gebruik 1 (gewest), 2 (provincie), 3 (arrondissement) of 4 (gemeente), of de naam van het niveau.`,
	noName: (line: number) => `Regel ${line}: geen naam (TX_REFNIS_NL, _FR of _DE is leeg).`,
	badDate: (line: number, column: string, raw: string) =>
		`Regel ${line}: ongeldige datum "${raw}" in ${column}: gebruik DD/MM/JJJJ.`,
	stopBeforeStart: (line: number) => `Regel ${line}: de einddatum ligt vóór de begindatum.`,
	ownParent: (line: number, code: string) =>
		`Regel ${line}: ${code} kan niet zijn eigen bovenliggend gebied zijn.`,
	levelConflict: (line: number, code: string, other: number) =>
		`Regel ${line}: de NIS-code ${code} staat ook op regel ${other}, met een ander niveau.`
};

// ---------------------------------------------------------------------------------------------
// Cells

const levelNames: Record<string, RefnisLevel> = {
	// Statbel's numbering.
	'1': 'gewest',
	'2': 'provincie',
	'3': 'arrondissement',
	'4': 'gemeente',
	// Names, in Dutch, French, German and English.
	land: 'land',
	country: 'land',
	pays: 'land',
	gewest: 'gewest',
	region: 'gewest',
	région: 'gewest',
	regio: 'gewest',
	provincie: 'provincie',
	province: 'provincie',
	provinz: 'provincie',
	arrondissement: 'arrondissement',
	district: 'arrondissement',
	bezirk: 'arrondissement',
	gemeente: 'gemeente',
	commune: 'gemeente',
	gemeinde: 'gemeente',
	municipality: 'gemeente'
};

export function parseLevel(raw: string): RefnisLevel | undefined {
	const key = raw.trim().toLowerCase();
	return levelNames[key] ?? levelNames[key.replace(/^0+(?=\d)/, '')];
}

const NIS = /^\d{5}$/;

/** DD/MM/YYYY (also D/M/YYYY, DD-MM-YYYY, DD.MM.YYYY) or YYYY-MM-DD → ISO; undefined if invalid. */
export function parseRefnisDate(raw: string): string | undefined {
	const s = raw.trim();
	let y: number, m: number, d: number;
	let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s)))
		[y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	else return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return undefined;
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Statbel's "since always" (01/01/1970 and earlier) is no start date. */
const SINCE_ALWAYS = '1970-01-01';
/** Statbel's "still valid". */
const STILL_VALID = '9999-12-31';

// ---------------------------------------------------------------------------------------------
// Files

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

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

function decodeText(bytes: Uint8Array): string {
	const body =
		bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		// A list saved by Excel on Windows: Windows-1252 (every byte decodes).
		return new TextDecoder('windows-1252').decode(body);
	}
}

/** The delimiter of a header line: the most frequent of `;`, `|`, tab and `,` outside quotes. */
export function detectDelimiter(line: string): string {
	const outside = line.replace(/"[^"]*"/g, '');
	let best = ';';
	let most = 0;
	for (const d of [';', '|', '\t', ',']) {
		const n = outside.split(d).length - 1;
		if (n > most) [best, most] = [d, n];
	}
	return best;
}

type Row = { line: number; cells: string[] };

function csvRows(bytes: Uint8Array): { delimiter: string; rows: Row[] } {
	const text = decodeText(bytes);
	const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
	const delimiter = detectDelimiter(firstLine);
	try {
		const records = csvParse(text, {
			delimiter,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			trim: true,
			info: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
		return { delimiter, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
	} catch (e) {
		throw new RefnisRefused(refnisMessages.badCsv((e as { lines?: number }).lines ?? 1));
	}
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function xlsxCell(v: ExcelJS.CellValue): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v.trim();
	if (typeof v === 'number') return String(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (v instanceof Date)
		return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
	if (typeof v === 'object' && 'result' in v) return xlsxCell(v.result as ExcelJS.CellValue);
	if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
	if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
	return '';
}

async function xlsxRows(bytes: Uint8Array): Promise<Row[]> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	} catch {
		throw new RefnisRefused(refnisMessages.badXlsx);
	}
	// The sheet named like Statbel's (TU_COM_REFNIS), else the first one.
	const sheet = workbook.worksheets.find((w) => /refnis/i.test(w.name)) ?? workbook.worksheets[0];
	if (!sheet) throw new RefnisRefused(refnisMessages.badXlsx);
	const rows: Row[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const values = row.values as ExcelJS.CellValue[];
		const cells: string[] = [];
		for (let col = 1; col < values.length; col++) cells.push(xlsxCell(values[col]));
		rows.push({ line: number, cells });
	});
	return rows;
}

// ---------------------------------------------------------------------------------------------
// The list

const column = (headers: string[], ...names: string[]) =>
	headers.findIndex((h) =>
		names.includes(
			h
				.trim()
				.replace(/^\uFEFF/, '')
				.toUpperCase()
		)
	);

/** A code cell: five digits; an XLSX number may have lost its leading zero (2000 → 02000). */
function code(raw: string, typed: boolean): string | undefined {
	const s = raw.trim();
	if (NIS.test(s)) return s;
	if (typed && /^\d{4}$/.test(s)) return s.padStart(5, '0');
	return undefined;
}

/**
 * Parse a REFNIS list. Refuses (RefnisRefused) an empty, binary, oversized or unreadable file, a
 * file without a CD_REFNIS column, and every bad line at once.
 */
export async function parseRefnis(
	bytes: Uint8Array,
	maxBytes = REFNIS_MAX_BYTES
): Promise<RefnisList> {
	if (bytes.byteLength > maxBytes) {
		throw new RefnisRefused(refnisMessages.tooLarge(Math.round(maxBytes / 1024 / 1024) || 1));
	}
	if (bytes.byteLength === 0) throw new RefnisRefused(refnisMessages.empty);
	const typed = isZip(bytes);
	let format: RefnisList['format'];
	let delimiter: string | undefined;
	let rows: Row[];
	if (typed) {
		format = 'xlsx';
		rows = await xlsxRows(bytes);
	} else {
		if (looksBinary(bytes)) throw new RefnisRefused(refnisMessages.binary);
		format = 'csv';
		({ delimiter, rows } = csvRows(bytes));
	}
	rows = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (!rows.length) throw new RefnisRefused(refnisMessages.empty);

	// The header: the first of the first rows with a CD_REFNIS column (a title may stand above).
	const headerAt = rows.slice(0, 10).findIndex((r) => column(r.cells, 'CD_REFNIS') >= 0);
	if (headerAt < 0) throw new RefnisRefused(refnisMessages.notRefnis);
	const headers = rows[headerAt].cells;
	const col = {
		level: column(headers, 'LVL_REFNIS'),
		code: column(headers, 'CD_REFNIS'),
		parent: column(headers, 'CD_SUP_REFNIS'),
		nl: column(headers, 'TX_REFNIS_NL'),
		fr: column(headers, 'TX_REFNIS_FR'),
		de: column(headers, 'TX_REFNIS_DE'),
		start: column(headers, 'DT_VLDT_START', 'DT_VLDT_BEGIN'),
		stop: column(headers, 'DT_VLDT_END', 'DT_VLDT_STOP')
	};
	if (col.level < 0) throw new RefnisRefused(refnisMessages.missingColumn('LVL_REFNIS'));
	if (col.parent < 0) throw new RefnisRefused(refnisMessages.missingColumn('CD_SUP_REFNIS'));
	if (col.nl < 0 && col.fr < 0 && col.de < 0)
		throw new RefnisRefused(refnisMessages.missingColumn('TX_REFNIS_NL'));

	const errors: string[] = [];
	const byCode = new Map<string, RefnisEntry>();
	const cell = (r: Row, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
	for (const r of rows.slice(headerAt + 1)) {
		if (errors.length > MAX_ERRORS) break;
		const line = r.line;
		const before = errors.length;
		const rawCode = cell(r, col.code);
		const nis = code(rawCode, typed);
		if (!nis) errors.push(refnisMessages.badCode(line, rawCode));
		const rawLevel = cell(r, col.level);
		const level = parseLevel(rawLevel);
		if (!level) errors.push(refnisMessages.badLevel(line, rawLevel));
		const rawParent = cell(r, col.parent);
		let parentCode: string | null = null;
		if (rawParent !== '' && rawParent !== '-') {
			const p = code(rawParent, typed);
			if (!p) errors.push(refnisMessages.badParent(line, rawParent));
			else if (p === nis) errors.push(refnisMessages.ownParent(line, p));
			else parentCode = p;
		}
		const nl = cell(r, col.nl);
		const fr = cell(r, col.fr);
		const name = nl || fr || cell(r, col.de);
		if (!name) errors.push(refnisMessages.noName(line));
		const date = (i: number, label: string) => {
			const raw = cell(r, i);
			if (raw === '') return null;
			const iso = parseRefnisDate(raw);
			if (!iso) errors.push(refnisMessages.badDate(line, label, raw));
			return iso ?? null;
		};
		const start = date(col.start, headers[col.start]?.trim() ?? 'DT_VLDT_START');
		const stop = date(col.stop, headers[col.stop]?.trim() ?? 'DT_VLDT_END');
		const validFrom = start && start > SINCE_ALWAYS ? start : null;
		const validTo = stop && stop < STILL_VALID ? stop : null;
		if (validFrom && validTo && validTo < validFrom)
			errors.push(refnisMessages.stopBeforeStart(line));
		if (errors.length > before || !nis || !level) continue;

		const entry: RefnisEntry = {
			line,
			level,
			code: nis,
			parentCode,
			name,
			...(fr && fr !== name ? { nameFr: fr } : {}),
			validFrom,
			validTo
		};
		const seen = byCode.get(nis);
		if (!seen) {
			byCode.set(nis, entry);
			continue;
		}
		// The same code twice (a municipality that moved to another arrondissement): one area,
		// valid from the earliest start to the latest end, with the latest line's parent and name.
		if (seen.level !== level) {
			errors.push(refnisMessages.levelConflict(line, nis, seen.line));
			continue;
		}
		const later = (entry.validFrom ?? '') >= (seen.validFrom ?? '') ? entry : seen;
		byCode.set(nis, {
			...later,
			validFrom:
				seen.validFrom && entry.validFrom ? [seen.validFrom, entry.validFrom].sort()[0] : null,
			validTo: seen.validTo && entry.validTo ? [seen.validTo, entry.validTo].sort()[1] : null
		});
	}
	if (errors.length) {
		throw new RefnisRefused(refnisMessages.lineErrors(errors), errors.slice(0, MAX_ERRORS));
	}
	if (!byCode.size) throw new RefnisRefused(refnisMessages.noEntries);
	return { format, delimiter, entries: [...byCode.values()] };
}
