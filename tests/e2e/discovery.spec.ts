/**
 * Discovery, with JavaScript on and off: the Atom feeds and the sitemap answer well-formed XML
 * under the configured origin, robots.txt points to the sitemap, public pages carry canonical,
 * hreflang, OpenGraph, feed links and schema.org JSON-LD in Dutch and English, and the
 * accessibility statement is reachable from the footer, axe-clean and fits 320 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { seededId } from '../../src/lib/server/seed/ids';
import { childText, childrenOf, parseXml } from '../helpers/xml';
import { expectNoAxeViolations, fits320 } from './support/axe';

const BODY = 'taskforce-spitsregio-leuven';
const MEETING = seededId('meeting', 'taskforce-gehouden');

const feeds = [
	'/nieuws/feed.atom',
	'/besluiten/feed.atom',
	'/dossiers/feed.atom',
	`/organen/${BODY}/feed.atom`,
	'/en/besluiten/feed.atom',
	`/en/organen/${BODY}/feed.atom`
];

test.describe('feeds', () => {
	for (const path of feeds) {
		test(`${path} is a well-formed Atom feed`, async ({ request, baseURL }) => {
			const res = await request.get(path);
			expect(res.status()).toBe(200);
			expect(res.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
			const root = parseXml(await res.text());
			expect(root.name).toBe('feed');
			expect(root.attributes['xml:lang']).toBe(path.startsWith('/en/') ? 'en' : 'nl');
			const self = childrenOf(root, 'link').find((l) => l.attributes.rel === 'self');
			expect(self?.attributes.href).toBe(`${baseURL}${path}`);
			expect(childText(root, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT/);
			for (const entry of childrenOf(root, 'entry')) {
				const href = childrenOf(entry, 'link')[0].attributes.href;
				expect(href.startsWith(`${baseURL}${path.startsWith('/en/') ? '/en/' : '/'}`)).toBe(true);
			}
		});
	}

	test("a body's feed holds its public decision; an unknown body is a 404", async ({
		request,
		baseURL
	}) => {
		const xml = await (await request.get(`/organen/${BODY}/feed.atom`)).text();
		const decision = seededId('decision', 'taskforce-gehouden>knelpuntberoepen');
		expect(xml).toContain(`${baseURL}/besluiten/${decision}`);
		expect((await request.get('/organen/bestaat-niet/feed.atom')).status()).toBe(404);
	});
});

test.describe('sitemap and robots.txt', () => {
	test('the sitemap lists public pages with their English alternates', async ({
		request,
		baseURL
	}) => {
		const res = await request.get('/sitemap.xml');
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('application/xml; charset=utf-8');
		const urls = childrenOf(parseXml(await res.text()), 'url');
		const locs = urls.map((u) => childText(u, 'loc'));
		expect(locs).toEqual(
			expect.arrayContaining([
				`${baseURL}/`,
				`${baseURL}/organen/${BODY}`,
				`${baseURL}/vergaderingen/${MEETING}`,
				`${baseURL}/toegankelijkheid`
			])
		);
		expect(locs.filter((l) => l.includes('/beheer'))).toEqual([]);
		const body = urls.find((u) => childText(u, 'loc') === `${baseURL}/organen/${BODY}`)!;
		const en = childrenOf(body, 'link').find((l) => l.attributes.hreflang === 'en');
		expect(en?.attributes.href).toBe(`${baseURL}/en/organen/${BODY}`);
	});

	test('robots.txt keeps crawlers out of the workspace and names the sitemap', async ({
		request,
		baseURL
	}) => {
		const res = await request.get('/robots.txt');
		expect(res.status()).toBe(200);
		const text = await res.text();
		expect(text).toContain('Disallow: /beheer/');
		expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
	});
});

const meta = (page: Page, property: string) =>
	page.locator(`meta[property="${property}"]`).getAttribute('content');
const jsonLd = async (page: Page) =>
	(await page.locator('script[type="application/ld+json"]').allTextContents()).map(
		(t) => JSON.parse(t) as Record<string, unknown>
	);

test.describe('head tags', () => {
	for (const locale of ['nl', 'en'] as const) {
		test(`a body page in ${locale}: canonical, hreflang, OpenGraph and its feed`, async ({
			page,
			baseURL
		}) => {
			const prefix = locale === 'en' ? '/en' : '';
			await page.goto(`${prefix}/organen/${BODY}`);
			const head = page.locator('head');
			await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
				'href',
				`${baseURL}${prefix}/organen/${BODY}`
			);
			for (const [lang, href] of [
				['nl', `${baseURL}/organen/${BODY}`],
				['en', `${baseURL}/en/organen/${BODY}`],
				['x-default', `${baseURL}/organen/${BODY}`]
			])
				await expect(head.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute(
					'href',
					href
				);
			const h1 = (await page.locator('h1').textContent())!.trim();
			expect(await meta(page, 'og:title')).toBe(h1);
			expect(await meta(page, 'og:url')).toBe(`${baseURL}${prefix}/organen/${BODY}`);
			expect(await meta(page, 'og:locale')).toBe(locale === 'en' ? 'en_GB' : 'nl_BE');
			expect(await meta(page, 'og:type')).toBe('website');
			expect(await meta(page, 'og:site_name')).not.toBe('');
			expect(await meta(page, 'og:description')).not.toBe('');
			await expect(head.locator('link[type="application/atom+xml"]')).toHaveAttribute(
				'href',
				`${prefix}/organen/${BODY}/feed.atom`
			);
		});
	}

	test('the home page describes the partnership as an Organization', async ({ page }) => {
		await page.goto('/');
		const [org] = await jsonLd(page);
		expect(org['@type']).toBe('Organization');
		expect(org.name).toBeTruthy();
	});

	test('a public meeting is an Event in Brussels time with its organiser', async ({
		page,
		baseURL
	}) => {
		await page.goto(`/en/vergaderingen/${MEETING}`);
		const [event] = await jsonLd(page);
		expect(event['@type']).toBe('Event');
		expect(event.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
		expect(event.url).toBe(`${baseURL}/en/vergaderingen/${MEETING}`);
		expect((event.organizer as { url: string }).url).toBe(`${baseURL}/en/organen/${BODY}`);
	});

	test('the workspace is not for search engines', async ({ page }) => {
		await page.goto('/beheer/inloggen');
		await expect(page.locator('meta[name="robots"]')).toHaveAttribute(
			'content',
			'noindex, nofollow'
		);
		await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
	});
});

test.describe('accessibility statement', () => {
	test('reached from the footer, in Dutch: status, limits, testing, contact', async ({
		page,
		javaScriptEnabled
	}) => {
		await page.goto('/');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Toegankelijkheid' }).click();
		await expect(page).toHaveURL(/\/toegankelijkheid$/);
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('h1')).toHaveText('Toegankelijkheidsverklaring');
		await expect(page.getByRole('main')).toContainText('gedeeltelijk in overeenstemming');
		await expect(page.getByRole('main')).toContainText('Vlaamse Ombudsdienst');
		await expect(page.getByRole('link', { name: 'Naar het contactformulier' })).toHaveAttribute(
			'href',
			'/contact'
		);
		await expectNoAxeViolations(page);
		await fits320(page, javaScriptEnabled);
	});

	test('in English under /en', async ({ page, javaScriptEnabled }) => {
		await page.goto('/en/toegankelijkheid');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveText('Accessibility statement');
		await expect(page.getByRole('link', { name: 'Go to the contact form' })).toHaveAttribute(
			'href',
			'/en/contact'
		);
		await expectNoAxeViolations(page);
		await fits320(page, javaScriptEnabled);
	});
});
