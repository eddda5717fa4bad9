/**
 * The public measure page and its CSV through their routes: a measure of a published plan with
 * its chart, status and table; 404 for a plan that is not published, another plan's slug or an
 * unknown id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody } from '../../../../tests/helpers/factories';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan,
	observe
} from '../../../../tests/helpers/plans';
import { anonymous } from '../policy';
import { regionId } from '../seed/seed.service';
import { load as pageLoad } from '../../../routes/plannen/[slug]/metingen/[id]/+page.server';
import { GET as csvGet } from '../../../routes/plannen/[slug]/metingen/[id]/meting.csv/+server';

const t = useTestDatabase();
const LEUVEN = regionId('leuven');

type PageEvent = Parameters<typeof pageLoad>[0];
type CsvEvent = Parameters<typeof csvGet>[0];
type PageData = Awaited<ReturnType<typeof import('./measures.web').publicMeasurePage>> & {
	crumbs: { label: string; href?: string }[];
};

const event = (slug: string, id: string, locale: 'nl' | 'en' = 'nl') =>
	({
		locals: { db: t.db, requestId: 'test', locale, principal: anonymous },
		params: { slug, id },
		url: new URL(`http://localhost/plannen/${slug}/metingen/${id}`)
	}) as unknown;

const page = async (slug: string, id: string, locale: 'nl' | 'en' = 'nl') =>
	(await pageLoad(event(slug, id, locale) as PageEvent)) as unknown as PageData;

const status = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(e: unknown) => (e as { status?: number }).status
	);

let f: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db);
	const ind = await buildIndicator(t.db, {
		name: { nl: 'Jobs <& starters>', en: 'Jobs <& starters>' }
	});
	const published = await buildPlan(t.db, {
		bodyId: body.id,
		title: { nl: 'Actieplan', en: 'Action plan' },
		isPublic: true
	});
	const theme = await buildItem(t.db, { planId: published.id, kind: 'theme' });
	const goal = await buildItem(t.db, {
		planId: published.id,
		kind: 'objective',
		parentId: theme.id,
		title: 'Meer jobs'
	});
	const measure = await buildMeasure(t.db, {
		itemId: goal.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 60],
		targets: [['2025', 65]],
		target: ['2030', 70]
	});
	await observe(t.db, ind.id, LEUVEN, '2022', 62.5);
	await observe(t.db, ind.id, LEUVEN, '2024', 66);

	const hidden = await buildPlan(t.db, { bodyId: body.id, isPublic: false });
	const hiddenTheme = await buildItem(t.db, { planId: hidden.id, kind: 'theme' });
	const hiddenGoal = await buildItem(t.db, {
		planId: hidden.id,
		kind: 'objective',
		parentId: hiddenTheme.id
	});
	const hiddenMeasure = await buildMeasure(t.db, {
		itemId: hiddenGoal.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 60],
		target: ['2030', 70]
	});
	return { published, measure, hidden, hiddenMeasure };
}

beforeAll(async () => {
	f = await build();
});

describe('GET /plannen/<slug>/metingen/<id>', () => {
	it('shows a measure of a published plan: chart, status, table and breadcrumbs', async () => {
		const data = await page(f.published.slug, f.measure.id);
		expect(data.measure.heading).toBe('Jobs <& starters> in Regio Leuven');
		expect(data.measure.objective).toMatch(/ Meer jobs$/);
		expect(data.measure.intermediate).toEqual(['65,0 % (2025)']);
		expect(data.measure.latest).toBe('66,0 % (2024)');
		expect(data.status).toMatchObject({ status: 'on_track', label: 'Op schema' });
		expect(data.status.explanation).toContain('ligt 2,0 pt boven het traject');
		// The SVG escapes the indicator's name; the status sentence is in its description.
		expect(data.chart).toContain(
			'<title id="meting-title">Jobs &lt;&amp; starters&gt; in Regio Leuven</title>'
		);
		expect(data.chart).not.toContain('<& starters>');
		expect(data.chart).toContain('Op schema: Doelwaarde 70,0 % in 2030');
		expect(data.chart).toContain('>Voorbeeldgegevens</text>');
		expect(data.table.rows.map((r) => [r.period, r.actual, r.expected, r.target])).toEqual([
			['2020', '—', '60,0 %', '—'],
			['2022', '62,5 %', '62,0 %', '—'],
			['2024', '66,0 %', '64,0 %', '—'],
			['2025', '—', '65,0 %', '65,0 %'],
			['2030', '—', '70,0 %', '70,0 %']
		]);
		expect(data.crumbs).toEqual([
			{ label: 'Plannen', href: '/plannen' },
			{ label: 'Actieplan', href: `/plannen/${f.published.slug}` },
			{ label: 'Jobs <& starters> in Regio Leuven' }
		]);
	});

	it('speaks English under /en', async () => {
		const data = await page(f.published.slug, f.measure.id, 'en');
		expect(data.plan.title).toBe('Action plan');
		expect(data.status.label).toBe('On track');
		expect(data.status.explanation).toMatch(/^Target .*; latest measurement 66\.0 % \(2024\)/);
		expect(data.table.columns).toEqual({
			period: 'Period',
			actual: 'Measured value',
			expected: 'On the trajectory',
			target: 'Target'
		});
		expect(data.measure.latest).toBe('66.0 % (2024)');
	});

	it('is not found for a plan that is not published, another slug or an unknown id', async () => {
		expect(await status(page(f.hidden.slug, f.hiddenMeasure.id))).toBe(404);
		expect(await status(page(f.published.slug, f.hiddenMeasure.id))).toBe(404);
		expect(await status(page(f.hidden.slug, f.measure.id))).toBe(404);
		expect(await status(page(f.published.slug, 'geen-id'))).toBe(404);
		expect(await status(page(f.published.slug, '00000000-0000-4000-8000-000000000000'))).toBe(404);
	});
});

describe('GET /plannen/<slug>/metingen/<id>/meting.csv', () => {
	it('downloads the table as Belgian Excel CSV', async () => {
		const res = await csvGet(event(f.published.slug, f.measure.id, 'en') as CsvEvent);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toContain(
			`${f.published.slug}-${f.measure.externalId}.csv`
		);
		// ignoreBOM keeps the byte-order mark in the text (the decoder drops it by default).
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('indicator;area;period;role;actual;expected;target;unit;example');
		expect(lines[1]).toMatch(/;Regio Leuven;2020;baseline;;60;;%;ja$/);
		expect(lines[2]).toMatch(/;Regio Leuven;2022;;62,5;62;;%;ja$/);
		expect(lines[4]).toMatch(/;Regio Leuven;2025;intermediate;;65;65;%;ja$/);
		expect(lines).toHaveLength(6);
	});

	it('is not found for a plan that is not published', async () => {
		expect(
			await status(
				Promise.resolve().then(() => csvGet(event(f.hidden.slug, f.hiddenMeasure.id) as CsvEvent))
			)
		).toBe(404);
	});
});
