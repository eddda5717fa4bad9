/**
 * The monitor's catalogue in the workspace, with JavaScript on and off: staff open the monitor,
 * the indicator list, refuse a code with spaces (the message, and no indicator made), create an
 * indicator and edit it. axe finds nothing on every page reached; 320 px fits.
 */
import { expect, test } from '@playwright/test';
import { fits320 } from './support/axe';
import { as, go, submit } from './support/browse';

test('staff keep the indicator catalogue', async ({ browser, baseURL }, info) => {
	const js = info.project.use.javaScriptEnabled !== false;
	const code = `test_${info.project.name}_${Date.now()}`;
	const staff = await as(browser, 'staff', baseURL!, js);

	await go(staff, '/beheer/monitor', js);
	await staff.getByRole('link', { name: 'Indicatoren' }).click();
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Indicatoren');
	await go(staff, '/beheer/monitor/indicatoren', js);
	await expect(staff.getByRole('table')).toContainText('bevolking');
	await fits320(staff, js);

	await go(staff, '/beheer/monitor/indicatoren/nieuw', js);
	const fill = async (indicatorCode: string) => {
		await staff.getByLabel('Code').fill(indicatorCode);
		await staff.getByLabel('Naam', { exact: true }).fill(`Testindicator ${info.project.name}`);
		await staff.getByLabel('Domein').selectOption({ label: 'Demografie' });
		await staff.getByLabel('Eenheid').fill('aantal');
		await staff
			.getByLabel('Hoe telt de indicator op naar de regio, de provincie en Vlaanderen?')
			.selectOption({ label: 'Som van de gemeenten' });
	};
	await fill('met spaties');
	await submit(staff, 'Indicator bewaren', js);
	await expect(staff.getByRole('alert')).toContainText(
		'De code bestaat uit kleine letters, cijfers, _ . of -, zonder spaties.'
	);
	await expect(staff.getByLabel('Eenheid')).toHaveValue('aantal');
	await go(staff, '/beheer/monitor/indicatoren', js);
	await expect(staff.getByText(`Testindicator ${info.project.name}`)).toHaveCount(0);

	await go(staff, '/beheer/monitor/indicatoren/nieuw', js);
	await fill(code);
	await submit(staff, 'Indicator bewaren', js);
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText(
		`Testindicator ${info.project.name}`
	);
	await expect(staff.getByRole('status')).toContainText('De indicator is bewaard.');
	await staff.getByLabel('Eenheid').fill('personen');
	await submit(staff, 'Indicator bewaren', js);
	await expect(staff.getByRole('status')).toContainText('De indicator is bewaard.');
	await go(staff, `/beheer/monitor/indicatoren/${code}`, js);
	await expect(staff.getByLabel('Eenheid')).toHaveValue('personen');
	await fits320(staff, js);
	await staff.context().close();
});
