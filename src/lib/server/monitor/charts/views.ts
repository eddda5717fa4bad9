/**
 * From the monitor's read models to what a page shows for each chart: the SVG, a data table with
 * a caption, a one-sentence summary and whether the data is example data. The same builders
 * serve the pages and the SVG downloads, so a download is exactly what the page shows.
 */
import { translate, tr, type Locale } from '../../../i18n';
import { periodLabel } from '../periods';
import type {
	AreaRef,
	Indicator,
	ObservationPoint,
	ProfileRow,
	SeriesLine,
	indicatorMap,
	indicatorRanking
} from '../monitor.queries';
import { barChart } from './bar-chart';
import { choropleth } from './choropleth';
import { lineChart } from './line-chart';
import { sparkline } from './sparkline';
import { formatValue } from './svg';

export type DataTable = {
	caption: string;
	columns: string[];
	rows: { header: string; cells: string[] }[];
};

export type ChartView = {
	id: string;
	title: string;
	svg: string;
	summary: string;
	table: DataTable;
	isExample: boolean;
};

type Ranking = Awaited<ReturnType<typeof indicatorRanking>>;
type MapData = Awaited<ReturnType<typeof indicatorMap>>;

const domainNames: Record<string, { nl: string; en: string }> = {
	demografie: { nl: 'Demografie', en: 'Demography' },
	arbeidsaanbod: { nl: 'Arbeidsaanbod', en: 'Labour supply' },
	arbeidsmarkt: { nl: 'Arbeidsmarkt', en: 'Labour market' },
	ondernemerschap: { nl: 'Ondernemerschap', en: 'Entrepreneurship' },
	werkgelegenheid: { nl: 'Werkgelegenheid', en: 'Employment' },
	jobs: { nl: 'Jobs', en: 'Jobs' },
	pendel: { nl: 'Pendel', en: 'Commuting' },
	onderwijs: { nl: 'Onderwijs', en: 'Education' },
	mobiliteit: { nl: 'Mobiliteit', en: 'Mobility' },
	wonen: { nl: 'Wonen', en: 'Housing' },
	welzijn: { nl: 'Welzijn', en: 'Welfare' },
	economie: { nl: 'Economie', en: 'Economy' }
};

/** A domain code as a heading (known domains translated, others capitalised). */
export function domainLabel(domain: string, locale: Locale): string {
	const known = domainNames[domain];
	if (known) return known[locale];
	const s = domain.replace(/[_-]+/g, ' ');
	return s.charAt(0).toUpperCase() + s.slice(1);
}

export const valueText = (indicator: Indicator, value: number | null, locale: Locale) =>
	formatValue(value, indicator.unit, indicator.decimals, locale);

/** A value with its flags: `76,1 % (voorlopig, berekend uit de gemeenten)`. */
export function pointText(indicator: Indicator, p: ObservationPoint | null, locale: Locale) {
	if (!p) return '—';
	const notes = pointNotes(p, locale);
	const text =
		p.value === null
			? translate(locale, `monitor.status.${p.status}` as 'monitor.status.missing')
			: valueText(indicator, p.value, locale);
	return notes.length && p.value !== null ? `${text} (${notes.join(', ')})` : text;
}

export function pointNotes(p: ObservationPoint, locale: Locale): string[] {
	const out: string[] = [];
	if (p.status !== 'final' && p.value !== null)
		out.push(translate(locale, `monitor.status.${p.status}` as 'monitor.status.provisional'));
	if (p.origin !== 'supplied')
		out.push(translate(locale, `monitor.origin.${p.origin}` as 'monitor.origin.aggregated'));
	return out;
}

/** A difference: `1,2 procentpunt` for percentages, else in the indicator's unit. */
export function diffText(indicator: Indicator, diff: number, locale: Locale) {
	return indicator.unit === '%'
		? `${formatValue(Math.abs(diff), '', indicator.decimals, locale)} ${translate(locale, 'monitor.points')}`
		: valueText(indicator, Math.abs(diff), locale);
}

