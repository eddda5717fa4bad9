/**
 * Progress updates: the owner or a keeper posts, append-only; an action takes the progress, a
 * measure's observation goes into the monitor and is aggregated; bad input and strangers store
 * nothing; the owner's list of actions waiting for an update.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import { images } from '../../../../tests/helpers/images';
import {
	buildIndicator,
	buildItem,
	buildMeasure,
	buildPlan,
	observe
} from '../../../../tests/helpers/plans';
import { today } from '../clock';
import type { Db } from '../db';
import {
	auditEvents,
	files,
	observations,
	planItems,
	planUpdateAttachments,
	planUpdates,
	plans
} from '../db/schema';
import { blobPath, filesDir } from '../files/storage';
import { areaId, regionId } from '../seed/seed.service';
import { anonymous, type Principal } from '../policy';
import { findAttachment } from './attachments';
import { planTree } from './plans.queries';
import { actions } from '../../../routes/beheer/(app)/plannen/[slug]/acties/[id]/+page.server';
import { GET as workspaceGet } from '../../../routes/beheer/(app)/plannen/[slug]/acties/[id]/bijlagen/[fileId]/+server';
import { GET as publicGet } from '../../../routes/plannen/[slug]/bijlagen/[fileId]/+server';
import { monthsBefore, postUpdate, updatesOf, waitingForUpdate } from './updates.service';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks (attachments are stored
// under it).
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-plan-updates-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const postAction = actions.default;
const LEUVEN = areaId('24062');

async function counts(db: Db) {
	const [u] = await db.select({ n: count() }).from(planUpdates);
	const [a] = await db.select({ n: count() }).from(auditEvents);
	const [o] = await db.select({ n: count() }).from(observations);
	return { updates: u.n, audit: a.n, observations: o.n };
}

const itemRow = async (id: string) =>
	(await t.db.select().from(planItems).where(eq(planItems.id, id)))[0];

let f: Awaited<ReturnType<typeof build>>;
async function build() {
	const body = await buildBody(t.db);
	const owner = await buildMemberUser(t.db, { bodyId: body.id });
	const stranger = await buildMemberUser(t.db, { bodyId: body.id });
	const secretary = await buildMemberUser(t.db, { bodyId: body.id, role: 'secretary' });
	const staff = await buildMemberUser(t.db, { bodyId: body.id, platformRole: 'staff' });
	const plan = await buildPlan(t.db, { bodyId: body.id });
	const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
	const objective = await buildItem(t.db, {
		planId: plan.id,
		kind: 'objective',
		parentId: theme.id
	});
	const action = await buildItem(t.db, {
		planId: plan.id,
		kind: 'action',
		parentId: objective.id,
		ownerPersonId: owner.person.id,
		progress: 10
	});
	const ind = await buildIndicator(t.db, {
		aggregation: 'sum',
		unit: 'aantal',
		decimals: 0,
		minValue: 0
	});
	const measure = await buildMeasure(t.db, {
		itemId: objective.id,
		indicatorId: ind.id,
		areaId: LEUVEN,
		baseline: ['2020', 100],
		target: ['2030', 200]
	});
	return { body, owner, stranger, secretary, staff, plan, theme, objective, action, ind, measure };
}
beforeAll(async () => {
	f = await build();
});

describe('postUpdate', () => {
	it('lets the owner report progress: append-only, the action takes it, audited', async () => {
		const ctx = t.ctx({ principal: f.owner.principal });
		const before = await counts(t.db);
		const update = await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'De bevraging loopt.',
			progress: '60'
		});
		expect(update).toMatchObject({
			itemId: f.action.id,
			reportedOn: today(),
			progress: 60,
			authorUserId: f.owner.user.id
		});
		expect((await itemRow(f.action.id)).progress).toBe(60);
		expect(await counts(t.db)).toEqual({
			...before,
			updates: before.updates + 1,
			audit: before.audit + 1
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'plan_update'), eq(auditEvents.recordId, update.id)));
		expect(audit.action).toBe('plan.update_posted');
		expect(audit.changes).toMatchObject({ progress: { before: 10, after: 60 } });

		// A late report of an earlier day is history only: the action keeps the latest report.
		await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'Verslag van januari.',
			progress: 100,
			reportedOn: '2026-01-10'
		});
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 60, completedOn: null });
		// 100 % completes the action; a lower report reopens it; "done" completes it again.
		await postUpdate(ctx, { itemId: f.action.id, text: 'Klaar.', progress: 100 });
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 100, completedOn: today() });
		await postUpdate(ctx, { itemId: f.action.id, text: 'Toch nog werk.', progress: 90 });
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 90, completedOn: null });
		await postUpdate(ctx, {
			itemId: f.action.id,
			text: 'Afgerond volgens de trekker.',
			statusProposal: 'done'
		});
		expect(await itemRow(f.action.id)).toMatchObject({ progress: 90, completedOn: today() });

		const list = await updatesOf(t.db, { itemId: f.action.id });
		// Newest first: by the reported day, then by when it was posted.
		expect(list.map((u) => u.text)).toEqual([
			'Afgerond volgens de trekker.',
			'Toch nog werk.',
			'Klaar.',
			'De bevraging loopt.',
			'Verslag van januari.'
		]);
		expect(list[0].authorName).toBe(f.owner.user.name);
		expect(list.at(-1)!.reportedOn).toBe('2026-01-10');
	});

	it('lets keepers report too (staff, the body’s secretary)', async () => {
		for (const keeper of [f.staff, f.secretary]) {
			const u = await postUpdate(t.ctx({ principal: keeper.principal }), {
				itemId: f.action.id,
				text: `Gemeld door ${keeper.user.name}`
			});
			expect(u.authorUserId).toBe(keeper.user.id);
		}
	});

	it('refuses bad input with a Dutch message and stores nothing', async () => {
		const ctx = t.ctx({ principal: f.owner.principal });
		const before = await counts(t.db);
		const progressBefore = (await itemRow(f.action.id)).progress;
		const cases: [Record<string, unknown>, string, string][] = [
			[
				{ itemId: f.action.id, text: 'Veel', progress: 140 },
				'progress',
				'De voortgang ligt tussen 0 en 100 %.'
			],
			[
				{ itemId: f.action.id, text: 'Min', progress: -1 },
				'progress',
				'De voortgang ligt tussen 0 en 100 %.'
			],
			[{ itemId: f.action.id, text: '   ' }, 'text', 'Beschrijf de voortgang.'],
			[
				{ itemId: f.action.id, text: 'x', reportedOn: '2999-01-01' },
				'reportedOn',
				'De datum van een update ligt niet in de toekomst.'
			],
			[{ text: 'Nergens bij' }, 'itemId', 'Een update hoort bij één actie of één meting.'],
			[
				{ itemId: f.action.id, text: 'x', observation: { period: '2025', value: 1 } },
				'observation',
				'Een meetwaarde hoort bij een meting, niet bij een actie.'
			],
			[
				{ measureId: f.measure.id, text: 'x', progress: 50 },
				'progress',
				'Een meting heeft geen voortgangspercentage.'
			],
			[
				{ measureId: f.measure.id, text: 'x', observation: { period: 'vorig jaar', value: 1 } },
				'observation.period',
				'Geef de periode als jaar (2025), kwartaal (2025-Q1), maand (2025-03) of datum.'
			],
			[
				{ measureId: f.measure.id, text: 'x', observation: { period: '2025', value: -5 } },
				'observation.value',
				'De waarde van deze indicator ligt minstens 0.'
			]
		];
		for (const [input, field, message] of cases) {
			// Measures have no owner: a keeper reports on them.
			const who = 'measureId' in input ? t.ctx({ principal: f.staff.principal }) : ctx;
			const e = await rejection(postUpdate(who, input));
			expect(e.code).toBe('invalid_input');
			expect(e.message).toBe('De voortgang is niet opgeslagen.');
			expect(e.fields?.[field]).toEqual([message]);
		}
		const theme = await rejection(postUpdate(t.ctx(), { itemId: f.theme.id, text: 'x' }));
		expect(theme.message).toBe(
			'Voortgang wordt gemeld bij een actie of een meting, niet bij een thema of doelstelling.'
		);
		expect(await counts(t.db)).toEqual(before);
		expect((await itemRow(f.action.id)).progress).toBe(progressBefore);
	});

	it('refuses someone who neither owns the action nor keeps the plan', async () => {
		const before = await counts(t.db);
		const e = await rejection(
			postUpdate(t.ctx({ principal: f.stranger.principal }), {
				itemId: f.action.id,
				text: 'Ik meld iets',
				progress: 99
			})
		);
		expect(e.code).toBe('forbidden');
		expect(e.message).toBe(
			'Alleen de eigenaar van deze actie of wie het plan beheert, kan de voortgang melden.'
		);
		// Measures have no owner: only keepers report on them.
		const m = await rejection(
			postUpdate(t.ctx({ principal: f.owner.principal }), { measureId: f.measure.id, text: 'x' })
		);
		expect(m.code).toBe('forbidden');
		const anon = await rejection(
			postUpdate(t.ctx({ principal: { kind: 'anonymous' } }), { itemId: f.action.id, text: 'x' })
		);
		expect(anon.code).toBe('unauthenticated');
		expect(await counts(t.db)).toEqual(before);
		const unknown = await rejection(
			postUpdate(t.ctx(), { itemId: crypto.randomUUID(), text: 'x' })
		);
		expect(unknown.code).toBe('not_found');
	});

	it('puts a measure’s observation into the monitor (supplied, not an example) and aggregates it', async () => {
		await observe(t.db, f.ind.id, LEUVEN, '2024', 120); // imported earlier (an example row)
		const ctx = t.ctx({ principal: f.staff.principal });
		const before = await counts(t.db);
		const u = await postUpdate(ctx, {
			measureId: f.measure.id,
			text: 'Nieuwe telling 2025',
			observation: { period: '2025', value: '150,0' }
		});
		expect(u).toMatchObject({ measureId: f.measure.id, itemId: null, progress: null });
		const row = async (area: string, period: string) =>
			(
				await t.db
					.select()
					.from(observations)
					.where(
						and(
							eq(observations.indicatorId, f.ind.id),
							eq(observations.areaId, area),
							eq(observations.period, period)
						)
					)
			)[0];
		expect(await row(LEUVEN, '2025')).toMatchObject({
			value: 150,
			periodStart: '2025-01-01',
			origin: 'supplied',
			status: 'final',
			isExample: false
		});
		expect(await row(regionId('leuven'), '2025')).toMatchObject({
			value: 150,
			origin: 'aggregated'
		});

		// A correction of an existing value replaces it.
		await postUpdate(ctx, {
			measureId: f.measure.id,
			text: 'Correctie 2024',
			observation: { period: '2024', value: 125 }
		});
		expect(await row(LEUVEN, '2024')).toMatchObject({
			value: 125,
			origin: 'supplied',
			isExample: false
		});
		expect(await row(regionId('leuven'), '2024')).toMatchObject({ value: 125 });
		const after = await counts(t.db);
		expect(after.updates).toBe(before.updates + 2);
		expect(after.audit).toBe(before.audit + 2);
		expect((await updatesOf(t.db, { measureId: f.measure.id })).map((x) => x.text)).toEqual([
			'Correctie 2024',
			'Nieuwe telling 2025'
		]);
	});
});

describe('postUpdate with attachments', () => {
	const text = (s: string) => new TextEncoder().encode(s);
	/** A tiny valid PDF; `n` makes its content (and hash) differ. */
	const pdf = (n = 0) =>
		text(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${n}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
	const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
	const ALLOWED =
		'Voor een bijlage zijn alleen PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument-tekst (ODT), OpenDocument-rekenblad (ODS), OpenDocument-presentatie (ODP), PNG, JPEG of WebP toegestaan.';

	/** Every blob on disk (not the temp folder), and what is left in the temp folder. */
	function disk() {
		const root = filesDir();
		const tmp = path.join(root, '.tmp');
		const all = fs.existsSync(root)
			? fs
					.readdirSync(root, { recursive: true, withFileTypes: true })
					.filter((e) => e.isFile() && !e.parentPath.startsWith(tmp))
			: [];
		return { blobs: all.length, tmp: fs.existsSync(tmp) ? fs.readdirSync(tmp).length : 0 };
	}
	async function stored() {
		const n = async (table: typeof planUpdates | typeof planUpdateAttachments | typeof files) =>
			(await t.db.select({ n: count() }).from(table))[0].n;
		const [a] = await t.db.select({ n: count() }).from(auditEvents);
		return {
			updates: await n(planUpdates),
			attachments: await n(planUpdateAttachments),
			files: await n(files),
			audit: a.n,
			...disk()
		};
	}

	it('stores the update and its files in one go: titled by the file name unless given', async () => {
		expect(filesDir().startsWith(dataDir)).toBe(true);
		const before = await stored();
		const update = await postUpdate(
			t.ctx({ principal: f.owner.principal }),
			{ itemId: f.action.id, text: 'Verslag en foto van de werf.', progress: 40 },
			[
				{ name: 'C:\\Mijn documenten\\verslag maart.pdf', data: pdf(1) },
				{ name: 'IMG_0042.jpg', data: new File([images.jpeg], 'IMG_0042.jpg'), title: ' Werf ' },
				{ name: 'schets.webp', data: images.webp, title: '' }
			]
		);
		expect(update.attachments.map((a) => a.title)).toEqual([
			'verslag maart.pdf',
			'Werf',
			'schets.webp'
		]);
		expect(await stored()).toEqual({
			updates: before.updates + 1,
			attachments: before.attachments + 3,
			files: before.files + 3,
			// The update's audit row and one per file.
			audit: before.audit + 4,
			blobs: before.blobs + 3,
			tmp: 0
		});
		const rows = await t.db.select().from(files);
		const byId = new Map(rows.map((r) => [r.id, r]));
		for (const a of update.attachments) {
			const file = byId.get(a.fileId)!;
			expect(file.purpose).toBe('plan_update');
			expect(fs.existsSync(blobPath(file.sha256))).toBe(true);
		}
		expect(update.attachments.map((a) => byId.get(a.fileId)!.mimeType)).toEqual([
			'application/pdf',
			'image/jpeg',
			'image/webp'
		]);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'plan_update'), eq(auditEvents.recordId, update.id)));
		expect(audit.changes).toMatchObject({
			attachments: { before: null, after: update.attachments }
		});

		// The history lists them by title, with their type and size.
		const [listed] = (await updatesOf(t.db, { itemId: f.action.id })).filter(
			(u) => u.id === update.id
		);
		expect(listed.attachments).toEqual([
			expect.objectContaining({ title: 'schets.webp', mimeType: 'image/webp' }),
			expect.objectContaining({ title: 'verslag maart.pdf', name: 'verslag maart.pdf' }),
			expect.objectContaining({ title: 'Werf', name: 'IMG_0042.jpg', size: images.jpeg.length })
		]);

		// Found through its plan (and its action); not through another plan or action.
		const fileId = update.attachments[0].fileId;
		expect(
			await findAttachment(t.db, { planSlug: f.plan.slug, itemId: f.action.id, fileId })
		).toEqual({
			fileId,
			title: 'verslag maart.pdf',
			itemId: f.action.id,
			plan: { id: f.plan.id, isPublic: f.plan.isPublic, bodyId: f.body.id }
		});
		expect(await findAttachment(t.db, { planSlug: f.plan.slug, fileId })).toBeDefined();
		expect(
			await findAttachment(t.db, { planSlug: f.plan.slug, itemId: f.theme.id, fileId })
		).toBeUndefined();
		expect(await findAttachment(t.db, { planSlug: 'ander-plan', fileId })).toBeUndefined();
		expect(await findAttachment(t.db, { planSlug: f.plan.slug, fileId: 'x' })).toBeUndefined();
	});

	it('attaches files to a measure’s update too (found through its plan)', async () => {
		const update = await postUpdate(
			t.ctx({ principal: f.staff.principal }),
			{ measureId: f.measure.id, text: 'Telling in bijlage.' },
			[{ name: 'telling.pdf', data: pdf(2) }]
		);
		const fileId = update.attachments[0].fileId;
		expect(await findAttachment(t.db, { planSlug: f.plan.slug, fileId })).toMatchObject({
			itemId: f.objective.id
		});
		expect(
			await findAttachment(t.db, { planSlug: f.plan.slug, itemId: f.action.id, fileId })
		).toBeUndefined();
	});

	it('refuses a bad file with a Dutch message: no update, no attachment, no file row', async () => {
		const ctx = t.ctx({ principal: f.owner.principal });
		const input = { itemId: f.action.id, text: 'Met bijlagen', progress: 77 };
		const big = new Uint8Array(25 * 1024 * 1024 + 1);
		big.set(pdf());
		const cases: [string, { name: string; data: Uint8Array; title?: string }[], string[]][] = [
			[
				'a program',
				[{ name: 'programma.exe', data: exe }],
				[`programma.exe: Dit bestand is een EXE-bestand. ${ALLOWED}`]
			],
			[
				'an SVG with a script, named .png',
				[{ name: 'tekening.png', data: images.svg }],
				[`tekening.png: Dit bestand is een SVG-bestand. ${ALLOWED}`]
			],
			[
				'plain text',
				[{ name: 'notities.pdf', data: images.text }],
				[`notities.pdf: Dit bestand is geen bekend bestandstype. ${ALLOWED}`]
			],
			[
				'a file over 25 MB',
				[{ name: 'groot.pdf', data: big }],
				['groot.pdf: Het bestand is groter dan 25 MB, de grens voor een bijlage.']
			],
			[
				'an empty file',
				[{ name: 'leeg.pdf', data: new Uint8Array() }],
				['leeg.pdf: Het bestand is leeg.']
			],
			[
				'six files',
				Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, data: pdf(i) })),
				['Voeg hoogstens 5 bijlagen toe (u koos er 6).']
			],
			[
				'a title over 200 characters',
				[{ name: 'a.pdf', data: pdf(), title: 'x'.repeat(201) }],
				['De titel van een bijlage is hoogstens 200 tekens lang.']
			],
			[
				// A good file with bad ones: nothing is kept, and every bad one is named.
				'good and bad files together',
				[
					{ name: 'goed.pdf', data: pdf(3) },
					{ name: 'programma.exe', data: exe },
					{ name: 'leeg.docx', data: new Uint8Array() }
				],
				[
					`programma.exe: Dit bestand is een EXE-bestand. ${ALLOWED}`,
					'leeg.docx: Het bestand is leeg.'
				]
			]
		];
		const before = await stored();
		const progressBefore = (await itemRow(f.action.id)).progress;
		for (const [label, uploads, messages] of cases) {
			const e = await rejection(postUpdate(ctx, input, uploads));
			expect(e.code, label).toBe('invalid_input');
			expect(e.message, label).toBe('De voortgang is niet opgeslagen.');
			expect(e.fields, label).toEqual({ attachments: messages });
			expect(await stored(), label).toEqual(before);
		}
		expect((await itemRow(f.action.id)).progress).toBe(progressBefore);
	});

	it('refuses a stranger before reading the files', async () => {
		const before = await stored();
		const e = await rejection(
			postUpdate(
				t.ctx({ principal: f.stranger.principal }),
				// Bad input too: who may post is decided first.
				{ itemId: f.action.id, text: '' },
				[{ name: 'x.pdf', data: pdf(4) }]
			)
		);
		expect(e.code).toBe('forbidden');
		expect(await stored()).toEqual(before);
	});
});

