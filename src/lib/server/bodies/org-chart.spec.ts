import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import OrgChart from '../../components/OrgChart.svelte';
import { getRegionBySlug } from '../areas/areas.service';
import { regionBodyTree } from './bodies.service';
import { orgChart, wrapName } from './org-chart';

const t = useTestDatabase();

describe('org chart', () => {
	it('wraps long names at spaces', () => {
		expect(wrapName('Burgemeestersoverleg Halle-Vilvoorde')).toEqual([
			'Burgemeestersoverleg',
			'Halle-Vilvoorde'
		]);
		expect(wrapName('Stuurgroep Toekomstforum')).toEqual(['Stuurgroep Toekomstforum']);
	});

	it('lays out Halle-Vilvoorde as a narrow indented tree with its reporting and advice lines', async () => {
		const region = await getRegionBySlug(t.db, 'halle-vilvoorde');
		const chart = orgChart(await regionBodyTree(t.db, region.id), 'nl');
		expect(chart.boxes).toHaveLength(10);
		expect(chart.boxes[0]).toMatchObject({ slug: 'toekomstforum-halle-vilvoorde', depth: 0 });
		expect(chart.boxes.slice(1).every((b) => b.depth === 1)).toBe(true);
		// Nine part-of elbows, six advice arrows, one reporting arrow.
		const kinds = chart.lines.map((l) => l.kind);
		expect(kinds.filter((k) => k === 'part_of')).toHaveLength(9);
		expect(kinds.filter((k) => k === 'advises')).toHaveLength(6);
		expect(kinds.filter((k) => k === 'reports_to')).toHaveLength(1);
		// Narrow enough to scale down to a 320 px screen with legible text.
		expect(chart.width).toBeLessThanOrEqual(360);
		// Boxes never overlap.
		for (let i = 1; i < chart.boxes.length; i++) {
			const above = chart.boxes[i - 1];
			expect(chart.boxes[i].y).toBeGreaterThanOrEqual(above.y + above.height);
		}
		expect(chart.description).toContain('10 overlegorganen.');
		expect(chart.description).toContain(
			'Stuurgroep Toekomstforum rapporteert aan Burgemeestersoverleg Halle-Vilvoorde.'
		);
		expect(chart.description).toContain(
			'Themawerkgroep Mobiliteit adviseert Stuurgroep Toekomstforum.'
		);
	});

	it('renders an SVG image with a title, a description and a legend', async () => {
		const region = await getRegionBySlug(t.db, 'leuven');
		const chart = orgChart(await regionBodyTree(t.db, region.id), 'nl');
		const { body } = render(OrgChart, {
			props: { chart, title: 'Organigram van Regio Leuven', locale: 'nl' }
		});
		expect(body).toMatch(
			/<svg[^>]*role="img"[^>]*aria-labelledby="organigram-title"[^>]*aria-describedby="organigram-desc"/
		);
		expect(body).toContain('<title id="organigram-title">Organigram van Regio Leuven</title>');
		expect(body).toContain('Taskforce Spitsregio Leuven rapporteert aan Burgemeestersoverleg');
		expect(body).toContain('rapporteert aan');
		expect(body).toContain('adviseert');
		expect(body).not.toContain('<script');
	});
});
