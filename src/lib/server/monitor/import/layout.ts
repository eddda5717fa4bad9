/**
 * What a table of observations looks like: which row is the header, which column holds the NIS
 * code, whether it is long (one row per observation: NIS, period, value [, indicator] [, status])
 * or wide (one column per period), and which decimal mark its numbers use. Pure functions.
 */
import type { ObservationStatus } from '../../db/schema';
import { parsePeriod, type Period } from '../periods';

export type TableLayout = {
	/** Line of the header row (title lines above it are ignored). */
	headerLine: number;
	headers: string[];
	kind: 'long' | 'wide';
	nisColumn: number;
	indicatorColumn?: number;
	periodColumn?: number;
	valueColumn?: number;
	statusColumn?: number;
	/** The origin column of the platform's own downloads (`origin`: supplied, aggregated…). */
	originColumn?: number;
	/** Wide: the columns whose header is a period. */
	periodColumns: { column: number; period: Period }[];
};

/** Header names compared without case, spaces, dashes or underscores. */
const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** In order of preference: Statbel's municipality code first, then generic names. */
const nisNames = [
	'cdmuntyrefnis',
	'cdrefnis',
	'refnis',
	'niscode',
	'nis',
	'codenis',
	'nisgemeente',
	'geocode',
	'gebiedcode',
	'gebiedscode',
	'cdmunty',
	'code'
];
const indicatorNames = ['indicator', 'indicatorcode', 'cdindicator', 'onderwerpcode'];
const periodNames = [
	'periode',
	'period',
	'jaar',
	'year',
	'cdyear',
	'refperiod',
	'cdperiod',
	'peildatum',
	'datum',
	'date',
	'kwartaal',
	'quarter',
	'maand',
	'month',
	'tijd',
	'time'
];
const valueNames = ['waarde', 'value', 'msvalue', 'aantal', 'count'];
const statusNames = ['status', 'statuut', 'cdstatus', 'flag'];
const originNames = ['origin', 'herkomst'];

const find = (headers: string[], names: string[]) => {
	const normal = headers.map(norm);
	for (const name of names) {
		const i = normal.indexOf(name);
		if (i >= 0) return i;
	}
	return undefined;
};

export const layoutMessages = {
	noNis:
		'Geen kolom met NIS-codes gevonden in de eerste 20 regels. Verwacht wordt een kolomkop als CD_REFNIS, cd_munty_refnis, NIS code of NIS.',
	noPeriod:
		'Geen periode gevonden: het bestand heeft geen kolom Periode/Jaar (lang formaat) en geen kolommen met een jaar of periode als kop (breed formaat).',
	noValue:
		'Geen kolom met waarden gevonden: een bestand in lang formaat heeft een kolom Waarde (of Value, MS_…).'
};

/**
 * Find the header among the first rows and read the layout from it. Returns a Dutch message when
 * the table cannot be understood.
 */
export function detectLayout(
	rows: { line: number; cells: string[] }[]
): TableLayout | { error: string } {
	const header = rows.slice(0, 20).find((r) => find(r.cells, nisNames) !== undefined);
	if (!header) return { error: layoutMessages.noNis };
	const headers = header.cells.map((c) => c.trim());
	const nisColumn = find(headers, nisNames)!;
	const indicatorColumn = find(headers, indicatorNames);
	const periodColumn = find(headers, periodNames);
	const statusColumn = find(headers, statusNames);
	const originColumn = find(headers, originNames);
	let valueColumn = find(headers, valueNames);
	if (valueColumn === undefined) {
		// Statbel's measure columns: MS_POPULATION, MS_NUM_…
		const measures = headers.map((h, i) => [norm(h), i] as const).filter(([h]) => /^ms/.test(h));
		if (measures.length === 1) valueColumn = measures[0][1];
	}
	const base = {
		headerLine: header.line,
		headers,
		nisColumn,
		indicatorColumn,
		statusColumn,
		originColumn
	};
	if (periodColumn !== undefined) {
		if (valueColumn === undefined) return { error: layoutMessages.noValue };
		return { ...base, kind: 'long', periodColumn, valueColumn, periodColumns: [] };
	}
	const periodColumns = headers
		.map((h, column) => ({ column, period: parsePeriod(h) }))
		.filter(
			(c): c is { column: number; period: Period } =>
				c.period !== null &&
				c.column !== nisColumn &&
				c.column !== statusColumn &&
				c.column !== originColumn
		);
	if (!periodColumns.length) return { error: layoutMessages.noPeriod };
	return { ...base, kind: 'wide', periodColumns };
}

export type DecimalMark = ',' | '.';

/**
 * The decimal mark of a file, from a sample of its value cells: `1,5` and `1.234,5` speak for a
 * comma, `1.5` and `1,234.5` for a point; `1.234` alone is ambiguous. Without evidence, a file
 * separated by `;` (Belgian Excel) uses a comma.
 */
export function detectDecimal(samples: string[], delimiter?: string): DecimalMark {
	let comma = 0;
	let point = 0;
	for (const raw of samples) {
		const s = raw.trim();
		if (/^[-+]?\d+,\d+$/.test(s) && !/^[-+]?\d{1,3},\d{3}$/.test(s)) comma++;
		else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) comma++;
		else if (/^[-+]?\d+\.\d+$/.test(s) && !/^[-+]?\d{1,3}\.\d{3}$/.test(s)) point++;
		else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(s)) point++;
	}
	if (comma !== point) return comma > point ? ',' : '.';
	return delimiter === ';' ? ',' : '.';
}

const plainComma = /^-?\d+(,\d+)?$/;
const plainPoint = /^-?\d+(\.\d+)?$/;

/** A number as written with the given decimal mark (thousands separators allowed); NaN if not. */
export function parseNumber(raw: string, decimal: DecimalMark): number {
	// The usual case first: digits with at most one decimal mark.
	if ((decimal === ',' ? plainComma : plainPoint).test(raw)) {
		return Number(decimal === ',' ? raw.replace(',', '.') : raw);
	}
	const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	if (decimal === ',') {
		const plain = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '') : s;
		if (!/^[-+]?(\d+(,\d*)?|,\d+)$/.test(plain)) {
			// A typed number (XLSX, JSON) is written with a point whatever the file's mark.
			return /^[-+]?\d+\.\d+(e[-+]?\d+)?$/i.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)
				? Number(s)
				: NaN;
		}
		return Number(plain.replace(',', '.'));
	}
	const plain = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return NaN;
	return Number(plain);
}

const statusWords: Record<string, ObservationStatus> = {
	'': 'final',
	final: 'final',
	definitief: 'final',
	def: 'final',
	provisional: 'provisional',
	voorlopig: 'provisional',
	voorl: 'provisional',
	p: 'provisional',
	estimated: 'estimated',
	geschat: 'estimated',
	schatting: 'estimated',
	raming: 'estimated',
	e: 'estimated',
	missing: 'missing',
	ontbrekend: 'missing',
	confidential: 'confidential',
	vertrouwelijk: 'confidential',
	geheim: 'confidential',
	c: 'confidential'
};

/** A status cell in Dutch or English (`voorlopig`, `provisional`, `p`…); undefined if unknown. */
export const parseStatus = (raw: string): ObservationStatus | undefined =>
	statusWords[raw.trim().toLowerCase().replace(/\.$/, '')];

/**
 * Values the platform computes itself (aggregated to larger areas and regions, derived for a
 * merged municipality), as its downloads mark them in their origin column: an import skips them.
 */
export const isComputedOrigin = (raw: string) =>
	['aggregated', 'derived', 'geaggregeerd', 'afgeleid'].includes(raw.trim().toLowerCase());
