/**
 * What the public sees of dossiers, through the routes (register, dossier page, document
 * download, body page) and the API: a dossier that is not public — or that no decision adopted —
 * does not exist; a public dossier shows its public decision, only says that a closed one exists
 * ("Aangenomen in een besloten zitting"), never lists a closed document (whose download is a 404
 * like an unknown one) nor an item of a plan that is not published; and the register's filters
 * take slugs, report an unknown value and never pass one to the database as an id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildOrganisation } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import {
	decisions,
	dossierAddressees,
	dossierDecisions,
	dossierDocuments,
	dossierPlanItems,
	dossierPolicyDomains,
	dossiers
} from '../db/schema';
import { anonymous } from '../policy';
import { policyDomainId } from '../seed/seed.service';
import { load as registerLoad } from '../../../routes/dossiers/+page.server';
import { load as dossierLoad } from '../../../routes/dossiers/[slug]/+page.server';
import { GET as documentGet } from '../../../routes/dossiers/[slug]/documenten/[id]/+server';
import { load as bodyLoad } from '../../../routes/organen/[slug]/+page.server';
import { dossierListQuery, getDossierOut, listDossiersOut } from './dossiers.api';
import { addDocument } from './dossiers.service';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks (documents live there).
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-dossiers-public-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const ORIGIN = 'https://streek.example';

const event = (url: string, params: Record<string, string>, locale: 'nl' | 'en' = 'nl') =>
	({
		locals: { db: t.db, requestId: 'test', locale, principal: anonymous },
		params,
		url: new URL(url, 'http://localhost'),
		request: new Request(new URL(url, 'http://localhost'))
	}) as never;

type RegisterData = Awaited<ReturnType<typeof import('./public.web').publicRegisterPage>>;
type DossierData = Awaited<ReturnType<typeof import('./public.web').publicDossierPage>>;
const registerPage = async (search = '', locale: 'nl' | 'en' = 'nl') =>
	(await registerLoad(event(`/dossiers${search}`, {}, locale))) as unknown as RegisterData;
const dossierPage = async (slug: string) =>
	(await dossierLoad(event(`/dossiers/${slug}`, { slug }))) as unknown as DossierData;
const download = (slug: string, id: string) =>
	documentGet(event(`/dossiers/${slug}/documenten/${id}`, { slug, id }));
const status = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(e: unknown) => (e as { status?: number }).status
	);

const pdf = (n: number) =>
	new TextEncoder().encode(
		`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${n}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
	);

let f: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db, { name: { nl: 'Burgemeesters Test' } });
	const government = await buildOrganisation(t.db, {
		kind: 'government',
		slug: 'test-regering',
		name: { nl: 'Testregering' }
	});
	const open = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'held',
		startsAt: new Date('2026-01-15T13:00:00Z'),
		endsAt: new Date('2026-01-15T15:00:00Z')
	});
	const closed = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'held',
		isPublic: false,
		startsAt: new Date('2026-02-05T13:00:00Z'),
		endsAt: new Date('2026-02-05T15:00:00Z')
	});
	const [openDecision, closedDecision, hiddenDecision] = await t.db
		.insert(decisions)
		.values([
			{
				bodyId: body.id,
				year: 2026,
				number: 1,
				meetingId: open.meeting.id,
				title: 'Memorandum mobiliteit goedgekeurd',
				text: 'Tekst.',
				status: 'adopted' as const
			},
			{
				bodyId: body.id,
				year: 2026,
				number: 2,
				meetingId: closed.meeting.id,
				title: 'Geheime aanvulling',
				text: 'Geheim.',
				status: 'adopted' as const
			},
			{
				bodyId: body.id,
				year: 2026,
				number: 3,
				meetingId: closed.meeting.id,
				title: 'Besloten standpunt',
				text: 'Geheim.',
				status: 'adopted' as const
			}
		])
		.returning();

	const [shown, closedDossier, draft] = await t.db
		.insert(dossiers)
		.values([
			{
				slug: 'test-memorandum-mobiliteit',
				bodyId: body.id,
				title: 'Memorandum mobiliteit',
				position: 'Wij vragen **meer** bussen.<script>alert(1)</script>',
				isPublic: false
			},
			{ slug: 'test-besloten-dossier', bodyId: body.id, title: 'Besloten dossier' },
			{ slug: 'test-ontwerp', bodyId: body.id, title: 'Ontwerp zonder besluit', isPublic: true }
		])
		.returning();
	await t.db.insert(dossierDecisions).values([
		{ dossierId: shown.id, decisionId: openDecision.id },
		{ dossierId: shown.id, decisionId: closedDecision.id },
		{ dossierId: closedDossier.id, decisionId: hiddenDecision.id }
	]);
	await t.db
		.insert(dossierPolicyDomains)
		.values({ dossierId: shown.id, policyDomainId: policyDomainId('mobiliteit') });
	const [addressee] = await t.db
		.insert(dossierAddressees)
		.values([
			{
				dossierId: shown.id,
				organisationId: government.id,
				sentOn: '2026-01-20',
				answeredOn: '2026-03-01',
				answer: 'De minister **antwoordt**. <img src=x onerror=alert(1)>'
			},
			{ dossierId: closedDossier.id, organisationId: government.id, sentOn: '2026-02-10' }
		])
		.returning();

	// Documents through the service (the dossier is closed while they are added: a closed one
	// cannot be added to a public dossier), then the dossier is published behind its back, so the
	// public queries must leave the closed document out on their own.
	const ctx = t.ctx();
	const letter = await addDocument(
		ctx,
		shown.id,
		{ role: 'sent', title: 'Brief aan de regering', isPublic: 'on' },
		{ name: 'brief.pdf', data: pdf(1) }
	);
	const secret = await addDocument(
		ctx,
		shown.id,
		{ role: 'answer', addresseeId: addressee.id, title: 'Vertrouwelijke nota' },
		{ name: 'nota.pdf', data: pdf(2) }
	);
	const closedDoc = await addDocument(
		ctx,
		closedDossier.id,
		{ role: 'sent', title: 'Brief van het besloten dossier', isPublic: 'on' },
		{ name: 'besloten.pdf', data: pdf(3) }
	);
	await t.db.update(dossiers).set({ isPublic: true }).where(eq(dossiers.id, shown.id));
	const draftDoc = await t.db
		.insert(dossierDocuments)
		.values({ dossierId: draft.id, role: 'sent', title: 'Ontwerpbrief', fileId: letter.fileId })
		.returning();

	const published = await buildPlan(t.db, {
		bodyId: body.id,
		title: { nl: 'Mobiliteitsplan' },
		isPublic: true
	});
	const theme = await buildItem(t.db, { planId: published.id, kind: 'theme' });
	const objective = await buildItem(t.db, {
		planId: published.id,
		kind: 'objective',
		parentId: theme.id,
		title: 'Betere busverbindingen'
	});
	const hiddenPlan = await buildPlan(t.db, {
		bodyId: body.id,
		title: { nl: 'Verborgen plan' },
		isPublic: false
	});
	const hiddenTheme = await buildItem(t.db, { planId: hiddenPlan.id, kind: 'theme' });
	const hiddenGoal = await buildItem(t.db, {
		planId: hiddenPlan.id,
		kind: 'objective',
		parentId: hiddenTheme.id
	});
	const hiddenAction = await buildItem(t.db, {
		planId: hiddenPlan.id,
		kind: 'action',
		parentId: hiddenGoal.id,
		title: 'Geheime opvolgactie',
		startDate: '2026-03-15'
	});
	await t.db.insert(dossierPlanItems).values([
		{ dossierId: shown.id, itemId: objective.id },
		{ dossierId: shown.id, itemId: hiddenAction.id }
	]);
	return {
		body,
		government,
		shown,
		closedDossier,
		draft,
		openDecision,
		closedDecision,
		letter,
		secret,
		closedDoc,
		draftDoc: draftDoc[0],
		objective,
		hiddenAction
	};
}

beforeAll(async () => {
	f = await build();
});

describe('a dossier that is not public', () => {
	it('is a 404 on its page, in the API, and for its documents; the register leaves it out', async () => {
		for (const slug of [f.closedDossier.slug, f.draft.slug, 'bestaat-niet']) {
			expect(await status(dossierPage(slug)), slug).toBe(404);
			expect(await rejection(getDossierOut(t.db, slug, ORIGIN))).toMatchObject({
				code: 'not_found'
			});
		}
		expect((await download(f.closedDossier.slug, f.closedDoc.id)).status).toBe(404);
		// A public dossier that no decision adopted yet is a draft: its documents stay hidden too.
		expect((await download(f.draft.slug, f.draftDoc.id)).status).toBe(404);

		const register = await registerPage();
		expect(register.rows.map((r) => r.slug)).toEqual([f.shown.slug]);
		// The last step is the answer (not the creation: the public does not see that step).
		expect(register.rows[0].lastOn).toBe('01/03/2026');
		const api = await listDossiersOut(t.db, dossierListQuery.parse({}), ORIGIN);
		expect(api.items.map((d) => d.slug)).toEqual([f.shown.slug]);
		const body = (await bodyLoad(event(`/organen/${f.body.slug}`, { slug: f.body.slug }))) as {
			dossiers: { slug: string }[];
		};
		expect(body.dossiers.map((d) => d.slug)).toEqual([f.shown.slug]);
	});
});

describe('a public dossier', () => {
	it('lists its public decision and only says that the closed one exists', async () => {
		const page = await dossierPage(f.shown.slug);
		expect(page.decisions.map((d) => d.id)).toEqual([f.openDecision.id]);
		expect(page.closedDecisions).toBe(1);
		expect(page.timeline.map((e) => e.label)).toContain('Aangenomen in een besloten zitting');
		expect(JSON.stringify(page)).not.toMatch(/Geheime aanvulling|Geheim\./);

		const api = await getDossierOut(t.db, f.shown.slug, ORIGIN);
		expect(api.decisions.map((d) => d.id)).toEqual([f.openDecision.id]);
		expect(api.timeline.map((e) => e.label)).toContain('Aangenomen in een besloten zitting');
		expect(JSON.stringify(api)).not.toContain(f.closedDecision.id);
		expect(JSON.stringify(api)).not.toMatch(/Geheime aanvulling/);
	});

	it('never shows a closed document, and its download is a 404', async () => {
		const page = await dossierPage(f.shown.slug);
		expect(page.documents.map((d) => d.title)).toEqual(['Brief aan de regering']);
		expect(page.addressees[0].documents).toEqual([]);
		expect(JSON.stringify(page)).not.toContain('Vertrouwelijke nota');

		const api = await getDossierOut(t.db, f.shown.slug, ORIGIN);
		expect(api.documents).toEqual([
			expect.objectContaining({
				id: f.letter.id,
				role: 'sent',
				mimeType: 'application/pdf',
				download: `${ORIGIN}/dossiers/${f.shown.slug}/documenten/${f.letter.id}`
			})
		]);
		expect(JSON.stringify(api)).not.toContain(f.secret.id);

		const ok = await download(f.shown.slug, f.letter.id);
		expect(ok.status).toBe(200);
		expect(ok.headers.get('content-type')).toBe('application/pdf');
		expect(ok.headers.get('cache-control')).toBe('private, no-cache');
		expect(Buffer.from(await ok.arrayBuffer()).toString('latin1')).toMatch(/^%PDF-1\.4/);
		for (const [slug, id] of [
			[f.shown.slug, f.secret.id],
			// Another dossier's document is not found under this one's slug.
			[f.shown.slug, f.closedDoc.id],
			[f.shown.slug, 'geen-uuid'],
			[f.shown.slug, '00000000-0000-4000-8000-000000000000']
		]) {
			const res = await download(slug, id);
			expect(res.status, id).toBe(404);
			expect(res.headers.get('cache-control')).toBe('no-store');
		}
	});

	it('lists the items of published plans only', async () => {
		const page = await dossierPage(f.shown.slug);
		expect(page.objectives.map((i) => i.id)).toEqual([f.objective.id]);
		expect(page.objectives[0].href).toMatch(/^\/plannen\/testplan-.*#doel-/);
		expect(page.actions).toEqual([]);
		expect(JSON.stringify(page)).not.toMatch(/Geheime opvolgactie|Verborgen plan/);
		const api = await getDossierOut(t.db, f.shown.slug, ORIGIN);
		expect(api.planItems.map((i) => i.id)).toEqual([f.objective.id]);
		expect(JSON.stringify(api)).not.toMatch(/Geheime opvolgactie|Verborgen plan/);
		// The hidden action still follows the dossier up: the stage counts it, unnamed.
		expect(api.stage).toBe('followed_up');
	});

	it('renders the position and the answer as sanitised Markdown', async () => {
		const page = await dossierPage(f.shown.slug);
		expect(page.dossier.positionHtml).toContain('<strong>meer</strong>');
		expect(page.dossier.positionHtml).not.toContain('<script');
		expect(page.addressees[0].answerHtml).toContain('<strong>antwoordt</strong>');
		expect(page.addressees[0].answerHtml).not.toMatch(/<img|onerror="/);
		expect(page.addressees[0]).toMatchObject({ sentOn: '20/01/2026', answeredOn: '01/03/2026' });
	});
});

describe('the register', () => {
	it('filters by slugs and stage, and says when nothing matches', async () => {
		for (const search of [
			`?orgaan=${f.body.slug}`,
			'?geadresseerde=test-regering',
			'?beleidsdomein=mobiliteit',
			'?status=opgevolgd',
			'?jaar=2026'
		]) {
			const page = await registerPage(search);
			expect(
				page.rows.map((r) => r.slug),
				search
			).toEqual([f.shown.slug]);
			expect(page.unknown, search).toEqual([]);
		}
		const none = await registerPage('?beleidsdomein=onderwijs&status=verstuurd');
		expect(none.rows).toEqual([]);
		expect(none.filtered).toBe(true);
		// The chosen domain holds no dossier but stays chosen in the form.
		expect(none.query.beleidsdomein).toBe('onderwijs');
		expect(none.options.domains.map((o) => o.value)).toContain('onderwijs');
	});

	it('names an unknown or malformed value and does not apply it', async () => {
		const page = await registerPage(
			"?orgaan=bestaat-niet&geadresseerde=1'%20or%201%3D1&status=ontwerp&jaar=twintig&beleidsdomein=00000000-0000-4000-8000-000000000000"
		);
		expect(page.rows.map((r) => r.slug)).toEqual([f.shown.slug]);
		expect(page.filtered).toBe(false);
		expect(page.unknown).toHaveLength(5);
		expect(page.unknown[0]).toBe(
			'Onbekende waarde voor orgaan: "bestaat-niet". Die filter werd niet toegepast.'
		);
		expect(page.query).toEqual({
			orgaan: '',
			geadresseerde: '',
			beleidsdomein: '',
			status: '',
			jaar: ''
		});
	});

	it('speaks English under /en', async () => {
		const page = await registerPage('?status=onbekend', 'en');
		expect(page.options.stages.map((s) => s.label)).toEqual([
			'adopted',
			'sent',
			'answered',
			'followed up',
			'closed'
		]);
		expect(page.unknown).toEqual([
			'Unknown value for stage: "onbekend". That filter was not applied.'
		]);
	});
});
