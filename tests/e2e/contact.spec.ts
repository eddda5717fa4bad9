/**
 * Contact forms and public e-mail alerts, with JavaScript on (project `js`) and off (`nojs`), axe
 * on every page reached. A visitor writes to the Taskforce's secretariat from the body's page:
 * an empty form and a bad address are refused (Dutch; English under /en), a bot's honeypot gets
 * the same thanks and stores nothing, a real message is confirmed by mail and shows in the
 * workspace, where staff mark it handled. A visitor follows the Taskforce by e-mail, confirms
 * through the mailed link (GET shows a button, the POST confirms, the link then is used), gets an
 * alert for a newly published meeting with one-click unsubscribe headers, and unsubscribes.
 * Every e2e request comes from 127.0.0.1: each project stores one message only (the limit per
 * sender is 3 per 10 minutes; the burst itself is tested in the service tests).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { as, createMeeting, go, submit } from './support/browse';
import { addressedTo, waitForMail } from './support/mailbox';
import { scenario } from './support/scenario';

const TASKFORCE = 'taskforce-spitsregio-leuven';

async function arrived(page: Page, js: boolean) {
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expectNoAxeViolations(page);
}

test('a visitor writes to a body’s secretariat; bad input and the honeypot store nothing; staff handle it', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(120_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const tag = `${info.project.name}-${Date.now()}`;
	const sender = `bezoeker-${tag}@voorbeeld.test`;
	const bot = `bot-${tag}@voorbeeld.test`;
	const subject = `Vraag ${tag}`;
	const page = await as(browser, null, baseURL!, js);

	await go(page, `/organen/${TASKFORCE}`, js);
	await page.getByRole('link', { name: 'Contact opnemen met het secretariaat' }).click();
	await arrived(page, js);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Contact met');

	// Nothing filled in: every field named, in Dutch.
	await submit(page, 'Bericht versturen', js);
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Uw bericht is niet verstuurd: controleer de velden.');
	await expect(summary).toContainText('Vul uw naam in.');
	await expect(summary).toContainText('Vul uw bericht in.');
	await expectNoAxeViolations(page);

	const fill = async (email: string) => {
		await page.getByLabel('Uw naam').fill('An Peeters');
		await page.getByLabel('Uw e-mailadres').fill(email);
		await page.getByLabel('Onderwerp').fill(subject);
		await page.getByLabel('Uw bericht').fill('Wanneer vergadert de Taskforce opnieuw?');
	};
	// A bad address: refused, what was typed is kept.
	await fill('geen-adres');
	await submit(page, 'Bericht versturen', js);
	await expect(page.getByRole('alert')).toContainText('Vul een geldig e-mailadres in');
	await expect(page.getByLabel('Onderwerp')).toHaveValue(subject);

	// A bot fills the hidden field too: the same thanks, nothing stored or mailed.
	await fill(bot);
	await page.locator('input[name="website"]').fill('https://spam.example', { force: true });
	await submit(page, 'Bericht versturen', js);
	await expect(page.getByRole('status')).toContainText('Bedankt, uw bericht is verstuurd.');

	// A person: thanks on the page and a confirmation by mail.
	await go(page, `/organen/${TASKFORCE}/contact`, js);
	await fill(sender);
	await submit(page, 'Bericht versturen', js);
	await expect(page.getByRole('status')).toContainText('Bedankt, uw bericht is verstuurd.');
	await expectNoAxeViolations(page);
	const confirmation = await waitForMail((m) => addressedTo(m, sender), `to ${sender}`);
	expect(confirmation.subject).toContain('Uw bericht is goed ontvangen');
	expect(confirmation.text).toContain(subject);

	// English under /en: the same form, English messages.
	await go(page, '/en/contact', js);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact');
	await page.getByLabel('Your name').fill('An');
	await page.getByLabel('Your e-mail address').fill('nope');
	await page.getByLabel('Subject').fill('Question');
	await page.getByLabel('Your message').fill('Hello');
	await submit(page, 'Send message', js);
	await expect(page.getByRole('alert')).toContainText('Enter a valid e-mail address');
	await expectNoAxeViolations(page);

	// Staff see the message (and not the bot's) and mark it handled.
	const staff = await as(browser, 'staff', baseURL!, js);
	await go(staff, '/beheer/contact', js);
	const message = staff.locator('article').filter({ hasText: subject });
	await expect(message).toHaveCount(1);
	await expect(message).toContainText(sender);
	await expect(staff.getByText(bot)).toHaveCount(0);
	await submit(staff, /^Afgehandeld/, js, message);
	await expect(staff.getByRole('status')).toContainText('Het bericht is afgehandeld.');
	await expect(staff.locator('article').filter({ hasText: subject })).toContainText(
		'Afgehandeld op'
	);
	await expectNoAxeViolations(staff);
});

test('a visitor follows a body by e-mail: confirms by link, gets an alert, unsubscribes', async ({
	browser,
	baseURL,
	request
}, info) => {
	test.setTimeout(180_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const tag = `${info.project.name}-${Date.now()}`;
	const email = `volger-${tag}@voorbeeld.test`;
	const page = await as(browser, null, baseURL!, js);

	await go(page, `/organen/${TASKFORCE}`, js);
	await page.getByRole('link', { name: 'Volg dit orgaan via e-mail' }).click();
	await arrived(page, js);

	// No address and no topic: both refused.
	await page.getByLabel('Nieuws').uncheck();
	await page.getByLabel('Besluiten').uncheck();
	await page.getByLabel(/^Vergaderingen/).uncheck();
	await submit(page, 'Meldingen aanvragen', js);
	await expect(page.getByRole('alert')).toContainText('Kies minstens één onderwerp.');
	await expect(page.getByRole('alert')).toContainText('Vul een geldig e-mailadres in');
	await expectNoAxeViolations(page);

	await page.getByLabel('Uw e-mailadres').fill(email);
	await page.getByLabel(/^Vergaderingen/).check();
	await submit(page, 'Meldingen aanvragen', js);
	await expect(page.getByRole('status')).toContainText('Controleer uw mailbox');

	const mail = await waitForMail((m) => addressedTo(m, email), `confirmation to ${email}`);
	const link = /https?:\/\/\S+\/meldingen\/bevestigen\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
	const confirmPath = new URL(link).pathname;
	// Opening the link (as a mail scanner would) confirms nothing: a button does.
	await go(page, confirmPath, js);
	await expect(page.getByText('Bevestig dat u e-mails wilt krijgen')).toContainText(
		'vergaderingen'
	);
	await submit(page, 'Ja, stuur mij deze meldingen', js);
	await expect(page.getByRole('status')).toContainText('Bevestigd.');
	await expectNoAxeViolations(page);
	await go(page, confirmPath, js);
	await expect(page.getByRole('alert')).toContainText('ongeldig, verlopen of al gebruikt');

	// The secretary publishes a meeting; the hourly job (run now by an admin) sends the alert.
	const title = `Volgvergadering ${tag}`;
	const secretary = await as(browser, 'secretary', baseURL!, js);
	const meetingPath = await createMeeting(secretary, TASKFORCE, title, js, { day: 20 });
	await go(secretary, meetingPath, js);
	await submit(secretary, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(secretary.getByRole('status')).toContainText('gepubliceerd');
	const run = await request.post('/beheer/taken?/run', {
		headers: {
			origin: new URL(baseURL!).origin,
			cookie: `sp_session=${scenario().admin.sessionToken}`,
			accept: 'text/html'
		},
		form: { job: 'alerts.send' },
		maxRedirects: 0
	});
	expect(run.status()).toBeLessThan(400);
	const alert = await waitForMail(
		(m) => addressedTo(m, email) && (m.subject ?? '').includes(title),
		`alert to ${email}`
	);
	expect(alert.subject).toContain('Nieuwe vergadering');
	const header = alert.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
	const unsubscribeUrl = /<([^>]+)>/.exec(header)![1];
	expect(alert.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain(
		'List-Unsubscribe=One-Click'
	);
	expect(alert.text).toContain(unsubscribeUrl);

	const unsubscribePath = new URL(unsubscribeUrl).pathname;
	if (js) {
		await go(page, unsubscribePath, js);
		await submit(page, 'Uitschrijven', js);
		await expect(page.getByRole('status')).toContainText('U bent uitgeschreven');
		await expectNoAxeViolations(page);
	} else {
		// What a mail provider does (RFC 8058): a POST without an Origin header, no page visited.
		const oneClick = await page.request.post(unsubscribePath, {
			form: { 'List-Unsubscribe': 'One-Click' },
			maxRedirects: 0
		});
		expect(oneClick.status()).toBeLessThan(400);
	}
	await go(page, unsubscribePath, js);
	await expect(page.getByRole('alert')).toContainText('ongeldig of al gebruikt');
});
