/**
 * The geometry of the Streekfoto radar (pure): one axis per key indicator, the index (Flanders =
 * 100) as the distance from the centre, rings at every 50. Used by the page's SVG and the PDF.
 */
import type { StreekfotoRow } from './streekfoto.queries';

export type RadarAxis = {
	n: number;
	name: string;
	index: number | null;
	x: number;
	y: number;
	labelX: number;
	labelY: number;
	anchor: 'start' | 'middle' | 'end';
};

export type Radar = {
	size: number;
	centre: number;
	max: number;
	axes: RadarAxis[];
	rings: { value: number; points: string }[];
	flanders: string;
	/** The region's polygon; axes without an index sit at the centre. */
	region: string;
};

export function radarGeometry(rows: StreekfotoRow[], size = 360): Radar {
	const centre = size / 2;
	const radius = size / 2 - 40;
	const top = Math.max(150, ...rows.map((r) => r.index ?? 0));
	const max = Math.min(300, Math.ceil(top / 50) * 50);
	const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(rows.length, 1);
	const at = (i: number, value: number): [number, number] => {
		const r = (Math.min(value, max) / max) * radius;
		return [centre + r * Math.cos(angle(i)), centre + r * Math.sin(angle(i))];
	};
	const poly = (values: number[]) =>
		values
			.map((v, i) =>
				at(i, v)
					.map((c) => c.toFixed(1))
					.join(',')
			)
			.join(' ');
	const axes = rows.map((r, i) => {
		const [x, y] = at(i, max);
		const [labelX, labelY] = at(i, max * 1.12);
		const cos = Math.cos(angle(i));
		return {
			n: i + 1,
			name: r.name,
			index: r.index,
			x,
			y,
			labelX,
			labelY: labelY + 4,
			anchor: (Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end') as RadarAxis['anchor']
		};
	});
	const rings = [];
	for (let v = 50; v <= max; v += 50) rings.push({ value: v, points: poly(rows.map(() => v)) });
	return {
		size,
		centre,
		max,
		axes,
		rings,
		flanders: poly(rows.map(() => 100)),
		region: poly(rows.map((r) => r.index ?? 0))
	};
}