describe('attachments through the routes', () => {
	const pdfBytes = new TextEncoder().encode(
		'%PDF-1.4\n1 0 obj<<>>endobj\n% web\ntrailer<<>>\n%%EOF\n'
	);
	const locals = (principal: Principal) => ({
		db: t.db,
		requestId: 'test',
		locale: 'nl' as const,
		principal
	});
	const post = (principal: Principal, form: FormData) =>
		postAction({
			locals: locals(principal),
			params: { slug: f.plan.slug, id: f.action.id },
			request: new Request(`http://localhost/beheer/plannen/${f.plan.slug}/acties/${f.action.id}`, {
				method: 'POST',
				body: form
			}),
			url: new URL(`http://localhost/beheer/plannen/${f.plan.slug}/acties/${f.action.id}`)
		} as unknown as Parameters<typeof postAction>[0]);
	const getWorkspace = (principal: Principal, fileId: string) =>
		workspaceGet({
			locals: locals(principal),
			params: { slug: f.plan.slug, id: f.action.id, fileId },
			request: new Request('http://localhost/x')
		} as unknown as Parameters<typeof workspaceGet>[0]);
	const getPublic = (slug: string, fileId: string) =>
		publicGet({
			locals: locals(anonymous),
			params: { slug, fileId },
			request: new Request('http://localhost/x')
		} as unknown as Parameters<typeof publicGet>[0]);

	it('posts a multipart form with files, and serves them to readers of the plan only', async () => {
		const form = new FormData();
		form.set('text', 'Met het verslag als bijlage.');
		form.set('progress', '45');
		form.append('attachments', new File([pdfBytes], 'verslag web.pdf'));
		form.append('attachments', new File([images.png], 'kaart.png'));
		expect(await post(f.owner.principal, form)).toEqual({ done: 'Uw update is bewaard.' });
		const [latest] = await updatesOf(t.db, { itemId: f.action.id });
		expect(latest.text).toBe('Met het verslag als bijlage.');
		const pdfId = latest.attachments.find((a) => a.title === 'verslag web.pdf')!.fileId;

		// A member of the plan's body downloads it, as a file, with the sniffed type.
		const ok = await getWorkspace(f.owner.principal, pdfId);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('application/pdf');
		expect(ok.headers.get('content-disposition')).toMatch(
			/^attachment; filename="verslag web.pdf"/
		);
		expect(ok.headers.get('cache-control')).toBe('private, no-cache');
		expect(new Uint8Array(await ok.arrayBuffer())).toEqual(pdfBytes);
		// Someone of another body may not read this unpublished plan; the public neither.
		const otherBody = await buildBody(t.db);
		const outsider = await buildMemberUser(t.db, { bodyId: otherBody.id });
		expect((await getWorkspace(outsider.principal, pdfId)).status).toBe(404);
		expect((await getPublic(f.plan.slug, pdfId)).status).toBe(404);
		expect((await getWorkspace(f.owner.principal, crypto.randomUUID())).status).toBe(404);
		expect((await getWorkspace(f.owner.principal, 'geen-id')).status).toBe(404);
		// Published: anyone, through the public page's route (and only under its own plan).
		await t.db.update(plans).set({ isPublic: true }).where(eq(plans.id, f.plan.id));
		try {
			const pub = await getPublic(f.plan.slug, pdfId);
			expect(pub.status).toBe(200);
			expect(new Uint8Array(await pub.arrayBuffer())).toEqual(pdfBytes);
			expect((await getWorkspace(outsider.principal, pdfId)).status).toBe(200);
			expect((await getPublic('een-ander-plan', pdfId)).status).toBe(404);
			// The plan's tree carries the latest update's attachments (for the public page's links).
			const tree = await planTree(t.db, f.plan.slug, { audience: 'public', locale: 'nl' });
			const action = tree.themes[0].children[0].children.find((c) => c.id === f.action.id)!;
			expect(action.latestUpdate?.attachments).toEqual([
				{ fileId: expect.any(String), title: 'kaart.png' },
				{ fileId: pdfId, title: 'verslag web.pdf' }
			]);
		} finally {
			await t.db.update(plans).set({ isPublic: false }).where(eq(plans.id, f.plan.id));
		}
	});

	it('answers a refused file with the form again: the text kept, each file named', async () => {
		const before = (await updatesOf(t.db, { itemId: f.action.id })).length;
		const form = new FormData();
		form.set('text', 'Met een programma.');
		form.append('attachments', new File([images.svg], 'logo.svg'));
		const result = (await post(f.owner.principal, form)) as unknown as {
			status: number;
			data: { message: string; fields: Record<string, string[]>; values: Record<string, unknown> };
		};
		expect(result.status).toBe(400);
		expect(result.data.message).toBe('De voortgang is niet opgeslagen.');
		expect(result.data.fields.attachments).toEqual([
			expect.stringMatching(/^logo\.svg: Dit bestand is een SVG-bestand\./)
		]);
		expect(result.data.values).toEqual({ text: 'Met een programma.' });
		// An empty file input (no file chosen) is no attachment.
		const none = new FormData();
		none.set('text', 'Zonder bijlage.');
		none.append('attachments', new File([], ''));
		expect(await post(f.owner.principal, none)).toEqual({ done: 'Uw update is bewaard.' });
		const list = await updatesOf(t.db, { itemId: f.action.id });
		expect(list.length).toBe(before + 1);
		expect(list[0].attachments).toEqual([]);
	});
});

