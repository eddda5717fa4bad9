/** A time series chart: one line per area, periods on the x axis, with markers and a legend. */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import type { Locale } from '../../../i18n';
import { esc, formatTick, lineStyles, markerPath, r1, svgDocument, type ChartFrame } from './svg';

export type LineSeries = {
	label: string;
	points: { period: string; label: string; value: number | null }[];
};

export type LineChartInput = ChartFrame & { series: LineSeries[]; locale: Locale; unit: string };

const W = 640;
const M = { top: 28, right: 16, bottom: 40, left: 56 };
const PLOT_H = 240;

export function lineChart(input: LineChartInput): string {
	const periods = new Map<string, string>();
	for (const s of input.series) for (const p of s.points) periods.set(p.period, p.label);
	const xs = [...periods.keys()].sort();
	const values = input.series.flatMap((s) =>
		s.points.flatMap((p) => (p.value === null ? [] : [p.value]))
	);
	const legendRows = Math.ceil(input.series.length / 2);
	const H = M.top + PLOT_H + M.bottom + legendRows * 22 + 8;
	if (values.length === 0) {
		return svgDocument(
			input,
			W,
			80,
			`<text x="${W / 2}" y="45" text-anchor="middle" font-size="15" fill="#1b1b1b">—</text>`
		);
	}
	// Lines show change: the axis fits the values (bars, which show size, start at zero).
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const y = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.nice()
		.range([M.top + PLOT_H, M.top]);
	const x = scalePoint<string>()
		.domain(xs)
		.range([M.left, W - M.right])
		.padding(0.3);
	const parts: string[] = [];
	// Grid and y axis.
	for (const tick of y.ticks(5)) {
		const ty = r1(y(tick));
		parts.push(
			`<line x1="${M.left}" x2="${W - M.right}" y1="${ty}" y2="${ty}" stroke="#d0d7de" stroke-width="1"/>`,
			`<text x="${M.left - 6}" y="${ty + 4}" text-anchor="end" font-size="12" fill="#3d3d3d">${esc(formatTick(tick, input.locale))}</text>`
		);
	}
	if (input.unit && input.unit !== 'aantal') {
		parts.push(
			`<text x="${M.left - 6}" y="${M.top - 12}" text-anchor="end" font-size="12" fill="#3d3d3d">${esc(input.unit)}</text>`
		);
	}
	// X axis labels: every label when few, else a thinned set.
	const step = Math.max(1, Math.ceil(xs.length / 8));
	xs.forEach((p, i) => {
		if (i % step !== 0 && i !== xs.length - 1) return;
		parts.push(
			`<text x="${r1(x(p)!)}" y="${M.top + PLOT_H + 20}" text-anchor="middle" font-size="12" fill="#3d3d3d">${esc(periods.get(p)!)}</text>`
		);
	});
	parts.push(
		`<line x1="${M.left}" x2="${W - M.right}" y1="${M.top + PLOT_H}" y2="${M.top + PLOT_H}" stroke="#3d3d3d"/>`
	);
	input.series.forEach((s, i) => {
		const style = lineStyles[i % lineStyles.length];
		const pts = s.points
			.filter((p) => x(p.period) !== undefined)
			.sort((a, b) => a.period.localeCompare(b.period));
		const path = line<(typeof pts)[number]>()
			.defined((p) => p.value !== null)
			.x((p) => r1(x(p.period)!))
			.y((p) => r1(y(p.value ?? 0)))(pts);
		if (path) {
			parts.push(
				`<path d="${path}" fill="none" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
			);
		}
		for (const p of pts) {
			if (p.value === null) continue;
			parts.push(
				`<path d="${markerPath(style.marker, r1(x(p.period)!), r1(y(p.value)))}" fill="${style.colour}"/>`
			);
		}
		// Legend below the plot, two columns.
		const lx = M.left + (i % 2) * 280;
		const ly = M.top + PLOT_H + M.bottom + Math.floor(i / 2) * 22 + 4;
		parts.push(
			`<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${style.colour}" stroke-width="2.5"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
			`<path d="${markerPath(style.marker, lx + 14, ly)}" fill="${style.colour}"/>`,
			`<text x="${lx + 36}" y="${ly + 5}" font-size="13" fill="#1b1b1b">${esc(s.label)}</text>`
		);
	});
	return svgDocument(input, W, H, parts.join(''));
}
