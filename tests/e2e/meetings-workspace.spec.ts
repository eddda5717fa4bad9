/**
 * The meeting pages of the workspace (part 1): the Taskforce's secretary creates a meeting from
 * the standing items, is refused an end before the start, edits it, publishes it, answers the
 * invitation and cancels it; keeps the standing-items template (add, move, edit, delete with
 * confirmation); a plain member sees the list without the form. With JavaScript on and off; axe
 * on every page reached, and no horizontal scroll at 320 px.
 *
 * Both browser projects share one server and database: every name carries the project's name,
 * and the two projects plan their meetings on different days.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { scenario } from './support/scenario';

const TASKFORCE = 'taskforce-spitsregio-leuven';
/** The body whose standing items the template test changes: no other spec makes its meetings. */
const TEMPLATE_BODY = 'themawerkgroep-veiligheid';
/** The two projects reorder one template: one at a time, so positions are predictable. */
const LOCK = path.resolve('.tmp/standing-items-e2e.lock');

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
	fs.mkdirSync(path.dirname(LOCK), { recursive: true });
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			fs.mkdirSync(LOCK, { recursive: false });
			break;
		} catch {
			// A lock older than two minutes is left over from an aborted run.
			const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
			if (age > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error('standing-items lock not released');
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(LOCK, { recursive: true, force: true });
	}
}

/** A day `days` from today in Europe/Brussels, as YYYY-MM-DD. */
function dayFromNow(days: number): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
}

/** Axe-clean, and no horizontal scroll at 320 px. */
async function checkPage(page: Page, javaScriptEnabled: boolean) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectNoAxeViolations(page);
	await fits320(page, javaScriptEnabled);
}

/** Open a page; with JavaScript, wait for hydration so nothing typed is reset. */
const open = (page: Page, path: string, javaScriptEnabled: boolean) =>
	page.goto(path, { waitUntil: javaScriptEnabled ? 'networkidle' : 'load' });

