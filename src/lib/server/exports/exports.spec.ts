/**
 * Exports: the decisions register as CSV and XLSX parses back to the rows the service returns
 * (every row, not one page; formula-like cells guarded; closed decisions only for members), and
 * the agenda and minutes PDFs (A4, "pagina X van Y", public parts only for the public, minutes
 * public only once approved, the logo of the settings, Markdown printed as plain text).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { images } from '../../../../tests/helpers/images';
import { decisions, itemMinutes, meetings } from '../db/schema';
import { unguardFormula } from '../exchange/csv';
import { listDecisions } from '../meetings/decisions.service';
import { anonymous, type Principal } from '../policy';
import { seedExampleMeetings } from '../seed/examples';
import { seededId } from '../seed/ids';
import { bodyId } from '../seed/seed.service';
import { setSiteLogo } from '../settings/settings.service';
import {
	bodyDecisionRows,
	decisionColumns,
	decisionsCsv,
	decisionsXlsx,
	publicDecisionRows,
	type DecisionExportRow
} from './decisions-export';
import { publicMeetingDocument, workspaceMeetingDocument } from './meeting-document';
import { letterHead, printable, renderMeetingPdf } from './pdf';
import { GET as publicCsv } from '../../../routes/besluiten/export.csv/+server';
import { GET as publicAgendaPdf } from '../../../routes/vergaderingen/[id]/agenda.pdf/+server';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-exports-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const held = seededId('meeting', 'taskforce-gehouden');
const taskforce = bodyId('taskforce-spitsregio-leuven');

const win1252 = new TextDecoder('windows-1252');

/** The text of an uncompressed pdfkit PDF: the hex strings of its TJ operators, decoded. */
function pdfText(pdf: Buffer): string {
	const source = pdf.toString('latin1');
	const lines: string[] = [];
	for (const m of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
		const parts = [...m[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) =>
			win1252.decode(Buffer.from(h[1], 'hex'))
		);
		lines.push(parts.join(''));
	}
	return lines.join('\n');
}

let fixture: Awaited<ReturnType<typeof registerFixture>>;

/** A body with a held meeting, a public and a closed item, and 31 decisions (2 closed). */
async function registerFixture() {
	const body = await buildBody(t.db);
	const other = await buildBody(t.db);
	const start = new Date('2026-03-12T13:00:00Z');
	const { meeting, items } = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'held',
		publishedAt: new Date('2026-03-01T10:00:00Z'),
		startsAt: start,
		endsAt: new Date(start.getTime() + 2 * 3600_000),
		items: [{ title: 'Openbaar punt' }, { title: 'Besloten punt', isPublic: false }]
	});
	const tricky = [
		'=HYPERLINK("https://kwaadwillig.example","klik")',
		'Tekst met "aanhalingstekens"; puntkomma\'s, en\neen nieuwe regel',
		'+32 16 00 00 00 — café, Één, ŒUVRE',
		'-minteken en @apenstaart'
	];
	const rows = Array.from({ length: 31 }, (_, i) => ({
		bodyId: body.id,
		year: 2026,
		number: i + 1,
		meetingId: meeting.id,
		agendaItemId: i < 2 ? items[1].id : i % 3 === 0 ? null : items[0].id,
		title: i >= 2 && i < 2 + tricky.length ? tricky[i - 2] : `Besluit ${i + 1}`,
		text: i === 5 ? 'Lange tekst '.repeat(200) : `Tekst ${i + 1}`,
		status: i % 7 === 0 ? ('rejected' as const) : ('adopted' as const),
		votesFor: i % 2 ? 10 : null,
		votesAgainst: i % 2 ? 2 : null,
		votesAbstain: i % 2 ? 1 : null,
		isExample: true
	}));
	await t.db.insert(decisions).values(rows);
	const member = await buildMemberUser(t.db, { bodyId: body.id });
	const outsider = await buildMemberUser(t.db, { bodyId: other.id });
	return { body, meeting, items, member, outsider };
}

beforeAll(async () => {
	await seedExampleMeetings(t.ctx());
	fixture = await registerFixture();
});

const as = (principal: Principal) => t.ctx({ principal });

function parseCsvRows(csv: string): DecisionExportRow[] {
	const records = parse(csv, { delimiter: ';', bom: true, columns: true }) as Record<
		string,
		string
	>[];
	return records.map(
		(r) =>
			Object.fromEntries(decisionColumns.map((c) => [c, unguardFormula(r[c])])) as DecisionExportRow
	);
}

