/**
 * The whole flow, with JavaScript on (project `js`) and off (`nojs`): the Taskforce's
 * secretary drafts a meeting from the standing items, adds a public and a closed item and
 * publishes it — the invitation with its .ics arrives at the test SMTP server —, the member
 * replies excused with a substitute; the meeting moves to yesterday (an update with SEQUENCE 1
 * arrives), is marked held; the secretary records attendance (prefilled from the reply) and a
 * decision. The public sees the public parts only: the meeting page, the body page and its iCal
 * feed. axe finds nothing on every page reached.
 */
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { expectNoAxeViolations } from './support/axe';
import { addressedTo, waitForMail } from './support/mailbox';
import { scenario } from './support/scenario';
import { addAgendaItem, as, brusselsDay, go, submit } from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';

/** The one VEVENT of a mail's .ics attachment, with the calendar's METHOD. */
function icsOf(mail: ParsedMail) {
	const attachment = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
	expect(attachment, `an .ics attached to "${mail.subject}"`).toBeTruthy();
	const calendar = new ICAL.Component(ICAL.parse(attachment!.content.toString('utf8')));
	const event = calendar.getFirstSubcomponent('vevent')!;
	return {
		method: calendar.getFirstPropertyValue('method'),
		uid: event.getFirstPropertyValue('uid'),
		sequence: Number(event.getFirstPropertyValue('sequence')),
		start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate()
	};
}

