/**
 * Shared steps of the flow specs: a browser context as a persona of the scenario (or anonymous),
 * page visits that check axe, form submits that wait for the result, and Brussels dates.
 */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { scenario, type PersonaKey } from './scenario';

/** YYYY-MM-DD in Europe/Brussels, `offsetDays` from today. */
export const brusselsDay = (offsetDays: number) =>
	new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(Date.now() + offsetDays * 86400_000));

/** A new page in its own context, logged in as `who` (null: anonymous), JavaScript on or off. */
export async function as(browser: Browser, who: PersonaKey | null, baseURL: string, js: boolean) {
	const context = await browser.newContext({ javaScriptEnabled: js, baseURL, locale: 'nl-BE' });
	if (who) {
		await context.addCookies([
			{ name: 'sp_session', value: scenario()[who].sessionToken, url: baseURL }
		]);
	}
	return context.newPage();
}

/** Open a page and check it with axe. */
export async function go(page: Page, path: string, js: boolean) {
	await page.goto(path, { waitUntil: js ? 'networkidle' : 'load' });
	await expectNoAxeViolations(page);
}

/**
 * Press a button (by exact name, or a pattern) and wait for what it loads. With JavaScript the
 * form posts by fetch, and the page's load state was reached long before: wait for the answer
 * itself, or a later check could pass on what the page showed before (a status of an earlier save).
 */
export async function submit(
	page: Page,
	name: string | RegExp,
	js: boolean,
	scope: Page | Locator = page
) {
	const button = scope.getByRole('button', { name, exact: typeof name === 'string' });
	if (!js) {
		await button.click();
		await page.waitForLoadState('load');
		return;
	}
	const answered = page
		.waitForResponse((r) => ['fetch', 'document'].includes(r.request().resourceType()), {
			timeout: 10_000
		})
		.catch(() => undefined);
	await button.click();
	await answered;
	await page.waitForLoadState('networkidle');
}

/**
 * Add an item with the agenda page's add form, and wait for the page's confirmation: with
 * JavaScript it is the last step of the submit (after the form's reset and the reload), so only
 * then is the form ready for the next item (filled earlier, a reset could undo a choice).
 */
export async function addAgendaItem(
	page: Page,
	item: { title: string; public: boolean; kind?: string; minutes?: number },
	js: boolean
) {
	// With JavaScript the page reloads its data after an add and makes the form anew: fill it only
	// once that is over, and check the choice right before sending (a CI run once sent a closed
	// item as public).
	if (js) await page.waitForLoadState('networkidle');
	const form = page.locator('form[action="?/add"]');
	await form.getByLabel('Titel').fill(item.title);
	if (item.kind) await form.getByLabel('Soort').selectOption({ label: item.kind });
	if (item.minutes) {
		await form.getByLabel('Duur in minuten (niet verplicht)').fill(String(item.minutes));
	}
	const isPublic = form.getByLabel(/^Openbaar punt/);
	await isPublic.setChecked(item.public);
	await expect(isPublic).toBeChecked({ checked: item.public });
	await expect(form.getByLabel('Titel')).toHaveValue(item.title);
	await submit(page, 'Punt toevoegen', js);
	await expect(
		page.getByRole('status').filter({ hasText: `„${item.title}” is toegevoegd` })
	).toBeVisible();
}

/**
 * Create a public meeting of `body` (slug) with the workspace form, `day` days from today
 * (Brussels), and return its workspace path.
 */
export async function createMeeting(
	page: Page,
	body: string,
	title: string,
	js: boolean,
	{ day = 14, start = '14:00', end = '16:30' }: { day?: number; start?: string; end?: string } = {}
) {
	await go(page, `/beheer/organen/${body}/vergaderingen`, js);
	await page.getByLabel('Titel (niet verplicht)').fill(title);
	await page.getByLabel('Datum').fill(brusselsDay(day));
	await page.getByLabel('Begin (UU:MM)').fill(start);
	await page.getByLabel('Einde (UU:MM)').fill(end);
	await page.getByLabel(/^Openbare vergadering/).check();
	await submit(page, 'Vergadering aanmaken', js);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	return new URL(page.url()).pathname;
}

/**
 * Publish a meeting's agenda, move the meeting `daysAgo` days into the past and mark it held (the
 * way a secretary gets there: a meeting is made and published before it takes place).
 */
export async function holdMeeting(page: Page, path: string, daysAgo: number, js: boolean) {
	await go(page, path, js);
	await submit(page, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(page.getByRole('status')).toContainText('gepubliceerd');
	await go(page, `${path}/bewerken`, js);
	await page.getByLabel('Datum').fill(brusselsDay(-daysAgo));
	await submit(page, 'Vergadering bewaren', js);
	await go(page, path, js);
	await submit(page, 'Vergadering gehouden', js);
	await expect(page.getByText('Gehouden').first()).toBeVisible();
}