describe('decisions register export', () => {
	it('CSV parses back to the same rows, every row (not one page), in the register order', async () => {
		const ctx = as(anonymous);
		const rows = await publicDecisionRows(ctx, { orgaan: fixture.body.slug });
		const service = await listDecisions(ctx, { orgaan: fixture.body.slug }, { all: true });
		expect(rows).toHaveLength(29);
		expect(rows.map((r) => r.decision_id)).toEqual(service.items.map((d) => d.id));
		const csv = decisionsCsv(rows);
		expect(csv.startsWith('\uFEFFdecision_id;reference;year;')).toBe(true);
		// Excel would run these as formulas: guarded in the file, read back unchanged.
		expect(csv).toContain(`"'=HYPERLINK(""https://kwaadwillig.example""`);
		expect(csv).toContain(`'+32 16`);
		expect(parseCsvRows(csv)).toEqual(rows);
		const first = rows.find((r) => r.number === '31')!;
		expect(first).toMatchObject({
			reference: '2026/031',
			year: '2026',
			body_slug: fixture.body.slug,
			meeting_date: '2026-03-12',
			meeting_id: fixture.meeting.id,
			public: 'ja'
		});
		const withItem = rows.find((r) => r.item_title === 'Openbaar punt')!;
		expect(withItem.item_number).toBe('1');
		const voted = rows.find((r) => r.votes_for === '10')!;
		expect([voted.votes_against, voted.votes_abstain]).toEqual(['2', '1']);
	});

	it('XLSX parses back to the same rows, every cell text', async () => {
		const rows = await publicDecisionRows(as(anonymous), { orgaan: fixture.body.slug });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await decisionsXlsx(rows)) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.name).toBe('Besluiten');
		const header = (sheet.getRow(1).values as string[]).slice(1);
		expect(header).toEqual([...decisionColumns]);
		const back: DecisionExportRow[] = [];
		sheet.eachRow((row, n) => {
			if (n === 1) return;
			const cells = decisionColumns.map((_, i) => {
				const cell = row.getCell(i + 1);
				expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
				return cell.value === null ? '' : String(cell.value);
			});
			back.push(Object.fromEntries(decisionColumns.map((c, i) => [c, cells[i]])) as never);
		});
		expect(back).toEqual(rows);
	});

	it('closed decisions: members of the body only; filters apply; outsiders are refused', async () => {
		const slug = fixture.body.slug;
		const members = await bodyDecisionRows(as(fixture.member.principal), slug, {});
		expect(members).toHaveLength(31);
		expect(members.filter((r) => r.public === 'nee').map((r) => r.number)).toEqual(['2', '1']);
		const rejected = await bodyDecisionRows(as(fixture.member.principal), slug, {
			status: 'rejected'
		});
		expect(rejected.every((r) => r.outcome === 'Verworpen')).toBe(true);
		expect(rejected).toHaveLength(5);
		await expect(bodyDecisionRows(as(fixture.outsider.principal), slug, {})).rejects.toMatchObject({
			code: 'forbidden'
		});
		// The public export stays public for a logged-in member.
		const pub = await publicDecisionRows(as(fixture.member.principal), { orgaan: slug });
		expect(pub.some((r) => r.public === 'nee')).toBe(false);
	});

	it('the route answers an attachment with the URL filters', async () => {
		const url = new URL(
			`https://streek.example/besluiten/export.csv?orgaan=${fixture.body.slug}&jaar=2026&pagina=2`
		);
		const response = await publicCsv({
			url,
			params: {},
			request: new Request(url),
			locals: { db: t.db, principal: anonymous, requestId: 'r', locale: 'nl' }
		} as unknown as RequestEvent<Record<string, never>, '/besluiten/export.csv'>);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="besluiten-\d{4}-\d{2}-\d{2}\.csv"/
		);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(parseCsvRows(await response.text())).toHaveLength(29);
	});
});

