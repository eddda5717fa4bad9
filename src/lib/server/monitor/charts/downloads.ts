/**
 * Downloads of the public monitor: an indicator's observations as CSV and XLSX (long layout, one
 * row per area and period, the columns the import reads back), and each chart as SVG.
 *
 * CSV follows the decisions register export (Belgian Excel): UTF-8 with a BOM, `;` between
 * fields, CRLF, and values with a decimal comma (`76,1`), no thousands separator. XLSX holds
 * values as numbers with the indicator's decimals. PNG is not offered: the SVG is the image.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { today } from '../../clock';
import { guardFormula } from '../../exchange/csv';
import { download } from '../../files/serve';
import { load } from '../../http';
import { tr } from '../../../i18n';
import { indicatorByCode, indicatorObservations, type Indicator } from '../monitor.queries';
import { indicatorChartSvg } from './pages';

export const observationColumns = [
	'indicator',
	'nis_code',
	'area',
	'level',
	'period',
	'value',
	'unit',
	'status',
	'origin',
	'example'
] as const;

/** One observation as the downloads (and the API's CSV) write it. */
export type ObservationLine = {
	indicator: string;
	/** The NIS code, or the slug of a platform region. */
	areaKey: string;
	areaName: string;
	level: string;
	period: string;
	value: number | null;
	unit: string;
	status: string;
	origin: string;
	isExample: boolean;
};

const cells = (o: ObservationLine) => [
	o.indicator,
	o.areaKey,
	o.areaName,
	o.level,
	o.period,
	o.value,
	o.unit,
	o.status,
	o.origin,
	o.isExample ? 'ja' : 'nee'
];

/**
 * CSV as Belgian Excel opens it and the import reads it back: UTF-8 with BOM, `;`, CRLF, values
 * with a decimal comma (`76,1`) and no thousands separator, formula-guarded cells. Shared by the
 * monitor's downloads and the plans' measure downloads.
 */
export function belgianCsv(
	columns: readonly string[],
	rows: (string | number | null | undefined)[][]
): string {
	return (
		'\uFEFF' +
		stringify(
			rows.map((row) =>
				row.map((c) =>
					typeof c === 'number' ? String(c).replace('.', ',') : guardFormula(c ?? '')
				)
			),
			{ header: true, columns: [...columns], delimiter: ';', record_delimiter: '\r\n' }
		)
	);
}

export function observationTableCsv(lines: ObservationLine[]): string {
	return belgianCsv(observationColumns, lines.map(cells));
}

type Rows = Awaited<ReturnType<typeof indicatorObservations>>;

const linesOf = (indicator: Indicator, rows: Rows): ObservationLine[] =>
	rows.map((r) => ({
		indicator: indicator.code,
		areaKey: r.nisCode ?? r.slug,
		areaName: tr(r.name, 'nl'),
		level: r.level,
		period: r.period,
		value: r.value,
		unit: indicator.unit,
		status: r.status,
		origin: r.origin,
		isExample: r.isExample
	}));

export function observationsCsv(indicator: Indicator, rows: Rows): string {
	return observationTableCsv(linesOf(indicator, rows));
}

export async function observationsXlsx(indicator: Indicator, rows: Rows): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Streekplatform';
	const sheet = workbook.addWorksheet('Gegevens', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = observationColumns.map((c) => ({
		header: c,
		key: c,
		width: c === 'area' ? 28 : 14,
		style:
			c === 'value'
				? { numFmt: indicator.decimals > 0 ? `0.${'0'.repeat(indicator.decimals)}` : '0' }
				: { numFmt: '@' }
	}));
	sheet.getRow(1).font = { bold: true };
	for (const line of linesOf(indicator, rows)) sheet.addRow(cells(line));
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Public figures: caches may keep them a few minutes. */
const CACHE = 'public, max-age=300';

/** GET …/gegevens.csv and …/gegevens.xlsx. */
export async function observationsDownload(
	event: RequestEvent<{ code: string }>,
	format: 'csv' | 'xlsx'
) {
	const { db } = event.locals;
	const indicator = await load(indicatorByCode(db, event.params.code));
	const rows = await indicatorObservations(db, indicator);
	const name = `${indicator.code}-${today()}.${format}`;
	return format === 'csv'
		? download(observationsCsv(indicator, rows), 'text/csv; charset=utf-8', name, CACHE)
		: download(
				new Uint8Array(await observationsXlsx(indicator, rows)),
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				name,
				CACHE
			);
}

/** GET …/reeks.svg, …/rangschikking.svg, …/kaart.svg with the page's choices. */
export async function chartDownload(event: RequestEvent<{ code: string; chart: string }>) {
	const q = event.url.searchParams;
	const svg = await load(
		indicatorChartSvg(
			event.locals.db,
			event.params.code,
			event.params.chart,
			{
				gebied: q.get('gebied') ?? undefined,
				regio: q.get('regio') ?? undefined,
				periode: q.get('periode') ?? undefined
			},
			event.locals.locale
		)
	);
	if (!svg) return new Response('Niet gevonden.', { status: 404 });
	return download(
		`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`,
		'image/svg+xml; charset=utf-8',
		`${event.params.code}-${event.params.chart}.svg`,
		CACHE
	);
}
