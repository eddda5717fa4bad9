/**
 * Published plans on the public site, with JavaScript on and off: the list with each plan's
 * computed status, the example plan of the Taskforce as a tree where every status appears in words
 * (not colour alone) with the sentence that explains it, a manual status shown as such, measures
 * against their targets, progress of actions, and the download with the import's columns (without
 * owners' e-mail addresses). axe on every page, 320 px.
 */
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { fits320 } from './support/axe';
import { as, go } from './support/browse';

const PLAN = '/plannen/voorbeeld-actieplan-spitsregio-leuven';

test('the public plans: list, the example plan with every status, the download', async ({
	browser,
	baseURL
}, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const page = await as(browser, null, baseURL!, js);
	await go(page, '/plannen', js);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plannen');
	await fits320(page, js);
	const link = page.getByRole('link', { name: 'Voorbeeld: Actieplan Spitsregio Leuven 2025–2030' });
	await expect(link).toBeVisible();
	await link.click();
	await expect(page).toHaveURL(PLAN);

	await go(page, PLAN, js);
	await fits320(page, js);
	await expect(page.getByRole('note')).toContainText('voorbeeldinhoud');
	// Every status, in words, somewhere in the tree.
	for (const label of ['Op schema', 'Risico', 'Achter op schema', 'Afgerond', 'Niet gestart']) {
		await expect(page.locator('.badge', { hasText: label }).first()).toBeVisible();
	}
	await expect(page.getByText('handmatig vastgelegd').first()).toBeVisible();
	await expect(page.getByText(/^Handmatig vastgelegd: /).first()).toBeVisible();
	// The measures of an objective against their targets, and the progress of actions.
	const measures = page.getByRole('table').first();
	await expect(measures.getByRole('columnheader')).toHaveText([
		'Indicator',
		'Gebied',
		'Nulmeting',
		'Laatste meting',
		'Doelwaarde',
		'Status'
	]);
	await expect(page.locator('progress').first()).toBeVisible();

	// The download: the import's columns, no owner e-mail addresses for the public.
	const csv = await page.request.get(`${PLAN}/plan.csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-disposition']).toContain('attachment');
	const rows = parse(await csv.text(), { delimiter: ';', bom: true, columns: true }) as Record<
		string,
		string
	>[];
	expect(rows.length).toBeGreaterThan(10);
	expect(rows.some((r) => r.type === 'actie')).toBe(true);
	expect(rows.every((r) => r.owner === '')).toBe(true);
	expect((await page.request.get('/plannen/bestaat-niet')).status()).toBe(404);

	await go(page, `/en${PLAN}`, js);
	await expect(page.locator('.badge', { hasText: 'On track' }).first()).toBeVisible();
	await page.context().close();
});
