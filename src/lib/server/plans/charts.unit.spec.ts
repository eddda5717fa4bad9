import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../monitor/periods';
import { measureChart, measureCsv, measureRows, measureStyles, measureTable } from './charts';
import type { MeasureSeries } from './plans.queries';
import { measureStatus, type MeasureFacts } from './status';

const pt = (period: string, value: number) => ({
	period,
	periodStart: parsePeriod(period)!.start,
	value
});

type Spec = {
	name?: string;
	unit?: string;
	direction?: 'higher_better' | 'lower_better';
	trajectory?: 'linear' | 'stepped';
	baseline: [string, number];
	target: [string, number];
	targets?: [string, number][];
	actuals?: [string, number][];
	isExample?: boolean;
};

/** A series as `measureSeries` returns it, with the status the same rules compute. */
function series(spec: Spec): MeasureSeries {
	const baseline = pt(...spec.baseline);
	const target = pt(...spec.target);
	const intermediate = (spec.targets ?? []).map(([p, v]) => pt(p, v));
	const kind = spec.trajectory ?? 'linear';
	const points = [baseline, ...intermediate, target];
	const trajectory = points.flatMap((p, i) =>
		kind === 'stepped' && i > 0 ? [{ ...p, value: points[i - 1].value }, p] : [p]
	);
	const actuals = (spec.actuals ?? []).map(([p, v]) => ({
		...pt(p, v),
		status: 'final',
		origin: 'supplied'
	}));
	const facts: MeasureFacts = {
		unit: spec.unit ?? '%',
		decimals: 1,
		direction: spec.direction ?? 'higher_better',
		trajectory: kind,
		baseline,
		target,
		milestones: intermediate,
		latest: actuals.at(-1) ?? null
	};
	const computed = measureStatus(facts, 'nl');
	return {
		measure: {
			id: '00000000-0000-4000-8000-000000000001',
			externalId: 'M1',
			itemId: '00000000-0000-4000-8000-000000000002',
			planId: '00000000-0000-4000-8000-000000000003',
			planSlug: 'plan',
			planTitle: 'Plan',
			isExample: spec.isExample ?? false,
			objective: { externalId: 'D1', title: 'Doel' },
			indicator: {
				id: '00000000-0000-4000-8000-000000000004',
				code: 'werkzaamheid',
				name: spec.name ?? 'Werkzaamheidsgraad',
				unit: facts.unit,
				decimals: 1
			},
			area: { id: '00000000-0000-4000-8000-000000000005', name: 'Regio Leuven' },
			direction: facts.direction,
			trajectory: kind
		},
		baseline,
		target,
		intermediateTargets: intermediate,
		trajectory,
		actuals,
		status: computed.status,
		explanation: computed.explanation,
		overridden: false
	} as MeasureSeries;
}

const attr = (tag: string, name: string) => Number(new RegExp(` ${name}="([^"]+)"`).exec(tag)![1]);
const tags = (svg: string, mark: string) =>
	svg.match(new RegExp(`<[a-z]+ data-mark="${mark}"[^>]*>`, 'g')) ?? [];

/**
 * Centre of a diamond or triangle marker: the path starts at the top point (x, y - r - 1) and
 * goes to the right point (x + r + 1, …).
 */
function markerCentre(tag: string): [number, number] {
	const [, mx, my, lx] = / d="M([-\d.]+),([-\d.]+)L([-\d.]+)/.exec(tag)!.map(Number);
	return [mx, my + (lx - mx)];
}

/** The points of a path `M x,y L x,y …`. */
const pathPoints = (tag: string) =>
	[.../ d="([^"]+)"/.exec(tag)![1].matchAll(/([-\d.]+),([-\d.]+)/g)].map((m) => [
		Number(m[1]),
		Number(m[2])
	]);

/** The y of a polyline at x. */
function yAt(points: number[][], x: number) {
	for (let i = 1; i < points.length; i++) {
		const [x0, y0] = points[i - 1];
		const [x1, y1] = points[i];
		if (x >= x0 && x <= x1 && x1 > x0) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
	}
	throw new Error(`x ${x} outside the path`);
}

