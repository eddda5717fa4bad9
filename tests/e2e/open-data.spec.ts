/**
 * Open data in public, with JavaScript on and off: the open-data page in Dutch and English
 * (axe-clean), the ZIP download with its ETag and 304, the OSLO JSON-LD linked from a body's and
 * an organisation's page, and the API's CORS answers to another site's script.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

test('the open-data page names the files, the licence, the API and the feeds', async ({ page }) => {
	await page.goto('/open-data');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data');
	await expect(page.getByText('memberships.csv')).toBeVisible();
	await expect(
		page.getByRole('link', { name: /Creative Commons Naamsvermelding 4\.0/ })
	).toHaveAttribute('rel', 'license');
	await expect(page.getByRole('link', { name: 'API-referentie' })).toHaveAttribute(
		'href',
		'/open-data/api'
	);
	await expectNoAxeViolations(page);

	await page.goto('/en/open-data');
	await expect(page.getByRole('heading', { level: 2, name: 'Licence' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'API reference' })).toHaveAttribute(
		'href',
		'/en/open-data/api'
	);
	await expectNoAxeViolations(page);
});

test('the ZIP downloads with an ETag, and comes back 304 while nothing changed', async ({
	page,
	request
}) => {
	await page.goto('/open-data');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download de open data (ZIP)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('streekplatform-open-data.zip');

	const res = await request.get('/open-data/streekplatform-open-data.zip');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('application/zip');
	const body = await res.body();
	expect(body.subarray(0, 2).toString()).toBe('PK');
	const etag = res.headers()['etag'];
	expect(etag).toMatch(/^"od-/);
	const again = await request.get('/open-data/streekplatform-open-data.zip', {
		headers: { 'if-none-match': etag }
	});
	expect(again.status()).toBe(304);
});

test('bodies and organisations link their OSLO JSON-LD', async ({ page, request }) => {
	await page.goto('/organen/taskforce-spitsregio-leuven');
	const link = page.locator('link[rel="alternate"][type="application/ld+json"]');
	await expect(link).toHaveAttribute('href', '/organen/taskforce-spitsregio-leuven/orgaan.jsonld');
	const doc = await (
		await request.get('/organen/taskforce-spitsregio-leuven/orgaan.jsonld')
	).json();
	expect(doc['@context'].besluit).toBe('http://data.vlaanderen.be/ns/besluit#');

	await page.goto('/organisaties/acv');
	await expect(page.locator('link[rel="alternate"][type="application/ld+json"]')).toHaveAttribute(
		'href',
		'/organisaties/acv/organisatie.jsonld'
	);
	const res = await request.get('/organisaties/acv/organisatie.jsonld');
	expect(res.headers()['content-type']).toContain('application/ld+json');
	expect((await res.json())['@graph'][0]['@type']).toBe('Organisatie');
});

test('the API answers another site: CORS on reads, preflight, ETag and 304', async ({
	request
}) => {
	const headers = { origin: 'https://elders.example' };
	const res = await request.get('/api/v1/bodies?limit=2', { headers });
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const etag = res.headers()['etag'];
	expect(etag).toBeTruthy();
	const again = await request.get('/api/v1/bodies?limit=2', {
		headers: { ...headers, 'if-none-match': etag }
	});
	expect(again.status()).toBe(304);

	const preflight = await request.fetch('/api/v1/bodies', {
		method: 'OPTIONS',
		headers: { ...headers, 'access-control-request-method': 'GET' }
	});
	expect(preflight.status()).toBe(204);
	expect(preflight.headers()['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
});
