/**
 * The one column list of the people + memberships exchange: export writes these columns, import
 * reads exactly these (in any order). One row = one membership with its person; a person without
 * memberships has a row with the membership columns empty. People and memberships are keyed on
 * their UUIDs; bodies and organisations on their slugs (unique, readable, and stable across fresh
 * databases because seeded ids are derived from them).
 */
export const exchangeColumns = [
	'person_id',
	'given_name',
	'family_name',
	'email',
	'phone',
	'membership_id',
	'body_slug',
	'role',
	'organisation_slug',
	'start_on',
	'end_on',
	'public_name',
	'public_name_consent_at',
	'note'
] as const;

export type ExchangeColumn = (typeof exchangeColumns)[number];

/** A row as text, exactly as it is written to or read from a file. */
export type ExchangeRow = Record<ExchangeColumn, string>;

/** A row read from a file, with the line (CSV) or sheet row (XLSX) it came from. */
export type SourceRow = { line: number; values: ExchangeRow };

/** A problem with one line of a file (line 1 is the header). */
export type RowError = { line: number; message: string };

/** What a parser returns: rows, or the reasons the file cannot be read. */
export type ParsedFile = { rows: SourceRow[]; errors: RowError[] };

export const personColumns = ['given_name', 'family_name', 'email', 'phone'] as const;
export const membershipColumns = [
	'body_slug',
	'role',
	'organisation_slug',
	'start_on',
	'end_on',
	'public_name',
	'public_name_consent_at',
	'note'
] as const;

/** Check a header line: every column once, nothing unknown. Messages are in Dutch. */
export function checkHeader(header: string[], line = 1): RowError[] {
	const names = header.map((h) =>
		h
			.trim()
			.replace(/^\uFEFF/, '')
			.toLowerCase()
	);
	const errors: RowError[] = [];
	const unknown = names.filter(
		(n) => n !== '' && !(exchangeColumns as readonly string[]).includes(n)
	);
	if (unknown.length)
		errors.push({ line, message: `Onbekende kolom(men): ${unknown.join(', ')}.` });
	const missing = exchangeColumns.filter((c) => !names.includes(c));
	if (missing.length)
		errors.push({ line, message: `Ontbrekende kolom(men): ${missing.join(', ')}.` });
	const twice = names.filter((n, i) => n !== '' && names.indexOf(n) !== i);
	if (twice.length) errors.push({ line, message: `Kolom staat dubbel: ${twice.join(', ')}.` });
	return errors;
}

/** Build a row from a header and cell texts (trimmed; missing cells are empty). */
export function rowFrom(header: string[], cells: string[]): ExchangeRow {
	const names = header.map((h) =>
		h
			.trim()
			.replace(/^\uFEFF/, '')
			.toLowerCase()
	);
	const row = Object.fromEntries(exchangeColumns.map((c) => [c, ''])) as ExchangeRow;
	names.forEach((name, i) => {
		if ((exchangeColumns as readonly string[]).includes(name)) {
			row[name as ExchangeColumn] = (cells[i] ?? '').trim();
		}
	});
	return row;
}

export const isBlankRow = (cells: string[]) => cells.every((c) => c.trim() === '');