/** "Werkzaamheidsgraad in Regio Leuven in 2024: 76,1 %, 1,2 procentpunt hoger dan in Vlaams Gewest." */
export function comparisonSentence(
	indicator: Indicator,
	area: { name: { nl: string; en?: string } },
	p: ObservationPoint | null,
	reference: { area: { name: { nl: string; en?: string } }; point: ObservationPoint | null } | null,
	locale: Locale
) {
	const base = { indicator: tr(indicator.name, locale), area: tr(area.name, locale) };
	if (!p || p.value === null) return translate(locale, 'monitor.summary.none', base);
	const params = {
		...base,
		period: periodLabel(p.period, locale),
		value: valueText(indicator, p.value, locale)
	};
	const ref = reference?.point?.value ?? null;
	if (ref === null || !reference) return translate(locale, 'monitor.summary.only', params);
	const rounded = (v: number) => Math.round(v * 10 ** indicator.decimals);
	const diff = p.value - ref;
	const full = {
		...params,
		reference: tr(reference.area.name, locale),
		diff: diffText(indicator, diff, locale)
	};
	if (rounded(p.value) === rounded(ref)) return translate(locale, 'monitor.summary.equal', full);
	return translate(locale, diff > 0 ? 'monitor.summary.higher' : 'monitor.summary.lower', full);
}

const areaName = (a: { name: { nl: string; en?: string } }, locale: Locale) => tr(a.name, locale);

/** The series of an area against its references. */
export function seriesView(
	indicator: Indicator,
	area: AreaRef,
	lines: SeriesLine[],
	locale: Locale
): ChartView {
	const id = 'reeks';
	const title = translate(locale, 'monitor.series.title', {
		indicator: tr(indicator.name, locale),
		area: areaName(area, locale)
	});
	const isExample = lines.some((l) => l.points.some((p) => p.isExample));
	const periods = [...new Set(lines.flatMap((l) => l.points.map((p) => p.period)))].sort();
	const own = lines[0]?.points.filter((p) => p.value !== null).at(-1) ?? null;
	const flanders = [...lines].reverse().find((l) => l.area.role !== 'area');
	const refPoint = own ? (flanders?.points.find((p) => p.period === own.period) ?? null) : null;
	const summary = comparisonSentence(
		indicator,
		area,
		own,
		flanders ? { area: flanders.area, point: refPoint } : null,
		locale
	);
	const svg = lineChart({
		id,
		title,
		description: summary,
		exampleLabel: isExample ? translate(locale, 'monitor.example') : undefined,
		locale,
		unit: indicator.unit,
		series: lines.map((l) => ({
			label: areaName(l.area, locale),
			points: l.points.map((p) => ({
				period: p.periodStart,
				label: periodLabel(p.period, locale),
				value: p.value
			}))
		}))
	});
	return {
		id,
		title,
		svg,
		summary,
		isExample,
		table: {
			caption: title,
			columns: [translate(locale, 'monitor.period'), ...lines.map((l) => areaName(l.area, locale))],
			rows: periods.map((period) => ({
				header: periodLabel(period, locale),
				cells: lines.map((l) =>
					pointText(indicator, l.points.find((p) => p.period === period) ?? null, locale)
				)
			}))
		}
	};
}

function rankingSummary(indicator: Indicator, ranking: Ranking, locale: Locale) {
	const known = ranking.municipalities.filter((m) => m.point?.value != null);
	if (!ranking.period || known.length === 0)
		return translate(locale, 'monitor.summary.rankingNone', {
			region: areaName(ranking.region, locale)
		});
	const byValue = [...known].sort((a, b) => b.point!.value! - a.point!.value!);
	const first = byValue[0];
	const last = byValue.at(-1)!;
	return translate(locale, 'monitor.summary.ranking', {
		period: periodLabel(ranking.period, locale),
		first: areaName(first.area, locale),
		firstValue: valueText(indicator, first.point!.value, locale),
		last: areaName(last.area, locale),
		lastValue: valueText(indicator, last.point!.value, locale),
		count: known.length,
		region: areaName(ranking.region, locale)
	});
}

