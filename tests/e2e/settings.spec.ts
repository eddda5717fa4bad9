/**
 * The site settings screen as an administrator, with JavaScript on and off: axe, the preview
 * (live with JavaScript, "Voorbeeld bekijken" without), a refused colour, a refused SVG and a
 * PNG logo that then shows in the public header. Text fields are never saved changed, so other
 * specs see the same site; the logo (a 1×1 PNG with the site name as alt text) stays.
 */
import { expect, test } from '@playwright/test';
import { images } from '../helpers/images';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const SITE = 'ERSV Vlaams-Brabant';

test.describe('site settings', () => {
	test.beforeEach(async ({ context }, info) => {
		const { admin } = scenario();
		await context.addCookies([
			{ name: 'sp_session', value: admin.sessionToken, url: info.project.use.baseURL! }
		]);
	});

	test('the screen, its preview and a refused colour save nothing', async ({
		page,
		javaScriptEnabled
	}) => {
		const response = await page.goto('/beheer/instellingen');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen');
		await expect(page.getByRole('navigation', { name: 'Werkruimte' })).toContainText(
			'Instellingen'
		);
		await expectNoAxeViolations(page);
		const { probe, close } = await probePage(page, javaScriptEnabled);
		await probe.setViewportSize({ width: 320, height: 800 });
		const width = await probe.evaluate(() => document.documentElement.scrollWidth);
		await close();
		expect(width, 'no horizontal scroll at 320 px').toBeLessThanOrEqual(320);

		const preview = page.locator('.preview');
		await expect(preview).toContainText(SITE);
		await page.getByLabel('Naam van het platform').fill('Voorbeeldnaam');
		await page.getByLabel('Ondertitel (Nederlands)').fill('Een ondertitel om te bekijken');
		if (javaScriptEnabled) {
			// Live: the preview follows the inputs before anything is posted.
			await expect(preview).toContainText('Voorbeeldnaam');
			await expect(preview).toContainText('Een ondertitel om te bekijken');
		}
		await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
		await expect(page.getByText('Er is nog niets opgeslagen.')).toBeVisible();
		await expect(preview).toContainText('Voorbeeldnaam');
		await expect(page.getByLabel('Naam van het platform')).toHaveValue('Voorbeeldnaam');
		await expectNoAxeViolations(page);

		// A light primary colour: refused with the contrast in Dutch.
		await page.getByLabel('Naam van het platform').fill(SITE);
		await page.getByLabel('Ondertitel (Nederlands)').fill('');
		await page.getByRole('group', { name: 'Hoofdkleur' }).getByLabel('Kleurcode').fill('#ffff00');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('te weinig contrast');
		await expect(page.getByRole('alert')).toContainText('minstens 4,5:1');
		await expectNoAxeViolations(page);

		await page.goto('/');
		await expect(page.locator('.site-header')).toContainText(SITE);
		await expect(page.locator('.site-header')).not.toContainText('Voorbeeldnaam');
	});

	test('a logo: SVG refused, PNG saved and shown in the public header', async ({ page }) => {
		await page.goto('/beheer/instellingen');
		const upload = page.getByLabel('Nieuw logo');
		await upload.setInputFiles({
			name: 'logo.png',
			mimeType: 'image/png',
			buffer: Buffer.from(images.svg)
		});
		await page.getByRole('button', { name: 'Logo opslaan' }).click();
		await expect(page.getByRole('alert')).toContainText('Dit bestand is een SVG-bestand.');
		await expectNoAxeViolations(page);

		await page
			.getByLabel('Nieuw logo')
			.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(images.png) });
		await page.getByRole('button', { name: 'Logo opslaan' }).click();
		await expect(page.getByText('Het logo is opgeslagen.')).toBeVisible();
		await expect(page.getByRole('img', { name: 'Huidig logo' })).toBeVisible();
		await expectNoAxeViolations(page);

		// Unchanged fields saved: harmless for other specs, and it keeps the logo.
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByText('De instellingen zijn opgeslagen.')).toBeVisible();

		await page.goto('/');
		const logo = page.locator('.site-header').getByRole('img', { name: SITE });
		await expect(logo).toBeVisible();
		const src = await logo.getAttribute('src');
		expect(src).toMatch(/^\/bestanden\/[0-9a-f-]{36}$/);
		const file = await page.request.get(src!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('image/png');
		expect(file.headers()['x-content-type-options']).toBe('nosniff');
		expect(file.headers()['etag']).toMatch(/^"[0-9a-f]{64}"$/);
		expect(new Uint8Array(await file.body())).toEqual(images.png);
		await expectNoAxeViolations(page);
	});
});
