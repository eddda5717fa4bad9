/**
 * Meeting documents with JavaScript on (project `js`: the form posts with fetch and shows
 * refusals in place) and off (`nojs`: a plain multipart form, 303 back with ?opgeladen or
 * ?fout=…). The secretary makes a public meeting with a public and a closed item, publishes it,
 * uploads a document to each, and a new version; an HTML file named .pdf is refused by its
 * content. A member downloads the closed document (attachment, nosniff); the public gets 404 for
 * it and downloads the public one, listed on the public meeting page. axe on every page.
 */
import http from 'node:http';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { scenario } from './support/scenario';
import { addAgendaItem, as, brusselsDay, go, submit } from './support/browse';

const TASKFORCE = 'taskforce-spitsregio-leuven';
const pdf = (label: string) =>
	Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${label}\ntrailer<<>>\n%%EOF\n`);

/** A public meeting of the Taskforce with a public and a closed item, published. */
async function publishedMeeting(page: Page, title: string, js: boolean) {
	await go(page, `/beheer/organen/${TASKFORCE}/vergaderingen`, js);
	await page.getByLabel('Titel (niet verplicht)').fill(title);
	await page.getByLabel('Datum').fill(brusselsDay(21));
	await page.getByLabel('Begin (UU:MM)').fill('14:00');
	await page.getByLabel('Einde (UU:MM)').fill('16:30');
	await page.getByLabel(/^Openbare vergadering/).check();
	await submit(page, 'Vergadering aanmaken', js);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	const meetingPath = new URL(page.url()).pathname;
	await go(page, `${meetingPath}/agenda`, js);
	for (const item of [
		{ title: 'Nota fietsroutes', public: true },
		{ title: 'Besloten: personeelsdossier', public: false }
	]) {
		await addAgendaItem(page, { ...item, minutes: 15 }, js);
	}
	await go(page, meetingPath, js);
	await submit(page, 'Agenda publiceren en uitnodigingen versturen', js);
	await expect(page.getByRole('status')).toContainText('gepubliceerd');
	return meetingPath;
}

/** Fill the upload form and send it. */
async function upload(
	page: Page,
	js: boolean,
	values: { title: string; item?: RegExp; file: { name: string; mimeType: string; buffer: Buffer } }
) {
	const form = page.locator('#document-opladen');
	await form.getByLabel('Titel').fill(values.title);
	if (values.item) {
		const option = await form
			.getByLabel('Agendapunt')
			.locator('option', { hasText: values.item })
			.textContent();
		await form.getByLabel('Agendapunt').selectOption({ label: option!.trim() });
	}
	await form.getByLabel('Bestand').setInputFiles(values.file);
	await form.getByRole('button', { name: 'Opladen' }).click();
	await page.waitForLoadState(js ? 'networkidle' : 'load');
}

test('documents of a meeting: upload, versions, refusals, member and public downloads', async ({
	browser,
	baseURL
}, info) => {
	test.setTimeout(120_000);
	const js = info.project.use.javaScriptEnabled !== false;
	const title = `Documentenvergadering ${info.project.name} ${Date.now()}`;
	const secretary = await as(browser, 'secretary', baseURL!, js);
	const meetingPath = await publishedMeeting(secretary, title, js);
	const meetingId = meetingPath.split('/').pop()!;

	// From the meeting to its documents.
	await secretary.getByRole('link', { name: 'Documenten', exact: true }).click();
	await secretary.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(secretary.getByRole('heading', { level: 1 })).toContainText('Documenten');
	await expectNoAxeViolations(secretary);

	await upload(secretary, js, {
		title: 'Kaart fietsroutes',
		item: /Nota fietsroutes/,
		file: { name: 'kaart-fietsroutes.pdf', mimeType: 'application/pdf', buffer: pdf('open') }
	});
	await expect(secretary.getByRole('status')).toContainText('Het document is opgeladen.');
	const book = new ExcelJS.Workbook();
	book.addWorksheet('Personeel').addRow(['besloten', 'closed-sheet']);
	await upload(secretary, js, {
		title: 'Personeelsnota',
		item: /personeelsdossier/,
		file: {
			name: 'personeel.xlsx',
			mimeType: 'text/html',
			buffer: Buffer.from(await book.xlsx.writeBuffer())
		}
	});
	await expect(secretary.getByRole('link', { name: 'personeel.xlsx' })).toBeVisible();
	await expectNoAxeViolations(secretary);

	// HTML dressed as a PDF: refused by its content, with the Dutch message, nothing listed.
	await upload(secretary, js, {
		title: 'Vals document',
		file: {
			name: 'x.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<html><body><script>alert(1)</script></body></html>')
		}
	});
	await expect(secretary.getByRole('alert')).toContainText(
		'Dit bestand is geen PDF, Word-, Excel-, OpenDocument- of afbeeldingsbestand (herkend aan de inhoud, niet aan de naam).'
	);
	await expect(secretary.getByText('Vals document')).toHaveCount(0);
	// With JavaScript the refusal is shown in place: what was filled in stays.
	if (js) await expect(secretary.locator('#veld-title')).toHaveValue('Vals document');
	await expectNoAxeViolations(secretary);

	// A new version of the public document; the first stays downloadable.
	const versionForm = secretary.getByRole('form', { name: 'Nieuwe versie van Kaart fietsroutes' });
	await secretary.getByText('Nieuwe versie van „Kaart fietsroutes”').click();
	await versionForm.getByLabel('Notitie (niet verplicht)').fill('Met de nieuwe lus');
	await versionForm.getByLabel('Bestand').setInputFiles({
		name: 'kaart-fietsroutes-v2.pdf',
		mimeType: 'application/pdf',
		buffer: pdf('open v2')
	});
	await versionForm.getByRole('button', { name: 'Nieuwe versie opladen' }).click();
	await secretary.waitForLoadState(js ? 'networkidle' : 'load');
	await expect(secretary.getByRole('link', { name: 'kaart-fietsroutes-v2.pdf' })).toBeVisible();
	await expect(secretary.getByText('Met de nieuwe lus')).toBeVisible();
	await expectNoAxeViolations(secretary);
	await secretary.setViewportSize({ width: 320, height: 800 });
	expect(
		await secretary.evaluate(
			() => document.documentElement.scrollWidth <= document.documentElement.clientWidth
		)
	).toBe(true);

	const href = async (name: string) =>
		(await secretary.getByRole('link', { name }).getAttribute('href'))!;
	const openDoc = await href('kaart-fietsroutes-v2.pdf');
	const openV1 = await href('kaart-fietsroutes.pdf');
	const closedDoc = await href('personeel.xlsx');
	expect(openV1).toMatch(/\?versie=1$/);
	await secretary.context().close();

	// A member downloads the closed document: an attachment, typed by its content (the browser
	// claimed text/html), never sniffed.
	const member = await as(browser, 'member', baseURL!, js);
	await go(member, `${meetingPath}/documenten`, js);
	await expect(member.locator('#document-opladen')).toHaveCount(0);
	const got = await member.request.get(closedDoc);
	expect(got.status()).toBe(200);
	expect(got.headers()['content-type']).toBe(
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	);
	expect(got.headers()['x-content-type-options']).toBe('nosniff');
	expect(got.headers()['content-disposition']).toMatch(/^attachment; filename="personeel\.xlsx"/);
	expect(got.headers()['cache-control']).toBe('private, no-cache');
	const sheet = new ExcelJS.Workbook();
	await sheet.xlsx.load((await got.body()) as unknown as ArrayBuffer);
	expect(sheet.getWorksheet('Personeel')!.getCell('B1').value).toBe('closed-sheet');
	await member.context().close();

	// The public: the public document on the meeting page and as a download; 404 for the other.
	const anonymous = await as(browser, null, baseURL!, js);
	await go(anonymous, `/vergaderingen/${meetingId}`, js);
	await expect(anonymous.getByRole('link', { name: 'Kaart fietsroutes' })).toBeVisible();
	await expect(anonymous.getByText('Personeelsnota')).toHaveCount(0);
	const publicGet = await anonymous.request.get(openDoc);
	expect(publicGet.status()).toBe(200);
	expect(publicGet.headers()['cache-control']).toBe('public, no-cache');
	expect(publicGet.headers()['content-disposition']).toMatch(
		/^inline; filename="kaart-fietsroutes-v2\.pdf"/
	);
	expect((await publicGet.body()).toString()).toContain('% open v2');
	expect((await (await anonymous.request.get(openV1)).body()).toString()).toContain('% open\n');
	const hidden = await anonymous.request.get(closedDoc);
	expect(hidden.status()).toBe(404);
	expect(await hidden.text()).not.toContain('Personeel');
	// A member of another body is the public here.
	const other = await as(browser, 'otherMember', baseURL!, js);
	expect((await other.request.get(closedDoc)).status()).toBe(404);
	await other.context().close();
	await anonymous.context().close();
});

test('the upload endpoint refuses cleanly: empty posts, JSON clients, an announced 2 GB body', async ({
	request,
	baseURL
}, info) => {
	test.skip(info.project.name !== 'js', 'requests only: once is enough');
	const endpoint = `/beheer/vergaderingen/00000000-0000-4000-8000-000000000000/documenten/opladen`;
	const cookie = `sp_session=${scenario().secretary.sessionToken}`;
	const origin = new URL(baseURL!).origin;
	// Unknown meeting: 404 as JSON.
	const unknown = await request.post(endpoint, {
		headers: { cookie, origin, accept: 'application/json' },
		multipart: {
			title: 'x',
			file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf('x') }
		}
	});
	expect(unknown.status()).toBe(404);
	expect((await unknown.json()).error.code).toBe('not_found');

	// A real meeting of the Taskforce (from the workspace list) for the other refusals.
	const list = await (
		await request.get(`/beheer/organen/${TASKFORCE}/vergaderingen`, { headers: { cookie } })
	).text();
	const id = /\/beheer\/vergaderingen\/([0-9a-f-]{36})/.exec(list)![1];
	const url = `/beheer/vergaderingen/${id}/documenten/opladen`;

	const empty = await request.post(url, {
		headers: { cookie, origin, accept: 'application/json' },
		multipart: {}
	});
	expect(empty.status()).toBe(400);
	expect(await empty.json()).toMatchObject({ error: { code: 'geen-bestand' } });

	const emptyForm = await request.post(url, {
		headers: { cookie, origin, accept: 'text/html' },
		form: {},
		maxRedirects: 0
	});
	expect(emptyForm.status()).toBe(303);
	expect(emptyForm.headers()['location']).toMatch(/documenten\?fout=formulier$/);

	const svg = await request.post(url, {
		headers: { cookie, origin, accept: 'application/json' },
		multipart: {
			title: 'Plan',
			file: {
				name: 'plan.png',
				mimeType: 'image/png',
				buffer: Buffer.from(
					'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
				)
			}
		}
	});
	expect(svg.status()).toBe(400);
	expect((await svg.json()).error.code).toBe('type');

	// A member who is no manager: 403, nothing stored.
	const asMember = await request.post(url, {
		headers: {
			cookie: `sp_session=${scenario().member.sessionToken}`,
			origin,
			accept: 'application/json'
		},
		multipart: {
			title: 'x',
			file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf('m') }
		}
	});
	expect(asMember.status()).toBe(403);

	// From another origin: SvelteKit's CSRF check refuses multipart posts to endpoints too (not
	// in the dev server, which skips it).
	if (!(await request.get('/@vite/client')).ok()) {
		const forged = await request.post(url, {
			headers: { cookie, origin: 'https://kwaadwillig.example', accept: 'text/html' },
			multipart: {
				title: 'x',
				file: { name: 'x.pdf', mimeType: 'application/pdf', buffer: pdf('f') }
			},
			maxRedirects: 0
		});
		expect(forged.status()).toBe(403);
		expect(await forged.text()).toContain('Cross-site');
	}

	// 2 GB announced: 413 before a byte of the body is read.
	const status = await new Promise<number>((resolve, reject) => {
		const target = new URL(url, baseURL);
		const req = http.request(target, {
			method: 'POST',
			headers: {
				cookie,
				origin,
				accept: 'application/json',
				'content-type': 'multipart/form-data; boundary=x',
				'content-length': String(2 * 1024 ** 3)
			}
		});
		req.on('response', (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
			req.destroy();
		});
		req.on('error', reject);
		req.write('--x\r\n');
	});
	expect(status).toBe(413);
});