test.describe('meeting workspace pages', () => {
	test.beforeEach(async ({ context }, info) => {
		// The secretary's session is shared with the other project: never log it out here.
		const { secretary } = scenario();
		await context.addCookies([
			{ name: 'sp_session', value: secretary.sessionToken, url: info.project.use.baseURL! }
		]);
	});

	test('the secretary creates a meeting from the template, edits, publishes, replies and cancels', async ({
		page,
		javaScriptEnabled
	}, info) => {
		test.setTimeout(120_000);
		const tag = info.project.name.replace(/[^a-z]/gi, '');
		const title = `Werkvergadering ${tag}`;
		const date = dayFromNow(javaScriptEnabled ? 40 : 41);

		await open(page, `/beheer/organen/${TASKFORCE}`, javaScriptEnabled);
		await page
			.locator('ul.actions')
			.getByRole('link', { name: 'Vergaderingen', exact: true })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Vergaderingen van Taskforce Spitsregio Leuven'
		);
		// The example meetings are listed, with their status.
		await expect(page.getByRole('table', { name: /Komende vergaderingen/ })).toContainText(
			'Agenda gepubliceerd'
		);
		await checkPage(page, javaScriptEnabled);

		await open(page, page.url(), javaScriptEnabled);
		await page.getByLabel('Titel (niet verplicht)').fill(title);
		await page.getByLabel('Datum').fill(date);
		await page.getByLabel('Begin (UU:MM)').fill('14:00');
		await page.getByLabel('Einde (UU:MM)').fill('16:00');
		await page.getByLabel('Plaats (niet verplicht)').fill('Stadhuis Leuven');
		await expect(page.getByLabel('Agenda starten van')).toHaveValue('');
		await page.getByRole('button', { name: 'Vergadering aanmaken' }).click();

		await expect(page).toHaveURL(/\/beheer\/vergaderingen\/[0-9a-f-]{36}\?aangemaakt/);
		const meetingUrl = page.url().replace(/\?.*$/, '');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByRole('status')).toContainText('aangemaakt als ontwerp');
		await expect(page.locator('.facts')).toContainText('Ontwerp');
		// The agenda starts from the Taskforce's standing items, timed from the start.
		const agenda = page.getByRole('table', { name: 'Agenda met geplande begintijd per punt' });
		await expect(agenda).toContainText('Goedkeuring verslag vorige vergadering');
		await expect(agenda).toContainText('Varia');
		await expect(agenda.locator('tbody tr').first()).toContainText('14:00');
		await checkPage(page, javaScriptEnabled);

		// Edit: an end before the start is refused with a clear message, nothing saved.
		await page.getByRole('link', { name: 'Datum, plaats en toegang wijzigen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} wijzigen`);
		await expect(page.getByLabel('Datum')).toHaveValue(date);
		await expect(page.getByLabel('Begin (UU:MM)')).toHaveValue('14:00');
		await checkPage(page, javaScriptEnabled);
		await open(page, page.url(), javaScriptEnabled);
		await page.getByLabel('Einde (UU:MM)').fill('13:00');
		await page.getByRole('button', { name: 'Vergadering bewaren' }).click();
		await expect(page.getByRole('alert')).toContainText(
			'De vergadering moet eindigen na het begin.'
		);
		await checkPage(page, javaScriptEnabled);
		await page.getByLabel('Einde (UU:MM)').fill('16:30');
		await page.getByLabel('Plaats (niet verplicht)').fill('Provinciehuis Leuven, zaal 2');
		await page.getByRole('button', { name: 'Vergadering bewaren' }).click();
		await expect(page).toHaveURL(/\?bewaard/);
		await expect(page.getByRole('status')).toContainText('De vergadering is bewaard.');
		await expect(page.locator('.facts')).toContainText('Provinciehuis Leuven, zaal 2');
		await expect(page.locator('.facts')).toContainText('16:30');

		// It is listed among the body's upcoming meetings.
		await page.getByRole('link', { name: 'Alle vergaderingen' }).click();
		await expect(page.getByRole('link', { name: title })).toBeVisible();

		// Publish: the secretary is invited, and answers.
		await page.goto(meetingUrl);
		await page
			.getByRole('button', { name: 'Agenda publiceren en uitnodigingen versturen' })
			.click();
		await expect(page).toHaveURL(/\?gepubliceerd/);
		await expect(page.locator('.facts')).toContainText('Agenda gepubliceerd');
		await expect(page.getByText('U hebt nog niet geantwoord.')).toBeVisible();
		await checkPage(page, javaScriptEnabled);
		await open(page, page.url(), javaScriptEnabled);
		await page.getByLabel('Ik ben verontschuldigd').check();
		await page.getByLabel('Vervanger (niet verplicht, bij verontschuldiging)').fill('An Vervanger');
		await page.getByRole('button', { name: 'Antwoord versturen' }).click();
		await expect(page).toHaveURL(/\?geantwoord/);
		await expect(page.getByRole('status')).toContainText('Uw antwoord is bewaard.');
		await expect(page.getByText('U antwoordde: Ik ben verontschuldigd')).toBeVisible();
		await expect(page.locator('.facts')).toContainText('1 verontschuldigd');

		// Cancel with a reason.
		await page.getByText('Vergadering annuleren').click();
		await page.getByLabel('Reden van de annulering').fill('Te weinig agendapunten.');
		await page.getByRole('button', { name: 'Annuleren', exact: true }).click();
		await expect(page).toHaveURL(/\?geannuleerd/);
		await expect(page.locator('.facts')).toContainText('Geannuleerd');
		await expect(page.locator('.facts')).toContainText('Te weinig agendapunten.');
		await expect(page.getByRole('button', { name: /publiceren/ })).toHaveCount(0);
		await checkPage(page, javaScriptEnabled);
	});

	test('a draft can be deleted, and goes back to the list', async ({ page, javaScriptEnabled }) => {
		await open(page, `/beheer/organen/${TASKFORCE}/vergaderingen`, javaScriptEnabled);
		await page.getByLabel('Datum').fill(dayFromNow(javaScriptEnabled ? 50 : 51));
		await page.getByLabel('Begin (UU:MM)').fill('09:00');
		await page.getByLabel('Einde (UU:MM)').fill('10:00');
		await page.getByRole('button', { name: 'Vergadering aanmaken' }).click();
		await expect(page).toHaveURL(/\?aangemaakt/);
		// Without a title it is named after the body and the day.
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'Taskforce Spitsregio Leuven — '
		);
		await page.getByText('Ontwerp verwijderen', { exact: true }).first().click();
		await page.getByRole('button', { name: 'Ontwerp verwijderen' }).click();
		await expect(page).toHaveURL(/\/vergaderingen\?verwijderd/);
		await expect(page.getByRole('status')).toContainText('verwijderd');
	});

	test('staff keep the standing items of a working group', async ({
		page,
		context,
		javaScriptEnabled
	}, info) => {
		// Not the Taskforce's template: other specs make Taskforce meetings in parallel and count on
		// its two standing items (a third one, for a moment, shifts their numbering).
		await context.addCookies([
			{ name: 'sp_session', value: scenario().staff.sessionToken, url: info.project.use.baseURL! }
		]);
		const tag = info.project.name.replace(/[^a-z]/gi, '');
		const item = `Rondvraag ${tag}`;
		await open(page, `/beheer/organen/${TEMPLATE_BODY}/vaste-agendapunten`, javaScriptEnabled);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Vaste agendapunten van Themawerkgroep Veiligheid'
		);
		await expect(page.getByText('gekopieerd naar elke nieuwe vergadering')).toBeVisible();
		await checkPage(page, javaScriptEnabled);

		await withLock(() => keepTemplate(page, item, javaScriptEnabled));
	});
});

