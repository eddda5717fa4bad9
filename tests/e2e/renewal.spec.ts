/**
 * The secretary of the Taskforce renews its mandates after an election through the bulk action:
 * the current term ends, everyone in it stays, one newcomer consents to having their name
 * published and one does not. The public Taskforce page then shows the first and not the second.
 * With JavaScript on and off; axe on every page reached.
 *
 * Both browser projects share one server and database: names are unique per project, and the
 * renewal itself runs under a lock file so the two projects never renew at the same moment
 * (the second one then finds no membership running on the end date, which is correct).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, probePage } from './support/axe';
import { scenario } from './support/scenario';

const TASKFORCE = 'taskforce-spitsregio-leuven';
const LOCK = path.resolve('.tmp/renewal-e2e.lock');

/** Yesterday in Europe/Brussels (the platform's calendar), as YYYY-MM-DD. */
function yesterday(): string {
	const d = new Date(Date.now() - 24 * 60 * 60 * 1000);
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(d);
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			fs.mkdirSync(LOCK, { recursive: false });
			break;
		} catch {
			// A lock older than two minutes is left over from an aborted run.
			const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
			if (age > 120_000) fs.rmSync(LOCK, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error('renewal lock not released');
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(LOCK, { recursive: true, force: true });
	}
}

test('the secretary renews the Taskforce; only the consenting newcomer appears publicly', async ({
	page,
	context
}, info) => {
	test.setTimeout(90_000);
	fs.mkdirSync(path.dirname(LOCK), { recursive: true });
	const { secretary } = scenario();
	// The secretary's session is shared with the other project: never log it out here.
	await context.addCookies([
		{ name: 'sp_session', value: secretary.sessionToken, url: info.project.use.baseURL! }
	]);
	const tag = info.project.name.replace(/[^a-z]/gi, '');
	const published = `Publiek${tag}`;
	const hidden = `Verborgen${tag}`;

	await page.goto(`/beheer/organen/${TASKFORCE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taskforce Spitsregio Leuven');
	await expectNoAxeViolations(page);

	await withLock(async () => {
		await page.getByRole('link', { name: 'Mandaten vernieuwen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Mandaten vernieuwen');
		await page.getByLabel('Laatste dag van de huidige termijn').fill(yesterday());
		await page.getByRole('button', { name: 'Leden op deze datum tonen' }).click();
		await expect(page).toHaveURL(/einddatum=/);
		await expectNoAxeViolations(page);

		// Everyone whose term runs on the end date stays (the secretary included).
		const boxes = page.locator('input[name="continuing"]');
		for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();

		const first = page.getByRole('group', { name: 'Nieuwkomer 1' });
		await first.getByLabel('Voornaam').fill(published);
		await first.getByLabel('Familienaam').fill('Nieuwkomer (voorbeeld)');
		await first.getByLabel('Vertegenwoordigt').selectOption({ label: 'ACV' });
		await first.getByLabel('Naam publiek tonen').check();
		const second = page.getByRole('group', { name: 'Nieuwkomer 2' });
		await second.getByLabel('Voornaam').fill(hidden);
		await second.getByLabel('Familienaam').fill('Nieuwkomer (voorbeeld)');
		await page.getByRole('button', { name: 'Wijzigingen bekijken' }).click();

		await expect(page.getByRole('heading', { name: /Stap 2 van 3/ })).toBeVisible();
		await expect(
			page.getByRole('cell', { name: `${published} Nieuwkomer (voorbeeld)` })
		).toBeVisible();
		await expect(
			page.getByRole('cell', { name: `${hidden} Nieuwkomer (voorbeeld)` })
		).toBeVisible();
		await expect(page.getByText('Er is nog niets bewaard.')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Bevestigen' }).click();
		await expect(page.getByText('De mandaten zijn vernieuwd.')).toBeVisible();
	});
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taskforce Spitsregio Leuven');
	await expectNoAxeViolations(page);
	// The secretary is still a manager of the Taskforce (their mandate carried over).
	await expect(page.getByRole('link', { name: 'Mandaten vernieuwen' })).toBeVisible();

	await page.goto(`/organen/${TASKFORCE}`);
	await expect(page.getByText(`${published} Nieuwkomer (voorbeeld)`)).toBeVisible();
	await expect(page.getByText(hidden)).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('a member of the Taskforce cannot open the renewal', async ({ page, context }, info) => {
	const { member } = scenario();
	await context.addCookies([
		{ name: 'sp_session', value: member.sessionToken, url: info.project.use.baseURL! }
	]);
	const response = await page.goto(`/beheer/organen/${TASKFORCE}/vernieuwen`);
	expect(response?.status()).toBe(403);
	await page.goto(`/beheer/organen/${TASKFORCE}`);
	await expect(page.getByRole('link', { name: 'Mandaten vernieuwen' })).toHaveCount(0);
});

test.describe('structure screens as staff', () => {
	test.beforeEach(async ({ context }, info) => {
		const { staff } = scenario();
		await context.addCookies([
			{ name: 'sp_session', value: staff.sessionToken, url: info.project.use.baseURL! }
		]);
	});

	const pages = [
		'/beheer/organisaties',
		'/beheer/organisaties?q=acv&kind=union',
		'/beheer/organisaties/nieuw',
		'/beheer/personen',
		'/beheer/personen/nieuw',
		'/beheer/organen',
		'/beheer/organen?archived=1',
		'/beheer/organen/nieuw',
		'/beheer/regio/leuven/vernieuwen'
	];
	for (const url of pages) {
		test(url, async ({ page, javaScriptEnabled }) => {
			const response = await page.goto(url);
			expect(response?.status()).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
			await expectNoAxeViolations(page);
			const { probe, close } = await probePage(page, javaScriptEnabled);
			await probe.setViewportSize({ width: 320, height: 800 });
			const width = await probe.evaluate(() => document.documentElement.scrollWidth);
			await close();
			expect(width).toBeLessThanOrEqual(320);
		});
	}

	test('create a person, refuse bad input, and see an organisation’s history', async ({
		page
	}, info) => {
		const name = `Persoon${info.project.name.replace(/[^a-z]/gi, '')}`;
		// Let the app hydrate first, so it cannot reset what was typed.
		await page.goto('/beheer/personen/nieuw', { waitUntil: 'networkidle' });
		await page.getByLabel('Voornaam').fill(name);
		// Only spaces: the browser's `required` lets it through, the server refuses it.
		await page.getByLabel('Familienaam').fill('   ');
		await page.getByRole('button', { name: 'Persoon bewaren' }).click();
		await expect(page.getByRole('alert')).toContainText('Vul de familienaam in.');
		await expectNoAxeViolations(page);
		await page.getByLabel('Familienaam').fill('Voorbeeld');
		await page.getByRole('button', { name: 'Persoon bewaren' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} Voorbeeld`);
		await expect(page.getByText('De persoon is bewaard.')).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto('/beheer/organisaties?q=acv');
		await page.getByRole('link', { name: 'ACV', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACV');
		await expect(page.getByRole('heading', { name: 'Deelname aan organen' })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto('/beheer/organen/taskforce-spitsregio-leuven');
		await expect(page.getByRole('heading', { name: 'Orgaan bewerken' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
});
