/**
 * The layout of a region's org chart, computed on the server and drawn by OrgChart.svelte.
 *
 * An indented tree, not a top-down one: a region's forum has nine parts side by side, which a
 * top-down tree draws 1,200 px wide and a phone shrinks to unreadable text. Here every body is a
 * row, indented by depth (part-of as elbow lines on the left), and "reports to" / "advises" run
 * as arrows in lanes on the right, one lane per (target, kind), so the chart stays ~330 units
 * wide and scales down to 320 px with legible text.
 */
import { translator, tr, type Locale } from '$lib/i18n';
import type { BodyNode } from './bodies.service';

const PAD = 8;
const INDENT = 28;
const BOX_W = 224;
const LINE_H = 17;
const BOX_PAD_Y = 9;
const GAP = 12;
const LANE_GAP = 16;
/** Characters per line of a name before it wraps (about 8 units a character at 14 px). */
const WRAP = 25;

export type ChartBox = {
	id: string;
	slug: string;
	x: number;
	y: number;
	width: number;
	height: number;
	lines: string[];
	depth: number;
};
export type ChartLine = { kind: 'part_of' | 'reports_to' | 'advises'; d: string; from: string };
export type OrgChartData = {
	width: number;
	height: number;
	boxes: ChartBox[];
	lines: ChartLine[];
	/** A text equivalent of the drawing (the SVG's <desc>). */
	description: string;
};

/** Split a name into lines of at most WRAP characters, at spaces (a longer word stays whole). */
export function wrapName(name: string, width = WRAP): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of name.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

export function orgChart(nodes: BodyNode[], locale: Locale): OrgChartData {
	const t = translator(locale);
	const boxes: ChartBox[] = [];
	const byId = new Map<string, ChartBox>();
	const lines: ChartLine[] = [];
	let y = PAD;
	const place = (list: BodyNode[], depth: number, parent?: ChartBox) => {
		for (const node of list) {
			const text = wrapName(tr(node.name, locale));
			const box: ChartBox = {
				id: node.id,
				slug: node.slug,
				x: PAD + depth * INDENT,
				y,
				width: BOX_W,
				height: BOX_PAD_Y * 2 + text.length * LINE_H,
				lines: text,
				depth
			};
			boxes.push(box);
			byId.set(node.id, box);
			y += box.height + GAP;
			if (parent) {
				const mid = box.y + box.height / 2;
				lines.push({
					kind: 'part_of',
					from: node.id,
					d: `M${parent.x + INDENT / 2} ${parent.y + parent.height} V${mid} H${box.x}`
				});
			}
			place(node.children, depth + 1, box);
		}
	};
	place(nodes, 0);

	// Reporting and advice lines, one lane per (target, kind), in the order the boxes appear.
	const all: BodyNode[] = [];
	const walk = (list: BodyNode[]) =>
		list.forEach((n) => {
			all.push(n);
			walk(n.children);
		});
	walk(nodes);
	const links = all.flatMap((n) => [
		...n.reportsTo.map((to) => ({ from: n, to, kind: 'reports_to' as const })),
		...n.advises.map((to) => ({ from: n, to, kind: 'advises' as const }))
	]);
	const right = Math.max(PAD, ...boxes.map((b) => b.x + b.width));
	const lanes = new Map<string, number>();
	for (const link of links) {
		const source = byId.get(link.from.id);
		const target = byId.get(link.to.id);
		if (!source || !target) continue;
		const key = `${link.kind}:${target.id}`;
		if (!lanes.has(key)) lanes.set(key, lanes.size);
		const laneX = right + LANE_GAP + lanes.get(key)! * LANE_GAP;
		// Leave and enter a little off-centre, so outgoing and incoming lines of a box never meet.
		const sy = source.y + source.height / 2 + 4;
		const ty = target.y + target.height / 2 - 4;
		lines.push({
			kind: link.kind,
			from: source.id,
			d: `M${source.x + source.width} ${sy} H${laneX} V${ty} H${target.x + target.width + 2}`
		});
	}

	const describe = (n: BodyNode): string[] => {
		const name = tr(n.name, locale);
		const parts: string[] = [];
		if (n.children.length > 0) {
			parts.push(
				t('orgChart.hasParts', {
					name,
					parts: n.children.map((c) => tr(c.name, locale)).join(', ')
				})
			);
		}
		for (const to of n.reportsTo)
			parts.push(t('orgChart.reportsTo', { name, to: tr(to.name, locale) }));
		for (const to of n.advises)
			parts.push(t('orgChart.advises', { name, to: tr(to.name, locale) }));
		return [...parts, ...n.children.flatMap(describe)];
	};
	const sentences = nodes.flatMap(describe);
	return {
		width: right + LANE_GAP * (lanes.size + 1) + PAD,
		height: Math.max(y - GAP + PAD, PAD * 2),
		boxes,
		lines,
		description: [t('orgChart.count', { count: boxes.length }), ...sentences].join(' ')
	};
}
