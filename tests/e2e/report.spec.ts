/**
 * The Taskforce's report on the mayors' agenda (issue 7), with JavaScript on and off: the
 * Burgemeestersoverleg's secretary binds a new standing item to the Taskforce; the Taskforce's
 * secretary holds a public meeting (a public decision, and a closed item shared with the mayors);
 * the mayors' next agenda shows the generated report — the closed item marked as shared, for
 * members —; after publication the public meeting page shows the public part only. axe on every
 * page reached. Titles are unique per project, so js and nojs run side by side on one server.
 */
import { expect, test, type Page } from '@playwright/test';
import { fits320 } from './support/axe';
import { addAgendaItem, as, brusselsDay, createMeeting, go, submit } from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';
const MAYORS = 'burgemeestersoverleg-oost-brabant';

/** The new meeting form of a body's meetings page, filled and sent; returns the meeting path. */
test("the Taskforce's report on the mayors' next agenda, and on the public page", async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(150_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const run = `${info.project.name} ${Date.now()}`;
	const standing = `Verslag Taskforce (${run})`;
	const taskforceMeeting = `Taskforce rapporteert (${run})`;
	const publicItem = `Openbaar punt voor het verslag (${run})`;
	const closedItem = `Besloten gedeeld punt (${run})`;
	const decision = `Besluit voor de burgemeesters (${run})`;
	const mayorsMeeting = `Burgemeesters met verslag (${run})`;

	// 1. The mayors' secretary binds a new standing item to the Taskforce.
	const mayors = await as(browser, 'mayorsSecretary', baseURL!, js);
	await go(mayors, `/beheer/organen/${MAYORS}/vaste-agendapunten`, js);
	const add = mayors.locator('form[action="?/add"]');
	await add.getByLabel('Titel').fill(standing);
	await add.getByLabel('Rapporteert over (niet verplicht)').selectOption({
		label: 'Taskforce Spitsregio Leuven'
	});
	await submit(mayors, 'Vast agendapunt toevoegen', js);
	await expect(mayors.getByRole('status')).toContainText('toegevoegd');
	const row = mayors.locator('.items > li').filter({ hasText: standing });
	await expect(row).toContainText('rapporteert over Taskforce Spitsregio Leuven');

	// 2. The Taskforce holds a public meeting: a public decision item, a closed item shared with
	// the mayors. (Published for later, then moved to yesterday and held.)
	const secretary = await as(browser, 'secretary', baseURL!, js);
	const tfPath = await createMeeting(secretary, TASKFORCE, taskforceMeeting, js, {
		day: 10,
		start: '09:00',
		end: '12:00'
	});
	await go(secretary, `${tfPath}/agenda`, js);
	for (const item of [
		{ title: publicItem, public: true },
		{ title: closedItem, public: false }
	]) {
		await addAgendaItem(secretary, { ...item, kind: 'Ter beslissing' }, js);
	}
	// Sharing: only closed items offer it; the public item does not.
	// An item's row by its own title (every row's edit form lists the others as parents).
	const itemRow = (page: Page, title: string) =>
		page
			.locator('ol.agenda > li')
			.filter({ has: page.locator('.item-head .title', { hasText: title }) });
	const closedRow = itemRow(secretary, closedItem);
	const publicRow = itemRow(secretary, publicItem);
	await expect(publicRow.getByText(/delen met een verbonden orgaan/)).toHaveCount(0);
	await closedRow.getByText(/delen met een verbonden orgaan/).click();
	await expect(closedRow).toContainText('Burgemeestersoverleg Oost-Brabant: niet gedeeld');
	await submit(secretary, /^Delen: punt \d+ met Burgemeestersoverleg Oost-Brabant$/, js, closedRow);
	await expect(secretary.getByRole('status').first()).toContainText(
		`„${closedItem}” is gedeeld met Burgemeestersoverleg Oost-Brabant`
	);
	await expect(itemRow(secretary, closedItem)).toContainText(
		'Burgemeestersoverleg Oost-Brabant: gedeeld'
	);
	await go(secretary, `${tfPath}/agenda`, js);

	await go(secretary, tfPath, js);
	await submit(secretary, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(secretary.getByRole('status')).toContainText('gepubliceerd');
	await go(secretary, `${tfPath}/bewerken`, js);
	await secretary.getByLabel('Datum').fill(brusselsDay(-1));
	await submit(secretary, 'Vergadering bewaren', js);
	await go(secretary, tfPath, js);
	await submit(secretary, 'Vergadering gehouden', js);
	await expect(secretary.getByText('Gehouden').first()).toBeVisible();
	await go(secretary, `${tfPath}/besluiten`, js);
	const create = secretary.locator('form[action="?/create"]');
	const option = await create
		.getByLabel('Agendapunt')
		.locator('option', { hasText: publicItem })
		.textContent();
	await create.getByLabel('Agendapunt').selectOption({ label: option!.trim() });
	await create.getByLabel('Titel').fill(decision);
	await create
		.getByLabel('Tekst van het besluit')
		.fill('De Taskforce legt dit voor aan de burgemeesters.');
	await create.getByLabel('Uitkomst').selectOption('adopted');
	await submit(secretary, 'Besluit noteren', js);
	await expect(secretary.getByText(decision).first()).toBeVisible();
	await secretary.context().close();

	// 3. The mayors' next meeting: the bound item carries the live Taskforce report.
	const bgoPath = await createMeeting(mayors, MAYORS, mayorsMeeting, js, {
		day: 7,
		start: '09:00',
		end: '12:00'
	});
	const bgoId = bgoPath.split('/').pop()!;
	await go(mayors, `${bgoPath}/agenda`, js);
	const report = itemRow(mayors, standing).locator('section.report');
	await expect(
		report.getByRole('heading', { name: /^Verslag van Taskforce Spitsregio Leuven sinds / })
	).toBeVisible();
	await expect(report).toContainText('wordt bij publicatie vastgelegd');
	await expect(report.getByRole('link', { name: taskforceMeeting })).toBeVisible();
	await expect(report).toContainText(publicItem);
	await expect(report).toContainText(decision);
	await expect(report.locator('.items li', { hasText: closedItem })).toContainText(
		'gedeeld (besloten)'
	);
	await fits320(mayors, js);

	// The meeting page shows it too; publishing freezes it.
	await go(mayors, bgoPath, js);
	const onMeeting = mayors.locator('tr', { hasText: standing }).locator('section.report');
	await expect(onMeeting).toContainText(closedItem);
	await submit(mayors, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(mayors.getByRole('status')).toContainText('gepubliceerd');
	await expect(mayors.locator('tr', { hasText: standing }).locator('section.report')).toContainText(
		'vastgelegd bij publicatie op'
	);
	await mayors.context().close();

	// 4. The public: the Taskforce's public meeting, item and decision; never the closed item.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, `/vergaderingen/${bgoId}`, js);
	const publicReport = anonymous
		.locator('ol.agenda > li')
		.filter({ hasText: standing })
		.locator('section.report');
	await expect(publicReport).toContainText('vastgelegd bij publicatie op');
	await expect(publicReport.getByRole('link', { name: taskforceMeeting })).toBeVisible();
	await expect(publicReport).toContainText(publicItem);
	await expect(publicReport.getByRole('link', { name: /^\d{4}\/\d{3}$/ }).first()).toBeVisible();
	await expect(publicReport).toContainText(decision);
	await expect(anonymous.getByText(closedItem)).toHaveCount(0);
	await expect(anonymous.getByText('gedeeld (besloten)')).toHaveCount(0);
	await fits320(anonymous, js);
	// In English under /en: the same report, in English.
	await go(anonymous, `/en/vergaderingen/${bgoId}`, js);
	const english = anonymous
		.locator('ol.agenda > li')
		.filter({ hasText: standing })
		.locator('section.report');
	await expect(english).toContainText('Report of Taskforce');
	await expect(english).toContainText('fixed when the agenda was published on');
	await expect(english.getByRole('link', { name: taskforceMeeting })).toBeVisible();
	await expect(anonymous.getByText(closedItem)).toHaveCount(0);
	await anonymous.context().close();
});
