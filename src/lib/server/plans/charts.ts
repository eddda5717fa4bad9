/**
 * A measure of a plan as a chart, a table and a CSV file: the baseline, the trajectory (linear or
 * stepped through the intermediate targets), the targets and the actual values, from
 * `measureSeries`. Pure functions; the SVG is built with the monitor's chart pieces (frame,
 * escaping, colour-blind safe styles, markers, Belgian formats) and the CSV with its writer.
 *
 * Time runs on a real time axis (period starts), so a trajectory between far-apart periods is
 * drawn as the straight line the status rules measure against.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { translate, translator, type Locale } from '../../i18n';
import { belgianCsv } from '../monitor/charts/downloads';
import { periodLabel } from '../monitor/periods';
import {
	esc,
	formatTick,
	formatValue,
	lineStyles,
	markerPath,
	r1,
	svgDocument
} from '../monitor/charts/svg';
import type { MeasureSeries } from './plans.queries';
import { expectedAt, type MeasureFacts } from './status';

/** The marks of the chart: each its own colour *and* line or shape (never colour alone). */
export const measureStyles = {
	actual: lineStyles[0],
	trajectory: lineStyles[1],
	target: lineStyles[2],
	baseline: lineStyles[3]
} as const;

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

const factsOf = (s: MeasureSeries): MeasureFacts => ({
	unit: s.measure.indicator.unit,
	decimals: s.measure.indicator.decimals,
	direction: s.measure.direction,
	trajectory: s.measure.trajectory,
	baseline: s.baseline,
	target: s.target,
	milestones: s.intermediateTargets,
	latest: null
});

/** Observations after the baseline period (the ones that say how the measure is doing). */
const afterBaseline = (s: MeasureSeries) =>
	s.actuals.filter((a) => dayOf(a.periodStart) > dayOf(s.baseline.periodStart));

export type MeasureRow = {
	period: string;
	periodStart: string;
	/** What the period is for the plan: the baseline, an intermediate target, the target. */
	role: 'baseline' | 'intermediate' | 'target' | null;
	actual: number | null;
	/** What the trajectory expects at the period's start. */
	expected: number;
	/** The (intermediate) target set for this period. */
	target: number | null;
};

const round = (v: number, decimals: number) => {
	const f = 10 ** decimals;
	return Math.round(v * f) / f;
};

/**
 * One row per period that has a baseline, a target or an observation, in time order. The
 * trajectory's value is rounded to the indicator's decimals.
 */
