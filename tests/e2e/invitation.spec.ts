/**
 * An admin invites a secretary, who chooses a password and logs in — with JavaScript on (project
 * `js`) and off (`nojs`). axe must find nothing on every workspace page reached.
 */
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { expectNoAxeViolations } from './support/axe';
import { addressedTo, waitForMail } from './support/mailbox';
import { scenario } from './support/scenario';

/** The link in the newest invitation mail to `to` at the test SMTP server. */
async function invitationLink(to: string): Promise<string> {
	const pattern = /(https?:\/\/[^\s"<]+\/beheer\/uitnodiging\/[A-Za-z0-9_-]{43})/;
	const mail = await waitForMail(
		(m) => addressedTo(m, to) && pattern.test(m.text ?? ''),
		`with an invitation link for ${to}`
	);
	return pattern.exec(mail.text ?? '')![1];
}

async function submit(page: Page, name: string | RegExp) {
	await page.getByRole('button', { name }).click();
	await page.waitForLoadState('load');
}

test('an admin invites a secretary, who sets a password and logs in', async ({
	page,
	browser
}, info) => {
	const js = info.project.name === 'js';
	// Each project logs in its own admin: a TOTP code may be used only once.
	const admin = scenario()[js ? 'admin' : 'adminB'];
	const invitee = `secretaris-${info.project.name}@voorbeeld.test`;

	await page.goto('/beheer');
	await expect(page).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer$/);
	await expectNoAxeViolations(page);
	await page.getByLabel('E-mailadres').fill(admin.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(admin.password);
	await submit(page, 'Inloggen');

	await expect(page).toHaveURL(/\/beheer\/tweede-factor/);
	await expectNoAxeViolations(page);
	const totp = new TOTP({ secret: Secret.fromBase32(admin.totpSecret!), digits: 6, period: 30 });
	await page.getByLabel('Code').fill(totp.generate());
	await submit(page, 'Bevestigen');
	await expect(page).toHaveURL(/\/beheer$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkruimte');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Gebruikers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gebruikers');
	await expectNoAxeViolations(page);
	// Bad input first: a clear message, nothing sent.
	// Accepted by the browser's own check, refused by the server's.
	await page.getByLabel('E-mailadres').fill('iemand@voorbeeld');
	await page.getByLabel('Naam', { exact: true }).fill('Sam Secretaris');
	await submit(page, 'Uitnodiging versturen');
	await expect(page.getByRole('alert')).toContainText('Vul een geldig e-mailadres in.');
	await expectNoAxeViolations(page);

	await page.getByLabel('E-mailadres').fill(invitee);
	await page.getByLabel('Naam', { exact: true }).fill('Sam Secretaris (voorbeeld)');
	await submit(page, 'Uitnodiging versturen');
	await expect(page.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${invitee}`);
	await expect(page.getByRole('cell', { name: invitee })).toBeVisible();

	// The invitee, in a browser of their own.
	const link = await invitationLink(invitee);
	const context = await browser.newContext({
		javaScriptEnabled: js,
		baseURL: info.project.use.baseURL
	});
	const other = await context.newPage();
	await other.goto(new URL(link).pathname);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Welkom bij de werkruimte');
	await expectNoAxeViolations(other);
	await other.getByLabel('Nieuw wachtwoord').fill('kort');
	await other.getByLabel('Herhaal het wachtwoord').fill('kort');
	await submit(other, 'Wachtwoord instellen');
	await expect(other.getByRole('alert')).toContainText(
		'Kies een wachtwoord van minstens 12 tekens.'
	);
	const password = 'een goede lange zin voor de test';
	await other.getByLabel('Nieuw wachtwoord').fill(password);
	await other.getByLabel('Herhaal het wachtwoord').fill(password);
	await submit(other, 'Wachtwoord instellen');
	await expect(other).toHaveURL(/\/beheer\/inloggen\?ingesteld=1/);
	await expect(other.getByRole('status')).toContainText('Uw wachtwoord is ingesteld');
	await other.getByLabel('E-mailadres').fill(invitee);
	await other.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await submit(other, 'Inloggen');
	await expect(other).toHaveURL(/\/beheer$/);
	await expect(other.getByText('Welkom, Sam Secretaris (voorbeeld).')).toBeVisible();
	await expectNoAxeViolations(other);

	// The link works once.
	await other.goto(new URL(link).pathname);
	await expect(other.getByRole('alert')).toContainText('Deze link is al gebruikt of verlopen');

	// Logging out ends the session.
	await other.goto('/beheer');
	await submit(other, 'Uitloggen');
	await other.goto('/beheer');
	await expect(other).toHaveURL(/\/beheer\/inloggen/);
	await context.close();
});

test('session cookie and security headers', async ({ request }) => {
	const member = scenario().member;
	const login = await request.post('/beheer/inloggen', {
		headers: { origin: new URL(test.info().project.use.baseURL!).origin, accept: 'text/html' },
		form: { email: member.email, password: member.password },
		maxRedirects: 0
	});
	expect(login.status()).toBe(303);
	const cookie = login.headers()['set-cookie'];
	expect(cookie).toMatch(/^sp_session=[A-Za-z0-9_-]{43};/);
	expect(cookie).toContain('HttpOnly');
	expect(cookie).toContain('SameSite=Lax');
	expect(cookie).toContain('Path=/');
	expect(cookie).not.toContain('Secure'); // plain http on loopback; https sets Secure

	const page = await request.get('/beheer/inloggen');
	const headers = page.headers();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['cache-control']).toContain('no-store');
});
