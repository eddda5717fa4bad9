import ExcelJS from 'exceljs';
import {
	checkHeader,
	exchangeColumns,
	isBlankRow,
	rowFrom,
	type ExchangeRow,
	type ParsedFile,
	type RowError
} from './columns';

const SHEET = 'Leden';

/** One sheet, the columns as a header row, every value as text (so Excel does not reinterpret ids or dates). */
export async function toXlsx(rows: ExchangeRow[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Streekplatform';
	const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = exchangeColumns.map((c) => ({
		header: c,
		key: c,
		width: Math.max(12, c.length + 2),
		style: { numFmt: '@' }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of rows) sheet.addRow(exchangeColumns.map((c) => row[c]));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) =>
	`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The text of a cell as a person sees it (rich text joined, links by their text, dates as ISO). */
function cellText(cell: ExcelJS.Cell): string {
	const v = cell.value;
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number') return String(v);
	if (typeof v === 'boolean') return v ? 'ja' : 'nee';
	if (v instanceof Date) {
		// Excel stores dates without a zone: a typed date has no time part.
		const midnight = v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0;
		return midnight ? isoDate(v) : v.toISOString();
	}
	if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
	if (typeof v === 'object' && 'text' in v) {
		const t: unknown = v.text;
		if (typeof t === 'string') return t;
		if (t && typeof t === 'object' && 'richText' in t)
			return (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
	}
	return cell.text ?? '';
}

const isFormula = (cell: ExcelJS.Cell) =>
	cell.type === ExcelJS.ValueType.Formula ||
	Boolean(cell.formula) ||
	Boolean((cell.value as { sharedFormula?: string } | null)?.sharedFormula);

/**
 * Read the first sheet. Formulas and merged cells are refused: their values depend on what Excel
 * last computed or on which cell holds the text, so an import could silently take the wrong value.
 */
export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<ParsedFile> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(data as ArrayBuffer);
	} catch {
		return {
			rows: [],
			errors: [{ line: 1, message: 'Dit is geen leesbaar Excel-bestand (.xlsx).' }]
		};
	}
	const sheet = workbook.worksheets[0];
	if (!sheet)
		return { rows: [], errors: [{ line: 1, message: 'Het bestand bevat geen werkblad.' }] };

	const errors: RowError[] = [];
	const lines: { line: number; cells: string[] }[] = [];
	const width = Math.max(sheet.columnCount, exchangeColumns.length);
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const formulas: string[] = [];
		const merged: string[] = [];
		const cells: string[] = [];
		for (let col = 1; col <= width; col++) {
			const cell = row.getCell(col);
			if (isFormula(cell)) formulas.push(cell.address);
			if (cell.isMerged) merged.push(cell.address);
			cells.push(isFormula(cell) || (cell.isMerged && cell.master !== cell) ? '' : cellText(cell));
		}
		if (formulas.length) {
			errors.push({
				line: rowNumber,
				message: `Formule in cel ${formulas.join(', ')} (werkblad "${sheet.name}", rij ${rowNumber}): vervang formules door waarden.`
			});
		}
		if (merged.length) {
			errors.push({
				line: rowNumber,
				message: `Samengevoegde cellen ${merged.join(', ')} (werkblad "${sheet.name}", rij ${rowNumber}): maak de samenvoeging ongedaan.`
			});
		}
		lines.push({ line: rowNumber, cells });
	});
	const [head, ...body] = lines;
	if (!head) return { rows: [], errors: [{ line: 1, message: 'Het werkblad is leeg.' }] };
	errors.unshift(...checkHeader(head.cells, head.line));
	if (errors.length) return { rows: [], errors };
	return {
		rows: body
			.filter((l) => !isBlankRow(l.cells))
			.map((l) => ({ line: l.line, values: rowFrom(head.cells, l.cells) })),
		errors: []
	};
}
