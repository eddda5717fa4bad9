/**
 * The workspace in English: every workspace page of the route tree (tests/e2e/support/routes.ts),
 * opened under /en as an administrator, is in English. The words people read to work a page —
 * buttons, field labels, legends, column headings, captions, the workspace menu — contain no
 * Dutch word from the list below. Names from the data (a body, an organisation) may be Dutch:
 * they are marked `translate="no"` where they sit inside such a text, and left out of the check.
 * A form refused in English says why in English.
 */
import { expect, test, type Page } from '@playwright/test';
import { as } from './support/browse';
import { routeTree, urlOf } from './support/routes';

/** Dutch words of the workspace's interface that have no place in its English version. */
const dutch =
	/(?<!\p{L})(opslaan|bewaren|verwijder(en)?|toevoegen|voeg|bewerken|annuleren|wijzig(en)?|zoek(en)?|naam|datum|wachtwoord|nieuwe?|terug|verstuur|versturen|kies|kiezen|bestand|omschrijving|beschrijving|titel|alle|geen|gebruikers?|vergadering(en)?|organen|orgaan|besluit(en)?|niet|een|het|van|voor|met|naar|uw|deze|dit|bij|op|aan|uit|toon|tonen|alleen|status van|verslag|agendapunt(en)?|aanwezig|deelnemer|lid|leden|soort|regio|gemeente|plannen|acties|meting(en)?|gebied)(?!\p{L})/iu;

const NO_ID = '00000000-0000-4000-8000-000000000000';

/**
 * A sample that points at a made-up id (the permission matrix wants a 404 for everyone) is
 * replaced by the first real record its list page links to, so the record's page is read too.
 */
async function realUrl(page: Page, url: string): Promise<string> {
	if (!url.endsWith(`/${NO_ID}`)) return url;
	const list = url.slice(0, -NO_ID.length - 1);
	await page.goto(`/en${list}`);
	const hrefs = await page
		.locator(`a[href^="/en${list}/"]`)
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const found = hrefs.find((h) => /\/[0-9a-f-]{36}$/.test(h));
	return found ? found.slice('/en'.length) : url;
}

/** The interface texts of the page, without the parts marked translate="no". */
async function interfaceTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector = [
			'button',
			'input[type=submit]',
			'label',
			'legend',
			'thead th',
			'th[scope=col]',
			'caption',
			'summary',
			'.workspace-nav a',
			'[role=tab]'
		].join(',');
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>(selector)) {
			if (el.closest('[translate=no]')) continue;
			// A checkbox or radio label names a thing of the data (a person, a body): not interface.
			if (el.matches('label') && el.querySelector('input[type=checkbox],input[type=radio]'))
				continue;
			const control = el.matches('label[for]')
				? document.getElementById(el.getAttribute('for')!)
				: null;
			if (control?.matches('input[type=checkbox],input[type=radio]')) continue;
			const clone = el.cloneNode(true) as HTMLElement;
			clone.querySelectorAll('[translate=no]').forEach((n) => n.remove());
			const text = (
				el.matches('input') ? (el as HTMLInputElement).value : (clone.textContent ?? '')
			)
				.replace(/\s+/g, ' ')
				.trim();
			if (text) out.push(text);
			const label = el.getAttribute('aria-label');
			if (label) out.push(label);
		}
		return out;
	});
}

const workspacePages = routeTree()
	.filter((r) => r.kind === 'page' && r.id.startsWith('/beheer/(app)'))
	.map((r) => ({ id: r.id, url: urlOf(r.id) }));
/** The pages per workspace section (organen, vergaderingen, …): one test each. */
const groups = new Map<string, typeof workspacePages>();
for (const p of workspacePages) {
	const section = p.id.split('/')[3] ?? 'start';
	groups.set(section, [...(groups.get(section) ?? []), p]);
}

test.describe('the workspace in English', () => {
	test.skip(
		({ javaScriptEnabled }) => !!javaScriptEnabled,
		'server-rendered: one project is enough'
	);

	for (const [group, pages] of groups) {
		test(`/en/beheer/${group}`, async ({ browser, baseURL }) => {
			const page = await as(browser, 'admin', baseURL!, false);
			for (const { id, url: sample } of pages) {
				const url = await realUrl(page, sample);
				const response = await page.goto(`/en${url}`);
				// A sample that points at nothing (a made-up id) answers 404: nothing to read there.
				if (response?.status() === 404) continue;
				expect(response?.status(), id).toBe(200);
				await expect(page.locator('html'), id).toHaveAttribute('lang', 'en');
				const dutchTexts = (await interfaceTexts(page)).filter((t) => dutch.test(t));
				expect(dutchTexts, `Dutch on /en${url}`).toEqual([]);
			}
			await page.context().close();
		});
	}

	test('the login page, the account page and a refused form speak English', async ({
		browser,
		baseURL
	}) => {
		const anonymous = await as(browser, null, baseURL!, false);
		await anonymous.goto('/en/beheer/inloggen');
		expect((await interfaceTexts(anonymous)).filter((t) => dutch.test(t))).toEqual([]);
		await anonymous.context().close();

		const page = await as(browser, 'admin', baseURL!, false);
		// The administrator's language is Dutch: their account page offers the way back.
		await page.goto('/en/beheer/account');
		await expect(page.getByRole('link', { name: 'Open the workspace in Dutch' })).toHaveAttribute(
			'href',
			'/beheer/account'
		);
		await page.goto('/en/beheer/organisaties/nieuw');
		// Past the browser's own check (`required`), so the server refuses the empty form.
		const save = page.getByRole('button', { name: /^Save/ });
		await save.evaluate((button) => ((button as HTMLButtonElement).form!.noValidate = true));
		await save.click();
		await expect(page.getByText('Please check the details you entered.')).toBeVisible();
		await page.context().close();
	});
});
