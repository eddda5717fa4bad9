/**
 * Advice that travels, with JavaScript on (project `js`) and off (`nojs`): the secretary of the
 * Themawerkgroep Mobiliteit makes a held meeting with a public item and forwards it as advice to
 * the Stuurgroep; the Stuurgroep's secretary finds it in the inbox, places it on a new meeting,
 * holds that meeting and records the outcome; the working group's item then shows the trail with
 * the outcome in the workspace and on the public meeting page. axe finds nothing on every page
 * reached; the inbox and the trail fit 320 px.
 */
import { expect, test } from '@playwright/test';
import { fits320 } from './support/axe';
import { addAgendaItem, as, createMeeting, go, holdMeeting, submit } from './support/browse';

const WG = 'themawerkgroep-mobiliteit';
const SG = 'stuurgroep-toekomstforum';

/** A new public meeting of a body in the future (draft); returns its workspace path. */
test('advice: forwarded by a working group, placed and settled by the Stuurgroep, trail on the original item', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(180_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const stamp = `${info.project.name} ${Date.now()}`;
	const itemTitle = `Fietsstraten rond de scholen ${stamp}`;
	const adviceTitle = `Advies fietsstraten ${stamp}`;

	// The working group: a held meeting with a public item.
	const wg = await as(browser, 'wgSecretary', baseURL!, js);
	const wgPath = await createMeeting(wg, WG, `Werkgroep mobiliteit ${stamp}`, js);
	await go(wg, `${wgPath}/agenda`, js);
	await addAgendaItem(wg, { title: itemTitle, kind: 'Ter beslissing', public: true }, js);
	await holdMeeting(wg, wgPath, 2, js);

	// Forward it from the meeting's "Advies doorsturen" page.
	await go(wg, wgPath, js);
	await wg.getByRole('link', { name: 'Advies doorsturen' }).click();
	await wg.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(wg.getByRole('heading', { level: 1 })).toContainText('Advies doorsturen');
	const forwardUrl = new URL(wg.url()).pathname;
	await go(wg, forwardUrl, js);
	await wg.getByLabel('Agendapunt').selectOption({ label: `1. ${itemTitle}` });
	await wg
		.getByLabel('Orgaan dat het advies ontvangt')
		.selectOption({ label: 'Stuurgroep Toekomstforum' });
	await wg.getByLabel('Titel van het advies').fill(adviceTitle);
	await wg
		.getByLabel('Tekst van het advies')
		.fill('De werkgroep adviseert fietsstraten rond elke school.');
	await submit(wg, 'Advies doorsturen', js);
	await expect(wg.getByRole('status')).toContainText('Het advies is doorgestuurd.');
	await go(wg, forwardUrl, js);
	await expect(
		wg.getByRole('region', { name: `Spoor van het advies „${adviceTitle}”` })
	).toContainText('Wacht op agendering');

	// The Stuurgroep: a new meeting, the advice placed on it from the inbox.
	const sg = await as(browser, 'stuurgroepSecretary', baseURL!, js);
	const sgTitle = `Stuurgroep ${stamp}`;
	const sgPath = await createMeeting(sg, SG, sgTitle, js);
	const inbox = `/beheer/organen/${SG}/adviezen`;
	await go(sg, inbox, js);
	await fits320(sg, js);
	const pending = sg.getByRole('article').filter({ hasText: adviceTitle });
	await expect(pending).toContainText('Van Themawerkgroep Mobiliteit');
	const choice = await pending.locator('option', { hasText: sgTitle }).getAttribute('value');
	await pending.getByLabel('Op de agenda zetten van').selectOption(choice!);
	await submit(sg, 'Agenderen', js, pending);
	await expect(sg.getByRole('status')).toContainText('Het advies staat op de agenda.');

	// The meeting is held, then the outcome is recorded.
	await go(sg, sgPath, js);
	await expect(sg.getByText(adviceTitle).first()).toBeVisible();
	await holdMeeting(sg, sgPath, 1, js);
	await go(sg, inbox, js);
	const placed = sg.getByRole('article').filter({ hasText: adviceTitle });
	await expect(placed).toContainText(sgTitle);
	await placed.getByLabel('Bevestigd').check();
	await placed.getByLabel('Toelichting').fill('De stuurgroep bevestigt het advies.');
	await submit(sg, 'Uitkomst bewaren', js, placed);
	await expect(sg.getByRole('status')).toContainText('De uitkomst is bewaard.');
	await expect(sg.getByRole('listitem').filter({ hasText: adviceTitle }).first()).toContainText(
		'Bevestigd'
	);

	// The working group's item shows the trail with the outcome: workspace, trail page, public page.
	await go(wg, wgPath, js);
	const trail = wg.getByRole('region', { name: `Spoor van het advies „${adviceTitle}”` });
	await expect(trail).toContainText('Themawerkgroep Mobiliteit');
	await expect(trail).toContainText('Stuurgroep Toekomstforum');
	await expect(trail).toContainText('Uitkomst: Bevestigd');
	await trail.getByRole('link', { name: 'Het hele spoor bekijken' }).click();
	await wg.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(wg.getByRole('heading', { level: 1 })).toContainText(adviceTitle);
	await go(wg, new URL(wg.url()).pathname, js);
	await fits320(wg, js);

	const anonymous = await as(browser, null, baseURL!, js);
	const id = wgPath.split('/').pop()!;
	await go(anonymous, `/vergaderingen/${id}`, js);
	const publicTrail = anonymous.getByRole('region', {
		name: `Spoor van het advies „${adviceTitle}”`
	});
	await expect(publicTrail).toContainText('Uitkomst: Bevestigd');
	await expect(publicTrail).toContainText('De stuurgroep bevestigt het advies.');
});
