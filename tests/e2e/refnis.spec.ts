/**
 * Areas from Statbel's REFNIS list, with JavaScript on (project `js`) and off (`nojs`): staff reach
 * the page from the monitor's workspace home, upload the example fixture and see what was added
 * per level (the first project to run adds the 6 unknown areas, the other finds them known: the
 * counts are checked by their sum), then upload an observations file, which is no REFNIS list:
 * the message, and the areas the platform knows are unchanged. Axe on every page, 320 px.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { as, go, submit } from './support/browse';

// Not refnis-voorbeeld.csv: the import specs on the same server rely on 11002 being unknown.
const fixture = path.resolve('tests/fixtures/areas/refnis-limburg.csv');
const notRefnis = path.resolve('tests/fixtures/monitor/import/bevolking-breed.csv');

test('staff add unknown areas from a REFNIS list; a file that is no REFNIS list adds nothing', async ({
	browser,
	baseURL
}) => {
	const js = test.info().project.use.javaScriptEnabled !== false;
	const staff = await as(browser, 'staff', baseURL!, js);
	await go(staff, '/beheer/monitor', js);
	await staff.getByRole('link', { name: 'Gebieden uit een REFNIS-lijst' }).click();
	await staff.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		'Gebieden uit een REFNIS-lijst toevoegen'
	);
	await expectNoAxeViolations(staff);
	await fits320(staff, js);

	// The example list: 8 areas, of which 6 are unknown to the seeded platform.
	await staff.getByLabel('Bestand', { exact: true }).setInputFiles(fixture);
	await submit(staff, 'Gebieden toevoegen', js);
	const status = staff.getByRole('status');
	await expect(status).toContainText('Uit refnis-limburg.csv:');
	const text = (await status.textContent()) ?? '';
	const m = /(\d+) gebied(?:en)? toegevoegd, (\d+) al bekend/.exec(text.replace(/\s+/g, ' '));
	expect(m, text).not.toBeNull();
	const [addedNow, known] = [Number(m![1]), Number(m![2])];
	expect(addedNow + known).toBe(8);
	expect([0, 6]).toContain(addedNow);
	await expect(
		status
			.getByRole('row', { name: /^Gemeenten/ })
			.getByRole('cell')
			.first()
	).toHaveText(addedNow === 6 ? '4' : '0');
	await expectNoAxeViolations(staff);
	await fits320(staff, js);

	// Now the platform knows Limburg besides Vlaams-Brabant.
	const provinces = staff
		.getByRole('table', { name: 'Aantal gebieden per niveau' })
		.getByRole('row', { name: /^Provincies/ });
	await expect(provinces.getByRole('cell')).toHaveText('2');
	const knownBefore = await staff
		.getByRole('table', { name: 'Aantal gebieden per niveau' })
		.textContent();

	// An observations file is no REFNIS list: the message, nothing added.
	await staff.getByLabel('Bestand', { exact: true }).setInputFiles(notRefnis);
	await submit(staff, 'Gebieden toevoegen', js);
	await expect(staff.getByRole('alert')).toContainText(
		'Dit is geen REFNIS-lijst: er is geen kolom CD_REFNIS (de NIS-code).'
	);
	await expect(staff.getByRole('status')).toHaveCount(0);
	await expect(staff.getByRole('table', { name: 'Aantal gebieden per niveau' })).toHaveText(
		knownBefore!
	);
	await expectNoAxeViolations(staff);
	await fits320(staff, js);
	await staff.context().close();

	// Members may not reach the page.
	const member = await as(browser, 'member', baseURL!, js);
	const refused = await member.goto('/beheer/monitor/gebieden');
	expect(refused?.status()).toBe(403);
	await member.context().close();
});
