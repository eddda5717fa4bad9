/**
 * The public face of meetings, with JavaScript on (project `js`) and off (`nojs`): the calendar
 * (month grid and list), a meeting page with its public agenda and decisions, the decisions
 * register with its GET filters, the body page's meetings section, the iCalendar feeds, and the
 * workspace calendar. Closed items and decisions never show. Every page is axe-clean and fits a
 * 320 px screen. Data: the example meetings the scenario loads (src/lib/server/seed/examples.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { monthKey, monthOf } from '../../src/lib/calendar';
import { seededId } from '../../src/lib/server/seed/ids';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const held = seededId('meeting', 'taskforce-gehouden');
const draft = seededId('meeting', 'bgo-ontwerp');
const publicDecision = seededId('decision', 'taskforce-gehouden>knelpuntberoepen');
const closedDecision = seededId('decision', 'taskforce-gehouden>besloten');
const heldTitle = 'Taskforce Spitsregio Leuven — werkvergadering (voorbeeld)';
const plannedTitle = 'Taskforce Spitsregio Leuven — najaarsvergadering (voorbeeld)';
/** The planned example meeting is 21 days after the scenario was loaded. */
const plannedMonth = monthKey(monthOf(new Date(Date.now() + 21 * 86_400_000)));

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

test('public calendar: month grid, list, months and body filter', async ({
	page,
	javaScriptEnabled
}) => {
	const response = await open(page, `/vergaderingen?maand=${plannedMonth}`, javaScriptEnabled);
	expect(response?.status()).toBe(200);
	await expect(page.locator('h1')).toHaveText('Vergaderingen');
	const grid = page.locator('table.month');
	await expect(grid.locator('caption')).not.toBeEmpty();
	await expect(grid.locator('thead th')).toHaveCount(7);
	await expect(grid.locator('thead th').first()).toContainText('ma');
	await expect(grid.getByRole('link', { name: plannedTitle })).toBeVisible();
	await expect(page.getByText('ontwerp (voorbeeld)')).toHaveCount(0);
	await expect(page.locator('link[rel="alternate"][type="text/calendar"]')).toHaveAttribute(
		'href',
		'/vergaderingen.ics'
	);
	await checkPage(page, javaScriptEnabled);

	await page.getByRole('link', { name: 'Lijst', exact: true }).click();
	await expect(page).toHaveURL(/weergave=lijst/);
	await expect(page.locator('table.month')).toHaveCount(0);
	await expect(page.getByRole('link', { name: plannedTitle })).toBeVisible();
	await checkPage(page, javaScriptEnabled);

	await page.getByRole('link', { name: /Vorige maand/ }).click();
	await expect(page).toHaveURL(/weergave=lijst/);
	await expect(page).not.toHaveURL(new RegExp(`maand=${plannedMonth}`));

	// The body filter is a plain GET form.
	await open(page, `/vergaderingen?maand=${plannedMonth}`, javaScriptEnabled);
	await page.getByLabel('Overlegorgaan').selectOption('burgemeestersoverleg-oost-brabant');
	await page.getByRole('button', { name: 'Tonen' }).click();
	await expect(page).toHaveURL(/orgaan=burgemeestersoverleg-oost-brabant/);
	await expect(page.locator('h1')).toContainText('Burgemeestersoverleg Oost-Brabant');
	await expect(page.getByRole('link', { name: plannedTitle })).toHaveCount(0);

	expect((await page.request.get('/vergaderingen?orgaan=bestaat-niet')).status()).toBe(404);
});

test('a public meeting page: public agenda, closed items counted, decisions linked', async ({
	page,
	javaScriptEnabled
}) => {
	expect((await open(page, `/vergaderingen/${held}`, javaScriptEnabled))?.status()).toBe(200);
	await expect(page.locator('h1')).toContainText(heldTitle);
	await expect(page.locator('h1 .badge')).toHaveText('voorbeeld');
	await expect(
		page.getByRole('link', { name: 'Taskforce Spitsregio Leuven' }).first()
	).toBeVisible();
	const agenda = page.locator('ol.agenda');
	await expect(agenda).toContainText('Knelpuntberoepen in de Spitsregio');
	await expect(agenda).toContainText('Gepland om 14:10');
	await expect(page.getByText('Personeel van het secretariaat')).toHaveCount(0);
	await expect(page.getByText('1 besloten punt wordt niet getoond.')).toBeVisible();
	await expect(page.getByText('Verlenging detachering secretariaat')).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	const decision = page.locator('table').getByRole('row', { name: /Actieplan knelpuntberoepen/ });
	await expect(decision).toContainText('14 voor, 0 tegen, 2 onthoudingen');
	await decision.getByRole('link').click();
	await expect(page).toHaveURL(new RegExp(`/besluiten/${publicDecision}$`));
	await expect(page.locator('h1')).toHaveText('Actieplan knelpuntberoepen goedgekeurd');
	await expect(page.getByText('Aangenomen')).toBeVisible();
	await checkPage(page, javaScriptEnabled);

	for (const path of [
		`/vergaderingen/${draft}`,
		'/vergaderingen/00000000-0000-4000-8000-000000000000',
		'/vergaderingen/geen-uuid',
		`/besluiten/${closedDecision}`
	]) {
		expect((await page.request.get(path)).status(), path).toBe(404);
	}
});

