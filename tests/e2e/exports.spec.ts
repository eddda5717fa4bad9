/**
 * Exports, with JavaScript on (project `js`) and off (`nojs`): the public meeting page links its
 * agenda PDF and its JSON-LD (also served at the page's URL to Accept: application/ld+json); the
 * public register downloads as CSV with its filters; members download their body's register with
 * closed decisions and the members' agenda PDF, which others cannot. Read-only: the example
 * meetings the scenario loads. Every page with the new links is axe-clean and fits 320 px.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { seededId } from '../../src/lib/server/seed/ids';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const held = seededId('meeting', 'taskforce-gehouden');
const TASKFORCE = 'taskforce-spitsregio-leuven';
const publicTitle = 'Actieplan knelpuntberoepen goedgekeurd';
const closedTitle = 'Verlenging detachering secretariaat';
const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';

function open(page: Page, path: string, javaScriptEnabled: boolean) {
	return page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });
}

/** axe-clean, and no horizontal scroll on a 320 px wide screen. */
async function checkPage(page: Page, javaScriptEnabled: boolean) {
	await expectNoAxeViolations(page);
	const { probe, close } = await probePage(page, javaScriptEnabled);
	try {
		await probe.setViewportSize({ width: 320, height: 720 });
		const width = await probe.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `${page.url()} scrolls horizontally at 320 px`).toBeLessThanOrEqual(320);
	} finally {
		await close();
	}
}

/** Click a download link and return the file's name and bytes. */
async function download(page: Page, name: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name, exact: true }).click()
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

const csvRows = (bytes: Buffer) =>
	parse(bytes.toString('utf8'), { delimiter: ';', bom: true, columns: true }) as Record<
		string,
		string
	>[];

test('public meeting: agenda PDF, JSON-LD by content negotiation and as a link', async ({
	page,
	request,
	javaScriptEnabled
}) => {
	await open(page, `/vergaderingen/${held}`, javaScriptEnabled);
	await expect(page.locator('link[rel="alternate"][type="application/ld+json"]')).toHaveAttribute(
		'href',
		`/vergaderingen/${held}`
	);
	const downloads = page.getByRole('navigation', { name: 'Downloads' });
	await expect(downloads.getByRole('link', { name: 'Open data (JSON-LD)' })).toHaveAttribute(
		'href',
		`/vergaderingen/${held}/vergadering.jsonld`
	);
	// The minutes are not approved yet: no minutes PDF, for the public it does not exist.
	await expect(downloads.getByRole('link', { name: 'Verslag als pdf' })).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	const pdf = await download(page, 'Agenda als pdf');
	expect(pdf.name).toMatch(/^agenda-taskforce-spitsregio-leuven-\d{4}-\d{2}-\d{2}\.pdf$/);
	expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

	const response = await request.get(`/vergaderingen/${held}/agenda.pdf`);
	expect(response.headers()['content-type']).toBe('application/pdf');
	expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
	expect(response.headers()['x-content-type-options']).toBe('nosniff');
	expect((await request.get(`/vergaderingen/${held}/verslag.pdf`)).status()).toBe(404);

	for (const [url, accept] of [
		[`/vergaderingen/${held}`, 'application/ld+json'],
		[`/vergaderingen/${held}/vergadering.jsonld`, 'text/html']
	]) {
		const ld = await request.get(url, { headers: { accept } });
		expect(ld.status(), url).toBe(200);
		expect(ld.headers()['content-type']).toMatch(/^application\/ld\+json/);
		const text = await ld.text();
		expect(text).not.toContain(closedTitle);
		const doc = JSON.parse(text) as { '@context': object; '@graph': { '@type': string }[] };
		expect(doc['@context']).toMatchObject({ besluit: BESLUIT });
		expect(doc['@graph'].map((n) => n['@type'])).toEqual(
			expect.arrayContaining(['Zitting', 'Agendapunt', 'Besluit', 'Stemming'])
		);
	}
	// A browser still gets the page.
	const html = await request.get(`/vergaderingen/${held}`, { headers: { accept: 'text/html' } });
	expect(html.headers()['content-type']).toMatch(/^text\/html/);
	expect(html.headers()['vary']).toMatch(/Accept/);
});

test('public register: CSV download with the filters, public decisions only', async ({
	page,
	request,
	javaScriptEnabled
}) => {
	await open(page, `/besluiten?orgaan=${TASKFORCE}`, javaScriptEnabled);
	await expect(page.getByRole('link', { name: 'Download als CSV' })).toHaveAttribute(
		'href',
		`/besluiten/export.csv?orgaan=${TASKFORCE}`
	);
	await checkPage(page, javaScriptEnabled);
	const csv = await download(page, 'Download als CSV');
	expect(csv.name).toMatch(/^besluiten-\d{4}-\d{2}-\d{2}\.csv$/);
	const rows = csvRows(csv.bytes);
	expect(rows.length).toBeGreaterThan(0);
	expect(rows.every((r) => r.body_slug === TASKFORCE && r.public === 'ja')).toBe(true);
	expect(rows.map((r) => r.title)).toContain(publicTitle);
	expect(rows.map((r) => r.title)).not.toContain(closedTitle);

	const xlsx = await request.get(`/besluiten/export.xlsx?orgaan=${TASKFORCE}`);
	expect(xlsx.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
	expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
});

test('members: their register with closed decisions and the full agenda PDF; others cannot', async ({
	page,
	context,
	request,
	javaScriptEnabled
}, info) => {
	const { member, otherMember } = scenario();
	await context.addCookies([
		{ name: 'sp_session', value: member.sessionToken, url: info.project.use.baseURL! }
	]);
	await open(page, `/beheer/organen/${TASKFORCE}/besluiten`, javaScriptEnabled);
	await checkPage(page, javaScriptEnabled);
	const rows = csvRows((await download(page, 'Download als CSV')).bytes);
	const closed = rows.find((r) => r.title === closedTitle);
	expect(closed?.public).toBe('nee');
	expect(rows.find((r) => r.title === publicTitle)?.public).toBe('ja');

	await open(page, `/beheer/vergaderingen/${held}`, javaScriptEnabled);
	await checkPage(page, javaScriptEnabled);
	const pdf = await download(page, 'Agenda als pdf');
	expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
	await expect(page.getByRole('link', { name: 'Verslag als pdf (ontwerp)' })).toBeVisible();

	const closedUrls = [
		`/beheer/organen/${TASKFORCE}/besluiten/export.csv`,
		`/beheer/vergaderingen/${held}/agenda.pdf`,
		`/beheer/vergaderingen/${held}/verslag.pdf`
	];
	for (const url of closedUrls) {
		const anonymous = await request.get(url, { maxRedirects: 0 });
		expect(anonymous.status(), url).toBe(303);
		expect(anonymous.headers()['location']).toContain('/beheer/inloggen');
	}
	const asOther = { headers: { cookie: `sp_session=${otherMember.sessionToken}` } };
	for (const url of closedUrls) {
		expect((await request.get(url, asOther)).status(), url).toBe(403);
	}
});
