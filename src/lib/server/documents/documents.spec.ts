import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { images } from '../../../../tests/helpers/images';
import { parseConfig } from '../config';
import { countQueries } from '../db';
import { agendaItems, auditEvents, documents, documentVersions, files } from '../db/schema';
import { filesDir } from '../files/storage';
import { anonymous, type Principal } from '../policy';
import { documentFile, listDocuments, publicDocuments } from './documents.queries';
import { DocumentRefused, uploadDocument } from './documents.service';
import { rejection } from '../../../../tests/helpers/errors';

let dataDir: string;
// config() is read once per test file: small limits (1 MB per file, 2 MB per body) so the
// limits can be passed without allocating much.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-documents-'));
	process.env.DATA_DIR = dataDir;
	process.env.DOCUMENT_MAX_MB = '1';
	process.env.BODY_DOCUMENT_QUOTA_MB = '2';
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const MB = 1024 * 1024;

const text = (s: string) => new TextEncoder().encode(s);
/** A tiny valid PDF; `n` makes its content (and hash) differ. */
const pdf = (n = 0) =>
	text(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${n}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

const hostile = {
	html: text('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
	htmlWithPdfLine: text('<html><script>alert(1)</script>%PDF-1.4</html>'),
	svg: images.svg,
	exe: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xff, 0xff, 0, 0]),
	text: images.text
};

function blobs(): string[] {
	const root = filesDir();
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes(`${path.sep}.tmp`))
		.map((e) => path.join(e.parentPath, e.name));
}
const tmpFiles = () => {
	const tmp = path.join(filesDir(), '.tmp');
	return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
};
async function stored() {
	const n = async (table: typeof files | typeof documents | typeof documentVersions) =>
		(await t.db.select({ n: count() }).from(table))[0].n;
	const [a] = await t.db.select({ n: count() }).from(auditEvents);
	return {
		files: await n(files),
		documents: await n(documents),
		versions: await n(documentVersions),
		audit: a.n,
		blobs: blobs().length,
		tmp: tmpFiles().length
	};
}

/** A body with a secretary, a member, and a published public meeting with open and closed items. */
async function setup() {
	const body = await buildBody(t.db);
	const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
	const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
	const other = await buildBody(t.db);
	const outsider = await buildMemberUser(t.db, { bodyId: other.id, role: 'secretary' });
	const { meeting, items } = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'agenda_published',
		publishedAt: new Date(),
		items: [
			{ title: 'Open punt', isPublic: true },
			{ title: 'Besloten punt', isPublic: false }
		]
	});
	const [open, closed] = items;
	const ctxOf = (p: Principal) => t.ctx({ principal: p });
	return { body, secretary, member, outsider, meeting, open, closed, ctxOf };
}