test('decisions register: search and filters by GET, closed decisions absent', async ({
	page,
	javaScriptEnabled
}) => {
	expect((await open(page, '/besluiten', javaScriptEnabled))?.status()).toBe(200);
	await expect(page.locator('h1')).toHaveText('Besluiten');
	await expect(page.getByText('Actieplan knelpuntberoepen goedgekeurd')).toBeVisible();
	await expect(page.getByText('Steun voor het actieplan knelpuntberoepen')).toBeVisible();
	await expect(page.getByText('Verlenging detachering secretariaat')).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);

	await page.getByLabel('Overlegorgaan').selectOption('burgemeestersoverleg-oost-brabant');
	await page.getByLabel('Uitkomst').selectOption('adopted');
	await page.getByRole('main').getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/orgaan=burgemeestersoverleg-oost-brabant/);
	await expect(page.getByText('Steun voor het actieplan knelpuntberoepen')).toBeVisible();
	await expect(page.getByText('Actieplan knelpuntberoepen goedgekeurd')).toHaveCount(0);

	await open(page, '/besluiten?q=detachering', javaScriptEnabled);
	await expect(page.getByText('Geen besluiten gevonden.')).toBeVisible();
});

test('body page: meetings section with calendar, register and feed links', async ({
	page,
	javaScriptEnabled
}) => {
	await open(page, '/organen/taskforce-spitsregio-leuven', javaScriptEnabled);
	await expect(page.getByRole('heading', { name: 'Vergaderingen', exact: true })).toBeVisible();
	// Other specs add Taskforce meetings while they run and the lists show the nearest ones: check
	// what each list holds, not which example meeting is still among them.
	for (const name of ['Komende vergaderingen', 'Recente vergaderingen']) {
		const list = page
			.getByRole('heading', { name, exact: true })
			.locator('xpath=following-sibling::ul[1]');
		await expect(list.getByRole('link').first()).toHaveAttribute(
			'href',
			/^\/vergaderingen\/[0-9a-f-]{36}$/
		);
	}
	await expect(page.getByText('ontwerp (voorbeeld)')).toHaveCount(0);
	await expect(page.locator('link[rel="alternate"][type="text/calendar"]')).toHaveAttribute(
		'href',
		'/organen/taskforce-spitsregio-leuven/vergaderingen.ics'
	);
	await expect(
		page.getByRole('link', { name: 'Alle vergaderingen van dit orgaan in de kalender' })
	).toHaveAttribute('href', '/vergaderingen?orgaan=taskforce-spitsregio-leuven');
	await page.getByRole('link', { name: 'Besluiten van dit orgaan' }).click();
	await expect(page).toHaveURL(/\/besluiten\?orgaan=taskforce-spitsregio-leuven$/);
	await expect(page.getByText('Actieplan knelpuntberoepen goedgekeurd')).toBeVisible();
});

test('English pages through /en', async ({ page, javaScriptEnabled }) => {
	await open(page, `/en/vergaderingen/${held}`, javaScriptEnabled);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
	await expect(page.getByText('1 closed item is not shown.')).toBeVisible();
	await open(page, '/en/besluiten', javaScriptEnabled);
	await expect(page.locator('h1')).toHaveText('Decisions');
	await checkPage(page, javaScriptEnabled);
});

test('iCalendar feeds: text/calendar, public meetings and items only', async ({ request }) => {
	for (const path of [
		'/vergaderingen.ics',
		'/organen/taskforce-spitsregio-leuven/vergaderingen.ics'
	]) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const text = (await res.text()).replace(/\r\n[ \t]/g, '');
		expect(text).toContain('BEGIN:VCALENDAR');
		expect(text).toContain(`UID:${held}@`);
		expect(text).toContain(`/vergaderingen/${held}`);
		expect(text).not.toContain('Personeel van het secretariaat');
		expect(text).not.toContain('ontwerp (voorbeeld)');
	}
	const other = await (
		await request.get('/organen/burgemeestersoverleg-oost-brabant/vergaderingen.ics')
	).text();
	expect(other).not.toContain(`UID:${held}@`);
	expect((await request.get('/organen/bestaat-niet/vergaderingen.ics')).status()).toBe(404);
});

test('workspace calendar: my meetings and the month', async ({
	page,
	context,
	javaScriptEnabled,
	baseURL
}) => {
	await context.addCookies([
		{ name: 'sp_session', value: scenario().member.sessionToken, url: baseURL! }
	]);
	await open(page, `/beheer/vergaderingen?maand=${plannedMonth}`, javaScriptEnabled);
	await expect(page.locator('h1')).toHaveText('Vergaderingen');
	await expect(
		page
			.getByRole('navigation', { name: 'Werkruimte' })
			.getByRole('link', { name: 'Vergaderingen' })
	).toHaveAttribute('aria-current', 'page');
	const mine = page.locator('table').filter({ hasText: 'Mijn antwoord' });
	await expect(mine.getByRole('link', { name: plannedTitle })).toHaveAttribute(
		'href',
		`/beheer/vergaderingen/${seededId('meeting', 'taskforce-gepland')}`
	);
	await expect(page.locator('table.month').getByRole('link', { name: plannedTitle })).toBeVisible();
	await checkPage(page, javaScriptEnabled);
});
