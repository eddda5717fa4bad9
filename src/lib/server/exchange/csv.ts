import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
	checkHeader,
	exchangeColumns,
	isBlankRow,
	rowFrom,
	type ExchangeRow,
	type ParsedFile
} from './columns';

/**
 * A cell starting with = + - @ (or a tab or carriage return) would run as a formula when Excel
 * opens the CSV: such cells get a leading apostrophe, which the import removes again.
 */
const risky = /^[=+\-@\t\r]/;
const guard = (v: string) => (risky.test(v) ? `'${v}` : v);
const unguard = (v: string) => (v.startsWith("'") && risky.test(v.slice(1)) ? v.slice(1) : v);
/** The same guard for other CSV exports (the decisions register). */
export { guard as guardFormula, unguard as unguardFormula };

/**
 * UTF-8 with a byte-order mark and `;` between fields: what Excel in Belgium and the Netherlands
 * opens without an import wizard.
 */
export function toCsv(rows: ExchangeRow[]): string {
	return (
		'\uFEFF' +
		stringify(
			rows.map((r) => exchangeColumns.map((c) => guard(r[c]))),
			{ header: true, columns: [...exchangeColumns], delimiter: ';', record_delimiter: '\r\n' }
		)
	);
}

const breaks = (raw: string) => raw.match(/\r\n|\r|\n/g)?.length ?? 0;

/** Read a CSV export (or a hand-made file): `;` or `,` between fields, with or without a BOM. */
export function parseCsv(text: string): ParsedFile {
	const clean = text.replace(/^\uFEFF/, '');
	const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
	const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
	let records: { record: string[]; raw: string; info: { lines: number } }[];
	try {
		records = parse(clean, {
			delimiter,
			info: true,
			relax_column_count: true,
			raw: true,
			skip_empty_lines: false,
			bom: true
		}) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
	} catch (e) {
		const line = (e as { lines?: number }).lines ?? 1;
		return {
			rows: [],
			errors: [
				{ line, message: 'Dit is geen leesbaar CSV-bestand (controleer de aanhalingstekens).' }
			]
		};
	}
	const [head, ...body] = records;
	if (!head) return { rows: [], errors: [{ line: 1, message: 'Het bestand is leeg.' }] };
	const errors = checkHeader(head.record, head.info.lines);
	if (errors.length) return { rows: [], errors };
	// A quoted field may span lines (and csv-parse's own count is off after a CRLF inside quotes):
	// a row's line is the header's plus the line breaks in the raw text of the records before it.
	let line = 1 + breaks(head.raw);
	const rows = body
		.map((r) => {
			const at = line;
			line += breaks(r.raw);
			return { r, line: at };
		})
		.filter(({ r }) => !isBlankRow(r.record))
		.map(({ r, line }) => ({ line, values: rowFrom(head.record, r.record.map(unguard)) }));
	return { rows, errors: [] };
}
