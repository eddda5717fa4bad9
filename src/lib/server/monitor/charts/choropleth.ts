/**
 * A choropleth map of municipalities from their stored boundaries (GeoJSON, WGS84), projected with
 * d3-geo (Mercator fitted to the region), coloured in five classes of a ColorBrewer sequential
 * palette (YlGnBu: colour-blind safe and readable in greyscale), with a legend that names each
 * class's range, and the municipalities without a value in grey.
 */
import { geoArea, geoMercator, geoPath } from 'd3-geo';
import { scaleQuantize } from 'd3-scale';
import { schemeYlGnBu } from 'd3-scale-chromatic';
import type { Locale } from '../../../i18n';
import { esc, formatValue, svgDocument, type ChartFrame } from './svg';

type Geometry = { type: string; coordinates: unknown };
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: Geometry };

export type ChoroplethInput = ChartFrame & {
	areas: { label: string; value: number | null; geometry: Record<string, unknown> }[];
	locale: Locale;
	unit: string;
	decimals: number;
	missingLabel: string;
};

export const MISSING_FILL = '#b8b8b8';
export const CLASSES = 5;

/**
 * d3-geo works on the sphere: a ring wound the GeoJSON way (counter-clockwise) would cover the
 * rest of the world. Rings of a polygon larger than a hemisphere are reversed.
 */
function rewound(feature: Feature): Feature {
	if (geoArea(feature as never) <= 2 * Math.PI) return feature;
	const g = feature.geometry;
	const flip = (poly: number[][][]) => poly.map((ring) => [...ring].reverse());
	const coordinates =
		g.type === 'Polygon'
			? flip(g.coordinates as number[][][])
			: (g.coordinates as number[][][][]).map(flip);
	return { ...feature, geometry: { type: g.type, coordinates } };
}

/** The class boundaries and colours of the legend. */
export function legendClasses(values: number[]) {
	const lo = Math.min(...values);
	const hi = Math.max(...values);
	const scale = scaleQuantize<string>()
		.domain([lo, hi === lo ? lo + 1 : hi])
		.range(schemeYlGnBu[CLASSES] as string[]);
	return {
		scale,
		classes: scale.range().map((colour) => {
			const [from, to] = scale.invertExtent(colour);
			return { colour, from, to };
		})
	};
}

export function choropleth(input: ChoroplethInput): string {
	const W = 640;
	const MAP_H = 440;
	const features: Feature[] = input.areas.map((a) =>
		rewound({ type: 'Feature', properties: {}, geometry: a.geometry as Geometry })
	);
	const values = input.areas.flatMap((a) => (a.value === null ? [] : [a.value]));
	const legend = values.length ? legendClasses(values) : null;
	const projection = geoMercator().fitExtent(
		[
			[8, 28],
			[W - 8, MAP_H]
		],
		{ type: 'FeatureCollection', features } as never
	);
	const path = geoPath(projection);
	const parts: string[] = [];
	features.forEach((f, i) => {
		const a = input.areas[i];
		const d = path(f as never);
		if (!d) return;
		const fill = a.value === null || !legend ? MISSING_FILL : legend.scale(a.value);
		const text = `${a.label}: ${a.value === null ? input.missingLabel : formatValue(a.value, input.unit, input.decimals, input.locale)}`;
		parts.push(
			`<path d="${d}" fill="${fill}" stroke="#1b1b1b" stroke-width="0.8"><title>${esc(text)}</title></path>`
		);
	});
	// The legend: one swatch per class with its range, then "no value".
	const rows = [
		...(legend?.classes ?? []).map((c) => ({
			colour: c.colour,
			text: `${formatValue(c.from, '', input.decimals, input.locale)} – ${formatValue(c.to, input.unit, input.decimals, input.locale)}`
		})),
		{ colour: MISSING_FILL, text: input.missingLabel }
	];
	const top = MAP_H + 16;
	rows.forEach((row, i) => {
		const x = 8 + (i % 2) * 300;
		const y = top + Math.floor(i / 2) * 24;
		parts.push(
			`<rect x="${x}" y="${y}" width="20" height="16" fill="${row.colour}" stroke="#1b1b1b" stroke-width="0.8"/>`,
			`<text x="${x + 28}" y="${y + 13}" font-size="13" fill="#1b1b1b">${esc(row.text)}</text>`
		);
	});
	const H = top + Math.ceil(rows.length / 2) * 24 + 8;
	return svgDocument(input, W, H, parts.join(''));
}
