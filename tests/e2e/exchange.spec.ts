/**
 * Import and export of members, JavaScript on and off: the platform page as staff, the body page
 * as the Taskforce's secretary. Zero axe violations on every state reached (form, errors, preview,
 * result), one <h1>, 320 px reflow.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { scenario, type PersonaKey } from './support/scenario';

const columns =
	'person_id;given_name;family_name;email;phone;membership_id;body_slug;role;organisation_slug;start_on;end_on;public_name;public_name_consent_at;note';
const body = 'taskforce-spitsregio-leuven';

async function as(who: PersonaKey, page: Page, baseURL: string) {
	await page
		.context()
		.addCookies([{ name: 'sp_session', value: scenario()[who].sessionToken, url: baseURL }]);
}

async function checkPage(page: Page, javaScriptEnabled: boolean) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectNoAxeViolations(page);
	if (!javaScriptEnabled) return; // the probe reloads by GET, which would lose the posted state
	await fits320(page, javaScriptEnabled);
}

async function upload(page: Page, name: string, content: string) {
	await page.getByLabel('Bestand').setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.from(content, 'utf8')
	});
	await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
}

test('staff export, see bad rows, preview and import for the whole platform', async ({
	page,
	javaScriptEnabled,
	baseURL
}) => {
	await as('staff', page, baseURL!);
	const response = await page.goto('/beheer/uitwisseling');
	expect(response?.status()).toBe(200);
	await checkPage(page, javaScriptEnabled);

	const csv = await page.request.get('/beheer/uitwisseling/export.csv');
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="leden-platform-/);
	expect(csv.headers()['x-content-type-options']).toBe('nosniff');
	expect((await csv.text()).startsWith(`\uFEFF${columns}`)).toBe(true);
	const xlsx = await page.request.get('/beheer/uitwisseling/export.xlsx');
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

	await upload(
		page,
		'voorbeeld-fout.csv',
		`${columns}\n;Voorbeeld;Fout;;;;${body};member;bestaat-niet;2025-05-01;2025-01-01;nee;;\n`
	);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Er is niets geïmporteerd');
	await expect(alert).toContainText('Regel 2: Onbekende organisatie: "bestaat-niet".');
	await expect(alert).toContainText('Regel 2: Het lidmaatschap eindigt (2025-01-01)');
	await checkPage(page, javaScriptEnabled);

	const family = javaScriptEnabled ? 'Uitwisseling-js' : 'Uitwisseling-nojs';
	await upload(
		page,
		'voorbeeld.csv',
		`${columns}\n;Voorbeeld;${family};;;;${body};member;;2025-01-01;;nee;;voorbeeld\n`
	);
	await expect(page.getByRole('heading', { name: 'Voorbeeld van de import' })).toBeVisible();
	await expect(page.getByRole('table')).toContainText(`Voorbeeld ${family}`);
	await checkPage(page, javaScriptEnabled);
	await page.getByRole('button', { name: 'Importeren' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Import voltooid: 1 nieuwe en 0 gewijzigde personen, 1 nieuwe'
	);
	await checkPage(page, javaScriptEnabled);
	const after = await page.request.get('/beheer/uitwisseling/export.csv');
	expect(await after.text()).toContain(`;Voorbeeld;${family};`);
});

test('a secretary works on their own body only', async ({ page, javaScriptEnabled, baseURL }) => {
	await as('secretary', page, baseURL!);
	const response = await page.goto(`/beheer/organen/${body}/uitwisseling`);
	expect(response?.status()).toBe(200);
	await checkPage(page, javaScriptEnabled);
	const own = await page.request.get(`/beheer/organen/${body}/uitwisseling/export.csv`);
	expect(own.status()).toBe(200);
	expect((await page.request.get('/beheer/uitwisseling/export.csv')).status()).toBe(403);
	await upload(
		page,
		'voorbeeld-ander-orgaan.csv',
		`${columns}\n;Voorbeeld;Elders;;;;burgemeestersoverleg-bestaat-niet;member;;;;nee;;\n`
	);
	await expect(page.getByRole('alert')).toContainText('Regel 2:');
	await checkPage(page, javaScriptEnabled);
});
