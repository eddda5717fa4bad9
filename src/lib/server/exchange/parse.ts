import type { ParsedFile } from './columns';
import { parseCsv } from './csv';
import { parseXlsx } from './xlsx';

/** The largest file an import accepts (5 MB: tens of thousands of rows). */
export const maxImportBytes = 5 * 1024 * 1024;

/**
 * Read an uploaded file by its content, not its name: an XLSX is a ZIP archive (`PK\3\4`);
 * anything else must be UTF-8 text in CSV form.
 */
export async function parseExchangeFile(data: Uint8Array): Promise<ParsedFile> {
	if (data.byteLength === 0)
		return { rows: [], errors: [{ line: 1, message: 'Het bestand is leeg.' }] };
	if (data.byteLength > maxImportBytes) {
		return { rows: [], errors: [{ line: 1, message: 'Het bestand is groter dan 5 MB.' }] };
	}
	if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) {
		return parseXlsx(data);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		return {
			rows: [],
			errors: [
				{ line: 1, message: 'Dit is geen CSV-bestand in UTF-8 en geen Excel-bestand (.xlsx).' }
			]
		};
	}
	return parseCsv(text);
}
