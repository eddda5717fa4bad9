/**
 * The meeting workspace pages of part 2. The Taskforce's secretary builds an agenda (an item and
 * two sub-items, numbered and timed; a duration beyond the meeting refused; moved with the up
 * button, and with JavaScript also with the keyboard grip and by dragging the grip), then
 * records the attendance and a decision of the held example meeting, corrects it and finds it in
 * the body's register. A plain member reads without forms. With JavaScript on and off; axe and 320 px reflow on every page.
 *
 * Both browser projects share one server and database: each builds its own meeting (on its own
 * day) and its decision carries the project's name.
 */
import { expect, test, type Page } from '@playwright/test';
import { seededId } from '../../src/lib/server/seed/ids';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { scenario } from './support/scenario';

const TASKFORCE = 'taskforce-spitsregio-leuven';
const HELD = seededId('meeting', 'taskforce-gehouden');
const HELD_ITEM = seededId('agenda-item', 'taskforce-gehouden>knelpuntberoepen');

function dayFromNow(days: number): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
}

const plus = (time: string, minutes: number) => {
	const [h, m] = time.split(':').map(Number);
	const total = h * 60 + m + minutes;
	return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

async function checkPage(page: Page, javaScriptEnabled: boolean) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectNoAxeViolations(page);
	await fits320(page, javaScriptEnabled);
}

const open = (page: Page, path: string, javaScriptEnabled: boolean) =>
	page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });

async function login(page: Page, who: 'secretary' | 'member', baseURL: string) {
	// Sessions are shared with the other project: never log out here.
	await page
		.context()
		.addCookies([{ name: 'sp_session', value: scenario()[who].sessionToken, url: baseURL }]);
}

/** An item's heading line ("2.1 Punt 2.1: title"), found by its title. */
const head = (page: Page, title: string) => page.locator('.item-head', { hasText: title });
const numberOf = async (page: Page, title: string) =>
	(await head(page, title).locator('.number').textContent())?.trim() ?? '';
const startOf = async (page: Page, title: string) =>
	(
		await page
			.locator('li', { has: head(page, title) })
			.last()
			.locator('.meta span')
			.first()
			.textContent()
	)?.trim() ?? '';

