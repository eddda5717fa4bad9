/**
 * Keeping a plan, with JavaScript on (project `js`) and off (`nojs`): the Taskforce's secretary
 * starts a plan, adds a theme, an objective and an action; a due date before the start, a progress
 * of 140 % and a weight of −1 are refused in Dutch with nothing stored; a save from a page loaded
 * before a colleague's save is refused and shows what is stored now, and goes through when saved
 * again; the plan is adopted by a decision and started; the dashboard shows the action. axe on
 * every page reached.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { as, go, submit } from './support/browse';

const form = (page: Page, action: string) => page.locator(`form[action="?/${action}"]`);

test('a secretary keeps a plan: from a new plan to an adopted one', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(180_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const p = info.project.name;
	const page = await as(browser, 'secretary', baseURL!, js);

	// A new plan of the Taskforce.
	await go(page, '/beheer/plannen', js);
	await expect(page.getByRole('link', { name: 'Nieuw plan' })).toBeVisible();
	await go(page, '/beheer/plannen/nieuw', js);
	const create = form(page, 'create');
	await create
		.getByLabel('Orgaan of regio dat het plan draagt')
		.selectOption({ label: 'Taskforce Spitsregio Leuven' });
	await create.getByLabel('Titel').fill(`Bewerkplan ${p} (voorbeeld)`);
	await create.getByLabel('Begin van de periode').fill('2025-01-01');
	await create.getByLabel('Einde van de periode').fill('2030-12-31');
	await submit(page, 'Plan aanmaken', js);
	await expect(page).toHaveURL(new RegExp(`/beheer/plannen/bewerkplan-${p}-voorbeeld/bewerken$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Bewerkplan ${p} (voorbeeld) bewerken`
	);
	await expectNoAxeViolations(page);
	const planUrl = page.url();

	// A theme, an objective under it, an action under that.
	await form(page, 'addTheme').getByLabel('Titel van het thema').fill('Mobiliteit');
	await submit(page, 'Thema toevoegen', js);
	await expect(page.getByRole('status')).toHaveText('Het thema is toegevoegd.');
	await page.getByRole('link', { name: 'T1 Mobiliteit' }).click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thema T1 Mobiliteit');
	await expectNoAxeViolations(page);

	await form(page, 'addChild').getByLabel('Titel').fill('Minder files');
	await form(page, 'addChild')
		.getByLabel('Uitdaging (niet verplicht)')
		.fill('De spits slibt dicht.');
	await submit(page, 'Toevoegen', js);
	await expect(page.getByRole('status')).toContainText('is toegevoegd.');
	await page.getByRole('link', { name: /Minder files/ }).click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Doelstelling');
	await expectNoAxeViolations(page);

	// A measure on the objective, and an update of it with a measured value.
	const objectiveUrl = page.url();
	const addMeasure = form(page, 'addMeasure');
	await addMeasure.getByLabel('Indicator').selectOption({ index: 1 });
	await addMeasure.getByLabel('Gebied').selectOption({ index: 1 });
	await addMeasure.getByLabel('Basiswaarde').fill('60');
	await addMeasure.getByLabel('Basisperiode').fill('2024');
	await addMeasure.getByLabel('Doelwaarde').fill('72');
	await addMeasure.getByLabel('Doelperiode').fill('2020');
	await addMeasure.getByLabel('Beter is').selectOption({ label: 'hoger' });
	await submit(page, 'Meting toevoegen', js);
	await expect(page.getByRole('alert')).toContainText(
		'De doelperiode moet na de basisperiode beginnen.'
	);
	await form(page, 'addMeasure').getByLabel('Doelperiode').fill('2030');
	await submit(page, 'Meting toevoegen', js);
	await expect(page.getByRole('status')).toHaveText('De meting is toegevoegd.');
	await page.locator('section[aria-labelledby="metingen"] ul a').first().click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Meting');
	await expectNoAxeViolations(page);
	await form(page, 'update').getByLabel('Wat is er gebeurd').fill('Eerste meting (voorbeeld)');
	await form(page, 'update')
		.getByLabel('Periode van de gemeten waarde (niet verplicht)')
		.fill('2025');
	await form(page, 'update')
		.getByLabel('Gemeten waarde (niet verplicht)', { exact: true })
		.fill('64,5');
	await submit(page, 'Update bewaren', js);
	await expect(page.getByRole('status')).toHaveText('Uw update is bewaard.');
	await expect(page.locator('.updates')).toContainText('Eerste meting (voorbeeld)');
	await go(page, objectiveUrl, js);

	// A due date before the start: refused, nothing added.
	const addAction = form(page, 'addChild');
	await addAction.getByLabel('Titel').fill('Fietssnelweg');
	await addAction.getByLabel('Startdatum (niet verplicht)').fill('2026-06-01');
	await addAction.getByLabel('Einddatum (niet verplicht)').fill('2026-01-01');
	await submit(page, 'Toevoegen', js);
	await expect(page.getByRole('alert')).toContainText(
		'De einddatum kan niet vóór de startdatum liggen.'
	);
	await go(page, page.url(), js);
	await expect(page.getByText('Nog geen acties.')).toBeVisible();

	await form(page, 'addChild').getByLabel('Titel').fill('Fietssnelweg');
	await form(page, 'addChild').getByLabel('Startdatum (niet verplicht)').fill('2025-03-01');
	await form(page, 'addChild').getByLabel('Einddatum (niet verplicht)').fill('2027-12-31');
	await submit(page, 'Toevoegen', js);
	await expect(page.getByRole('status')).toContainText('is toegevoegd.');
	await page.getByRole('link', { name: /Fietssnelweg/ }).click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Actie');
	await expectNoAxeViolations(page);
	const actionUrl = page.url();

	// 140 % and a weight of −1: refused with both messages, nothing stored.
	await form(page, 'item').getByLabel('Voortgang (%)').fill('140');
	await form(page, 'item').getByLabel('Gewicht in de samenvatting').fill('-1');
	await submit(page, 'Bewaren', js, form(page, 'item'));
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('De voortgang is een geheel getal van 0 tot 100 %.');
	await expect(alert).toContainText('Het gewicht kan niet negatief zijn.');
	await go(page, actionUrl, js);
	await expect(form(page, 'item').getByLabel('Voortgang (%)')).toHaveValue('0');
	await expect(form(page, 'item').getByLabel('Gewicht in de samenvatting')).toHaveValue('1');

	// A colleague saves first; the secretary's page is now stale.
	const colleague = await as(browser, 'staff', baseURL!, js);
	await go(colleague, actionUrl, js);
	await form(colleague, 'item').getByLabel('Titel').fill(`Fietssnelweg F25 ${p}`);
	await submit(colleague, 'Bewaren', js, form(colleague, 'item'));
	await expect(colleague.getByRole('status')).toHaveText('Het onderdeel is bewaard.');
	await colleague.context().close();

	await form(page, 'item').getByLabel('Voortgang (%)').fill('30');
	await submit(page, 'Bewaren', js, form(page, 'item'));
	await expect(page.getByRole('alert')).toContainText('Iemand anders heeft dit intussen gewijzigd');
	await expect(page.locator('.conflict')).toContainText(`Fietssnelweg F25 ${p}`);
	await expectNoAxeViolations(page);
	// Saving again, deliberately, over the current version.
	await submit(page, 'Bewaren', js, form(page, 'item'));
	await expect(page.getByRole('status')).toHaveText('Het onderdeel is bewaard.');
	await go(page, actionUrl, js);
	await expect(form(page, 'item').getByLabel('Voortgang (%)')).toHaveValue('30');

	// Adoption by a decision, then the start.
	await go(page, planUrl, js);
	await form(page, 'adopt').getByLabel('Besluit dat het plan vaststelt').selectOption({ index: 1 });
	await submit(page, 'Plan vaststellen', js);
	await expect(page.getByRole('status')).toHaveText('Het plan is vastgesteld.');
	await submit(page, 'Uitvoering starten', js);
	await expect(page.getByRole('status')).toHaveText('De status van het plan is gewijzigd.');
	await expectNoAxeViolations(page);

	// The dashboard shows the action with its progress.
	await go(page, `/beheer/plannen/bewerkplan-${p}-voorbeeld`, js);
	const action = page.locator('li.action', { hasText: 'Fietssnelweg' });
	await expect(action).toContainText('30 %');
	await page.context().close();
});