async function keepTemplate(page: Page, item: string, javaScriptEnabled: boolean) {
	// The working group's template starts empty: a first item to move the second one above.
	const opening = item.replace('Rondvraag', 'Opening');
	for (const title of [opening, item]) {
		await open(page, page.url(), javaScriptEnabled);
		const add = page.locator('form[action="?/add"]');
		await add.getByLabel('Titel').fill(title);
		await add.getByLabel('Duur in minuten (niet verplicht)').fill('5');
		await add.getByLabel('Soort').selectOption({ label: 'Ter bespreking' });
		await page.getByRole('button', { name: 'Vast agendapunt toevoegen' }).click();
		await expect(page.getByRole('status')).toContainText('toegevoegd');
		await expect(page.locator('.items > li', { hasText: title })).toHaveCount(1);
	}
	const row = page.locator('.items > li', { hasText: item });
	await expect(row).toContainText('Ter bespreking, 5 min.');

	// Move it up one place: it then comes before the item that preceded it.
	const titles = () => page.locator('.items > li strong').allTextContents();
	const before = await titles();
	const at = before.findIndex((t) => t.includes(item));
	await page.getByRole('button', { name: `Omhoog: ${item}` }).click();
	await expect(page.getByRole('status')).toContainText('volgorde');
	await expect.poll(async () => (await titles()).findIndex((t) => t.includes(item))).toBe(at - 1);

	// Edit it.
	await row.getByText(`${item} wijzigen`).click();
	await row.getByLabel('Duur in minuten (niet verplicht)').fill('15');
	await row.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
	await expect(page.getByRole('status')).toContainText('gewijzigd');
	await expect(page.locator('.items > li', { hasText: item })).toContainText('15 min.');

	// Delete: refused without the confirmation, done with it.
	await page.locator('.items > li', { hasText: item }).getByText(`${item} verwijderen`).click();
	await page
		.locator('.items > li', { hasText: item })
		.getByRole('button', { name: 'Verwijderen' })
		.click();
	await expect(page.getByRole('alert')).toContainText(
		'Vink aan dat u dit vaste agendapunt wilt verwijderen.'
	);
	await expect(page.locator('.items > li', { hasText: item })).toHaveCount(1);
	await checkPage(page, javaScriptEnabled);
	const again = page.locator('.items > li', { hasText: item });
	await again.getByLabel(/Ja, verwijder/).check();
	await again.getByRole('button', { name: 'Verwijderen' }).click();
	await expect(page.getByRole('status')).toContainText('verwijderd');
	await expect(page.locator('.items > li', { hasText: item })).toHaveCount(0);
	const first = page.locator('.items > li', { hasText: opening });
	await first.getByText(`${opening} verwijderen`).click();
	await first.getByLabel(/Ja, verwijder/).check();
	await first.getByRole('button', { name: 'Verwijderen' }).click();
	await expect(page.locator('.items > li', { hasText: opening })).toHaveCount(0);
}

test('a member sees the meetings and the template without the forms', async ({
	page,
	context,
	javaScriptEnabled
}, info) => {
	const { member } = scenario();
	await context.addCookies([
		{ name: 'sp_session', value: member.sessionToken, url: info.project.use.baseURL! }
	]);
	await open(page, `/beheer/organen/${TASKFORCE}/vergaderingen`, javaScriptEnabled);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Vergaderingen van Taskforce Spitsregio Leuven'
	);
	await expect(page.getByRole('button', { name: 'Vergadering aanmaken' })).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);
	// The published example meeting: the member may answer, but not manage it.
	await page.getByRole('link', { name: /najaarsvergadering/ }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Uw antwoord op de uitnodiging' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Status wijzigen' })).toHaveCount(0);
	await checkPage(page, javaScriptEnabled);
	await open(page, `/beheer/organen/${TASKFORCE}/vaste-agendapunten`, javaScriptEnabled);
	await expect(page.getByRole('button', { name: 'Vast agendapunt toevoegen' })).toHaveCount(0);
});
