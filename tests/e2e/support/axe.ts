import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * A page to run axe and layout probes on. With JavaScript off, Playwright cannot evaluate in the
 * page either; then the same URL opens (with the same cookies) in a context where the app's
 * scripts are blocked, so the DOM is exactly the server-rendered HTML a visitor without
 * JavaScript gets.
 */
export async function probePage(
	page: Page,
	javaScriptEnabled: boolean
): Promise<{ probe: Page; close: () => Promise<void> }> {
	if (javaScriptEnabled) return { probe: page, close: async () => {} };
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser');
	const context = await browser.newContext({
		javaScriptEnabled: true,
		storageState: await page.context().storageState()
	});
	await context.route('**/*', (route) =>
		route.request().resourceType() === 'script' ? route.abort() : route.continue()
	);
	const probe = await context.newPage();
	await probe.goto(page.url());
	return { probe, close: () => context.close() };
}

/** Zero WCAG 2.1 A/AA violations on the current page (listed readably when not). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
	const { probe, close } = await probePage(page, javaScriptEnabled);
	try {
		const { violations } = await new AxeBuilder({ page: probe })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		const readable = violations.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
		expect(readable, `axe on ${page.url()}`).toEqual([]);
	} finally {
		await close();
	}
}

/** No horizontal scroll at 320 px (measured in a probe with the page's server-rendered state). */
export async function fits320(page: Page, javaScriptEnabled: boolean) {
	const { probe, close } = await probePage(page, javaScriptEnabled);
	await probe.setViewportSize({ width: 320, height: 800 });
	const width = await probe.evaluate(() => document.documentElement.scrollWidth);
	await close();
	expect(width, `no horizontal scroll at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
}