describe('uploadDocument', () => {
	it('accepts a PDF, a PNG and an XLSX, typed by their content, each a version 1', async () => {
		const s = await setup();
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Blad1').addRow(['budget', 1200]);
		const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
		const cases = [
			['Nota.pdf', pdf(1), 'application/pdf'],
			['kaart.bin', images.png, 'image/png'],
			['begroting.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']
		] as const;
		for (const [name, bytes, mime] of cases) {
			const before = await stored();
			const result = await uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: `Document ${name}`, agendaItemId: s.open.id, note: 'eerste versie' },
				{ name, data: Readable.from([bytes]) }
			);
			expect(result.version).toBe(1);
			const [file] = await t.db.select().from(files).where(eq(files.id, result.fileId));
			expect(file).toMatchObject({ mimeType: mime, originalName: name, purpose: 'document' });
			const after = await stored();
			expect(after.files).toBe(before.files + 1);
			expect(after.documents).toBe(before.documents + 1);
			expect(after.versions).toBe(before.versions + 1);
			expect(after.audit).toBe(before.audit + 2); // file.upload + document.create
			expect(after.tmp).toBe(0);
		}
		const list = await listDocuments(t.db, s.meeting.id);
		expect(list.map((d) => d.versions[0].mimeType)).toEqual(cases.map((c) => c[2]));
		expect(list[0].versions[0]).toMatchObject({
			note: 'eerste versie',
			uploadedBy: s.secretary.user.name,
			typeLabel: 'PDF'
		});
	});

	it.each([
		['HTML named .pdf', 'agenda.pdf', hostile.html],
		['HTML with a PDF line inside', 'nota.pdf', hostile.htmlWithPdfLine],
		['SVG with a script', 'plan.svg', hostile.svg],
		['SVG renamed .png', 'plan.png', hostile.svg],
		['an executable named .docx', 'verslag.docx', hostile.exe],
		['plain text named .pdf', 'tekst.pdf', hostile.text]
	])('refuses %s by its content, and stores nothing', async (_, name, bytes) => {
		const s = await setup();
		const before = await stored();
		const e = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: 'Vals' },
				{ name, data: bytes }
			)
		);
		expect(e).toBeInstanceOf(DocumentRefused);
		expect((e as DocumentRefused).reason).toBe('type');
		expect(e.status).toBe(400);
		expect(e.message).toBe(
			'Dit bestand is geen PDF, Word-, Excel-, OpenDocument- of afbeeldingsbestand (herkend aan de inhoud, niet aan de naam).'
		);
		expect(await stored()).toEqual(before);
	});

	it('stops reading an endless upload at the per-file limit, and stores nothing', async () => {
		const s = await setup();
		const before = await stored();
		let produced = 0;
		// Stands for a 2 GB upload: zeros after a PDF header, for as long as anyone reads.
		const endless = new Readable({
			read() {
				const chunk = produced === 0 ? Buffer.concat([pdf(), Buffer.alloc(64 * 1024)]) : null;
				const data = chunk ?? Buffer.alloc(64 * 1024);
				produced += data.length;
				this.push(data);
			}
		});
		const e = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: 'Te groot' },
				{ name: 'groot.pdf', data: endless }
			)
		);
		expect((e as DocumentRefused).reason).toBe('te-groot');
		expect(e.message).toBe('Het bestand is groter dan 1 MB.');
		expect(produced).toBeLessThan(2 * MB);
		expect(await stored()).toEqual(before);
	});

	it('refuses an empty file and a missing title, reading nothing for the title', async () => {
		const s = await setup();
		const before = await stored();
		const empty = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: 'Leeg' },
				{ name: 'leeg.pdf', data: new Uint8Array() }
			)
		);
		expect(empty.message).toBe('Het bestand is leeg.');
		let read = false;
		const watched = new Readable({
			read() {
				read = true;
				this.push(null);
			}
		});
		const untitled = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: '  ' },
				{ name: 'x.pdf', data: watched }
			)
		);
		expect(untitled.fields?.title).toEqual(['Geef de titel van het document.']);
		expect(read).toBe(false);
		const elsewhere = await buildMeeting(t.db, { bodyId: s.body.id, items: [{}] });
		const wrongItem = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: 'x', agendaItemId: elsewhere.items[0].id },
				{ name: 'x.pdf', data: pdf() }
			)
		);
		expect(wrongItem.fields?.agendaItemId).toEqual(['Kies een agendapunt van deze vergadering.']);
		expect(await stored()).toEqual(before);
	});

	it('lets only the managers of the body upload', async () => {
		const s = await setup();
		const before = await stored();
		for (const p of [s.member.principal, s.outsider.principal, anonymous]) {
			const e = await rejection(
				uploadDocument(s.ctxOf(p), s.meeting.id, { title: 'x' }, { name: 'x.pdf', data: pdf() })
			);
			expect(['forbidden', 'unauthenticated']).toContain(e.code);
		}
		const missing = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				'00000000-0000-4000-8000-000000000000',
				{ title: 'x' },
				{ name: 'x.pdf', data: pdf() }
			)
		);
		expect(missing.code).toBe('not_found');
		expect(await stored()).toEqual(before);
	});

	it('keeps versions: a new upload is version N+1, older ones stay downloadable', async () => {
		const s = await setup();
		const ctx = s.ctxOf(s.secretary.principal);
		const first = await uploadDocument(
			ctx,
			s.meeting.id,
			{ title: 'Nota mobiliteit', agendaItemId: s.open.id },
			{ name: 'nota-v1.pdf', data: pdf(10) }
		);
		const second = await uploadDocument(
			ctx,
			s.meeting.id,
			{ documentId: first.documentId, note: 'cijfers bijgewerkt' },
			{ name: 'nota-v2.pdf', data: pdf(11) }
		);
		const third = await uploadDocument(
			ctx,
			s.meeting.id,
			{ documentId: first.documentId, title: 'Nota mobiliteit (herzien)' },
			{ name: 'nota-v3.pdf', data: pdf(12) }
		);
		expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
		const [doc] = (await listDocuments(t.db, s.meeting.id)).filter(
			(d) => d.id === first.documentId
		);
		expect(doc.title).toBe('Nota mobiliteit (herzien)');
		expect(doc.versions.map((v) => [v.version, v.originalName])).toEqual([
			[3, 'nota-v3.pdf'],
			[2, 'nota-v2.pdf'],
			[1, 'nota-v1.pdf']
		]);
		expect((await documentFile(t.db, anonymous, first.documentId))?.fileId).toBe(third.fileId);
		expect((await documentFile(t.db, anonymous, first.documentId, 1))?.fileId).toBe(first.fileId);
		expect(await documentFile(t.db, anonymous, first.documentId, 9)).toBeNull();

		// A document of another meeting cannot get a version here.
		const other = await buildMeeting(t.db, { bodyId: s.body.id });
		const e = await rejection(
			uploadDocument(
				ctx,
				other.meeting.id,
				{ documentId: first.documentId },
				{ name: 'x.pdf', data: pdf(13) }
			)
		);
		expect(e.fields?.documentId).toBeDefined();
	});
});

