/**
 * Privacy in the workspace, with JavaScript on and off: staff anonymise a person from the
 * person's page (refused without confirmation, nothing changed), and the result keeps the page
 * axe-clean. Each run creates its own person, so the two projects do not meet.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { scenario } from './support/scenario';

test.beforeEach(async ({ context }, info) => {
	await context.addCookies([
		{ name: 'sp_session', value: scenario().staff.sessionToken, url: info.project.use.baseURL! }
	]);
});

test('staff anonymise a person; without confirmation nothing changes', async ({ page }, info) => {
	const familyName = `Privacytest-${info.project.name}-${Date.now()}`;
	// With JavaScript, the page is ready (hydrated) before anything is typed in it.
	await page.goto('/beheer/personen/nieuw', { waitUntil: 'networkidle' });
	await page.getByLabel('Voornaam').fill('Greta');
	await page.getByLabel('Familienaam').fill(familyName);
	await page.getByLabel('E-mailadres (niet verplicht)').fill('greta@voorbeeld.test');
	await page.getByRole('button', { name: 'Persoon bewaren' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Greta ${familyName}`);
	const personUrl = page.url().replace(/\?.*$/, '');

	// Not confirmed: refused with a Dutch message, the person is unchanged.
	await page.getByRole('button', { name: 'Anonimiseren' }).click();
	await expect(page).toHaveURL(/\/beheer\/privacy/);
	await expect(page.getByRole('alert')).toContainText(
		'Vink aan dat u deze persoon wilt anonimiseren; dit kan niet ongedaan.'
	);
	await expectNoAxeViolations(page);
	await page.goto(personUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Greta ${familyName}`);

	// Confirmed: the name is gone, the page says so.
	await page.getByLabel('Ik anonimiseer deze persoon.').check();
	await page.getByRole('button', { name: 'Anonimiseren' }).click();
	await expect(page.getByRole('status')).toContainText('De persoon is geanonimiseerd.');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Naar de persoon' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geanonimiseerde persoon');
	await expect(page.getByRole('button', { name: 'Anonimiseren' })).toHaveCount(0);
});

test.describe('my page as a member', () => {
	// One project only: both would change the same member's settings at the same time.
	test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'runs once, without JavaScript');

	test('bodies and roles, mail preferences, erasure request', async ({ page, context }, info) => {
		await context.clearCookies();
		await context.addCookies([
			{ name: 'sp_session', value: scenario().member.sessionToken, url: info.project.use.baseURL! }
		]);
		await page.goto('/beheer/account');
		await expect(
			page
				.getByRole('heading', { level: 2, name: 'Mijn organen en rollen' })
				.locator('xpath=following-sibling::ul[1]')
		).toContainText('Taskforce Spitsregio Leuven: lid');

		// Mail preferences: every kind is on until turned off.
		const news = page.getByRole('checkbox', { name: 'Nieuws' });
		await expect(news).toBeChecked();
		await news.uncheck();
		await page.getByRole('button', { name: 'Meldingen bewaren' }).click();
		await expect(page.getByRole('status')).toContainText('Uw meldingen zijn bewaard.');
		await expect(page.getByRole('checkbox', { name: 'Nieuws' })).not.toBeChecked();
		await expect(page.getByRole('checkbox', { name: 'Verslagen' })).toBeChecked();

		// Erasure: refused without confirmation, then sent.
		await page.getByRole('button', { name: 'Verwijdering vragen' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'Vink aan dat u vraagt om uw persoonsgegevens te laten verwijderen.'
		);
		await expectNoAxeViolations(page);
		await page
			.getByRole('checkbox', { name: 'Ik vraag om mijn persoonsgegevens te laten verwijderen.' })
			.check();
		await page.getByRole('button', { name: 'Verwijdering vragen' }).click();
		await expect(page.getByRole('status')).toContainText('Uw vraag om verwijdering is verstuurd.');
		await expect(page.getByRole('button', { name: 'Verwijdering vragen' })).toHaveCount(0);
		await expect(page.locator('main')).toContainText('om uw persoonsgegevens te laten verwijderen');
		await expectNoAxeViolations(page);
	});
});