test('the secretary builds an agenda: sub-items, numbers, start times, moves', async ({
	page,
	javaScriptEnabled
}, info) => {
	test.setTimeout(120_000);
	await login(page, 'secretary', info.project.use.baseURL!);
	const tag = info.project.name.replace(/[^a-z]/gi, '');
	const main = `Hoofdpunt ${tag}`;
	const subA = `Subpunt A ${tag}`;
	const subB = `Subpunt B ${tag}`;

	// A meeting of its own (part 1's form), 09:00–17:00.
	await open(page, `/beheer/organen/${TASKFORCE}/vergaderingen`, javaScriptEnabled);
	await page.getByLabel('Titel (niet verplicht)').fill(`Agendavergadering ${tag}`);
	await page.getByLabel('Datum').fill(dayFromNow(javaScriptEnabled ? 60 : 61));
	await page.getByLabel('Begin (UU:MM)').fill('09:00');
	await page.getByLabel('Einde (UU:MM)').fill('17:00');
	await page.getByRole('button', { name: 'Vergadering aanmaken' }).click();
	await expect(page).toHaveURL(/\/beheer\/vergaderingen\/[0-9a-f-]{36}\?aangemaakt/);
	await page.getByRole('link', { name: 'Agenda bewerken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Agenda');
	await expect(page.getByText(/Gepland: \d+ van 480 minuten\./)).toBeVisible();
	const agendaUrl = page.url();
	await checkPage(page, javaScriptEnabled);

	const add = page.locator('form[action="?/add"]');
	let domain = '';
	const addItem = async (title: string, minutes: string, parent?: string) => {
		await open(page, agendaUrl, javaScriptEnabled);
		await add.getByLabel('Titel').fill(title);
		if (!parent) {
			const first = add
				.getByRole('group', { name: 'Beleidsdomeinen' })
				.getByRole('checkbox')
				.first();
			await first.check();
			domain = (await add.locator(`label[for="${await first.getAttribute('id')}"]`).textContent())!;
		}
		await add.getByLabel('Duur in minuten (niet verplicht)').fill(minutes);
		if (parent) {
			const value = await add
				.getByLabel('Plaats')
				.locator('option', { hasText: parent })
				.getAttribute('value');
			await add.getByLabel('Plaats').selectOption(value!);
		}
		await add.getByRole('button', { name: 'Punt toevoegen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' })).toContainText(
			title
		);
	};
	await addItem(main, '30');
	await expect(page.locator('li', { has: head(page, main) }).first()).toContainText(domain.trim());
	await addItem(subA, '15', main);
	await addItem(subB, '10', main);

	const n = await numberOf(page, main);
	expect(n).toMatch(/^\d+$/);
	expect(await numberOf(page, subA)).toBe(`${n}.1`);
	expect(await numberOf(page, subB)).toBe(`${n}.2`);
	// A sub-item starts after its parent's introduction and the sub-items before it.
	const start = await startOf(page, main);
	expect(await startOf(page, subA)).toBe(plus(start, 30));
	expect(await startOf(page, subB)).toBe(plus(start, 45));

	// A duration beyond the meeting is refused, and nothing is saved.
	await open(page, agendaUrl, javaScriptEnabled);
	await add.getByLabel('Titel').fill(`Te lang ${tag}`);
	await add.getByLabel('Duur in minuten (niet verplicht)').fill('900');
	await add.getByRole('button', { name: 'Punt toevoegen' }).click();
	await expect(page.getByRole('alert')).toContainText('langer dan de vergadering (480 min.)');
	await expect(page.locator('#veld-durationMinutes')).toHaveAttribute('aria-invalid', 'true');
	await open(page, agendaUrl, javaScriptEnabled);
	await expect(head(page, `Te lang ${tag}`)).toHaveCount(0);

	// The up button (a plain form): B becomes n.1.
	await page.getByRole('button', { name: `Punt ${n}.2 omhoog` }).click();
	await expect(head(page, subB).locator('.number')).toHaveText(`${n}.1`);
	await expect(head(page, subA).locator('.number')).toHaveText(`${n}.2`);
	expect(await startOf(page, subB)).toBe(plus(start, 30));

	if (javaScriptEnabled) {
		// The keyboard grip: ArrowDown moves B back below A and says so.
		const grip = page.getByRole('button', { name: `Verplaatsen: punt ${n}.1` });
		await grip.focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('[aria-live="polite"]')).toContainText(
			`„${subB}” staat nu op plaats 2 van 2, als punt ${n}.2`
		);
		await expect(head(page, subB).locator('.number')).toHaveText(`${n}.2`);
		await expect(page.getByRole('button', { name: `Verplaatsen: punt ${n}.2` })).toBeFocused();
		await page.keyboard.press('ArrowUp');
		await expect(head(page, subB).locator('.number')).toHaveText(`${n}.1`);
		await open(page, agendaUrl, javaScriptEnabled);
		await expect(head(page, subB).locator('.number')).toHaveText(`${n}.1`);
	}

	// Edit: the main item becomes closed; its visibility says so.
	const edit = page.locator('details', { hasText: `Punt ${n} bewerken` });
	await edit.getByText(`Punt ${n} bewerken`, { exact: true }).click();
	await edit.getByLabel(/^Openbaar punt/).setChecked(false);
	await edit.getByRole('button', { name: 'Punt bewaren' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'is bewaard' })).toContainText(main);
	await expect(page.locator('li', { has: head(page, subA) }).last()).toContainText(
		/besloten omdat/
	);
	await checkPage(page, javaScriptEnabled);
});

