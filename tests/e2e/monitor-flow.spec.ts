/**
 * The monitor from end to end, with JavaScript on (project `js`) and off (`nojs`): staff make an
 * indicator, load the example boundary file and a CSV (made here, Statbel's long layout with `;`
 * and a decimal comma) through the workspace with its preview; the public monitor then shows the
 * indicator's series, the ranking of Halle-Vilvoorde's municipalities and the map drawn from the
 * loaded boundaries, and the CSV download holds the imported values. axe finds nothing on every
 * page reached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test, type Locator } from '@playwright/test';
import { halleVilvoordeMunicipalities } from '../../src/lib/server/seed/structure-data';
import { expectNoAxeViolations } from './support/axe';
import { as, go, submit } from './support/browse';

const boundaries = path.resolve(
	'tests/fixtures/monitor/boundaries/voorbeeld-gemeenten-2024.geojson'
);

/** A made-up count (example data) per municipality and year: distinct, below a thousand. */
const valueOf = (index: number, year: number) => 100 + index * 10 + (year - 2023);

/** Statbel's long layout: `;`, decimal comma, a BOM and CRLF, one line per municipality and year. */
function exampleCsv() {
	const lines = ['\ufeffcd_munty_refnis;tx_munty_descr_nl;periode;waarde'];
	halleVilvoordeMunicipalities.forEach(([nis, name], i) => {
		for (const year of [2024, 2025]) {
			if (nis === '23106' && year === 2024) continue; // Pajottegem exists from 2025
			lines.push(`${nis};${name};${year};${valueOf(i, year)},0`);
		}
	});
	return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

async function showTable(figure: Locator) {
	const details = figure.locator('details');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

test('boundaries and a CSV through the workspace, then series, ranking, map and download', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(120_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const code = `e2e_stroom_${info.project.name}_${Date.now()}`;
	const name = `Testindicator stroom ${info.project.name}`;
	const staff = await as(browser, 'staff', baseURL!, js);

	// An indicator in the catalogue.
	await go(staff, '/beheer/monitor/indicatoren/nieuw', js);
	await staff.getByLabel('Code').fill(code);
	await staff.getByLabel('Naam', { exact: true }).fill(name);
	await staff.getByLabel('Domein').selectOption({ label: 'Arbeidsmarkt' });
	await staff.getByLabel('Eenheid').fill('personen');
	await staff
		.getByLabel('Hoe telt de indicator op naar de regio, de provincie en Vlaanderen?')
		.selectOption({ label: 'Som van de gemeenten' });
	await submit(staff, 'Indicator bewaren', js);
	await expect(staff.getByRole('status')).toContainText('De indicator is bewaard.');

	// The boundaries: preview, then store.
	await go(staff, '/beheer/monitor/grenzen', js);
	await staff.getByLabel('Bestand').setInputFiles(boundaries);
	await submit(staff, 'Voorbeeld tonen', js);
	await expect(staff.getByRole('heading', { name: 'Wat in het bestand staat' })).toBeVisible();
	await expectNoAxeViolations(staff);
	await submit(staff, 'Grenzen opslaan', js);
	await expect(staff.getByRole('status')).toContainText('Grenzen opgeslagen voor 66 gebieden');

	// The CSV: preview, then import.
	await go(staff, '/beheer/monitor/import', js);
	await staff.getByLabel('Indicator', { exact: true }).selectOption(code);
	await staff.getByLabel('Bestand', { exact: true }).setInputFiles({
		name: 'stroom-lang.csv',
		mimeType: 'text/csv',
		buffer: exampleCsv()
	});
	await staff.getByRole('button', { name: 'Opladen en controleren' }).click();
	await staff.waitForURL(/\/beheer\/monitor\/import\/[0-9a-f-]{36}$/);
	await staff.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Import van stroom-lang.csv');
	await expect(staff.locator('dl.facts')).toContainText('lang');
	await expect(staff.getByRole('table')).toContainText('Affligem (23105)');
	await expectNoAxeViolations(staff);
	await submit(staff, 'Importeren', js);
	await expect(staff.getByRole('status')).toContainText('Geïmporteerd:');
	await expectNoAxeViolations(staff);
	await staff.context().close();

	// The public monitor: series, ranking and the map from the stored boundaries.
	const visitor = await as(browser, null, baseURL!, js);
	await go(visitor, `/monitor/indicatoren/${code}?gebied=halle-vilvoorde&periode=2025`, js);
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText(name);
	const series = visitor.locator('figure').filter({ has: visitor.locator('#reeks-caption') });
	await expect(series.getByRole('img', { name: /vergeleken/ })).toBeVisible();

	const ranking = visitor.locator('figure').filter({
		has: visitor.locator('#rangschikking-caption')
	});
	await expect(
		ranking.getByRole('img', { name: /per gemeente in Regio Halle-Vilvoorde, 2025/ })
	).toBeVisible();
	await showTable(ranking);
	const zemst = halleVilvoordeMunicipalities.findIndex(([nis]) => nis === '23096');
	await expect(ranking.getByRole('row', { name: /^Zemst/ })).toContainText(
		String(valueOf(zemst, 2025))
	);
	await expect(ranking.getByRole('rowheader', { name: 'Pajottegem' })).toBeVisible();

	const map = visitor
		.locator('section')
		.filter({ has: visitor.getByRole('heading', { name: 'Kaart' }) });
	await expect(map.getByRole('img', { name: /Kaart van/ })).toBeVisible();
	// One shape per municipality of the region, drawn from the stored boundaries.
	await expect(map.locator('svg path:has(title)')).toHaveCount(33);
	await expect(map.locator('svg path title').filter({ hasText: /^Zemst: / })).toHaveCount(1);
	await expectNoAxeViolations(visitor);

	// The download holds what was imported.
	const [file] = await Promise.all([
		visitor.waitForEvent('download'),
		visitor.getByRole('link', { name: 'Alle gegevens van deze indicator (CSV)' }).click()
	]);
	const rows = parse(fs.readFileSync(await file.path(), 'utf8'), {
		delimiter: ';',
		bom: true,
		columns: true
	}) as Record<string, string>[];
	const affligem = rows.find((r) => r.nis_code === '23105' && r.period === '2024');
	expect(affligem).toMatchObject({ area: 'Affligem', value: '101', origin: 'supplied' });
	// The region's value is the sum of its municipalities.
	const region2025 = rows.find((r) => r.nis_code === 'halle-vilvoorde' && r.period === '2025');
	const sum = halleVilvoordeMunicipalities.reduce((s, _, i) => s + valueOf(i, 2025), 0);
	expect(region2025).toMatchObject({ value: String(sum), origin: 'aggregated' });
	expect(rows.filter((r) => r.level === 'gemeente')).toHaveLength(33 + 32);
	await visitor.context().close();
});
