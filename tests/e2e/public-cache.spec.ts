/**
 * The public-page cache (server.js): an anonymous visitor gets a public page from the cache, and
 * an edit in the workspace shows on that page at once. Each project edits its own organisation
 * (the js and nojs projects run side by side).
 */
import { expect, test } from '@playwright/test';
import { scenario } from './support/scenario';

test('an edit in the workspace shows at once on the cached public page', async ({
	page,
	request,
	javaScriptEnabled
}, info) => {
	const slug = javaScriptEnabled ? 'haviland' : 'interleuven';
	const publicPath = `/en/organisaties/${slug}`;

	// Anonymous (the request fixture has no session): the second visit is served from the cache.
	const first = await request.get(publicPath);
	expect(first.status()).toBe(200);
	const second = await request.get(publicPath);
	expect(second.headers()['x-cache']).toBe('hit');
	expect(second.headers()['x-sp-cache-tags']).toBeUndefined();
	// Nothing interactive: no JavaScript at all.
	expect(await second.text()).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
	// The browser's copy revalidates with its ETag.
	const etag = second.headers()['etag'];
	const revalidated = await request.get(publicPath, { headers: { 'if-none-match': etag } });
	expect(revalidated.status()).toBe(304);

	const { admin } = scenario();
	await page
		.context()
		.addCookies([
			{ name: 'sp_session', value: admin.sessionToken, url: info.project.use.baseURL! }
		]);
	await page.goto(`/beheer/organisaties?q=${slug}`);
	await page
		.locator(`a[href^="/beheer/organisaties/"]`)
		.filter({ hasNotText: 'Nieuwe' })
		.first()
		.click();
	const englishName = `Cache test ${Date.now()}`;
	await page.getByLabel('Naam in het Engels (niet verplicht)').fill(englishName);
	await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
	await expect(page.getByLabel('Naam in het Engels (niet verplicht)')).toHaveValue(englishName);

	const after = await request.get(publicPath);
	expect(after.headers()['x-cache']).toBeUndefined();
	expect(await after.text()).toContain(englishName);
	const again = await request.get(publicPath);
	expect(again.headers()['x-cache']).toBe('hit');
	expect(await again.text()).toContain(englishName);
	expect((await request.get(publicPath, { headers: { 'if-none-match': etag } })).status()).toBe(
		200
	);
});
