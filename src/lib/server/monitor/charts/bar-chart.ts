/**
 * A horizontal ranked bar chart (the municipalities of a region for one period), with the
 * region's, province's and Flanders' values as labelled reference lines.
 */
import { scaleLinear } from 'd3-scale';
import type { Locale } from '../../../i18n';
import { esc, formatTick, formatValue, lineStyles, r1, svgDocument, type ChartFrame } from './svg';

export type BarChartInput = ChartFrame & {
	bars: { label: string; value: number | null; highlight?: boolean }[];
	references: { label: string; value: number | null }[];
	locale: Locale;
	unit: string;
	decimals: number;
	/** Written where a value is missing. */
	missingLabel: string;
};

const W = 640;
const LABEL_W = 170;
const VALUE_W = 86;
const BAR_H = 18;
const GAP = 6;

export function barChart(input: BarChartInput): string {
	const refs = input.references.filter((r) => r.value !== null);
	const values = [
		...input.bars.flatMap((b) => (b.value === null ? [] : [b.value])),
		...refs.map((r) => r.value!)
	];
	const lo = Math.min(0, ...values);
	const hi = Math.max(0, ...values);
	const x = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.nice()
		.range([LABEL_W, W - VALUE_W]);
	const top = 28 + refs.length * 18;
	const plotH = input.bars.length * (BAR_H + GAP);
	const H = top + plotH + 30;
	const parts: string[] = [];
	for (const tick of x.ticks(5)) {
		const tx = r1(x(tick));
		parts.push(
			`<line x1="${tx}" x2="${tx}" y1="${top - 4}" y2="${top + plotH}" stroke="#d0d7de"/>`,
			`<text x="${tx}" y="${top + plotH + 18}" text-anchor="middle" font-size="12" fill="#3d3d3d">${esc(formatTick(tick, input.locale))}</text>`
		);
	}
	input.bars.forEach((b, i) => {
		const y = top + i * (BAR_H + GAP);
		const label = b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label;
		parts.push(
			`<text x="${LABEL_W - 6}" y="${y + 13}" text-anchor="end" font-size="13" fill="#1b1b1b"${b.highlight ? ' font-weight="700"' : ''}>${esc(label)}</text>`
		);
		if (b.value === null) {
			parts.push(
				`<text x="${LABEL_W + 4}" y="${y + 13}" font-size="12" fill="#3d3d3d">${esc(input.missingLabel)}</text>`
			);
			return;
		}
		const x0 = x(Math.min(0, b.value));
		const x1 = x(Math.max(0, b.value));
		parts.push(
			`<rect x="${r1(x0)}" y="${y}" width="${r1(Math.max(1, x1 - x0))}" height="${BAR_H}" fill="${b.highlight ? '#b34700' : '#0b5f99'}"/>`,
			`<text x="${W - VALUE_W + 6}" y="${y + 13}" font-size="12" fill="#1b1b1b">${esc(formatValue(b.value, input.unit, input.decimals, input.locale))}</text>`
		);
	});
	// Reference lines across the bars, each named in a key above the plot.
	refs.forEach((r, i) => {
		const style = lineStyles[(i + 1) % lineStyles.length];
		const rx = r1(x(r.value!));
		parts.push(
			`<line x1="${rx}" x2="${rx}" y1="${top - 4}" y2="${top + plotH}" stroke="${style.colour}" stroke-width="2" stroke-dasharray="${style.dash || '6 3'}"/>`,
			`<line x1="8" x2="36" y1="${14 + i * 18}" y2="${14 + i * 18}" stroke="${style.colour}" stroke-width="2" stroke-dasharray="${style.dash || '6 3'}"/>`,
			`<text x="42" y="${18 + i * 18}" font-size="12" fill="#1b1b1b">${esc(`${r.label}: ${formatValue(r.value, input.unit, input.decimals, input.locale)}`)}</text>`
		);
	});
	return svgDocument(input, W, H, parts.join(''));
}
