/**
 * Minutes, with JavaScript on (project `js`) and off (`nojs`): the Taskforce's secretary makes a
 * held meeting and writes the minutes of an item; a second session of the same secretary, opened
 * before that save, saves the same item and meets the conflict page with both versions, merges
 * and saves. A member comments during review. A later meeting approves the minutes by a decision
 * on its standing item; the public page of the first meeting then shows the minutes of its public
 * items, never those of the closed item; the secretary corrects an item with a reason. axe finds
 * nothing on every page reached, and the minutes page fits 320 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { addAgendaItem, as, createMeeting, go, holdMeeting, submit } from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';

/**
 * A public meeting of the Taskforce held `daysAgo` days ago, with a public and a closed item (the
 * way a secretary makes one: create in the future, publish, move to the past, mark held).
 */
async function heldMeeting(page: Page, title: string, daysAgo: number, js: boolean) {
	const path = await createMeeting(page, TASKFORCE, title, js);
	await go(page, `${path}/agenda`, js);
	for (const [number, item] of [
		{ title: 'Verkeersveiligheid rond scholen', public: true },
		{ title: 'Besloten: personeelsdossier', public: false }
	].entries()) {
		await addAgendaItem(page, { ...item, kind: 'Ter bespreking', minutes: 20 }, js);
		// What the item became, as the agenda says it (the public page relies on it).
		const row = page
			.getByRole('listitem')
			.filter({ hasText: `Punt ${number + 3}` })
			.filter({ hasText: item.title });
		await expect(row.locator('span', { hasText: /^(openbaar|besloten)$/ }).first()).toHaveText(
			item.public ? 'openbaar' : 'besloten'
		);
		// The add form starts again from the meeting's default: public.
		await expect(page.locator('form[action="?/add"]').getByLabel(/^Openbaar punt/)).toBeChecked();
	}
	await holdMeeting(page, path, daysAgo, js);
	return path;
}

/** The save form of an item on the minutes page. */
const itemForm = (page: Page, number: string) =>
	page.locator('form', { has: page.getByLabel(`Verslag bij punt ${number} (Markdown)`) });

