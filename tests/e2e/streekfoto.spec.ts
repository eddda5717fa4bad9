/**
 * The public Streekfoto of a region (example profile and data of the embedded default), with
 * JavaScript on and off: the radar with its table and the one-sentence answer, every indicator
 * against the province and Flanders, and the PDF. axe finds nothing; 320 px fits.
 */
import { expect, test } from '@playwright/test';
import { fits320 } from './support/axe';
import { as, go, submit } from './support/browse';

test('the Streekfoto of Leuven: radar, summary, tables and PDF', async ({
	browser,
	baseURL
}, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const page = await as(browser, null, baseURL!, js);
	await go(page, '/monitor/streekfoto/leuven', js);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Streekfoto');
	await expect(page.getByText('Voorbeeldgegevens:')).toBeVisible();
	await expect(page.locator('.summary')).toContainText('beter dan Vlaanderen');
	await expect(page.getByRole('img', { name: /Radar van de kernindicatoren/ })).toBeVisible();
	await expect(
		page.getByRole('table', { name: /De kernindicatoren van de radar/ }).getByRole('row')
	).not.toHaveCount(1);
	await expect(page.getByRole('link', { name: /Werkzaamheidsgraad/ }).first()).toBeVisible();
	await fits320(page, js);

	const response = await page.request.get('/monitor/streekfoto/leuven/streekfoto.pdf');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['content-disposition']).toContain('streekfoto-leuven.pdf');
	expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

	expect((await page.request.get('/monitor/streekfoto/bestaat-niet')).status()).toBe(404);

	// The same page in English.
	await go(page, '/en/monitor/streekfoto/leuven', js);
	await expect(page.getByText('Example data:')).toBeVisible();
	await expect(page.locator('.summary')).toContainText(/better than Flanders on \d+ of the \d+/);
	await expect(page.getByRole('img', { name: /Radar of the key indicators/ })).toBeVisible();
	await expect(
		page.getByRole('table', { name: /The radar's key indicators/ }).getByRole('columnheader')
	).toContainText(['No.', 'Indicator', 'Period']);
	await page.context().close();
});

test('staff choose the radar of a Streekfoto; too few key indicators are refused', async ({
	browser,
	baseURL
}, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const staff = await as(browser, 'staff', baseURL!, js);
	await go(staff, '/beheer/monitor', js);
	await staff.getByRole('link', { name: 'Streekfoto' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toContainText('Streekfoto van');
	await go(staff, '/beheer/monitor/streekfoto?regio=halle-vilvoorde', js);
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		'Streekfoto van Regio Halle-Vilvoorde'
	);
	const onRadar = staff.locator('input[name="radar"]:checked');
	const before = await onRadar.count();
	expect(before).toBeGreaterThanOrEqual(3);
	// Two key indicators only: refused, and the profile stays as it was.
	// (From the last: each box is found by its place among the checked ones.)
	const boxes = await onRadar.all();
	for (const box of boxes.slice(2).reverse()) await box.uncheck();
	await submit(staff, 'Streekfoto bewaren', js);
	await expect(staff.getByRole('alert')).toContainText(
		'Kies minstens 3 en hoogstens 12 kernindicatoren voor de radar (nu 2).'
	);
	await go(staff, '/beheer/monitor/streekfoto?regio=halle-vilvoorde', js);
	await expect(staff.locator('input[name="radar"]:checked')).toHaveCount(before);
	// Saved as it is: accepted.
	await submit(staff, 'Streekfoto bewaren', js);
	await expect(staff.getByRole('status')).toContainText('De Streekfoto is bewaard.');
	await expect(staff.locator('input[name="radar"]:checked')).toHaveCount(before);
	await fits320(staff, js);
	await staff.context().close();
});