describe('agenda and minutes PDF', () => {
	it('the public agenda: A4, numbered, public items and decisions only, pagina X van Y', async () => {
		const doc = await publicMeetingDocument(t.db, held, 'agenda');
		expect(doc.closedItems).toBe(1);
		const pdf = await renderMeetingPdf(doc, await letterHead(t.db), { compress: false });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
		const text = pdfText(pdf);
		expect(text).toContain('Agenda');
		expect(text).toContain('2. Knelpuntberoepen in de Spitsregio');
		expect(text).toContain('Actieplan knelpuntberoepen goedgekeurd');
		expect(text).toContain('14 voor, 0 tegen, 2 onthoudingen');
		expect(text).toMatch(/pagina 1 van \d/);
		expect(text).toContain('besloten agendapunt is niet opgenomen');
		expect(text).not.toContain('Personeel van het secretariaat');
		expect(text).not.toContain('detachering');
	});

	it('members get the closed item; an outsider is refused', async () => {
		const member = await buildMemberUser(t.db, { bodyId: taskforce });
		const doc = await workspaceMeetingDocument(as(member.principal), held, 'agenda');
		const text = pdfText(await renderMeetingPdf(doc, await letterHead(t.db), { compress: false }));
		expect(text).toContain('Personeel van het secretariaat');
		expect(text).toContain('Verlenging detachering secretariaat (besloten)');
		await expect(
			workspaceMeetingDocument(as(fixture.outsider.principal), held, 'agenda')
		).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('the public minutes exist once approved, with public items only and Markdown as text', async () => {
		await expect(publicMeetingDocument(t.db, held, 'minutes')).rejects.toMatchObject({
			code: 'not_found'
		});
		const item = (key: string) => seededId('agenda-item', `taskforce-gehouden>${key}`);
		await t.db.insert(itemMinutes).values([
			{
				agendaItemId: item('knelpuntberoepen'),
				meetingId: held,
				version: 1,
				body: '**Bespreking** van het actieplan.\n\n<script>alert(1)</script> [klik](javascript:alert(1))'
			},
			{ agendaItemId: item('besloten'), meetingId: held, version: 1, body: 'Geheim verslag.' }
		]);
		const member = await buildMemberUser(t.db, { bodyId: taskforce });
		// Members read the draft minutes, marked as such.
		const draft = await workspaceMeetingDocument(as(member.principal), held, 'minutes');
		expect(draft.draft).toBe(true);
		await t.db
			.update(meetings)
			.set({ status: 'minutes_approved', minutesApprovedAt: new Date() })
			.where(eq(meetings.id, held));
		const doc = await publicMeetingDocument(t.db, held, 'minutes');
		const pdf = await renderMeetingPdf(doc, await letterHead(t.db), { compress: false });
		const text = pdfText(pdf);
		expect(text).toContain('Verslag');
		expect(text).toContain('Bespreking van het actieplan.');
		expect(text).toContain('<script>alert(1)</script>');
		expect(text).not.toContain('Geheim verslag');
		// Printed as literal text: a PDF with no link or script action at all.
		expect(text).toContain('[klik](javascript:alert(1))');
		const raw = pdf.toString('latin1');
		expect(raw).not.toMatch(/\/(URI|JavaScript|JS|Launch)\b/);
		const full = await workspaceMeetingDocument(as(member.principal), held, 'minutes');
		expect(full.draft).toBe(false);
		expect(full.items.find((i) => i.title === 'Personeel van het secretariaat')?.minutes).toBe(
			'Geheim verslag.'
		);
	});

	it('prints the logo of the settings, and the route answers a clean attachment', async () => {
		await setSiteLogo(t.ctx(), { name: 'logo.png', data: images.png });
		const head = await letterHead(t.db);
		expect(head.logo?.length).toBe(images.png.length);
		const url = new URL(`https://streek.example/vergaderingen/${held}/agenda.pdf`);
		const response = await publicAgendaPdf({
			url,
			params: { id: held },
			request: new Request(url),
			locals: { db: t.db, principal: anonymous, requestId: 'r', locale: 'nl' }
		} as unknown as RequestEvent<{ id: string }, '/vergaderingen/[id]/agenda.pdf'>);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="agenda-taskforce-spitsregio-leuven-\d{4}-\d{2}-\d{2}\.pdf"/
		);
		const pdf = Buffer.from(await response.arrayBuffer());
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1')).toContain('/Subtype /Image');
	});

	it('prints what Helvetica can and replaces the rest', () => {
		expect(printable('Één café — „citaat” € 5')).toBe('Één café — „citaat” € 5');
		expect(printable('emoji 😀 en 中文')).toBe('emoji ? en ??');
		expect(printable('a\tb\r\nc\u200b')).toBe('a    b\nc');
	});
});
