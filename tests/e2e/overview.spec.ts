/**
 * The staff overview of all bodies, with JavaScript on (project `js`) and off (`nojs`): staff
 * reach it from the workspace navigation and see every active body with its next meeting, open
 * advice and meetings without minutes (the Taskforce with its next example meeting); axe finds
 * nothing and the page fits 320 px. A member gets a refusal and no link to it.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, probePage } from './support/axe';
import { as, go } from './support/browse';

test('staff see every body in one overview; a member is refused', async ({ browser, baseURL }) => {
	const js = test.info().project.use.javaScriptEnabled !== false;

	const staff = await as(browser, 'staff', baseURL!, js);
	await go(staff, '/beheer', js);
	await staff
		.getByRole('navigation', { name: 'Werkruimte' })
		.getByRole('link', { name: 'Overzicht' })
		.click();
	await staff.waitForURL('**/beheer/overzicht');
	await staff.waitForLoadState(js ? 'networkidle' : 'load');
	await expectNoAxeViolations(staff);
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Overzicht van de organen');

	const table = staff.getByRole('table', {
		name: 'Organen met hun volgende vergadering, adviezen en verslagen'
	});
	const taskforce = table.getByRole('row').filter({
		has: staff.getByRole('rowheader', { name: /Taskforce Spitsregio Leuven/ })
	});
	await expect(taskforce).toHaveCount(1);
	// Its next meeting: a link to the meeting, with a Brussels date and a status.
	const next = taskforce.getByRole('cell').nth(0);
	await expect(next.getByRole('link')).toHaveAttribute(
		'href',
		/\/beheer\/vergaderingen\/[0-9a-f-]{36}$/
	);
	await expect(next).toContainText(/\d{2}\/\d{2}\/\d{4}/);
	await expect(next).toContainText(/Agenda gepubliceerd|In voorbereiding|Ontwerp/);
	// The Stuurgroep and the mayors are there too.
	for (const name of [/Stuurgroep/, /Burgemeestersoverleg Oost-Brabant/]) {
		await expect(table.getByRole('rowheader', { name }).first()).toBeVisible();
	}
	// The body link leads to the body's workspace page.
	await expect(
		taskforce.getByRole('link', { name: 'Taskforce Spitsregio Leuven', exact: true })
	).toHaveAttribute('href', '/beheer/organen/taskforce-spitsregio-leuven');

	// 320 px: no horizontal scroll of the page (the table scrolls in its own frame).
	const { probe, close } = await probePage(staff, js);
	await probe.setViewportSize({ width: 320, height: 800 });
	const width = await probe.evaluate(() => document.documentElement.scrollWidth);
	await close();
	expect(width).toBeLessThanOrEqual(320);
	await staff.context().close();

	const member = await as(browser, 'member', baseURL!, js);
	await go(member, '/beheer', js);
	await expect(
		member.getByRole('navigation', { name: 'Werkruimte' }).getByRole('link', { name: 'Overzicht' })
	).toHaveCount(0);
	const refused = await member.goto('/beheer/overzicht');
	expect(refused?.status()).toBe(403);
	await expect(member.getByText('Taskforce Spitsregio Leuven')).toHaveCount(0);
	await member.context().close();
});

test('the mail preferences offer advice, reminders and the weekly digest', async ({
	browser,
	baseURL
}) => {
	const js = test.info().project.use.javaScriptEnabled !== false;
	const member = await as(browser, 'member', baseURL!, js);
	await go(member, '/beheer/account', js);
	for (const label of ['Adviezen', 'Herinneringen', 'Wekelijks overzicht']) {
		await expect(member.getByRole('checkbox', { name: label })).toBeVisible();
	}
	await member.context().close();
});
