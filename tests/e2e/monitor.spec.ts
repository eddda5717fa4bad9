/**
 * The public monitor with the example data (src/lib/server/seed/example-monitor.ts), JavaScript
 * on and off: the catalogue, an indicator's series chart with its table and summary, the ranking
 * of a region's municipalities, the map (or why there is none), switching area and period with a
 * plain GET form, the CSV and SVG downloads, and the area profiles. axe and 320 px on every page.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';

const INDICATOR = '/monitor/indicatoren/werkzaamheidsgraad_20_64';

/** Open a chart's data table (a <details>, which stays open across a client-side navigation). */
async function showTable(figure: Locator) {
	const details = figure.locator('details');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

async function open(page: Page, path: string, js: boolean) {
	await page.goto(path, { waitUntil: js ? 'networkidle' : 'load' });
	await expectNoAxeViolations(page);
	await fits320(page, js);
}

test('the catalogue lists the indicators by domain, marked as example data', async ({
	page,
	javaScriptEnabled
}) => {
	await open(page, '/monitor', javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1, name: 'Streekmonitor' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Arbeidsmarkt' })).toBeVisible();
	await expect(page.getByText('Voorbeeldgegevens', { exact: true }).first()).toBeVisible();
	const link = page.getByRole('link', { name: /^Werkzaamheidsgraad 20–64 jaar/ });
	await expect(link).toHaveAttribute('href', INDICATOR);
	await expect(link.locator('..')).toContainText('laatste periode: 2025');
	await link.click();
	await expect(page).toHaveURL(INDICATOR);
});

test('an indicator: series with table and summary, ranking, map, switching, downloads', async ({
	page,
	request,
	javaScriptEnabled
}) => {
	await open(page, INDICATOR, javaScriptEnabled);

	// The series: an SVG with an accessible name, a summary sentence and the data as a table.
	const series = page.locator('figure').filter({ has: page.locator('#reeks-caption') });
	await expect(series.getByRole('img', { name: /vergeleken/ })).toBeVisible();
	await expect(series.locator('figcaption')).toContainText('Voorbeeldgegevens');
	await expect(series.locator('figcaption')).toContainText(
		/in Regio Halle-Vilvoorde in 2025: \d+,\d %, \d+,\d procentpunt (hoger|lager) dan in Vlaams Gewest\./
	);
	await showTable(series);
	const table = series.getByRole('table');
	await expect(table.locator('caption')).toContainText('Werkzaamheidsgraad');
	await expect(table.getByRole('columnheader')).toHaveText([
		'Periode',
		'Regio Halle-Vilvoorde',
		'Vlaams-Brabant',
		'Vlaams Gewest'
	]);
	await expect(table.getByRole('rowheader', { name: '2014', exact: true })).toBeVisible();
	await expect(table.getByRole('row', { name: /^2025/ })).toContainText(/\d+,\d %/);

	// The ranking of the region's 33 municipalities, with the references.
	const ranking = page.locator('figure').filter({ has: page.locator('#rangschikking-caption') });
	await expect(
		ranking.getByRole('img', { name: /per gemeente in Regio Halle-Vilvoorde, 2025/ })
	).toBeVisible();
	await expect(ranking.locator('figcaption')).toContainText(/van de 33 gemeenten met een gegeven/);
	await showTable(ranking);
	await expect(ranking.getByRole('row')).toHaveCount(1 + 33 + 3);
	await expect(ranking.getByRole('rowheader', { name: 'Pajottegem' })).toBeVisible();

	// The map, or the reason there is none.
	const map = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Kaart' }) });
	if ((await map.locator('figure').count()) > 0) {
		await expect(map.getByRole('img', { name: /Kaart van/ })).toBeVisible();
	} else {
		await expect(map).toContainText('Geen kaart: er zijn nog geen gemeentegrenzen geladen.');
	}

	// Switch to a municipality and an older period with the plain GET form.
	await page.getByLabel('Gebied').selectOption({ label: 'Leuven' });
	await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Regio Leuven' });
	await page.getByLabel('Periode').selectOption('2020');
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page).toHaveURL(/gebied=24062/);
	await expect(page).toHaveURL(/periode=2020/);
	await expect(series.getByRole('img', { name: /Leuven vergeleken/ })).toBeVisible();
	await showTable(series);
	await expect(series.getByRole('columnheader')).toHaveText([
		'Periode',
		'Leuven',
		'Regio Leuven',
		'Vlaams-Brabant',
		'Vlaams Gewest'
	]);
	await expect(ranking.getByRole('img', { name: /in Regio Leuven, 2020/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// The chart as SVG, with the same choices.
	const svgLink = ranking.getByRole('link', { name: /als afbeelding \(SVG\)/ });
	const svg = await request.get((await svgLink.getAttribute('href'))!);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	const svgText = await svg.text();
	expect(svgText).toContain('role="img"');
	expect(svgText).toContain('in Regio Leuven, 2020');
	expect(svgText).toContain('Voorbeeldgegevens');

	// All data of the indicator as CSV: `;`, BOM, decimal comma.
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Alle gegevens van deze indicator (CSV)' }).click()
	]);
	expect(file.suggestedFilename()).toMatch(/^werkzaamheidsgraad_20_64-\d{4}-\d{2}-\d{2}\.csv$/);
	const bytes = fs.readFileSync(await file.path());
	expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	const rows = parse(bytes.toString('utf8'), {
		delimiter: ';',
		bom: true,
		columns: true
	}) as Record<string, string>[];
	const leuven2020 = rows.find((r) => r.nis_code === '24062' && r.period === '2020')!;
	expect(leuven2020).toMatchObject({ area: 'Leuven', level: 'gemeente', unit: '%', example: 'ja' });
	expect(leuven2020.value).toMatch(/^\d+,\d+$/);
	expect(rows.find((r) => r.nis_code === 'leuven' && r.level === 'regio')?.origin).toBe(
		'aggregated'
	);
	expect(rows.some((r) => r.nis_code === '23024')).toBe(true); // Gooik keeps its own series
});

test('area profiles: a municipality and a region against the references', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto('/monitor/gebieden/24062', { waitUntil: 'load' });
	await expect(page).toHaveURL(/\/monitor\/gebieden\/24062-leuven$/);
	await open(page, '/monitor/gebieden/24062-leuven', javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Streekmonitor: Leuven');
	const labour = page.getByRole('table', { name: /^Arbeidsmarkt: Leuven/ });
	await expect(labour.getByRole('columnheader')).toHaveText([
		'Indicator',
		'Laatste waarde',
		'Evolutie',
		'Regio Leuven',
		'Vlaams-Brabant',
		'Vlaams Gewest'
	]);
	const row = labour.getByRole('row', { name: /Werkzaamheidsgraad/ });
	await expect(row).toContainText(/sinds 2024/);
	await expect(row).toContainText(/beter|slechter|gelijk/);
	await expect(row.getByRole('img', { name: /Verloop van Werkzaamheidsgraad/ })).toBeVisible();

	await open(page, '/monitor/regio/leuven', javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Streekmonitor: Regio Leuven');
	await expect(page.getByText('Voorbeeldgegevens').first()).toBeVisible();
	await page.getByRole('link', { name: /^Werkzaamheidsgraad/ }).click();
	await expect(page).toHaveURL(/gebied=leuven/);

	await open(page, '/en/monitor/regio/leuven', javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Regional monitor: Regio Leuven'
	);
	expect((await page.goto('/monitor/regio/nergens'))?.status()).toBe(404);
});
