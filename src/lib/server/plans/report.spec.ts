/**
 * The progress report: the period (default the last full quarter, bad input refused before any
 * query), the content (statuses and explanations as the tree computes them, a manual status with
 * its reason, only the period's updates, movements replayed from the updates, names only for the
 * workspace), a fixed number of queries, the PDF (text, "Voorbeeld", "pagina X van Y") and the
 * workbook read back with its typed cells, and the routes (published plans only, readers only).
 */
import type { RequestEvent } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMemberUser, buildMembership } from '../../../../tests/helpers/factories';
import { pdfText } from '../../../../tests/helpers/pdf';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan,
	observe
} from '../../../../tests/helpers/plans';
import { countQueries } from '../db';
import { planUpdates, users } from '../db/schema';
import { letterHead } from '../exports/pdf';
import { anonymous, type Principal } from '../policy';
import { seedExampleMonitor } from '../seed/example-monitor';
import { EXAMPLE_PLAN_SLUG, seedExamplePlans } from '../seed/example-plans';
import { seedExampleMeetings } from '../seed/examples';
import { regionId } from '../seed/seed.service';
import { planTree, type TreeItem } from './plans.queries';
import { progressReport, type ProgressReport } from './report';
import { lastFullQuarter, reportPeriod } from './report.period';
import { renderReportPdf } from './report.pdf';
import { renderReportXlsx } from './report.xlsx';
import { GET as publicPdf } from '../../../routes/plannen/[slug]/voortgangsrapport.pdf/+server';
import { GET as workspaceXlsx } from '../../../routes/beheer/(app)/plannen/[slug]/voortgangsrapport.xlsx/+server';

const t = useTestDatabase();
const TODAY = '2026-08-01';
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const LEUVEN = regionId('leuven');

let fx: Awaited<ReturnType<typeof build>>;

/**
 * A published plan of a body: one objective with a measure and three actions — a1 reported on
 * before, in and after Q2 2026 (the one in Q2 by a named author), a2 set to "risico" by hand,
 * a3 completed in Q2 — and a second plan that is not published.
 */
async function build() {
	const body = await buildBody(t.db);
	const plan = await buildPlan(t.db, {
		bodyId: body.id,
		title: { nl: 'Rapportplan' },
		isPublic: true
	});
	const hidden = await buildPlan(t.db, { bodyId: body.id, title: { nl: 'Besloten plan' } });
	const owner = await buildMembership(t.db, {
		bodyId: body.id,
		givenName: 'Olga',
		familyName: 'Eigenaar'
	});
	const [author] = await t.db
		.insert(users)
		.values({ email: `auteur-${crypto.randomUUID()}@voorbeeld.test`, name: 'Ann Auteur' })
		.returning();
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme', externalId: 'T1' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id,
		externalId: 'D1',
		challenge: 'Te weinig stageplaatsen'
	});
	const a1 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		externalId: 'A1',
		title: 'Stagebank opzetten',
		startDate: '2026-01-01',
		dueDate: '2026-12-31',
		progress: 60,
		ownerPersonId: owner.person.id
	});
	const a2 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		externalId: 'A2',
		title: 'Werkgevers bevragen',
		startDate: '2026-01-01',
		dueDate: '2027-12-31',
		progress: 50,
		statusOverride: 'at_risk',
		overrideReason: 'Een partner haakt af'
	});
	const a3 = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		externalId: 'A3',
		title: 'Infodag organiseren',
		startDate: '2026-01-01',
		dueDate: '2026-06-30',
		progress: 100,
		completedOn: '2026-06-10'
	});
	const indicator = await buildIndicator(t.db, { name: { nl: 'Stagegraad' } });
	const measure = await buildMeasure(t.db, {
		itemId: objective.id,
		indicatorId: indicator.id,
		areaId: LEUVEN,
		baseline: ['2020', 60],
		target: ['2030', 70]
	});
	await observe(t.db, indicator.id, LEUVEN, '2024', 64);
	await t.db.insert(planUpdates).values([
		{ itemId: a1.id, reportedOn: '2026-02-10', text: 'Eerste stap gezet.', progress: 10 },
		{
			itemId: a1.id,
			reportedOn: '2026-05-05',
			text: 'Stagebank in test.',
			progress: 40,
			statusProposal: 'on_track',
			authorUserId: author.id
		},
		{ itemId: a1.id, reportedOn: '2026-07-15', text: 'Na de periode.', progress: 60 },
		{
			itemId: a3.id,
			reportedOn: '2026-06-10',
			text: 'Infodag gehouden.',
			progress: 100,
			statusProposal: 'done'
		},
		{ measureId: measure.id, reportedOn: '2026-04-20', text: 'Nieuwe meting verwacht.' },
		{ measureId: measure.id, reportedOn: '2026-03-31', text: 'Vóór de periode.' }
	]);
	const member = await buildMemberUser(t.db, { bodyId: body.id });
	const outsider = await buildMemberUser(t.db, { bodyId: (await buildBody(t.db)).id });
	return { body, plan, hidden, a1, a2, a3, measure, member, outsider };
}

