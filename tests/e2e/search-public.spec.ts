/**
 * The public search (/zoeken and /en/zoeken), with JavaScript on and off: the search box in the
 * header (keyboard only), hits grouped by kind with counts and highlighted, typos in names, the
 * closed decision never shown (not even to a member: the public page is the same for everyone),
 * and bad input: SQL in the words, a search over 200 characters, an unknown kind, an empty
 * search. Axe-clean and no horizontal scroll at 320 px. Read-only: the scenario's example data.
 */
import { expect, test, type Page } from '@playwright/test';
import { seededId } from '../../src/lib/server/seed/ids';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const publicDecision = seededId('decision', 'taskforce-gehouden>knelpuntberoepen');
const closedDecision = seededId('decision', 'taskforce-gehouden>besloten');

const open = (page: Page, path: string, javaScriptEnabled: boolean) =>
	page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });

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

test('the header’s search box finds a public decision, grouped and highlighted', async ({
	page,
	javaScriptEnabled
}) => {
	await open(page, '/', javaScriptEnabled);
	const box = page.getByRole('search', { name: 'Zoeken op de site' });
	await box.getByLabel('Zoeken op de site').fill('knelpuntberoepen');
	await box.getByLabel('Zoeken op de site').press('Enter');
	await expect(page).toHaveURL(/\/zoeken\?q=knelpuntberoepen$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Zoeken');
	await expect(page.getByRole('status')).toContainText('voor „knelpuntberoepen”');
	// The counts per kind lead to their groups.
	const kinds = page.getByRole('navigation', { name: 'Resultaten per soort' });
	await expect(kinds.getByRole('link', { name: /Besluiten \(\d+\)/ })).toHaveAttribute(
		'href',
		'#soort-besluiten'
	);
	const decisions = page.getByRole('region', { name: /Besluiten/ });
	const hit = decisions
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="/besluiten/${publicDecision}"]`) });
	await expect(hit).toHaveCount(1);
	await expect(hit.locator('h3 mark').first()).toHaveText(/knelpuntberoepen/i);
	await checkPage(page, javaScriptEnabled);

	// One kind, with the way back to all kinds.
	await open(page, '/zoeken?q=knelpuntberoepen&soort=besluiten', javaScriptEnabled);
	await expect(page.getByRole('status')).toContainText('in Besluiten');
	await page.getByRole('link', { name: 'Terug naar de resultaten van alle soorten' }).click();
	await expect(page).toHaveURL(/\/zoeken\?q=knelpuntberoepen$/);
});

test('typos in names, and never a closed decision, whoever is logged in', async ({
	page,
	context,
	javaScriptEnabled
}, info) => {
	await open(page, '/zoeken?q=Halle-Vilvorde', javaScriptEnabled);
	const areas = page.getByRole('region', { name: /Gemeenten en regio's/ });
	await expect(areas.getByRole('link', { name: 'Regio Halle-Vilvoorde' })).toBeVisible();
	await checkPage(page, javaScriptEnabled);

	// The taskforce's member reads the closed decision in the workspace, not here.
	await context.addCookies([
		{ name: 'sp_session', value: scenario().member.sessionToken, url: info.project.use.baseURL! }
	]);
	await open(page, '/zoeken?q=detachering', javaScriptEnabled);
	await expect(page.getByRole('status')).toBeVisible();
	await expect(page.locator(`a[href$="/besluiten/${closedDecision}"]`)).toHaveCount(0);
	await expect(page.getByText('niet openbaar')).toHaveCount(0);
});

test('bad input: SQL, too long, an unknown kind, nothing', async ({ page, javaScriptEnabled }) => {
	const sqlWords = "'); DROP TABLE bodies; --";
	await open(page, `/zoeken?q=${encodeURIComponent(sqlWords)}`, javaScriptEnabled);
	await expect(page.getByRole('status')).toContainText('resultaten voor');
	await expect(page.getByLabel('Zoekwoorden')).toHaveValue(sqlWords);
	// The bodies are all still there.
	await open(page, '/zoeken?q=taskforce', javaScriptEnabled);
	await expect(
		page
			.getByRole('region', { name: /Organen/ })
			.getByRole('link')
			.first()
	).toBeVisible();

	await open(page, `/zoeken?q=${'a'.repeat(201)}`, javaScriptEnabled);
	await expect(page.getByLabel('Zoekwoorden')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Uw zoekvraag is te lang: hoogstens 200 tekens.')).toBeVisible();
	await expect(page.getByRole('status')).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	await open(page, '/zoeken?q=knelpuntberoepen&soort=raketten', javaScriptEnabled);
	await expect(page.getByText('Onbekende soort „raketten”: we zoeken in alles.')).toBeVisible();
	await expect(page.getByRole('region', { name: /Besluiten/ })).toBeVisible();

	await open(page, '/zoeken', javaScriptEnabled);
	await expect(page.getByLabel('Zoekwoorden')).toHaveValue('');
	await expect(page.getByRole('status')).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);
});

test('in English under /en/zoeken', async ({ page, javaScriptEnabled }) => {
	await open(page, '/en', javaScriptEnabled);
	const box = page.getByRole('search', { name: 'Search the site' });
	await box.getByLabel('Search the site').fill('knelpuntberoepen');
	await box.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/\/en\/zoeken\?q=knelpuntberoepen$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
	await expect(page.getByRole('status')).toContainText('for “knelpuntberoepen”');
	await expect(page.locator(`a[href="/en/besluiten/${publicDecision}"]`)).toHaveCount(1);
	await checkPage(page, javaScriptEnabled);

	await open(page, `/en/zoeken?q=${'a'.repeat(201)}`, javaScriptEnabled);
	await expect(page.getByText('Your search is too long: at most 200 characters.')).toBeVisible();
	await open(page, '/en/zoeken?q=knelpuntberoepen&soort=rockets', javaScriptEnabled);
	await expect(page.getByText('Unknown kind “rockets”: we search everything.')).toBeVisible();
});
