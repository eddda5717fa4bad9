import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart';
import { choropleth, legendClasses, MISSING_FILL } from './choropleth';
import { lineChart } from './line-chart';
import { sparkline } from './sparkline';
import { formatValue } from './svg';
import { comparisonSentence, diffText } from './views';
import type { Indicator, ObservationPoint } from '../monitor.queries';

const frame = { id: 'c', title: 'Titel <A&B>', description: 'Beschrijving' };
const square = (x: number, y: number) => ({
	type: 'Polygon',
	// Counter-clockwise, as GeoJSON writes it.
	coordinates: [
		[
			[x, y],
			[x + 0.1, y],
			[x + 0.1, y + 0.1],
			[x, y + 0.1],
			[x, y]
		]
	]
});

const indicator = {
	name: { nl: 'Werkzaamheidsgraad' },
	unit: '%',
	decimals: 1
} as Indicator;
const p = (period: string, value: number | null): ObservationPoint => ({
	period,
	periodStart: `${period}-01-01`,
	value,
	status: 'final',
	origin: 'supplied',
	isExample: false
});

describe('formats', () => {
	it('writes Belgian numbers with the unit', () => {
		expect(formatValue(76.14, '%', 1, 'nl')).toBe('76,1 %');
		expect(formatValue(1234567, 'aantal', 0, 'nl')).toBe('1.234.567');
		expect(formatValue(null, '%', 1, 'nl')).toBe('—');
		expect(diffText(indicator, -1.2, 'nl')).toBe('1,2 procentpunt');
	});

	it('says how an area compares in one sentence', () => {
		const area = { name: { nl: 'Regio Leuven' } };
		const flanders = { area: { name: { nl: 'Vlaams Gewest' } }, point: p('2024', 74.9) };
		expect(comparisonSentence(indicator, area, p('2024', 76.1), flanders, 'nl')).toBe(
			'Werkzaamheidsgraad in Regio Leuven in 2024: 76,1 %, 1,2 procentpunt hoger dan in Vlaams Gewest.'
		);
		expect(comparisonSentence(indicator, area, p('2024', 70), flanders, 'en')).toBe(
			'Werkzaamheidsgraad in Regio Leuven in 2024: 70.0 %, 4.9 percentage points lower than in Vlaams Gewest.'
		);
		expect(comparisonSentence(indicator, area, null, flanders, 'nl')).toBe(
			'Er zijn nog geen gegevens voor Werkzaamheidsgraad in Regio Leuven.'
		);
	});
});

describe('charts', () => {
	it('draws a line chart with an accessible name, escaped text and the example label', () => {
		const svg = lineChart({
			...frame,
			exampleLabel: 'Voorbeeldgegevens',
			locale: 'nl',
			unit: '%',
			series: [
				{
					label: 'Leuven',
					points: [
						{ period: '2023', label: '2023', value: 70.5 },
						{ period: '2024', label: '2024', value: 71.5 }
					]
				},
				{ label: 'Vlaanderen', points: [{ period: '2024', label: '2024', value: 74.9 }] }
			]
		});
		expect(svg).toMatch(
			/^<svg [^>]*viewBox="0 0 640 \d+"[^>]*role="img" aria-labelledby="c-title c-desc"/
		);
		expect(svg).toContain('<title id="c-title">Titel &lt;A&amp;B&gt;</title>');
		expect(svg).toContain('Voorbeeldgegevens');
		expect(svg.match(/stroke-width="2.5"/g)?.length).toBe(4); // two lines, two legend keys
		expect(svg).not.toContain('style=');
		expect(svg).not.toContain('NaN');
	});

	it('draws ranked bars with reference lines and a missing value', () => {
		const svg = barChart({
			...frame,
			locale: 'nl',
			unit: '%',
			decimals: 1,
			missingLabel: 'geen gegeven',
			bars: [
				{ label: 'A', value: 10.25 },
				{ label: 'B', value: null }
			],
			references: [{ label: 'Vlaams Gewest', value: 8 }]
		});
		expect(svg.match(/<rect x=/g)?.length).toBe(1); // one bar: B has no value
		expect(svg).toContain('10,3 %');
		expect(svg).toContain('geen gegeven');
		expect(svg).toContain('Vlaams Gewest: 8,0 %');
		expect(svg).not.toContain('Voorbeeldgegevens');
	});

	it('draws a map from counter-clockwise GeoJSON, with a legend and grey for missing values', () => {
		const svg = choropleth({
			...frame,
			locale: 'nl',
			unit: '%',
			decimals: 0,
			missingLabel: 'geen gegeven',
			areas: [
				{ label: 'A', value: 1, geometry: square(4.6, 50.8) },
				{ label: 'B', value: 5, geometry: square(4.7, 50.8) },
				{ label: 'C', value: null, geometry: square(4.8, 50.8) }
			]
		});
		const paths = [...svg.matchAll(/<path d="M([\d.-]+),([\d.-]+)[^"]*" fill="([^"]+)"/g)];
		expect(paths).toHaveLength(3);
		// Fitted into the map area: no path covers the whole world.
		for (const [, x, y] of paths) {
			expect(+x).toBeGreaterThanOrEqual(0);
			expect(+y).toBeLessThanOrEqual(460);
		}
		expect(paths[2][3]).toBe(MISSING_FILL);
		expect(paths[0][3]).not.toBe(paths[1][3]);
		expect(svg).toContain('<title>C: geen gegeven</title>');
		expect(svg).toContain('1 – 2 %');
	});

	it('classes values into five colours', () => {
		const { classes, scale } = legendClasses([0, 10]);
		expect(classes).toHaveLength(5);
		expect(classes[0].from).toBe(0);
		expect(classes[4].to).toBe(10);
		expect(scale(0)).toBe(classes[0].colour);
		expect(scale(10)).toBe(classes[4].colour);
	});

	it('draws a sparkline with gaps', () => {
		const svg = sparkline({ ...frame, values: [1, null, 3, 2] });
		expect(svg).toContain('<circle');
		expect(svg).toMatch(/<path d="M[^"]*M/); // the gap splits the line
	});
});
