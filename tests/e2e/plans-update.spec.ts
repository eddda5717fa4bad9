/**
 * An owner reports progress, with JavaScript on (project `js`) and off (`nojs`): the member owns
 * an action of the scenario's test plan (one per project), halfway through its time with no
 * progress — off track. From "Mijn acties" (where the reminder mail sends owners) to the action's
 * page (the link in the mail): a progress of 140 % is refused in Dutch and nothing is stored; an
 * update of 60 % puts the action on track, and the workspace dashboard and the public plan page
 * say so. axe on every page reached.
 */
import { expect, test } from '@playwright/test';
import { as, go, submit } from './support/browse';

test('an owner posts an update; the dashboard and the public page follow', async ({
	browser,
	baseURL
}, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const title = `Testactie ${info.project.name}`;
	const owner = await as(browser, 'member', baseURL!, js);

	await go(owner, '/beheer/plannen/mijn-acties', js);
	await owner.getByRole('link', { name: new RegExp(title) }).click();
	await owner.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(owner.getByRole('heading', { level: 1 })).toContainText(title);
	await go(owner, owner.url(), js);
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