test('a meeting from template to decision, and what the public sees', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(120_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const title = `Flowvergadering ${info.project.name} ${Date.now()}`;
	const member = scenario().member.email;
	const secretary = await as(browser, 'secretary', baseURL!, js);

	// Draft from the template.
	await go(secretary, `/beheer/organen/${TASKFORCE}/vergaderingen`, js);
	await secretary.getByLabel('Titel (niet verplicht)').fill(title);
	await secretary.getByLabel('Datum').fill(brusselsDay(14));
	await secretary.getByLabel('Begin (UU:MM)').fill('14:00');
	await secretary.getByLabel('Einde (UU:MM)').fill('16:30');
	await secretary.getByLabel('Plaats (niet verplicht)').fill('Provinciehuis Leuven');
	await secretary.getByLabel(/^Openbare vergadering/).check();
	await submit(secretary, 'Vergadering aanmaken', js);
	await expect(secretary.getByRole('heading', { level: 1 })).toContainText(title);
	const meetingPath = new URL(secretary.url()).pathname;
	const meetingId = meetingPath.split('/').pop()!;
	await expect(secretary.getByText('Goedkeuring verslag vorige vergadering').first()).toBeVisible();
	await expectNoAxeViolations(secretary);

	// A public decision item and a closed one.
	await go(secretary, `${meetingPath}/agenda`, js);
	for (const item of [
		{ title: 'Mobiliteitsnota van de Taskforce', public: true },
		{ title: 'Besloten: detachering van het secretariaat', public: false }
	]) {
		await addAgendaItem(secretary, { ...item, kind: 'Ter beslissing', minutes: 20 }, js);
	}
	await expectNoAxeViolations(secretary);

	// Publish: the invitation with its .ics arrives at the test SMTP server.
	await go(secretary, meetingPath, js);
	await submit(secretary, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(secretary.getByRole('status')).toContainText('gepubliceerd');
	const invitation = await waitForMail(
		(m) => addressedTo(m, member) && (m.subject ?? '').includes(`Uitnodiging: ${title}`),
		`inviting ${member} to "${title}"`
	);
	const first = icsOf(invitation);
	expect(first.method).toBe('REQUEST');
	expect(first.sequence).toBe(0);
	expect(first.uid).toContain(meetingId);
	expect(invitation.text).toContain('Mobiliteitsnota van de Taskforce');

	// The member replies excused, with a substitute.
	const memberPage = await as(browser, 'member', baseURL!, js);
	await go(memberPage, meetingPath, js);
	await memberPage.getByLabel('Ik ben verontschuldigd').check();
	await memberPage
		.getByLabel('Vervanger (niet verplicht, bij verontschuldiging)')
		.fill('An Vervanger');
	await memberPage.getByLabel('Opmerking (niet verplicht)').fill('Op dienstreis.');
	await submit(memberPage, 'Antwoord versturen', js);
	await expect(memberPage.getByRole('status')).toBeVisible();
	await expectNoAxeViolations(memberPage);
	await memberPage.context().close();

	// The meeting took place yesterday after all: invitees get an update (same UID, SEQUENCE 1).
	await go(secretary, `${meetingPath}/bewerken`, js);
	await secretary.getByLabel('Datum').fill(brusselsDay(-1));
	await submit(secretary, 'Vergadering bewaren', js);
	const update = await waitForMail(
		(m) => addressedTo(m, member) && (m.subject ?? '').includes(`Gewijzigd: ${title}`),
		`updating "${title}" for ${member}`
	);
	const second = icsOf(update);
	expect(second.uid).toBe(first.uid);
	expect(second.sequence).toBe(1);
	expect(second.start.getTime()).toBe(first.start.getTime() - 15 * 86400_000);

	// Held: attendance (the member's row prefilled from the reply) and a decision.
	await go(secretary, meetingPath, js);
	await submit(secretary, 'Vergadering gehouden', js);
	await expect(secretary.getByText('Gehouden').first()).toBeVisible();
	await go(secretary, `${meetingPath}/aanwezigheid`, js);
	const memberRow = secretary.getByRole('row', { name: /member \(voorbeeld\)/ });
	await expect(memberRow).toContainText('An Vervanger');
	await expect(memberRow.getByRole('radio', { checked: true })).toHaveAccessibleName(/Vervang/);
	await secretary
		.getByRole('row', { name: /secretary \(voorbeeld\)/ })
		.getByRole('radio', { name: 'Aanwezig' })
		.check();
	await submit(secretary, 'Aanwezigheid bewaren', js);
	await expect(secretary.getByRole('status')).toBeVisible();
	await expectNoAxeViolations(secretary);

	await go(secretary, `${meetingPath}/besluiten`, js);
	const create = secretary.locator('form[action="?/create"]');
	await create
		.getByLabel('Agendapunt')
		.selectOption({ label: '3. Mobiliteitsnota van de Taskforce' });
	await create.getByLabel('Titel').fill(`Mobiliteitsnota goedgekeurd (${info.project.name})`);
	await create
		.getByLabel('Tekst van het besluit')
		.fill('De Taskforce keurt de mobiliteitsnota goed.');
	await create.getByLabel('Uitkomst').selectOption('adopted');
	await create.getByLabel('Voor', { exact: true }).fill('12');
	await create.getByLabel('Tegen', { exact: true }).fill('0');
	await create.getByLabel('Onthouding', { exact: true }).fill('1');
	await submit(secretary, 'Besluit noteren', js);
	await expect(secretary.getByText(/\d{4}\/\d{3}/).first()).toBeVisible();
	await expect(
		secretary.getByText(`Mobiliteitsnota goedgekeurd (${info.project.name})`).first()
	).toBeVisible();
	await expectNoAxeViolations(secretary);
	await secretary.context().close();

	// The public: public item and decision, never the closed item.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, `/vergaderingen/${meetingId}`, js);
	await expect(anonymous.getByRole('heading', { level: 1 })).toContainText(title);
	await expect(anonymous.getByText('Mobiliteitsnota van de Taskforce').first()).toBeVisible();
	await expect(
		anonymous.getByText(`Mobiliteitsnota goedgekeurd (${info.project.name})`).first()
	).toBeVisible();
	await expect(anonymous.getByText('detachering van het secretariaat')).toHaveCount(0);
	await go(anonymous, `/organen/${TASKFORCE}`, js);
	await expect(anonymous.getByRole('link', { name: new RegExp(title) })).toBeVisible();
	const feed = await anonymous.request.get(`/organen/${TASKFORCE}/vergaderingen.ics`);
	expect(feed.headers()['content-type']).toContain('text/calendar');
	const text = (await feed.text()).replace(/\r?\n[ \t]/g, '');
	expect(text).toContain(title);
	expect(text).not.toContain('detachering van het secretariaat');
	await anonymous.context().close();
});
