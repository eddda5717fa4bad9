/**
 * News and pages, with JavaScript on (project `js`) and off (`nojs`): the Taskforce's secretary
 * writes a news item — a `javascript:` link and an image without alt text are refused in Dutch
 * and nothing is saved —, previews it (rendered by the server), saves it as a draft, which the
 * public does not see, and publishes it. The public then finds it on /nieuws, on the Taskforce's
 * page, and in English with the notice that it exists only in Dutch. axe on every page reached.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { as, go, submit } from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';

async function fillBody(page: Page, text: string) {
	await page.getByLabel('Tekst (Markdown)').fill(text);
}

test('a secretary writes, previews and publishes a news item; the public reads it', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(180_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const tag = `${info.project.name} ${Date.now()}`;
	const title = `Nieuwe busverbinding ${tag}`;
	const page = await as(browser, 'secretary', baseURL!, js);

	await go(page, '/beheer/inhoud', js);
	await page.getByRole('link', { name: 'Nieuw nieuwsbericht' }).click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expectNoAxeViolations(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw bericht');

	await page.getByLabel('Titel', { exact: true }).fill(title);
	await page
		.getByLabel('Orgaan', { exact: true })
		.selectOption({ label: 'Taskforce Spitsregio Leuven' });

	// Refused in Dutch, nothing saved: a javascript: link, then an image without alt text.
	await fillBody(page, 'Lees [hier](javascript:alert(1)) meer.');
	await submit(page, 'Bewaren als concept', js);
	await expect(page.getByRole('alert')).toContainText(
		'Links met javascript:, vbscript: of data: zijn niet toegestaan'
	);
	await expectNoAxeViolations(page);
	await fillBody(page, 'Een kaart: ![](https://example.org/kaart.png)');
	await submit(page, 'Bewaren als concept', js);
	await expect(page.getByRole('alert')).toContainText(
		'Elke afbeelding heeft een alternatieve tekst nodig'
	);
	await expect(page.getByLabel('Titel', { exact: true })).toHaveValue(title);

	// The preview, rendered by the server (escaped HTML stays text).
	await fillBody(page, 'De **nieuwe bus** rijdt vanaf maandag. <script>alert(1)</script>');
	await submit(page, 'Voorbeeld', js);
	const preview = page.locator('section.preview');
	await expect(preview.locator('strong')).toHaveText('nieuwe bus');
	await expect(preview).toContainText('<script>alert(1)</script>');
	await expectNoAxeViolations(page);

	await submit(page, 'Bewaren als concept', js);
	await expect(page).toHaveURL(/\/beheer\/inhoud\/[0-9a-f-]{36}\?aangemaakt/);
	await expect(page.getByText('concept', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);

	// A draft is not public.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, '/nieuws', js);
	await expect(anonymous.getByRole('link', { name: title })).toHaveCount(0);

	await submit(page, 'Nu publiceren', js);
	await expect(
		page.getByRole('status').filter({ hasText: 'Het bericht is gepubliceerd.' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	const href = await page
		.getByRole('link', { name: 'Bekijk op de publieke site' })
		.getAttribute('href');
	expect(href).toMatch(/^\/nieuws\/nieuwe-busverbinding-/);

	// The public: the news list, the item, the body's page, and English with the notice.
	await go(anonymous, '/nieuws', js);
	await anonymous.getByRole('link', { name: title }).click();
	await anonymous.waitForLoadState('load');
	await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(anonymous.locator('.markdown strong')).toHaveText('nieuwe bus');
	await expectNoAxeViolations(anonymous);
	await go(anonymous, `/organen/${TASKFORCE}`, js);
	await expect(anonymous.getByRole('link', { name: title })).toBeVisible();
	await go(anonymous, `/en${href}`, js);
	await expect(anonymous.getByRole('note')).toHaveText('This item is only available in Dutch.');
	await expect(anonymous.locator('.markdown')).toHaveAttribute('lang', 'nl');
	await go(anonymous, '/en/nieuws', js);
	await go(anonymous, '/paginas/voorbeeld-over-de-taskforce', js);
	await go(anonymous, '/regio/leuven', js);
	await expect(
		anonymous.getByRole('link', { name: 'Voorbeeld: Over de Taskforce Spitsregio Leuven' })
	).toBeVisible();
	await anonymous.context().close();
	await page.context().close();
});