describe('the body quota', () => {
	/** Pretend the body already stores `bytes` of documents (a row without a blob). */
	async function fill(meetingId: string, bytes: number) {
		const [file] = await t.db
			.insert(files)
			.values({
				sha256: 'f'.repeat(64),
				size: bytes,
				mimeType: 'application/pdf',
				originalName: 'archief.pdf',
				purpose: 'document'
			})
			.returning();
		const [doc] = await t.db.insert(documents).values({ meetingId, title: 'Archief' }).returning();
		await t.db.insert(documentVersions).values({ documentId: doc.id, version: 1, fileId: file.id });
	}

	it('refuses an upload that would pass the quota, and stores nothing', async () => {
		const s = await setup();
		await fill(s.meeting.id, 2 * MB - 10);
		const before = await stored();
		const e = await rejection(
			uploadDocument(
				s.ctxOf(s.secretary.principal),
				s.meeting.id,
				{ title: 'Eén te veel' },
				{ name: 'x.pdf', data: pdf() }
			)
		);
		expect((e as DocumentRefused).reason).toBe('quotum');
		expect(e.message).toMatch(/^Het orgaan heeft zijn opslagruimte van 2 MB bereikt/);
		expect(await stored()).toEqual(before);

		// The quota is per body: another body still has room.
		const other = await setup();
		await expect(
			uploadDocument(
				other.ctxOf(other.secretary.principal),
				other.meeting.id,
				{ title: 'Past wel' },
				{ name: 'x.pdf', data: pdf() }
			)
		).resolves.toMatchObject({ version: 1 });
	});

	it('lets parallel uploads fill the quota exactly, never beyond it', async () => {
		const s = await setup();
		const size = pdf(100).length;
		await fill(s.meeting.id, 2 * MB - 4 * size - 1);
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) =>
				uploadDocument(
					s.ctxOf(s.secretary.principal),
					s.meeting.id,
					{ title: `Parallel ${i}` },
					{ name: `p${i}.pdf`, data: pdf(100 + i) }
				)
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
		for (const r of results.filter((r) => r.status === 'rejected')) {
			expect((r as PromiseRejectedResult).reason).toBeInstanceOf(DocumentRefused);
		}
		expect(tmpFiles()).toEqual([]);
	});
});

