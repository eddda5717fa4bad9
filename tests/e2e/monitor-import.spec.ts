/**
 * Importing observations through the workspace (JavaScript on and off): upload a wide CSV with
 * the indicator chosen, see what was understood and the first rows, import, see the counts; a
 * file with a bad last row lists its error and cannot be imported. axe on every page, 320 px.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fits320 } from './support/axe';
import { as, go, submit } from './support/browse';

const fixtures = path.resolve('tests/fixtures/monitor/import');

test('staff import a CSV through the preview; a bad file shows its errors', async ({
	browser,
	baseURL,
	javaScriptEnabled
}) => {
	const js = javaScriptEnabled !== false;
	const page = await as(browser, 'staff', baseURL!, js);
	await go(page, '/beheer/monitor/import', js);
	await fits320(page, js);

	await page.getByLabel('Indicator', { exact: true }).selectOption('bevolking');
	await page
		.getByLabel('Bestand', { exact: true })
		.setInputFiles(path.join(fixtures, 'bevolking-breed.csv'));
	await page.getByRole('button', { name: 'Opladen en controleren' }).click();
	await page.waitForURL(/\/beheer\/monitor\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Import van bevolking-breed.csv'
	);
	const facts = page.locator('dl.facts');
	await expect(facts).toContainText('breed: één kolom per periode');
	await expect(facts).toContainText('NIS code');
	await expect(facts).toContainText('onbekende gebieden: 11002');
	await expect(page.getByRole('table')).toContainText('Leuven (24062)');
	await go(page, page.url(), js);
	await fits320(page, js);

	await submit(page, 'Importeren', js);
	await expect(page.getByRole('status')).toContainText('Geïmporteerd:');
	await expect(page.getByRole('status')).toContainText('1 regels overgeslagen');
	await go(page, page.url(), js);

	await go(page, '/beheer/monitor/import', js);
	await page.getByLabel('Indicator', { exact: true }).selectOption('bevolking');
	await page
		.getByLabel('Bestand', { exact: true })
		.setInputFiles(path.join(fixtures, 'bevolking-fout-laatste-regel.csv'));
	await page.getByRole('button', { name: 'Opladen en controleren' }).click();
	await page.waitForURL(/\/beheer\/monitor\/import\/[0-9a-f-]{36}$/);
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('alert')).toContainText('1 fout gevonden');
	await expect(page.getByText('Regel 4: "veel" is geen getal.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
	await go(page, page.url(), js);

	// A binary file renamed .csv comes back to the upload page with a clear message.
	await go(page, '/beheer/monitor/import', js);
	await page.getByLabel('Bestand', { exact: true }).setInputFiles({
		name: 'foto.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))
	});
	await page.getByRole('button', { name: 'Opladen en controleren' }).click();
	await page.waitForURL(/\/beheer\/monitor\/import\?fout=/);
	await expect(page.getByRole('alert')).toContainText('binaire gegevens');
	await go(page, page.url(), js);
	await page.context().close();
});

test('a member cannot reach the import', async ({ browser, baseURL, javaScriptEnabled }) => {
	const page = await as(browser, 'member', baseURL!, javaScriptEnabled !== false);
	const res = await page.goto('/beheer/monitor/import');
	expect(res?.status()).toBe(403);
	await page.context().close();
});
