/**
 * An owner reports progress, with JavaScript on (project `js`) and off (`nojs`): the member owns
 * an action of the scenario's test plan (one per project), halfway through its time with no
 * progress — off track. An admin runs the reminder job now (/beheer/taken); the member's digest
 * links to "Mijn acties" and to each action. From the link in the mail: a progress of 140 % is
 * refused in Dutch and nothing is stored; an update of 60 % puts the action on track, and the
 * workspace dashboard and the public plan page say so. axe on every page reached.
 *
 * Both projects run the job; the digest goes out once per owner and period, so whichever runs it
 * second finds the mail the first one caused (and that mail lists both actions).
 */
import { expect, test } from '@playwright/test';
import { as, go, submit } from './support/browse';
import { addressedTo, waitForMail } from './support/mailbox';
import { scenario } from './support/scenario';

test('an owner posts an update; the dashboard and the public page follow', async ({
	browser,
	baseURL
}, info) => {
	// Four personas' pages, each checked with axe, and a scheduled job.
	test.setTimeout(120_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const title = `Testactie ${info.project.name}`;

	const admin = await as(browser, 'admin', baseURL!, js);
	await go(admin, '/beheer/taken', js);
	await admin.getByLabel('Taak').selectOption('plans.reminders');
	await submit(admin, 'Nu uitvoeren', js);
	await expect(admin.getByRole('status')).toContainText('Taak plans.reminders uitgevoerd');
	await admin.context().close();

	const mail = await waitForMail(
		(m) => addressedTo(m, scenario().member.email) && /^Herinnering: /.test(m.subject ?? ''),
		'reminding the member of their actions'
	);
	expect(mail.subject).toMatch(/^Herinnering: 2 acties wachten op uw voortgangsmelding/);
	expect(mail.text).toContain('E2E-testplan (voorbeeld):');
	const link = new RegExp(`${title} \\(nog geen update\\):\\n(\\S+)`).exec(mail.text ?? '')?.[1];
	expect(link, 'the digest links to the action').toBeTruthy();

	const owner = await as(browser, 'member', baseURL!, js);
	await go(owner, new URL(link!).pathname, js);
	await expect(owner.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(owner.locator('.status .badge')).toContainText('Achter op schema');
	await expect(owner.getByText('Nog geen updates.')).toBeVisible();

	// 140 %: refused, with the message, and nothing stored.
	await owner.getByLabel('Wat is er gebeurd').fill('Te veel gedaan');
	await owner.getByLabel('Voortgang in % (niet verplicht)').fill('140');
	await submit(owner, 'Update bewaren', js);
	await expect(owner.getByRole('alert')).toContainText('De voortgang ligt tussen 0 en 100 %.');
	await go(owner, owner.url(), js);
	await expect(owner.getByText('Nog geen updates.')).toBeVisible();

	// 60 %: stored, on track.
	const text = `Eerste bevraging afgerond (${info.project.name})`;
	await owner.getByLabel('Wat is er gebeurd').fill(text);
	await owner.getByLabel('Voortgang in % (niet verplicht)').fill('60');
	await submit(owner, 'Update bewaren', js);
	await expect(owner.getByRole('status')).toContainText('Uw update is bewaard.');
	await go(owner, owner.url(), js);
	await expect(owner.locator('.status .badge')).toContainText('Op schema');
	await expect(owner.locator('.updates')).toContainText(text);

	// The dashboard and the public page show the new status and progress.
	await go(owner, '/beheer/plannen/e2e-testplan', js);
	const onDashboard = owner.locator('li.action', { hasText: title });
	await expect(onDashboard.locator('.badge')).toContainText('Op schema');
	await expect(onDashboard).toContainText('60 %');
	await go(owner, '/beheer/plannen/mijn-acties', js);
	await expect(owner.getByRole('link', { name: new RegExp(title) })).toHaveCount(0);
	await owner.context().close();

	const visitor = await as(browser, null, baseURL!, js);
	await go(visitor, '/plannen/e2e-testplan', js);
	const onPublic = visitor.locator('li.action', { hasText: title });
	await expect(onPublic.locator('.badge')).toContainText('Op schema');
	await expect(onPublic).toContainText(text);
	await visitor.context().close();
});