describe('measureChart', () => {
	const ahead = series({
		baseline: ['2020', 60],
		targets: [['2025', 65]],
		target: ['2030', 70],
		actuals: [
			['2022', 62.5],
			['2024', 66]
		]
	});

	it('places baseline, targets and actuals in time and value order (higher is better)', () => {
		const svg = measureChart(ahead, 'nl');
		const [baseline] = tags(svg, 'baseline').map(markerCentre);
		const [intermediate] = tags(svg, 'intermediate').map(markerCentre);
		const [target] = tags(svg, 'target').map(markerCentre);
		const actuals = tags(svg, 'actual').map((t) => [attr(t, 'cx'), attr(t, 'cy')]);
		expect(actuals).toHaveLength(2);
		// Left to right in time; higher values are higher up (smaller y).
		expect(baseline[0]).toBeLessThan(actuals[0][0]);
		expect(actuals[1][0]).toBeLessThan(intermediate[0]);
		expect(intermediate[0]).toBeLessThan(target[0]);
		expect(target[1]).toBeLessThan(intermediate[1]);
		expect(intermediate[1]).toBeLessThan(baseline[1]);
		// Ahead of the trajectory: each actual above the dashed line at its x.
		const trajectory = tags(svg, 'trajectory')[0]!;
		expect(trajectory).toContain(`stroke-dasharray="${measureStyles.trajectory.dash}"`);
		const line = pathPoints(trajectory);
		for (const [x, y] of actuals) expect(y).toBeLessThan(yAt(line, x));
		// The baseline and the target lie on the trajectory's ends.
		expect(line[0][0]).toBeCloseTo(baseline[0], 0);
		expect(line.at(-1)![0]).toBeCloseTo(target[0], 0);
		// The actual values as a solid line (no dash).
		expect(tags(svg, 'actual-line')[0]).not.toContain('stroke-dasharray');
	});

	it('has a title, a description with baseline, target, latest and the status sentence', () => {
		const svg = measureChart(ahead, 'nl');
		expect(svg).toContain('role="img"');
		expect(svg).toContain('aria-labelledby="meting-title meting-desc"');
		expect(svg).toContain('<title id="meting-title">Werkzaamheidsgraad in Regio Leuven</title>');
		const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1];
		expect(desc).toBe(
			'Nulmeting: 60,0 % (2020). Doelwaarde: 70,0 % (2030). Tussentijdse doelwaarden: 65,0 % (2025). ' +
				'Laatste meting: 66,0 % (2024). Op schema: Doelwaarde 70,0 % in 2030; laatste meting 66,0 % (2024) ' +
				'ligt 2,0 pt boven het traject.'
		);
		// A legend in words, each entry with its own sample.
		for (const label of [
			'Gemeten waarde',
			'Traject',
			'Nulmeting',
			'Doelwaarde',
			'Tussentijdse doelwaarde'
		]) {
			expect(svg).toMatch(new RegExp(`<g data-legend="[a-z]+">.*?>${label}</text></g>`));
		}
		// Belgian numbers on the axis.
		expect(svg).toMatch(/>6[0-9],[0-9]<\/text>|>6[0-9]<\/text>/);
	});

	it('formats for English under /en', () => {
		const svg = measureChart(ahead, 'en');
		expect(svg).toContain('Baseline: 60.0 % (2020). Target: 70.0 % (2030).');
		expect(svg).toContain('>Measured value</text>');
	});

	it('escapes indicator names and marks example data', () => {
		const svg = measureChart(
			series({
				name: 'Jobs <b>&</b> "starters"',
				baseline: ['2020', 1],
				target: ['2030', 2],
				isExample: true
			}),
			'nl'
		);
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('Jobs &lt;b&gt;&amp;&lt;/b&gt; &quot;starters&quot; in Regio Leuven');
		expect(svg).toContain('>Voorbeeldgegevens</text>');
	});

	it('draws lower-is-better measures falling, ahead below the trajectory', () => {
		const s = series({
			direction: 'lower_better',
			unit: 'minuten',
			baseline: ['2020', 40],
			target: ['2030', 30],
			actuals: [['2024', 33]]
		});
		expect(s.status).toBe('on_track');
		const svg = measureChart(s, 'nl');
		const [baseline] = tags(svg, 'baseline').map(markerCentre);
		const [target] = tags(svg, 'target').map(markerCentre);
		expect(baseline[1]).toBeLessThan(target[1]);
		const [actual] = tags(svg, 'actual').map((t) => [attr(t, 'cx'), attr(t, 'cy')]);
		expect(actual[1]).toBeGreaterThan(yAt(pathPoints(tags(svg, 'trajectory')[0]!), actual[0]));
		// One observation: a marker, no line.
		expect(tags(svg, 'actual-line')).toHaveLength(0);
		expect(svg).toContain('Laatste meting: 33,0 minuten (2024).');
	});

	it('says so when nothing was measured after the baseline', () => {
		const s = series({ baseline: ['2020', 60], target: ['2030', 70] });
		const svg = measureChart(s, 'nl');
		expect(tags(svg, 'actual')).toHaveLength(0);
		expect(tags(svg, 'baseline')).toHaveLength(1);
		expect(tags(svg, 'target')).toHaveLength(1);
		expect(svg).toMatch(
			/<text data-note="no-actuals"[^>]*>Er is nog geen meting na de nulmeting.<\/text>/
		);
		expect(svg).not.toContain('data-legend="actual"');
		expect(svg).toContain('Er is nog geen meting na de nulmeting. Niet gestart:');
		const table = measureTable(s, 'nl');
		expect(table.empty).toBe('Er is nog geen meting na de nulmeting.');
		expect(table.rows.map((r) => [r.period, r.role, r.actual])).toEqual([
			['2020', 'Nulmeting', '—'],
			['2030', 'Doelwaarde', '—']
		]);
	});

	it('steps a stepped trajectory at each intermediate target', () => {
		const s = series({
			direction: 'lower_better',
			trajectory: 'stepped',
			baseline: ['2022', 10],
			targets: [['2025', 8]],
			target: ['2028', 5],
			actuals: [['2024', 9.5]]
		});
		const svg = measureChart(s, 'nl');
		const line = pathPoints(tags(svg, 'trajectory')[0]!);
		// Level, then a vertical step at 2025, level, a step at 2028.
		expect(line).toHaveLength(5);
		expect(line[1][1]).toBe(line[0][1]);
		expect(line[2][0]).toBe(line[1][0]);
		expect(line[2][1]).toBeGreaterThan(line[1][1]);
		expect(line[3][1]).toBe(line[2][1]);
		expect(line[4][0]).toBe(line[3][0]);
		const [intermediate] = tags(svg, 'intermediate').map(markerCentre);
		expect(intermediate[0]).toBeCloseTo(line[2][0], 0);
		expect(intermediate[1]).toBeCloseTo(line[2][1], 0);
		// Expected values follow the steps: the baseline level holds until 2025.
		expect(measureRows(s).map((r) => [r.period, r.role, r.actual, r.expected, r.target])).toEqual([
			['2022', 'baseline', null, 10, null],
			['2024', null, 9.5, 10, null],
			['2025', 'intermediate', null, 8, 8],
			['2028', 'target', null, 5, 5]
		]);
	});

	it('uses colour-blind safe colours with at least 3:1 contrast, each mark its own shape', () => {
		const luminance = (hex: string) => {
			const [r, g, b] = [1, 3, 5].map((i) => {
				const c = parseInt(hex.slice(i, i + 2), 16) / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		};
		const styles = Object.values(measureStyles);
		for (const s of styles) expect(1.05 / (luminance(s.colour) + 0.05)).toBeGreaterThanOrEqual(3);
		expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
		expect(new Set(styles.map((s) => s.marker)).size).toBe(styles.length);
		expect(measureStyles.actual.dash).toBe('');
		expect(measureStyles.trajectory.dash).not.toBe('');
	});
});

describe('measureTable and measureCsv', () => {
	const s = series({
		baseline: ['2020', 60],
		target: ['2030', 70],
		actuals: [
			['2020', 59.8],
			['2023', 61.25]
		]
	});

	it('lists each period with actual, expected and target in Belgian format', () => {
		const table = measureTable(s, 'nl');
		expect(table.caption).toBe(
			'Werkzaamheidsgraad in Regio Leuven: gemeten waarden, traject en doelwaarden'
		);
		expect(table.empty).toBeNull();
		expect(table.rows).toEqual([
			{ period: '2020', role: 'Nulmeting', actual: '59,8 %', expected: '60,0 %', target: '—' },
			{ period: '2023', role: null, actual: '61,3 %', expected: '63,0 %', target: '—' },
			{ period: '2030', role: 'Doelwaarde', actual: '—', expected: '70,0 %', target: '70,0 %' }
		]);
	});

	it('writes the CSV like the monitor: BOM, semicolons, CRLF, decimal comma', () => {
		const csv = measureCsv(s);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('indicator;area;period;role;actual;expected;target;unit;example');
		expect(lines.slice(1, 4)).toEqual([
			'werkzaamheid;Regio Leuven;2020;baseline;59,8;60;;%;nee',
			'werkzaamheid;Regio Leuven;2023;;61,25;63;;%;nee',
			'werkzaamheid;Regio Leuven;2030;target;;70;70;%;nee'
		]);
	});
});
