/**
 * The workspace search (/beheer/zoeken), with JavaScript on and off: a GET form over the same
 * search as /zoeken, plus what the user may read. The taskforce member finds the example
 * decision on "knelpuntberoepen" with the word highlighted, and the taskforce's closed decision;
 * a member of another body does not find that closed one. Kinds, hints and no results; axe-clean
 * and no horizontal scroll at 320 px. Read-only: the example data of the scenario
 * (src/lib/server/seed/examples.ts).
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { seededId } from '../../src/lib/server/seed/ids';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario, type PersonaKey } from './support/scenario';

const publicDecision = seededId('decision', 'taskforce-gehouden>knelpuntberoepen');
const closedDecision = seededId('decision', 'taskforce-gehouden>besloten');

const open = (page: Page, path: string, javaScriptEnabled: boolean) =>
	page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });

async function signIn(context: BrowserContext, who: PersonaKey, baseURL: string) {
	await context.addCookies([
		{ name: 'sp_session', value: scenario()[who].sessionToken, url: baseURL }
	]);
}

/** axe-clean, and no horizontal scroll on a 320 px wide screen. */
async function checkPage(page: Page, javaScriptEnabled: boolean) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectNoAxeViolations(page);
	const { probe, close } = await probePage(page, javaScriptEnabled);
	try {
		await probe.setViewportSize({ width: 320, height: 800 });
		const width = await probe.evaluate(() => document.documentElement.scrollWidth);
		expect(width, `${page.url()} scrolls horizontally at 320 px`).toBeLessThanOrEqual(320);
	} finally {
		await close();
	}
}

test('a member searches the workspace and finds the hit highlighted', async ({
	page,
	context,
	javaScriptEnabled
}, info) => {
	await signIn(context, 'member', info.project.use.baseURL!);
	await open(page, '/beheer', javaScriptEnabled);
	await page
		.getByRole('navigation', { name: 'Werkruimte' })
		.getByRole('link', { name: 'Zoeken' })
		.click();
	await expect(page).toHaveURL(/\/beheer\/zoeken$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken in de werkruimte');
	// An empty search shows the form only.
	await expect(page.getByRole('status')).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	const form = page.getByRole('search', { name: 'Zoekopdracht' });
	await form.getByLabel('Zoekwoorden').fill('knelpuntberoepen');
	await form.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\/beheer\/zoeken\?q=knelpuntberoepen/);
	await expect(page.getByRole('status')).toContainText('voor „knelpuntberoepen”');

	const decisions = page.getByRole('region', { name: /Besluiten/ });
	const hit = decisions.getByRole('listitem').filter({
		has: page.locator(`a[href$="/besluiten/${publicDecision}"]`)
	});
	await expect(hit).toHaveCount(1);
	await expect(hit.getByRole('heading', { level: 3 })).toContainText(
		'Actieplan knelpuntberoepen goedgekeurd'
	);
	await expect(hit.locator('h3 mark').first()).toHaveText(/knelpuntberoepen/i);
	await expect(hit.locator('.snippet mark').first()).toHaveText(/knelpuntberoepen/i);
	await expect(hit).not.toContainText('niet openbaar');
	await checkPage(page, javaScriptEnabled);

	// Only decisions, and a closed one of the member's own body.
	await open(page, '/beheer/zoeken?q=detachering&soort=besluiten', javaScriptEnabled);
	await expect(page.getByRole('region', { name: /Verslagen/ })).toHaveCount(0);
	const closed = page
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href$="/besluiten/${closedDecision}"]`) });
	await expect(closed).toContainText('niet openbaar');

	// The hit leads to the decision.
	await open(page, '/beheer/zoeken?q=knelpuntberoepen', javaScriptEnabled);
	await page.locator(`a[href$="/besluiten/${publicDecision}"]`).first().click();
	await expect(page).toHaveURL(new RegExp(`/besluiten/${publicDecision}$`));
});

test('kinds, hints and no results', async ({ page, context, javaScriptEnabled }, info) => {
	await signIn(context, 'member', info.project.use.baseURL!);
	await open(page, '/beheer/zoeken?q=k', javaScriptEnabled);
	await expect(page.getByText('Typ minstens 2 tekens om te zoeken.')).toBeVisible();

	await open(page, `/beheer/zoeken?q=${'a'.repeat(201)}`, javaScriptEnabled);
	await expect(page.getByLabel('Zoekwoorden')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Uw zoekvraag is te lang: hoogstens 200 tekens.')).toBeVisible();
	await checkPage(page, javaScriptEnabled);

	await open(page, '/beheer/zoeken?q=knelpuntberoepen', javaScriptEnabled);
	const form = page.getByRole('search', { name: 'Zoekopdracht' });
	await form.getByLabel('Zoeken in').selectOption('verslagen');
	await form.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/soort=verslagen/);
	await expect(page.getByRole('region', { name: /Besluiten/ })).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	await open(page, '/beheer/zoeken?q=xyzzyplugh', javaScriptEnabled);
	await expect(page.getByRole('status')).toContainText('0 resultaten voor „xyzzyplugh”');
	await expect(page.getByText(/^Geen resultaten voor/)).toBeVisible();
});

test('a member of another body does not find the taskforce’s closed decision', async ({
	page,
	context,
	javaScriptEnabled
}, info) => {
	await signIn(context, 'otherMember', info.project.use.baseURL!);
	await open(page, '/beheer/zoeken?q=detachering', javaScriptEnabled);
	await expect(page.locator(`a[href$="/besluiten/${closedDecision}"]`)).toHaveCount(0);
	await open(page, '/beheer/zoeken?q=knelpuntberoepen', javaScriptEnabled);
	await expect(page.locator(`a[href$="/besluiten/${publicDecision}"]`).first()).toBeVisible();
});
