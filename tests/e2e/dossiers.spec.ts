/**
 * Influence dossiers, with JavaScript on (project `js`) and off (`nojs`): the Taskforce's
 * secretary holds a meeting with a decision, makes a public dossier from it ("Dossier maken van
 * dit besluit"), sends it to the Vlaamse Regering and records the answer. Refused, in Dutch and
 * with nothing saved: an answer dated before the sending, a closed document on the public dossier,
 * and marking a dossier sent that no decision adopted. The workspace register and the public
 * register show the dossier as answered, its public page the answer. axe on every page reached.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
	addAgendaItem,
	as,
	brusselsDay,
	createMeeting,
	go,
	holdMeeting,
	submit
} from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';
const form = (page: Page, action: string) => page.locator(`form[action$="/${action}"]`);
const belgian = (day: string) => day.split('-').reverse().join('/');
const pdf = (label: string) =>
	Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${label}\ntrailer<<>>\n%%EOF\n`);

/** The addressee's block on a dossier's page. */
const addressee = (page: Page, name: string) =>
	page.locator('section[aria-labelledby="geadresseerden"] ul > li').filter({
		has: page.getByRole('heading', { level: 3, name })
	});

/** Wait for a page reached by a link or a redirect, and check it with axe. */
async function arrived(page: Page, js: boolean) {
	await page.waitForLoadState(js ? 'networkidle' : 'load');
	await expectNoAxeViolations(page);
}