beforeAll(async () => {
	fx = await build();
});

const report = (audience: 'public' | 'members', period: { from?: string; to?: string } = Q2) =>
	progressReport(t.db, fx.plan.slug, { ...period, audience, today: TODAY });

describe('the period', () => {
	it('defaults to the last full quarter before today', () => {
		expect(lastFullQuarter('2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(lastFullQuarter('2026-01-01')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
		expect(lastFullQuarter('2026-12-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
		expect(lastFullQuarter('2024-04-02')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
		expect(reportPeriod({ from: '', to: ' ' }, '2026-08-01')).toEqual({
			from: '2026-04-01',
			to: '2026-06-30'
		});
		expect(reportPeriod({ from: '2016-01-02', to: '2026-01-01' }, '2026-08-01')).toEqual({
			from: '2016-01-02',
			to: '2026-01-01'
		});
	});

	it.each([
		[{ from: '2026-01-01' }, 'tot', 'Vul ook de einddatum (tot) in'],
		[{ to: '2026-01-01' }, 'van', 'Vul ook de begindatum (van) in'],
		[{ from: '2026-02-30', to: '2026-03-31' }, 'van', 'De begindatum (van) is geen datum'],
		[{ from: '2026-01-01', to: '31/03/2026' }, 'tot', 'De einddatum (tot) is geen datum'],
		[{ from: '2026-04-01', to: '2026-03-31' }, 'tot', 'De einddatum (tot) ligt vóór'],
		[{ from: '2026-08-02', to: '2026-09-30' }, 'van', 'De periode begint na vandaag'],
		[{ from: '2016-01-01', to: '2026-01-01' }, 'tot', 'hoogstens tien jaar']
	])('refuses %j with a Dutch message, before any query', async (period, field, message) => {
		const { result: e, queries } = await countQueries(() =>
			rejection(progressReport(t.db, fx.plan.slug, { ...period, audience: 'public', today: TODAY }))
		);
		expect(queries).toBe(0);
		expect(e.code).toBe('invalid_input');
		expect(e.message).toContain(message);
		expect(e.fields?.[field]?.[0]).toContain(message);
	});
});

describe('the report', () => {
	it('carries the statuses and explanations of the tree, a manual status with its reason', async () => {
		const r = await report('members');
		const tree = await planTree(t.db, fx.plan.slug, { audience: 'members', today: TODAY });
		expect(r.period).toEqual({ ...Q2, title: '2e kwartaal 2026' });
		expect(r.status).toMatchObject({ status: tree.status, explanation: tree.explanation });
		expect(r.counts).toEqual(tree.actionCounts);
		const byId = new Map<string, TreeItem>();
		const walk = (items: TreeItem[]) => items.forEach((i) => (byId.set(i.id, i), walk(i.children)));
		walk(tree.themes);
		expect(r.actions.map((a) => a.externalId)).toEqual(['A1', 'A2', 'A3']);
		for (const a of r.actions) {
			expect(a.status.status).toBe(byId.get(a.id)!.status);
			expect(a.status.explanation).toBe(byId.get(a.id)!.explanation);
			expect(a.path).toEqual(['T1', 'D1', a.externalId]);
		}
		const a2 = r.actions.find((a) => a.id === fx.a2.id)!;
		expect(a2.status).toMatchObject({
			status: 'at_risk',
			label: 'Risico',
			shape: '!',
			manual: 'handmatig vastgelegd',
			reason: 'Een partner haakt af'
		});
		expect(a2.status.explanation).toContain('Een partner haakt af');
		expect(r.actions.find((a) => a.id === fx.a1.id)!.status.manual).toBeNull();
		expect(r.themes[0].children[0]).toMatchObject({
			externalId: 'D1',
			challenge: 'Te weinig stageplaatsen'
		});
		const [m] = r.measures;
		expect(m).toMatchObject({
			objective: 'D1',
			indicator: 'Stagegraad',
			baseline: { period: '2020', value: 60 },
			latest: { period: '2024', value: 64 },
			target: { period: '2030', value: 70 }
		});
		expect(m.status.explanation).toContain('laatste meting');
	});

	it("lists only the period's updates, and the movements of the period", async () => {
		const r = await report('members');
		expect(r.updates.map((u) => [u.reportedOn, u.kind, u.externalId])).toEqual([
			['2026-04-20', 'measure', r.measures[0].externalId],
			['2026-05-05', 'action', 'A1'],
			['2026-06-10', 'action', 'A3']
		]);
		const a1 = r.actions.find((a) => a.id === fx.a1.id)!;
		expect(a1.updates.map((u) => u.text)).toEqual(['Stagebank in test.']);
		expect(a1.updates[0]).toMatchObject({
			progress: 40,
			statusProposal: { status: 'on_track', label: 'Op schema' }
		});
		// The latest update overall (after the period) stays the action's last update.
		expect(a1.lastUpdate).toEqual({ reportedOn: '2026-07-15', text: 'Na de periode.' });
		expect(r.movements.map((a) => a.externalId)).toEqual(['A1', 'A3']);
		expect(a1.movement?.before.progress).toBe(10);
		expect(a1.movement?.after.progress).toBe(40);
		const a3 = r.actions.find((a) => a.id === fx.a3.id)!;
		expect(a3.movement).toMatchObject({
			before: { progress: 0 },
			after: { status: 'done', label: 'Afgerond', progress: 100 }
		});
		// Set by hand and never reported on: it did not move.
		expect(r.actions.find((a) => a.id === fx.a2.id)!.movement).toBeNull();
		// A period before anything was reported: nothing moved by reports.
		const early = await report('members', { from: '2025-01-01', to: '2025-03-31' });
		expect(early.updates).toEqual([]);
	});

	it('names owners and authors in the workspace only', async () => {
		const members = await report('members');
		const pub = await report('public');
		const a1 = (r: ProgressReport) => r.actions.find((a) => a.id === fx.a1.id)!;
		expect(a1(members).owner).toBe('Olga Eigenaar');
		expect(a1(members).updates[0].author).toBe('Ann Auteur');
		expect(a1(pub).owner).toBeNull();
		expect(pub.updates.every((u) => u.author === null)).toBe(true);
		expect(pub.updates).toHaveLength(members.updates.length);
	});

	it('speaks English under /en: labels, explanations and the period title', async () => {
		const r = await progressReport(t.db, fx.plan.slug, {
			...Q2,
			audience: 'public',
			locale: 'en',
			today: TODAY
		});
		expect(r.period.title).toBe('Q2 2026');
		const a2 = r.actions.find((a) => a.id === fx.a2.id)!;
		expect(a2.status).toMatchObject({ label: 'At risk', manual: 'set manually' });
		expect(a2.status.explanation).toMatch(/^Set manually: Een partner haakt af \(computed: /);
		expect(r.actions.find((a) => a.id === fx.a3.id)!.status.explanation).toBe(
			'The action is done.'
		);
		expect(r.measures[0].status.explanation).toMatch(/^Target 70.*; latest measurement 64/);
		expect(r.status.explanation).toMatch(/^On track or done: \d+ of \d+ started parts/);
		const custom = await report('public', { from: '2026-04-15', to: '2026-05-31' });
		expect(custom.period.title).toBe('15/04/2026 – 31/05/2026');
		expect(custom.updates.map((u) => u.reportedOn)).toEqual(['2026-04-20', '2026-05-05']);
	});

	it('a plan that is not published is not found for the public', async () => {
		const e = await rejection(
			progressReport(t.db, fx.hidden.slug, { ...Q2, audience: 'public', today: TODAY })
		);
		expect(e.code).toBe('not_found');
	});

	it('makes one query more than the tree, whatever the number of updates', async () => {
		const plan = await buildPlan(t.db, { bodyId: fx.body.id, isPublic: true });
		const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
		const action = await buildItem(t.db, {
			planId: plan.id,
			kind: 'action',
			parentId: theme.id,
			startDate: '2026-01-01',
			dueDate: '2026-12-31'
		});
		const run = () => progressReport(t.db, plan.slug, { ...Q2, audience: 'members', today: TODAY });
		const tree = await countQueries(() =>
			planTree(t.db, plan.slug, { audience: 'members', today: TODAY })
		);
		const before = await countQueries(run);
		await t.db.insert(planUpdates).values(
			Array.from({ length: 20 }, (_, i) => ({
				itemId: action.id,
				reportedOn: `2026-05-${String(i + 1).padStart(2, '0')}`,
				text: `Update ${i}`,
				progress: i * 5
			}))
		);
		const after = await countQueries(run);
		expect(before.queries).toBe(tree.queries + 1);
		expect(after.queries).toBe(before.queries);
		expect(after.result.updates).toHaveLength(20);
		expect(after.result.movements[0].movement?.after.progress).toBe(95);
	});
});

describe('the example plan', () => {
	it('reports every status with its explanation, as a PDF marked "Voorbeeld"', async () => {
		await seedExampleMeetings(t.ctx());
		await seedExampleMonitor(t.ctx());
		await seedExamplePlans(t.ctx());
		const r = await progressReport(t.db, EXAMPLE_PLAN_SLUG, { audience: 'public' });
		expect(r.plan.isExample).toBe(true);
		expect(new Set(r.actions.map((a) => a.status.status))).toEqual(
			new Set(['not_started', 'on_track', 'at_risk', 'off_track', 'done'])
		);
		expect(r.actions.some((a) => a.status.manual && a.status.reason)).toBe(true);
		expect([...r.actions, ...r.measures].every((x) => x.status.explanation.length > 0)).toBe(true);
		expect(r.updates.every((u) => u.reportedOn >= r.period.from && u.reportedOn <= r.period.to));
		const text = pdfText(await renderReportPdf(r, await letterHead(t.db), { compress: false }));
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Voorbeeld: Dit plan is voorbeeldinhoud');
		expect(flat).toContain('Voortgangsrapport Voorbeeld: Actieplan Spitsregio Leuven');
		expect(flat).toContain('(handmatig vastgelegd)');
	});
});

describe('the PDF', () => {
	it('prints the title, statuses as shape and word, the updates, pagina X van Y', async () => {
		const r = await report('members');
		const pdf = await renderReportPdf(r, await letterHead(t.db), { compress: false });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const flat = pdfText(pdf).replace(/\s+/g, ' ');
		expect(flat).toContain('Voortgangsrapport Rapportplan — 2e kwartaal 2026');
		expect(flat).toContain('Gegenereerd op 01/08/2026');
		expect(flat).toMatch(/pagina 1 van \d/);
		expect(flat).toContain('! Risico (handmatig vastgelegd)');
		expect(flat).toContain('Een partner haakt af');
		expect(flat).toContain('+ Afgerond: 1');
		expect(flat).toContain('• Op schema — 58 % van de tijd is verstreken');
		expect(flat).toContain('Stagebank in test.');
		expect(flat).toContain('door Ann Auteur');
		expect(flat).toContain('Eigenaar: Olga Eigenaar');
		expect(flat).not.toContain('Na de periode.');
		expect(flat).not.toContain('Eerste stap gezet.');
		// Compressed by default: still a PDF.
		const compressed = await renderReportPdf(r, await letterHead(t.db));
		expect(compressed.subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('the public PDF names nobody', async () => {
		const flat = pdfText(
			await renderReportPdf(await report('public'), await letterHead(t.db), { compress: false })
		).replace(/\s+/g, ' ');
		expect(flat).toContain('Stagebank in test.');
		expect(flat).not.toContain('Ann Auteur');
		expect(flat).not.toContain('Olga');
	});
});

describe('the workbook', () => {
	it('has the sheets, a frozen header and typed cells', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			(await renderReportXlsx(await report('members'))) as unknown as ArrayBuffer
		);
		expect(workbook.worksheets.map((s) => s.name)).toEqual([
			'Overzicht',
			'Acties',
			'Metingen',
			'Updates',
			'Bewegingen'
		]);
		for (const sheet of workbook.worksheets) {
			expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(sheet.getRow(1).font?.bold).toBe(true);
			expect(sheet.getColumn(1).width).toBeGreaterThan(0);
		}
		const rows = (name: string) => {
			const sheet = workbook.getWorksheet(name)!;
			const header = (sheet.getRow(1).values as string[]).slice(1);
			const out: Record<string, ExcelJS.CellValue>[] = [];
			sheet.eachRow((row, n) => {
				if (n > 1)
					out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
			});
			return out;
		};
		const overview = rows('Overzicht');
		const fact = (label: string) => overview.find((r) => r.Gegeven === label)?.Waarde;
		expect(fact('Plan')).toBe('Rapportplan');
		expect(fact('Begin van de periode')).toEqual(new Date('2026-04-01T00:00:00Z'));
		expect(fact('Acties: Risico')).toBe(1);
		expect(fact('Updates in de periode')).toBe(3);

		const actions = rows('Acties');
		expect(actions.map((a) => a.Actie)).toEqual(['A1', 'A2', 'A3']);
		expect(actions[0]).toMatchObject({
			Pad: 'T1 › D1 › A1',
			Titel: 'Stagebank opzetten',
			'Voortgang (%)': 60,
			Einddatum: new Date('2026-12-31T00:00:00Z'),
			Eigenaar: 'Olga Eigenaar',
			'Laatste update': new Date('2026-07-15T00:00:00Z'),
			'Tekst laatste update': 'Na de periode.',
			'Updates in de periode': 1
		});
		expect(actions[1]).toMatchObject({ Status: 'Risico', 'Handmatig vastgelegd': 'ja' });

		const [measure] = rows('Metingen');
		expect(measure).toMatchObject({ Nulmeting: 60, 'Laatste meting': 64, Doelwaarde: 70 });

		const updates = rows('Updates');
		expect(updates.map((u) => u.Datum)).toEqual([
			new Date('2026-04-20T00:00:00Z'),
			new Date('2026-05-05T00:00:00Z'),
			new Date('2026-06-10T00:00:00Z')
		]);
		expect(updates[1]).toMatchObject({ 'Voortgang (%)': 40, Auteur: 'Ann Auteur' });
		expect(rows('Bewegingen').map((m) => m['Voortgang op het einde (%)'])).toEqual([40, 100]);
	});

	it('the public workbook has no owner or author column', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			(await renderReportXlsx(await report('public'))) as unknown as ArrayBuffer
		);
		for (const name of ['Acties', 'Updates']) {
			const header = workbook.getWorksheet(name)!.getRow(1).values as string[];
			expect(header).not.toContain('Eigenaar');
			expect(header).not.toContain('Auteur');
		}
	});
});

describe('the routes', () => {
	const event = (path: string, principal: Principal, slug: string) => {
		const url = new URL(`https://streek.example${path}`);
		return {
			url,
			params: { slug },
			request: new Request(url),
			locals: { db: t.db, principal, requestId: 'r', locale: 'nl' }
		} as unknown as RequestEvent<{ slug: string }, never>;
	};
	const status = async (response: Promise<Response>) => {
		try {
			return { status: (await response).status, message: '' };
		} catch (e) {
			const err = e as { status: number; body: { message: string } };
			return { status: err.status, message: err.body.message };
		}
	};

	it('the public PDF: a published plan only; a bad period is a 400 with its reason', async () => {
		const ok = await publicPdf(
			event(`/plannen/${fx.plan.slug}/voortgangsrapport.pdf`, anonymous, fx.plan.slug) as never
		);
		expect(ok.headers.get('content-type')).toBe('application/pdf');
		expect(ok.headers.get('content-disposition')).toMatch(
			new RegExp(`^attachment; filename="voortgangsrapport-${fx.plan.slug}-\\d{4}-\\d{2}-01-`)
		);
		expect(
			Buffer.from(await ok.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		const hidden = await status(
			publicPdf(event('/x', anonymous, fx.hidden.slug) as never) as Promise<Response>
		);
		expect(hidden.status).toBe(404);
		const bad = await status(
			publicPdf(
				event(`/x?van=2026-05-01&tot=2026-04-01`, anonymous, fx.plan.slug) as never
			) as Promise<Response>
		);
		expect(bad).toEqual({
			status: 400,
			message: 'De einddatum (tot) ligt vóór de begindatum (van).'
		});
	});

	it("the workspace workbook: the plan's readers only", async () => {
		const path = `/x?van=${Q2.from}&tot=${Q2.to}`;
		const member = await workspaceXlsx(event(path, fx.member.principal, fx.hidden.slug) as never);
		expect(member.headers.get('content-type')).toContain('spreadsheetml');
		expect(member.headers.get('cache-control')).toBe('private, no-store');
		const outsider = await status(
			workspaceXlsx(
				event(path, fx.outsider.principal, fx.hidden.slug) as never
			) as Promise<Response>
		);
		expect(outsider.status).toBe(403);
	});
});