test('with JavaScript, the secretary drags an item by its grip to a new place', async ({
	page,
	javaScriptEnabled
}, info) => {
	test.skip(!javaScriptEnabled, 'dragging needs JavaScript; without it the up/down forms remain');
	test.setTimeout(90_000);
	// Every row on screen: a drag that has to scroll the page is not what a person does.
	await page.setViewportSize({ width: 1280, height: 2400 });
	await login(page, 'secretary', info.project.use.baseURL!);
	const [a, b, c] = ['A', 'B', 'C'].map((x) => `Sleeppunt ${x} ${info.project.name}`);

	await open(page, `/beheer/organen/${TASKFORCE}/vergaderingen`, javaScriptEnabled);
	await page.getByLabel('Titel (niet verplicht)').fill(`Sleepvergadering ${info.project.name}`);
	await page.getByLabel('Datum').fill(dayFromNow(62));
	await page.getByLabel('Begin (UU:MM)').fill('09:00');
	await page.getByLabel('Einde (UU:MM)').fill('12:00');
	await page.getByRole('button', { name: 'Vergadering aanmaken' }).click();
	await expect(page).toHaveURL(/\/beheer\/vergaderingen\/[0-9a-f-]{36}\?aangemaakt/);
	await page.getByRole('link', { name: 'Agenda bewerken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Agenda');
	const agendaUrl = page.url();
	const add = page.locator('form[action="?/add"]');
	for (const title of [a, b, c]) {
		await open(page, agendaUrl, javaScriptEnabled);
		await add.getByLabel('Titel').fill(title);
		await add.getByLabel('Duur in minuten (niet verplicht)').fill('10');
		await add.getByRole('button', { name: 'Punt toevoegen' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'is toegevoegd' })).toContainText(
			title
		);
	}
	await open(page, agendaUrl, javaScriptEnabled);
	const k = Number(await numberOf(page, a));
	expect(await numberOf(page, b)).toBe(`${k + 1}`);
	expect(await numberOf(page, c)).toBe(`${k + 2}`);

	// A's grip onto the lower half of C's row: A goes below C.
	const row = page.locator('li', { has: head(page, c) }).last();
	const box = (await row.boundingBox())!;
	await page
		.getByRole('button', { name: `Verplaatsen: punt ${k}` })
		.dragTo(row, { targetPosition: { x: box.width / 2, y: box.height - 8 }, steps: 10 });
	await expect(page.locator('[aria-live="polite"]')).toContainText(
		`„${a}” staat nu op plaats ${k + 2} van`
	);
	await expect(head(page, b).locator('.number')).toHaveText(`${k}`);
	await expect(head(page, c).locator('.number')).toHaveText(`${k + 1}`);
	await expect(head(page, a).locator('.number')).toHaveText(`${k + 2}`);

	// Back onto the line between B and C (no dead strip between rows): A goes below B.
	const list = page.locator('ol.agenda').first();
	const top = (await list.boundingBox())!.y;
	const line = (await page
		.locator('li', { has: head(page, c) })
		.last()
		.boundingBox())!.y;
	await page
		.getByRole('button', { name: `Verplaatsen: punt ${k + 2}` })
		.dragTo(list, { targetPosition: { x: 40, y: line - top - 2 }, steps: 10 });
	await expect(head(page, a).locator('.number')).toHaveText(`${k + 1}`);
	await expect(head(page, c).locator('.number')).toHaveText(`${k + 2}`);
	await open(page, agendaUrl, javaScriptEnabled);
	await expect(head(page, b).locator('.number')).toHaveText(`${k}`);
	await expect(head(page, a).locator('.number')).toHaveText(`${k + 1}`);
	await expect(head(page, c).locator('.number')).toHaveText(`${k + 2}`);
});

