/**
 * Every workspace page an administrator can reach: zero axe violations, one <h1>, no horizontal
 * scroll at 320 px — with JavaScript on and off. And the API accepts a bearer token.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const pages = [
	'/beheer',
	'/beheer/account',
	'/beheer/gebruikers',
	'/beheer/audit',
	'/beheer/audit?recordType=user',
	'/beheer/api-sleutels',
	'/beheer/taken',
	'/beheer/organen/taskforce-spitsregio-leuven',
	'/beheer/regio/halle-vilvoorde',
	'/beheer/plannen',
	'/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven',
	'/beheer/dossiers',
	'/beheer/dossiers/nieuw',
	'/beheer/dossiers/voorbeeld-memorandum-schoolinfrastructuur',
	'/beheer/privacy',
	'/beheer/uitloggen'
];

test.describe('workspace pages as an administrator', () => {
	test.beforeEach(async ({ context }, info) => {
		// Both browser projects use the scenario's admin session, for reading only.
		const { admin } = scenario();
		await context.addCookies([
			{ name: 'sp_session', value: admin.sessionToken, url: info.project.use.baseURL! }
		]);
	});

	for (const path of pages) {
		test(path, async ({ page, javaScriptEnabled }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
			await expectNoAxeViolations(page);
			const { probe, close } = await probePage(page, javaScriptEnabled);
			await probe.setViewportSize({ width: 320, height: 800 });
			const width = await probe.evaluate(() => document.documentElement.scrollWidth);
			await close();
			expect(width).toBeLessThanOrEqual(320);
		});
	}

	test('my data downloads as a JSON attachment without secrets', async ({ page }) => {
		await page.goto('/beheer/account');
		const link = page.getByRole('link', { name: 'Mijn gegevens downloaden (JSON)' });
		await expect(link).toHaveAttribute('href', '/beheer/account/gegevens');
		const response = await page.request.get('/beheer/account/gegevens');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/json');
		expect(response.headers()['content-disposition']).toMatch(
			/^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/
		);
		const text = await response.text();
		expect(text).not.toMatch(/passwordHash|totpSecret|tokenHash|codeHash|argon2/);
		expect(JSON.parse(text)).toMatchObject({ user: { email: scenario().admin.email } });
		await expect(page.getByRole('heading', { level: 2, name: 'E-mailmeldingen' })).toHaveCount(1);
	});

	test('a user page', async ({ page }) => {
		await page.goto('/beheer/gebruikers');
		await page.getByRole('link', { name: 'member (voorbeeld)', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('member (voorbeeld)');
		await expectNoAxeViolations(page);
	});
});

test('the API takes a bearer token, and refuses a wrong one in JSON', async ({ request }) => {
	const ok = await request.get('/api/v1/bodies?limit=1', {
		headers: { authorization: `Bearer ${scenario().apiToken}` }
	});
	expect(ok.status()).toBe(200);
	const wrong = await request.get('/api/v1/bodies?limit=1', {
		headers: { authorization: 'Bearer sp_ongeldig' }
	});
	expect(wrong.status()).toBe(401);
	expect(await wrong.json()).toMatchObject({
		error: { code: 'unauthenticated', message: 'Ongeldige of ingetrokken API-sleutel.' }
	});
	const unknown = await request.get('/api/v1/bestaat-niet');
	expect(unknown.status()).toBe(404);
	expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
});