describe('waitingForUpdate', () => {
	it('lists the owner’s actions whose latest update is a reminder period old, or missing', async () => {
		const body = await buildBody(t.db);
		const owner = await buildMemberUser(t.db, { bodyId: body.id });
		const other = await buildMemberUser(t.db, { bodyId: body.id });
		const TODAY = '2026-11-27';
		const monthly = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'monthly',
			slug: `maand-${crypto.randomUUID().slice(0, 6)}`
		});
		const quarterly = await buildPlan(t.db, {
			bodyId: body.id,
			reminders: 'quarterly',
			status: 'adopted'
		});
		const silent = await buildPlan(t.db, { bodyId: body.id, reminders: 'none' });
		const draft = await buildPlan(t.db, { bodyId: body.id, reminders: 'monthly', status: 'draft' });
		const action = async (
			planId: string,
			title: string,
			extra: Partial<typeof planItems.$inferInsert> = {},
			reported?: string
		) => {
			const th = await buildItem(t.db, { planId, kind: 'theme' });
			const a = await buildItem(t.db, {
				planId,
				kind: 'action',
				parentId: th.id,
				title,
				ownerPersonId: owner.person.id,
				...extra
			});
			if (reported) {
				await t.db
					.insert(planUpdates)
					.values({ itemId: a.id, reportedOn: reported, text: 'Update' });
			}
			return a;
		};
		const stale = await action(monthly.id, 'Maandelijks, twee maanden oud', {}, '2026-09-20');
		await action(monthly.id, 'Maandelijks, recent', {}, '2026-11-17');
		const exactly = await action(monthly.id, 'Maandelijks, precies een maand', {}, '2026-10-27');
		await action(quarterly.id, 'Driemaandelijks, twee maanden oud', {}, '2026-09-27');
		const never = await action(quarterly.id, 'Driemaandelijks, nooit gemeld');
		await action(silent.id, 'Geen herinneringen');
		await action(draft.id, 'Ontwerpplan');
		await action(monthly.id, 'Afgerond', { completedOn: '2026-05-01', progress: 100 });
		await action(monthly.id, 'Start later', { startDate: '2027-01-01' });
		await action(monthly.id, 'Van iemand anders', { ownerPersonId: other.person.id });

		const due = await waitingForUpdate(t.db, owner.person.id, TODAY);
		expect(due.map((d) => d.title).sort()).toEqual(
			[
				'Maandelijks, twee maanden oud',
				'Maandelijks, precies een maand',
				'Driemaandelijks, nooit gemeld'
			].sort()
		);
		const first = due.find((d) => d.itemId === stale.id)!;
		expect(first).toMatchObject({
			planSlug: monthly.slug,
			planTitle: monthly.title.nl,
			reminders: 'monthly',
			lastReportedOn: '2026-09-20',
			path: `/beheer/plannen/${monthly.slug}/acties/${stale.id}`
		});
		expect(due.find((d) => d.itemId === never.id)!.lastReportedOn).toBeNull();
		expect(due.find((d) => d.itemId === exactly.id)).toBeDefined();
		expect(await waitingForUpdate(t.db, 'geen-id', TODAY)).toEqual([]);
		// An update today takes it off the list.
		await postUpdate(t.ctx({ principal: owner.principal }), {
			itemId: stale.id,
			text: 'Bijgewerkt',
			reportedOn: TODAY
		});
		expect(
			(await waitingForUpdate(t.db, owner.person.id, TODAY)).map((d) => d.itemId)
		).not.toContain(stale.id);
	});

	it('counts months on the calendar', () => {
		expect(monthsBefore('2026-11-27', 1)).toBe('2026-10-27');
		expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
		expect(monthsBefore('2026-02-15', 3)).toBe('2025-11-15');
		expect(monthsBefore('2026-01-31', 13)).toBe('2024-12-31');
	});
});
