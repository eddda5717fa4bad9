/** A sparkline: an indicator's series for one area in a small box, its last value marked. */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { r1, svgDocument, type ChartFrame } from './svg';

export type SparklineInput = ChartFrame & { values: (number | null)[] };

export function sparkline(input: SparklineInput): string {
	const W = 160;
	const H = 40;
	const known = input.values.flatMap((v) => (v === null ? [] : [v]));
	if (known.length === 0) return svgDocument({ ...input, exampleLabel: undefined }, W, H, '');
	const lo = Math.min(...known);
	const hi = Math.max(...known);
	const x = scaleLinear()
		.domain([0, Math.max(1, input.values.length - 1)])
		.range([4, W - 8]);
	const y = scaleLinear()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.range([H - 6, 6]);
	const d = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => r1(x(i)))
		.y((v) => r1(y(v ?? 0)))(input.values);
	const last = input.values.length - 1 - [...input.values].reverse().findIndex((v) => v !== null);
	const lastValue = input.values[last]!;
	return svgDocument(
		{ ...input, exampleLabel: undefined },
		W,
		H,
		`<path d="${d}" fill="none" stroke="#0b5f99" stroke-width="2"/>` +
			`<circle cx="${r1(x(last))}" cy="${r1(y(lastValue))}" r="3.5" fill="#b34700"/>`
	);
}