function rankingTable(indicator: Indicator, ranking: Ranking, title: string, locale: Locale) {
	return {
		caption: title,
		columns: [
			translate(locale, 'monitor.area'),
			indicator.unit === 'aantal'
				? tr(indicator.name, locale)
				: `${tr(indicator.name, locale)} (${indicator.unit})`
		],
		rows: [
			...ranking.municipalities.map((m) => ({
				header: areaName(m.area, locale),
				cells: [
					m.point ? pointText(indicator, m.point, locale) : translate(locale, 'monitor.missing')
				]
			})),
			...ranking.references.map((r) => ({
				header: areaName(r.area, locale),
				cells: [
					r.point ? pointText(indicator, r.point, locale) : translate(locale, 'monitor.missing')
				]
			}))
		]
	};
}

const rankingExample = (ranking: Ranking) =>
	ranking.municipalities.some((m) => m.point?.isExample) ||
	ranking.references.some((r) => r.point?.isExample);

/** The ranked bar chart of a region's municipalities, the selected area highlighted. */
export function rankingView(
	indicator: Indicator,
	ranking: Ranking,
	locale: Locale,
	highlightId?: string
): ChartView {
	const id = 'rangschikking';
	const title = translate(locale, 'monitor.ranking.title', {
		indicator: tr(indicator.name, locale),
		region: areaName(ranking.region, locale),
		period: ranking.period ? periodLabel(ranking.period, locale) : '—'
	});
	const summary = rankingSummary(indicator, ranking, locale);
	const isExample = rankingExample(ranking);
	const svg = barChart({
		id,
		title,
		description: summary,
		exampleLabel: isExample ? translate(locale, 'monitor.example') : undefined,
		locale,
		unit: indicator.unit,
		decimals: indicator.decimals,
		missingLabel: translate(locale, 'monitor.missing'),
		bars: ranking.municipalities.map((m) => ({
			label: areaName(m.area, locale),
			value: m.point?.value ?? null,
			highlight: m.area.id === highlightId
		})),
		references: ranking.references.map((r) => ({
			label: areaName(r.area, locale),
			value: r.point?.value ?? null
		}))
	});
	return {
		id,
		title,
		svg,
		summary,
		isExample,
		table: rankingTable(indicator, ranking, title, locale)
	};
}

/** The map, or null when no municipality of the region has a boundary yet. */
export function mapView(indicator: Indicator, map: MapData, locale: Locale): ChartView | null {
	if (map.boundaries.length === 0) return null;
	const id = 'kaart';
	const title = translate(locale, 'monitor.map.title', {
		indicator: tr(indicator.name, locale),
		region: areaName(map.region, locale),
		period: map.period ? periodLabel(map.period, locale) : '—'
	});
	const geometry = new Map(map.boundaries.map((b) => [b.areaId, b.geometry]));
	const summary = rankingSummary(indicator, map, locale);
	const isExample = rankingExample(map);
	const svg = choropleth({
		id,
		title,
		description: `${summary} ${translate(locale, 'monitor.map.description')}`,
		exampleLabel: isExample ? translate(locale, 'monitor.example') : undefined,
		locale,
		unit: indicator.unit,
		decimals: indicator.decimals,
		missingLabel: translate(locale, 'monitor.missing'),
		areas: map.municipalities.flatMap((m) => {
			const g = geometry.get(m.area.id);
			return g
				? [{ label: areaName(m.area, locale), value: m.point?.value ?? null, geometry: g }]
				: [];
		})
	});
	return { id, title, svg, summary, isExample, table: rankingTable(indicator, map, title, locale) };
}

/** A profile row's sparkline (small multiples per domain). */
export function sparklineSvg(row: ProfileRow, area: AreaRef, locale: Locale, index: number) {
	const first = row.series[0];
	const last = row.series.at(-1);
	return sparkline({
		id: `spark-${index}`,
		title: translate(locale, 'monitor.profile.sparkline', {
			indicator: tr(row.indicator.name, locale),
			area: areaName(area, locale),
			from: first ? periodLabel(first.period, locale) : '—',
			to: last ? periodLabel(last.period, locale) : '—'
		}),
		description: row.series
			.map((p) => `${periodLabel(p.period, locale)}: ${pointText(row.indicator, p, locale)}`)
			.join('; '),
		values: row.series.map((p) => p.value)
	});
}