describe('who sees a document', () => {
	it('public meeting and item: anyone; closed item, closed meeting or draft: members only', async () => {
		const s = await setup();
		const ctx = s.ctxOf(s.secretary.principal);
		const up = (meetingId: string, title: string, agendaItemId?: string) =>
			uploadDocument(
				ctx,
				meetingId,
				{ title, agendaItemId },
				{ name: `${title}.pdf`, data: pdf(title.length) }
			);
		const onOpen = await up(s.meeting.id, 'Bij open punt', s.open.id);
		const onClosed = await up(s.meeting.id, 'Bij besloten punt', s.closed.id);
		const onMeeting = await up(s.meeting.id, 'Bij de vergadering');
		const closedMeeting = await buildMeeting(t.db, {
			bodyId: s.body.id,
			isPublic: false,
			status: 'agenda_published',
			publishedAt: new Date(),
			items: [{ isPublic: true }]
		});
		const inClosedMeeting = await up(
			closedMeeting.meeting.id,
			'In besloten vergadering',
			closedMeeting.items[0].id
		);
		const draft = await buildMeeting(t.db, { bodyId: s.body.id, status: 'draft' });
		const inDraft = await up(draft.meeting.id, 'In ontwerp');

		const sees = async (p: Principal, id: string) => (await documentFile(t.db, p, id)) !== null;
		const cases: [string, string, boolean][] = [
			['open item', onOpen.documentId, true],
			['meeting', onMeeting.documentId, true],
			['closed item', onClosed.documentId, false],
			['closed meeting', inClosedMeeting.documentId, false],
			['draft', inDraft.documentId, false]
		];
		for (const [label, id, isPublic] of cases) {
			expect(await sees(anonymous, id), `anonymous, ${label}`).toBe(isPublic);
			expect(await sees(s.outsider.principal, id), `other body, ${label}`).toBe(isPublic);
			expect(await sees(s.member.principal, id), `member, ${label}`).toBe(true);
		}
		expect((await documentFile(t.db, anonymous, onOpen.documentId))?.isPublic).toBe(true);
		expect((await documentFile(t.db, s.member.principal, onClosed.documentId))?.isPublic).toBe(
			false
		);
		expect((await publicDocuments(t.db, s.meeting.id)).map((d) => d.title)).toEqual([
			'Bij open punt',
			'Bij de vergadering'
		]);
		expect(await documentFile(t.db, s.member.principal, 'geen-uuid')).toBeNull();
	});

	it('a public sub-item under a closed parent is closed', async () => {
		const s = await setup();
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: s.body.id,
			status: 'held',
			publishedAt: new Date(),
			items: [{ title: 'Besloten hoofdpunt', isPublic: false }]
		});
		const [child] = await t.db
			.insert(agendaItems)
			.values({
				meetingId: meeting.id,
				parentId: items[0].id,
				title: 'Open subpunt',
				position: 0,
				isPublic: true
			})
			.returning();
		const up = await uploadDocument(
			s.ctxOf(s.secretary.principal),
			meeting.id,
			{ title: 'Bijlage subpunt', agendaItemId: child.id },
			{ name: 'b.pdf', data: pdf(77) }
		);
		expect(await documentFile(t.db, anonymous, up.documentId)).toBeNull();
		expect(await documentFile(t.db, s.member.principal, up.documentId)).not.toBeNull();
	});
});

describe('listDocuments', () => {
	it('makes the same number of queries for one document or many, with their versions', async () => {
		const s = await setup();
		const ctx = s.ctxOf(s.secretary.principal);
		const first = await uploadDocument(
			ctx,
			s.meeting.id,
			{ title: 'Eerste' },
			{ name: 'a.pdf', data: pdf(500) }
		);
		const one = await countQueries(() => listDocuments(t.db, s.meeting.id));
		for (let i = 0; i < 4; i++) {
			await uploadDocument(
				ctx,
				s.meeting.id,
				{ title: `Nog ${i}`, agendaItemId: i % 2 ? s.closed.id : s.open.id },
				{ name: `b${i}.pdf`, data: pdf(600 + i) }
			);
			await uploadDocument(
				ctx,
				s.meeting.id,
				{ documentId: first.documentId },
				{ name: `v${i}.pdf`, data: pdf(700 + i) }
			);
		}
		const many = await countQueries(() => listDocuments(t.db, s.meeting.id));
		expect(many.result).toHaveLength(5);
		expect(many.queries).toBe(one.queries);
		expect(many.queries).toBeLessThanOrEqual(4);
		expect(one.queries).toBeGreaterThan(0);
	});
});

describe('configuration', () => {
	it('defaults to 25 MB a file and 500 MB a body', () => {
		const c = parseConfig({});
		expect([c.DOCUMENT_MAX_MB, c.BODY_DOCUMENT_QUOTA_MB]).toEqual([25, 500]);
		expect(() => parseConfig({ DOCUMENT_MAX_MB: '0' })).toThrow(/DOCUMENT_MAX_MB/);
	});
});