test('a secretary makes a dossier from a decision, sends it, records the answer; the public sees it', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(240_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const tag = `${info.project.name} ${Date.now()}`;
	const itemTitle = `Memorandum mobiliteit ${tag}`;
	const decisionTitle = `Memorandum mobiliteit goedgekeurd ${tag}`;
	const dossierTitle = `Mobiliteitsmemorandum ${tag}`;
	const answerText = `De Vlaamse Regering neemt het memorandum mee in haar mobiliteitsplan (${tag}).`;
	const page = await as(browser, 'secretary', baseURL!, js);

	// A held Taskforce meeting with an adopted decision on a public item.
	const meetingPath = await createMeeting(page, TASKFORCE, `Dossiervergadering ${tag}`, js);
	await go(page, `${meetingPath}/agenda`, js);
	await addAgendaItem(page, { title: itemTitle, public: true, kind: 'Ter beslissing' }, js);
	await holdMeeting(page, meetingPath, 3, js);
	await go(page, `${meetingPath}/besluiten`, js);
	const create = form(page, 'create');
	const item = create.getByLabel('Agendapunt').locator('option', { hasText: itemTitle });
	await create.getByLabel('Agendapunt').selectOption((await item.getAttribute('value'))!);
	await create.getByLabel('Titel').fill(decisionTitle);
	await create
		.getByLabel('Tekst van het besluit')
		.fill('De Taskforce vraagt de Vlaamse Regering de spitsregio voorrang te geven.');
	await create.getByLabel('Uitkomst').selectOption('adopted');
	await submit(page, 'Besluit noteren', js);
	await expect(page.getByText(decisionTitle).first()).toBeVisible();

	// From the meeting page: a dossier made from the decision, filled from it.
	await go(page, meetingPath, js);
	await page
		.getByRole('listitem')
		.filter({ hasText: decisionTitle })
		.getByRole('link', { name: /Dossier maken van dit besluit/ })
		.click();
	await arrived(page, js);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw dossier');
	await expect(page.getByRole('note')).toContainText(decisionTitle);
	const fields = form(page, 'create');
	await expect(fields.getByLabel('Titel')).toHaveValue(decisionTitle);
	await expect(fields.getByLabel('Standpunt (Markdown)')).toHaveValue(/spitsregio voorrang/);
	await expect(fields.getByLabel('Orgaan wiens standpunt dit is')).toHaveValue(/.+/);
	await fields.getByLabel('Titel').fill(dossierTitle);
	await fields.getByLabel(/^Openbaar/).check();
	await submit(page, 'Dossier aanmaken', js);
	await expect(page).toHaveURL(/\/beheer\/dossiers\/mobiliteitsmemorandum-[^/?]+/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(dossierTitle);
	await expect(page.locator('.stage')).toContainText('aangenomen');
	await expectNoAxeViolations(page);
	const dossierPath = new URL(page.url()).pathname;
	const slug = dossierPath.split('/').pop()!;

	// Sent to the Vlaamse Regering two days ago.
	const sentOn = brusselsDay(-2);
	const add = form(page, 'addAddressee');
	await add.getByLabel('Organisatie').selectOption({ label: 'Vlaamse Regering (regering)' });
	await add.getByLabel('Verstuurd op (niet verplicht)').fill(sentOn);
	await submit(page, 'Geadresseerde toevoegen', js);
	await expect(page.getByRole('status')).toHaveText('De geadresseerde is toegevoegd.');
	const regering = addressee(page, 'Vlaamse Regering');
	await expect(regering).toContainText(`Verstuurd op ${belgian(sentOn)}.`);
	await expect(page.locator('.stage')).toContainText('verstuurd');

	// An answer dated before the sending: refused, nothing saved.
	await regering.getByLabel('Datum van het antwoord').fill(brusselsDay(-3));
	await regering.getByLabel('Antwoord (Markdown, niet verplicht)').fill(answerText);
	await submit(page, 'Antwoord bewaren', js, regering);
	await expect(page.getByRole('alert')).toContainText(
		`Het antwoord kan niet vroeger gedateerd zijn dan de verzending (${belgian(sentOn)}).`
	);
	await expect(regering.getByLabel('Antwoord (Markdown, niet verplicht)')).toHaveValue(answerText);
	await expectNoAxeViolations(page);
	await go(page, dossierPath, js);
	await expect(addressee(page, 'Vlaamse Regering')).not.toContainText('Antwoord op');
	await expect(page.locator('.stage')).toContainText('verstuurd');

	// A closed document on the public dossier: refused, nothing attached; a public one goes in.
	const upload = form(page, 'addDocument');
	await upload.getByLabel('Titel (niet verplicht)').fill('Memorandum (besloten versie)');
	await upload.getByLabel(/^Bestand/).setInputFiles({
		name: 'memorandum.pdf',
		mimeType: 'application/pdf',
		buffer: pdf('besloten')
	});
	await upload.getByLabel('Openbaar document').uncheck();
	await submit(page, 'Document toevoegen', js);
	await expect(page.getByRole('alert')).toContainText(
		'Een besloten document kan niet bij een openbaar dossier'
	);
	await go(page, dossierPath, js);
	await expect(page.getByText('Nog geen documenten.')).toBeVisible();
	await form(page, 'addDocument').getByLabel('Titel (niet verplicht)').fill('Memorandum');
	await form(page, 'addDocument')
		.getByLabel(/^Bestand/)
		.setInputFiles({ name: 'memorandum.pdf', mimeType: 'application/pdf', buffer: pdf('open') });
	await expect(form(page, 'addDocument').getByLabel('Openbaar document')).toBeChecked();
	await submit(page, 'Document toevoegen', js);
	await expect(page.getByRole('status')).toHaveText('Het document is toegevoegd.');
	const download = page.getByRole('link', { name: 'Memorandum', exact: true });
	const file = await page.request.get((await download.getAttribute('href'))!);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('application/pdf');

	// The answer, yesterday: the dossier is answered.
	await go(page, dossierPath, js);
	const answered = addressee(page, 'Vlaamse Regering');
	await answered.getByLabel('Datum van het antwoord').fill(brusselsDay(-1));
	await answered.getByLabel('Antwoord (Markdown, niet verplicht)').fill(answerText);
	await submit(page, 'Antwoord bewaren', js, answered);
	await expect(page.getByRole('status')).toHaveText('Het antwoord is bewaard.');
	await expect(answered).toContainText(`Antwoord op ${belgian(brusselsDay(-1))}.`);
	await expect(answered.locator('.answer')).toContainText(answerText);
	await expect(page.locator('.stage')).toContainText('beantwoord');
	await expect(page.locator('.timeline')).toContainText('Antwoord van Vlaamse Regering');
	await expectNoAxeViolations(page);

	// A second dossier, no decision: marking it sent is refused, nothing saved.
	await go(page, '/beheer/dossiers/nieuw', js);
	const second = form(page, 'create');
	await second
		.getByLabel('Orgaan wiens standpunt dit is')
		.selectOption({ label: 'Taskforce Spitsregio Leuven' });
	await second.getByLabel('Titel').fill(`Ontwerpstandpunt ${tag}`);
	await submit(page, 'Dossier aanmaken', js);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ontwerpstandpunt ${tag}`);
	await expect(page.locator('.stage')).toContainText('ontwerp');
	await expectNoAxeViolations(page);
	const draftPath = new URL(page.url()).pathname;
	await form(page, 'addAddressee')
		.getByLabel('Organisatie')
		.selectOption({ label: 'Vlaamse Regering (regering)' });
	await submit(page, 'Geadresseerde toevoegen', js);
	await expect(page.getByRole('status')).toHaveText('De geadresseerde is toegevoegd.');
	const draft = addressee(page, 'Vlaamse Regering');
	await draft.getByLabel('Verstuurd op').fill(brusselsDay(-1));
	await submit(page, 'Verzending vastleggen', js, draft);
	await expect(page.getByRole('alert')).toContainText(
		'Nog geen besluit nam dit standpunt aan: koppel eerst het besluit dat het aannam'
	);
	await expectNoAxeViolations(page);
	await go(page, draftPath, js);
	await expect(addressee(page, 'Vlaamse Regering')).toContainText('Nog niet verstuurd.');
	await expect(page.locator('.stage')).toContainText('ontwerp');

	// The workspace register: the Taskforce's dossiers, the answered one among them.
	await go(page, `/beheer/dossiers?orgaan=${TASKFORCE}&status=beantwoord`, js);
	const row = page.getByRole('row', { name: new RegExp(dossierTitle) });
	await expect(row).toContainText('beantwoord');
	await expect(row).toContainText('Vlaamse Regering');
	await expect(page.getByRole('row', { name: new RegExp(`Ontwerpstandpunt ${tag}`) })).toHaveCount(
		0
	);
	await page.context().close();

	// The public register and the dossier's public page.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, '/dossiers', js);
	// A row or an item of the register (whichever the public page uses) holds the dossier's link.
	const publicRow = anonymous
		.locator('tr, li')
		.filter({ has: anonymous.getByRole('link', { name: dossierTitle }) })
		.last();
	await expect(publicRow).toContainText('beantwoord');
	await expect(anonymous.getByText(`Ontwerpstandpunt ${tag}`)).toHaveCount(0);
	await go(anonymous, `/dossiers/${slug}`, js);
	await expect(anonymous.getByRole('heading', { level: 1 })).toContainText(dossierTitle);
	await expect(anonymous.getByText('beantwoord').first()).toBeVisible();
	await expect(anonymous.getByText(answerText).first()).toBeVisible();
	await anonymous.context().close();
});