test('the secretary records attendance and a decision, then finds it in the register', async ({
	page,
	javaScriptEnabled
}, info) => {
	test.setTimeout(120_000);
	await login(page, 'secretary', info.project.use.baseURL!);
	const tag = info.project.name.replace(/[^a-z]/gi, '');
	const title = `Besluit over de fietsroute ${tag}`;

	await open(page, `/beheer/vergaderingen/${HELD}/aanwezigheid`, javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Aanwezigheid');
	const row = page.getByRole('row', { name: /secretary \(voorbeeld\)/ });
	await row.getByRole('radio', { name: 'Aanwezig' }).check();
	await page
		.getByRole('row', { name: /member \(voorbeeld\)/ })
		.getByRole('radio', { name: 'Vervangen' })
		.check();
	await page.getByLabel('Vervanger van member (voorbeeld)').fill(`Plaatsvervanger ${tag}`);
	await page.getByRole('button', { name: 'Aanwezigheid bewaren' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'bewaard' })).toContainText(
		'De aanwezigheid is bewaard.'
	);
	await open(page, page.url(), javaScriptEnabled);
	await expect(
		page
			.getByRole('row', { name: /secretary \(voorbeeld\)/ })
			.getByRole('radio', { name: 'Aanwezig' })
	).toBeChecked();
	await checkPage(page, javaScriptEnabled);

	// A decision on a preselected item; half a vote count is refused first.
	await open(page, `/beheer/vergaderingen/${HELD}/besluiten?punt=${HELD_ITEM}`, javaScriptEnabled);
	const create = page.locator('form[action="?/create"]');
	await expect(create.getByLabel('Agendapunt')).toHaveValue(HELD_ITEM);
	await create.getByLabel('Titel').fill(title);
	await create.getByLabel('Tekst van het besluit').fill('De Taskforce steunt de fietsroute.');
	await create.getByLabel('Voor').fill('10');
	await create.getByRole('button', { name: 'Besluit noteren' }).click();
	await expect(page.getByRole('alert')).toContainText('Vul de drie aantallen');
	await create.getByLabel('Tegen').fill('2');
	await create.getByLabel('Onthouding').fill('1');
	await create.getByRole('button', { name: 'Besluit noteren' }).click();
	const status = page.getByRole('status').filter({ hasText: 'is genoteerd' });
	await expect(status).toContainText(/Besluit \d{4}\/\d{3} is genoteerd\./);
	const reference = /(\d{4}\/\d{3})/.exec((await status.textContent()) ?? '')![1];
	const decisionRow = page.getByRole('row', { name: new RegExp(title) });
	await expect(decisionRow).toContainText('10 voor, 2 tegen, 1 onthouding');
	await expect(decisionRow).toContainText('Aangenomen');
	await checkPage(page, javaScriptEnabled);

	// Correct it: postponed. The number stays.
	const fix = page.locator('details', { hasText: `Besluit ${reference} corrigeren` });
	await fix.getByText(`Besluit ${reference} corrigeren`).click();
	await fix.getByLabel('Uitkomst').selectOption('postponed');
	await fix.getByRole('button', { name: `Besluit ${reference} bewaren` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'bewaard' })).toContainText(
		'Het besluit is bewaard.'
	);
	await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('Uitgesteld');

	// The register finds it.
	await page.getByRole('link', { name: 'Besluitenregister van het orgaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Besluitenregister');
	await page.getByLabel('Zoeken in titel en tekst').fill(title);
	await page.getByLabel('Uitkomst').selectOption('postponed');
	await page.getByRole('main').getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/status=postponed/);
	const found = page.getByRole('row', { name: new RegExp(title) });
	await expect(found).toContainText(reference);
	await expect(found).toContainText('Uitgesteld');
	await expect(found).toContainText('10 – 2 – 1');
	await expect(page.getByText('1 besluit gevonden.')).toBeVisible();
	await checkPage(page, javaScriptEnabled);
});

test('a member reads the agenda, attendance and decisions without forms', async ({
	page,
	javaScriptEnabled
}, info) => {
	await login(page, 'member', info.project.use.baseURL!);
	await open(page, `/beheer/vergaderingen/${HELD}/agenda`, javaScriptEnabled);
	await expect(page.getByText('Knelpuntberoepen in de Spitsregio').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Punt toevoegen' })).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);
	await open(page, `/beheer/vergaderingen/${HELD}/aanwezigheid`, javaScriptEnabled);
	await expect(page.getByRole('button', { name: 'Aanwezigheid bewaren' })).toHaveCount(0);
	await open(page, `/beheer/vergaderingen/${HELD}/besluiten`, javaScriptEnabled);
	await expect(page.getByRole('button', { name: 'Besluit noteren' })).toHaveCount(0);
	await expect(page.getByRole('table')).toContainText('Actieplan knelpuntberoepen goedgekeurd');
	await open(page, `/beheer/organen/${TASKFORCE}/besluiten`, javaScriptEnabled);
	await expect(page.getByRole('table')).toContainText('besloten');
	await checkPage(page, javaScriptEnabled);
});