test('minutes: written, a conflict merged, reviewed, approved at the next meeting, public', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(180_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const stamp = `${info.project.name} ${Date.now()}`;
	const titleA = `Verslagvergadering A ${stamp}`;
	const titleB = `Verslagvergadering B ${stamp}`;
	const secretary = await as(browser, 'secretary', baseURL!, js);
	const pathA = await heldMeeting(secretary, titleA, 3, js);
	const idA = pathA.split('/').pop()!;

	// From the overview to the minutes page; a second session opens it too, before any save.
	await go(secretary, pathA, js);
	await secretary.getByRole('link', { name: 'Verslag', exact: true }).click();
	await secretary.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(secretary.getByRole('heading', { level: 1 })).toContainText('Verslag');
	await expectNoAxeViolations(secretary);
	await fits320(secretary, js);
	const second = await as(browser, 'secretary', baseURL!, js);
	await go(second, `${pathA}/verslag`, js);

	// The first session: toolbar (with JavaScript), preview, then save.
	const area = secretary.getByLabel('Verslag bij punt 3 (Markdown)');
	if (js) {
		await area.fill('belangrijk');
		await area.selectText();
		await itemForm(secretary, '3').getByRole('button', { name: /^Vet/ }).click();
		await expect(area).toHaveValue('**belangrijk**');
	} else {
		await expect(secretary.getByRole('button', { name: /^Vet/ })).toHaveCount(0);
	}
	await area.fill('De Taskforce bespreekt de **schoolroutes**.');
	await submit(secretary, 'Voorbeeld', js, itemForm(secretary, '3'));
	await expect(
		secretary.getByRole('heading', { name: 'Voorbeeld (nog niet bewaard)' })
	).toBeVisible();
	await expect(secretary.locator('.preview strong')).toHaveText('schoolroutes');
	await expect(secretary.getByLabel('Verslag bij punt 3 (Markdown)')).toHaveValue(
		'De Taskforce bespreekt de **schoolroutes**.'
	);
	if (js) await expectNoAxeViolations(secretary);
	await submit(secretary, 'Bewaren', js, itemForm(secretary, '3'));
	await expect(secretary.getByRole('status')).toContainText('bewaard');
	await expect(secretary.getByText(/Versie 1, bewaard op/)).toBeVisible();
	await expectNoAxeViolations(secretary);
	const closedArea = secretary.getByLabel('Verslag bij punt 4 (Markdown)');
	await closedArea.fill('Vertrouwelijk: het personeelsdossier wordt verlengd.');
	await submit(secretary, 'Bewaren', js, itemForm(secretary, '4'));
	await expect(
		secretary
			.locator('section', { has: secretary.getByLabel('Verslag bij punt 4 (Markdown)') })
			.getByText(/Versie 1, bewaard op/)
	).toBeVisible();

	// The second session still has version 0 in its form: its save meets the conflict.
	await second
		.getByLabel('Verslag bij punt 3 (Markdown)')
		.fill('Ook de fietsstraten komen aan bod.');
	await submit(second, 'Bewaren', js, itemForm(second, '3'));
	const conflict = second.getByRole('alert');
	await expect(conflict).toContainText('Conflict: dit punt is intussen gewijzigd');
	await expect(conflict.getByRole('heading', { name: 'Uw versie' })).toBeVisible();
	await expect(
		conflict.getByRole('heading', { name: /Huidige versie \(versie 1, bewaard op/ })
	).toBeVisible();
	await expect(conflict).toContainText('Ook de fietsstraten komen aan bod.');
	await expect(conflict).toContainText('De Taskforce bespreekt de **schoolroutes**.');
	await expect(conflict.locator('.rendered strong')).toHaveText('schoolroutes');
	const merge = second.getByRole('textbox', { name: 'Samengevoegde versie' });
	await expect(merge).toHaveValue('Ook de fietsstraten komen aan bod.');
	if (js) await expectNoAxeViolations(second);
	await merge.fill(
		'De Taskforce bespreekt de **schoolroutes**.\n\nOok de fietsstraten komen aan bod.'
	);
	await submit(second, 'Samengevoegde versie bewaren', js);
	await expect(second.getByRole('status')).toContainText('bewaard');
	await expect(second.getByText(/Versie 2, bewaard op/)).toBeVisible();
	await expectNoAxeViolations(second);
	await second.context().close();

	// Review: the draft goes to the members; a member comments on an item.
	await go(secretary, `${pathA}/verslag`, js);
	await submit(secretary, 'Ter nalezing versturen', js);
	await expect(secretary.getByRole('status')).toContainText('ter nalezing verstuurd');
	const member = await as(browser, 'member', baseURL!, js);
	await go(member, `${pathA}/verslag`, js);
	await expect(
		member.locator('.rendered').getByText('Ook de fietsstraten komen aan bod.')
	).toBeVisible();
	await expect(
		member.locator('.rendered').getByText('Vertrouwelijk: het personeelsdossier wordt verlengd.')
	).toBeVisible();
	await expect(member.getByLabel('Verslag bij punt 3 (Markdown)')).toHaveCount(0);
	await member
		.getByLabel('Uw opmerking bij punt 3')
		.fill('Graag ook de schoolstraat in Kessel-Lo vermelden.');
	await submit(
		member,
		'Opmerking plaatsen',
		js,
		member.locator('form', { has: member.getByLabel('Uw opmerking bij punt 3') })
	);
	await expect(member.getByRole('status')).toContainText('opmerking is bewaard');
	await expect(member.getByText('Graag ook de schoolstraat in Kessel-Lo vermelden.')).toBeVisible();
	await expectNoAxeViolations(member);
	await member.context().close();

	// The next meeting approves the minutes on its standing item.
	const pathB = await heldMeeting(secretary, titleB, 1, js);
	await go(secretary, `${pathB}/besluiten`, js);
	const create = secretary.locator('form[action="?/create"]');
	await create
		.getByLabel('Agendapunt')
		.selectOption({ label: '1. Goedkeuring verslag vorige vergadering' });
	await create
		.getByLabel('Keurt het verslag goed van (niet verplicht)')
		.selectOption({ label: titleA });
	await create.getByLabel('Titel').fill(`Verslag goedgekeurd (${info.project.name})`);
	await create
		.getByLabel('Tekst van het besluit')
		.fill('Het verslag van de vorige vergadering wordt goedgekeurd.');
	await create.getByLabel('Uitkomst').selectOption('adopted');
	await submit(secretary, 'Besluit noteren', js);
	await expect(
		secretary.getByText(`Verslag goedgekeurd (${info.project.name})`).first()
	).toBeVisible();
	await expectNoAxeViolations(secretary);

	// The first meeting's overview says so; its minutes are frozen.
	await go(secretary, pathA, js);
	await expect(
		secretary.getByText(/Verslag goedgekeurd op .* door besluit \d{4}\/\d{3}/)
	).toBeVisible();
	await go(secretary, `${pathA}/verslag`, js);
	await expect(secretary.getByLabel('Verslag bij punt 3 (Markdown)')).toHaveCount(0);
	await expect(secretary.getByText(/Verslag goedgekeurd op/).first()).toBeVisible();

	// A correction, with its reason, lands in the history.
	await secretary.getByText('Correctie bij punt 3').click();
	await secretary
		.getByLabel('Gecorrigeerde tekst')
		.first()
		.fill('De Taskforce bespreekt de **schoolroutes** en de fietsstraten.');
	await secretary
		.getByLabel('Reden van de correctie')
		.first()
		.fill('Samengevat op vraag van de voorzitter');
	await submit(
		secretary,
		'Correctie bewaren',
		js,
		secretary.locator('details', { hasText: 'Correctie bij punt 3' })
	);
	await expect(secretary.getByRole('status')).toContainText('correctie is bewaard');
	const history = secretary.locator('summary', { hasText: 'Geschiedenis van punt 3' });
	await expect(history).toContainText('3 versies');
	await history.click();
	await expect(secretary.getByText('Reden: Samengevat op vraag van de voorzitter')).toBeVisible();
	await expectNoAxeViolations(secretary);
	await fits320(secretary, js);
	await secretary.context().close();

	// The public: the minutes of the public item, never those of the closed one.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, `/vergaderingen/${idA}`, js);
	await expect(anonymous.getByText(/Verslag goedgekeurd op/)).toBeVisible();
	await expect(anonymous.getByText(/De Taskforce bespreekt de/)).toBeVisible();
	await expect(anonymous.locator('.minutes strong')).toHaveText('schoolroutes');
	await expect(anonymous.getByText('personeelsdossier')).toHaveCount(0);
	await anonymous.context().close();
});