export function measureRows(s: MeasureSeries): MeasureRow[] {
	const facts = factsOf(s);
	const rows = new Map<string, MeasureRow>();
	const row = (p: { period: string; periodStart: string }) => {
		let r = rows.get(p.period);
		if (!r) {
			r = {
				period: p.period,
				periodStart: p.periodStart,
				role: null,
				actual: null,
				expected: round(expectedAt(facts, p.periodStart), s.measure.indicator.decimals),
				target: null
			};
			rows.set(p.period, r);
		}
		return r;
	};
	row(s.baseline).role = 'baseline';
	for (const t of s.intermediateTargets)
		Object.assign(row(t), { role: 'intermediate', target: t.value });
	Object.assign(row(s.target), { role: 'target', target: s.target.value });
	for (const a of s.actuals) row(a).actual = a.value;
	return [...rows.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
}

const valueOf = (s: MeasureSeries, v: number | null, locale: Locale) =>
	formatValue(v, s.measure.indicator.unit, s.measure.indicator.decimals, locale);

const at = (s: MeasureSeries, p: { period: string; value: number }, locale: Locale) =>
	`${valueOf(s, p.value, locale)} (${periodLabel(p.period, locale)})`;

/** The chart's title: what is measured where. */
export function measureTitle(s: MeasureSeries, locale: Locale): string {
	return translate(locale, 'plans.measure.heading', {
		indicator: s.measure.indicator.name,
		area: s.measure.area.name
	});
}

/**
 * Baseline, targets and the latest value in sentences, then the status and the sentence that
 * explains it: the chart's description and the page's summary.
 */
export function measureSummary(s: MeasureSeries, locale: Locale): string {
	const t = translator(locale);
	const latest = afterBaseline(s).at(-1);
	const parts = [
		t('plans.measure.summary.baseline', { value: at(s, s.baseline, locale) }),
		t('plans.measure.summary.target', { value: at(s, s.target, locale) }),
		s.intermediateTargets.length
			? t('plans.measure.summary.intermediate', {
					values: s.intermediateTargets.map((p) => at(s, p, locale)).join(', ')
				})
			: '',
		latest
			? t('plans.measure.summary.latest', { value: at(s, latest, locale) })
			: t('plans.measure.noActuals'),
		`${t(`plans.status.${s.status}`)}${s.overridden ? ` (${t('plans.manual')})` : ''}: ${s.explanation}`
	];
	return parts.filter(Boolean).join(' ');
}

const W = 640;
const M = { top: 36, right: 24, bottom: 40, left: 64 };
const PLOT_H = 240;
const LEGEND_ROW = 22;

/** Labels on the time axis: the baseline and the target always, others where they fit. */
function axisLabels(candidates: { x: number; label: string; keep: boolean }[]) {
	const width = (label: string) => label.length * 6.5;
	const kept = candidates.filter((c) => c.keep);
	for (const c of candidates.filter((c) => !c.keep).sort((a, b) => a.x - b.x)) {
		if (kept.every((k) => Math.abs(k.x - c.x) >= (width(k.label) + width(c.label)) / 2 + 8)) {
			kept.push(c);
		}
	}
	return kept;
}

const dashOf = (dash: string) => (dash ? ` stroke-dasharray="${dash}"` : '');

/**
 * The measure as an accessible SVG: title and description (baseline, target, latest value, the
 * status and its explanation), the baseline (diamond), the trajectory (dashed), the targets
 * (triangles; intermediate ones hollow), the actual values (solid line with circles) and a legend
 * in words. Without observations after the baseline, a line under the legend says so.
 */
export function measureChart(s: MeasureSeries, locale: Locale, id = 'meting'): string {
	const unit = s.measure.indicator.unit;
	const st = measureStyles;
	const observed = afterBaseline(s).length > 0;
	const hasIntermediate = s.intermediateTargets.length > 0;
	const legend = [
		...(s.actuals.length
			? [{ key: 'actual', label: translate(locale, 'plans.measure.actual') }]
			: []),
		{ key: 'trajectory', label: translate(locale, 'plans.measure.trajectory') },
		{ key: 'baseline', label: translate(locale, 'plans.measure.baseline') },
		{ key: 'target', label: translate(locale, 'plans.measure.target') },
		...(hasIntermediate
			? [{ key: 'intermediate', label: translate(locale, 'plans.measure.intermediate') }]
			: [])
	];
	const legendTop = M.top + PLOT_H + M.bottom;
	const legendRows = Math.ceil(legend.length / 2) + (observed ? 0 : 1);
	const H = legendTop + legendRows * LEGEND_ROW + 8;

	const days = [s.baseline, s.target, ...s.intermediateTargets, ...s.actuals].map((p) =>
		dayOf(p.periodStart)
	);
	const values = [
		...s.trajectory.map((p) => p.value),
		...s.actuals.map((p) => p.value),
		s.baseline.value,
		s.target.value
	];
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const first = Math.min(...days);
	const last = Math.max(...days);
	const x = scaleLinear()
		.domain([first, last === first ? first + 365 : last])
		.range([M.left + 20, W - M.right - 20]);
	const y = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.nice()
		.range([M.top + PLOT_H, M.top]);
	const px = (p: { periodStart: string }) => r1(x(dayOf(p.periodStart)));
	const py = (v: number) => r1(y(v));

	const parts: string[] = [];
	for (const tick of y.ticks(5)) {
		const ty = py(tick);
		parts.push(
			`<line x1="${M.left}" x2="${W - M.right}" y1="${ty}" y2="${ty}" stroke="#d0d7de" stroke-width="1"/>`,
			`<text x="${M.left - 6}" y="${ty + 4}" text-anchor="end" font-size="12" fill="#3d3d3d">${esc(formatTick(tick, locale))}</text>`
		);
	}
	if (unit && unit !== 'aantal') {
		parts.push(
			`<text x="${M.left - 6}" y="${M.top - 12}" text-anchor="end" font-size="12" fill="#3d3d3d">${esc(unit)}</text>`
		);
	}
	const periods = new Map<string, { x: number; label: string; keep: boolean }>();
	for (const p of [s.baseline, s.target, ...s.intermediateTargets, ...s.actuals]) {
		if (periods.has(p.period)) continue;
		periods.set(p.period, {
			x: px(p),
			label: periodLabel(p.period, locale),
			keep: p === s.baseline || p === s.target
		});
	}
	for (const l of axisLabels([...periods.values()])) {
		parts.push(
			`<text x="${l.x}" y="${M.top + PLOT_H + 20}" text-anchor="middle" font-size="12" fill="#3d3d3d">${esc(l.label)}</text>`
		);
	}
	parts.push(
		`<line x1="${M.left}" x2="${W - M.right}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}" stroke="#3d3d3d"/>`
	);

	// The trajectory under the actual values: a stepped one has two points at each step.
	const path = line<{ periodStart: string; value: number }>()
		.x(px)
		.y((p) => py(p.value));
	parts.push(
		`<path data-mark="trajectory" d="${path(s.trajectory)}" fill="none" stroke="${st.trajectory.colour}" stroke-width="2.5"${dashOf(st.trajectory.dash)}/>`
	);
	parts.push(
		`<path data-mark="baseline" d="${markerPath(st.baseline.marker, px(s.baseline), py(s.baseline.value), 6)}" fill="${st.baseline.colour}"/>`
	);
	for (const t of s.intermediateTargets) {
		parts.push(
			`<path data-mark="intermediate" data-period="${esc(t.period)}" d="${markerPath(st.target.marker, px(t), py(t.value), 5)}" fill="#ffffff" stroke="${st.target.colour}" stroke-width="2"/>`
		);
	}
	parts.push(
		`<path data-mark="target" d="${markerPath(st.target.marker, px(s.target), py(s.target.value), 6)}" fill="${st.target.colour}"/>`
	);
	if (s.actuals.length > 1) {
		parts.push(
			`<path data-mark="actual-line" d="${path(s.actuals)}" fill="none" stroke="${st.actual.colour}" stroke-width="2.5"/>`
		);
	}
	for (const a of s.actuals) {
		parts.push(
			`<circle data-mark="actual" data-period="${esc(a.period)}" cx="${px(a)}" cy="${py(a.value)}" r="4.5" fill="${st.actual.colour}" stroke="#ffffff" stroke-width="1"/>`
		);
	}

	// The legend in words, two columns, each entry with its own line or shape.
	legend.forEach((entry, i) => {
		const lx = M.left + (i % 2) * 290;
		const ly = legendTop + Math.floor(i / 2) * LEGEND_ROW + 4;
		const sample =
			entry.key === 'actual'
				? `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${st.actual.colour}" stroke-width="2.5"/><circle cx="${lx + 14}" cy="${ly}" r="4.5" fill="${st.actual.colour}"/>`
				: entry.key === 'trajectory'
					? `<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${st.trajectory.colour}" stroke-width="2.5"${dashOf(st.trajectory.dash)}/>`
					: entry.key === 'baseline'
						? `<path d="${markerPath(st.baseline.marker, lx + 14, ly, 6)}" fill="${st.baseline.colour}"/>`
						: entry.key === 'target'
							? `<path d="${markerPath(st.target.marker, lx + 14, ly, 6)}" fill="${st.target.colour}"/>`
							: `<path d="${markerPath(st.target.marker, lx + 14, ly, 5)}" fill="#ffffff" stroke="${st.target.colour}" stroke-width="2"/>`;
		parts.push(
			`<g data-legend="${entry.key}">${sample}<text x="${lx + 36}" y="${ly + 5}" font-size="13" fill="#1b1b1b">${esc(entry.label)}</text></g>`
		);
	});

	if (!observed) {
		// Said in words under the legend, over the full width.
		parts.push(
			`<text data-note="no-actuals" x="${M.left}" y="${legendTop + (legendRows - 1) * LEGEND_ROW + 9}" font-size="13" font-style="italic" fill="#1b1b1b">${esc(translate(locale, 'plans.measure.noActuals'))}</text>`
		);
	}

	return svgDocument(
		{
			id,
			title: measureTitle(s, locale),
			description: measureSummary(s, locale),
			exampleLabel: s.measure.isExample ? translate(locale, 'monitor.example') : undefined
		},
		W,
		H,
		parts.join('')
	);
}

const roleKey = {
	baseline: 'plans.measure.baseline',
	intermediate: 'plans.measure.intermediate',
	target: 'plans.measure.target'
} as const;

/**
 * The chart as a table (its accessible alternative): per period the actual value, what the
 * trajectory expects and the target set for it. `empty` says when nothing was measured after the
 * baseline yet.
 */
export function measureTable(s: MeasureSeries, locale: Locale) {
	const t = translator(locale);
	return {
		caption: translate(locale, 'plans.measure.tableCaption', {
			indicator: s.measure.indicator.name,
			area: s.measure.area.name
		}),
		columns: {
			period: t('plans.measure.period'),
			actual: t('plans.measure.actual'),
			expected: t('plans.measure.expected'),
			target: t('plans.measure.target')
		},
		rows: measureRows(s).map((r) => ({
			period: periodLabel(r.period, locale),
			role: r.role ? t(roleKey[r.role]) : null,
			actual: valueOf(s, r.actual, locale),
			expected: valueOf(s, r.expected, locale),
			target: r.target === null ? '—' : valueOf(s, r.target, locale)
		})),
		empty: afterBaseline(s).length ? null : t('plans.measure.noActuals')
	};
}

export const measureCsvColumns = [
	'indicator',
	'area',
	'period',
	'role',
	'actual',
	'expected',
	'target',
	'unit',
	'example'
] as const;

/** The table as CSV in the monitor's Belgian Excel style (BOM, `;`, CRLF, decimal comma). */
export function measureCsv(s: MeasureSeries): string {
	return belgianCsv(
		measureCsvColumns,
		measureRows(s).map((r) => [
			s.measure.indicator.code,
			s.measure.area.name,
			r.period,
			r.role ?? '',
			r.actual,
			r.expected,
			r.target,
			s.measure.indicator.unit,
			s.measure.isExample ? 'ja' : 'nee'
		])
	);
}
