/**
 * Municipal boundaries for the monitor's maps, with JavaScript on (project `js`) and off (`nojs`):
 * staff upload the example fixture (made-up polygons, Galmaarden, Gooik and Herne instead of
 * Pajottegem), see what was understood (Pajottegem dissolved, Brussel skipped, an outline map),
 * store it, and see the stored map; a file with an invalid geometry is refused with the feature
 * named and nothing stored. Axe on every page reached, 320 px without horizontal scroll.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, fits320 } from './support/axe';
import { as, go, submit } from './support/browse';

const fixtures = path.resolve('tests/fixtures/monitor/boundaries');

test('staff import boundaries with a preview; an invalid file stores nothing', async ({
	browser,
	baseURL
}) => {
	const js = test.info().project.use.javaScriptEnabled !== false;
	const staff = await as(browser, 'staff', baseURL!, js);
	await go(staff, '/beheer/monitor/grenzen', js);
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Gemeentegrenzen voor kaarten');

	// An invalid geometry: the feature is named, nothing is stored.
	await staff.getByLabel('Bestand').setInputFiles(path.join(fixtures, 'ongeldig.geojson'));
	await submit(staff, 'Voorbeeld tonen', js);
	const alert = staff.getByRole('alert');
	await expect(alert).toContainText('Er is niets opgeslagen: 1 fout in het bestand.');
	await expect(alert).toContainText('object 2 (NIS 24062, Leuven): ongeldige geometrie');
	await expect(staff.getByRole('button', { name: 'Grenzen opslaan' })).toHaveCount(0);
	await expectNoAxeViolations(staff);

	// The example file: preview first.
	await staff
		.getByLabel('Bestand')
		.setInputFiles(path.join(fixtures, 'voorbeeld-gemeenten-2024.geojson'));
	await submit(staff, 'Voorbeeld tonen', js);
	await expect(staff.getByRole('heading', { name: 'Wat in het bestand staat' })).toBeVisible();
	await expect(staff.getByText('NIS-code in de eigenschap CD_MUNTY_REFNIS')).toBeVisible();
	await expect(
		staff.getByText('Pajottegem (23106) wordt samengesteld uit Galmaarden, Gooik, Herne.')
	).toBeVisible();
	await expect(
		staff.getByText(/1 objecten met een NIS-code die het platform niet kent/)
	).toBeVisible();
	await expect(
		staff.getByRole('img', { name: 'De gemeenten uit het bestand (63 gemeenten)' })
	).toBeVisible();
	await expectNoAxeViolations(staff);
	await fits320(staff, js);

	await submit(staff, 'Grenzen opslaan', js);
	await expect(staff.getByRole('status')).toContainText('Grenzen opgeslagen voor 66 gebieden');
	await expect(staff.getByRole('status')).toContainText('Pajottegem uit Galmaarden, Gooik, Herne');
	await go(staff, '/beheer/monitor/grenzen', js);
	await expect(
		staff.getByRole('img', { name: 'De gemeenten zoals ze nu op de kaarten staan (63 gemeenten)' })
	).toBeVisible();
	await staff.context().close();

	// Members may not reach the page.
	const member = await as(browser, 'member', baseURL!, js);
	const refused = await member.goto('/beheer/monitor/grenzen');
	expect(refused?.status()).toBe(403);
	await member.context().close();
});
