/**
 * Keeping a dossier against a real database: a Taskforce secretary makes one from a held
 * meeting's decision, names addressees, records sending and answers, links plan actions, closes
 * and reopens it, and the computed stage follows each step. Sending before an adoption, answers
 * before the sending or in the future, and stale edits are refused with their Dutch message and
 * nothing written; strangers are refused before their input is read. (Documents and publication:
 * dossiers.documents.spec.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	buildHeldDecision,
	dossierCounts,
	pdf,
	refusedDossierInput
} from '../../../../tests/helpers/dossiers';
import { rejection } from '../../../../tests/helpers/errors';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import { today } from '../clock';
import {
	auditEvents,
	dossierAddressees,
	dossierDecisions,
	dossiers,
	type DecisionStatus
} from '../db/schema';
import type { AppError } from '../errors';
import { anonymous, type Principal } from '../policy';
import { bodyId, organisationId, policyDomainId } from '../seed/seed.service';
import { dossierPage } from './dossiers.queries';
import { messages } from './dossiers.schema';
import * as service from './dossiers.service';
import { addDays } from './status';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-dossiers-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const regering = organisationId('vlaamse-regering');
const parlement = organisationId('vlaams-parlement');
const ago = (days: number) => addDays(today(), -days);
const counts = () => dossierCounts(t.db);
const refused = (call: () => Promise<unknown>, field: string, message: string) =>
	refusedDossierInput(t.db, call, field, message);
const buildDecision = (status: DecisionStatus = 'adopted') =>
	buildHeldDecision(t.db, taskforce, { status });

let seq = 0;
let secretary: Principal;
let member: Principal;
let otherSecretary: Principal;
const as = (principal: Principal) => t.ctx({ principal });
const page = (slug: string) => dossierPage(t.db, slug, 'workspace', { principal: secretary });
const stage = async (slug: string) => (await page(slug))!.status.stage;
const row = async (id: string) =>
	(await t.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];
const addressee = async (id: string) =>
	(await t.db.select().from(dossierAddressees).where(eq(dossierAddressees.id, id)))[0];

beforeAll(async () => {
	secretary = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'secretary' })).principal;
	member = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'member' })).principal;
	otherSecretary = (
		await buildMemberUser(t.db, {
			bodyId: bodyId('burgemeestersoverleg-halle-vilvoorde'),
			role: 'secretary'
		})
	).principal;
});

/** A new Taskforce dossier made by the secretary (from a decision when given). */
const newDossier = (extra: Record<string, unknown> = {}) =>
	service.createDossier(as(secretary), {
		bodyId: taskforce,
		title: `Standpunt ${++seq}`,
		position: 'Wij vragen …',
		...extra
	});

describe('a dossier from decision to follow-up', () => {
	it('follows the stage at each step, audited', async () => {
		const decision = await buildDecision();
		const ctx = as(secretary);
		const dossier = await service.createDossier(ctx, {
			bodyId: taskforce,
			title: 'Memorandum: erkenning als centrumregio',
			position: 'De Taskforce vraagt **erkenning**.',
			policyDomainIds: [policyDomainId('mobiliteit')],
			answerDays: '30',
			decisionId: decision.id
		});
		expect(dossier).toMatchObject({
			slug: 'memorandum-erkenning-als-centrumregio',
			bodyId: taskforce,
			answerDays: 30,
			isPublic: false,
			revision: 0
		});
		expect(await stage(dossier.slug)).toBe('adopted');

		const vr = await service.addAddressee(ctx, dossier.id, { organisationId: regering });
		expect(vr.sentOn).toBeNull();
		expect(await stage(dossier.slug)).toBe('adopted');
		const vp = await service.addAddressee(ctx, dossier.id, {
			organisationId: parlement,
			sentOn: ago(40)
		});
		expect(await stage(dossier.slug)).toBe('sent');
		await service.markSent(ctx, vr.id, { sentOn: ago(20) });
		expect((await addressee(vr.id)).sentOn).toBe(ago(20));

		// Past its 30 days the parliament is overdue; the government (sent later) is not yet.
		let p = (await page(dossier.slug))!;
		expect(p.status).toMatchObject({ stage: 'sent', overdue: ['Vlaams Parlement'] });
		expect(p.addressees.map((a) => [a.overdue, a.due])).toEqual([
			[false, addDays(ago(20), 30)],
			[true, addDays(ago(40), 30)]
		]);

		await service.recordAnswer(ctx, vr.id, { answeredOn: ago(5), answer: 'Wordt bekeken.' });
		expect(await stage(dossier.slug)).toBe('sent');
		await service.recordAnswer(ctx, vp.id, { answeredOn: today(), answer: '' });
		expect(await addressee(vp.id)).toMatchObject({ answeredOn: today(), answer: null });
		p = (await page(dossier.slug))!;
		expect(p.status).toMatchObject({ stage: 'answered', overdue: [] });

		// Objectives it serves do not follow it up; an action does.
		const plan = await buildPlan(t.db, { bodyId: taskforce });
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
			startDate: today()
		});
		await service.setPlanItems(ctx, dossier.id, { itemIds: objective.id });
		expect(await stage(dossier.slug)).toBe('answered');
		await service.setPlanItems(ctx, dossier.id, { itemIds: [objective.id, action.id] });
		p = (await page(dossier.slug))!;
		expect(p.status.stage).toBe('followed_up');
		expect(p.objectives.map((o) => o.id)).toEqual([objective.id]);
		expect(p.actions.map((a) => a.id)).toEqual([action.id]);
		// A theme is not something to follow up with.
		await refused(
			() => service.setPlanItems(ctx, dossier.id, { itemIds: [theme.id] }),
			'itemIds',
			'Kies doelstellingen of acties van een plan.'
		);

		const closed = await service.closeDossier(ctx, dossier.id, {
			closedOn: today(),
			note: 'Erkenning verkregen.'
		});
		expect(closed).toMatchObject({ closedOn: today(), closedNote: 'Erkenning verkregen.' });
		expect(await stage(dossier.slug)).toBe('closed');
		const reopened = await service.reopenDossier(ctx, dossier.id);
		expect(reopened).toMatchObject({ closedOn: null, closedNote: null });
		expect(await stage(dossier.slug)).toBe('followed_up');

		p = (await page(dossier.slug))!;
		expect(new Set(p.timeline.map((e) => e.kind))).toEqual(
			new Set(['created', 'decision', 'sent', 'answer', 'follow_up'])
		);
		expect(p.timeline.map((e) => e.on)).toEqual(p.timeline.map((e) => e.on).sort());
		const audit = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.recordId, dossier.id));
		expect(audit.map((a) => a.action).sort()).toEqual(
			[
				'dossier.create',
				'dossier.addressee.add',
				'dossier.addressee.add',
				'dossier.sent',
				'dossier.answer',
				'dossier.answer',
				'dossier.plan_items',
				'dossier.plan_items',
				'dossier.close',
				'dossier.reopen'
			].sort()
		);
	});
});

describe('bad input: nothing saved', () => {
	it('refuses a body that does not exist (an administrator may name any id)', async () => {
		await refused(
			() =>
				service.createDossier(t.ctx(), {
					bodyId: '00000000-0000-1000-8000-000000000000',
					title: 'Standpunt over niets'
				}),
			'bodyId',
			messages.body
		);
	});

	it('refuses sending before any decision adopted the position (none, or only rejected/postponed)', async () => {
		const dossier = await newDossier();
		expect(await stage(dossier.slug)).toBe('draft');
		const ctx = as(secretary);
		await refused(
			() => service.addAddressee(ctx, dossier.id, { organisationId: regering, sentOn: ago(1) }),
			'sentOn',
			messages.notAdopted
		);
		const vr = await service.addAddressee(ctx, dossier.id, { organisationId: regering });
		await refused(
			() => service.markSent(ctx, vr.id, { sentOn: ago(1) }),
			'sentOn',
			messages.notAdopted
		);

		for (const status of ['rejected', 'postponed'] as const) {
			await service.linkDecision(ctx, dossier.id, { decisionId: (await buildDecision(status)).id });
			expect(await stage(dossier.slug)).toBe('draft');
			await refused(
				() => service.markSent(ctx, vr.id, { sentOn: ago(1) }),
				'sentOn',
				messages.notAdopted
			);
			await refused(
				() => service.addAddressee(ctx, dossier.id, { organisationId: parlement, sentOn: ago(1) }),
				'sentOn',
				messages.notAdopted
			);
		}
		expect((await addressee(vr.id)).sentOn).toBeNull();

		// Once a decision adopts it, the same sending is accepted.
		const adopting = await buildDecision();
		await service.linkDecision(ctx, dossier.id, { decisionId: adopting.id });
		await service.markSent(ctx, vr.id, { sentOn: ago(1) });
		expect(await stage(dossier.slug)).toBe('sent');
		// That decision cannot be unlinked any more: the sending would lose its adoption.
		const before = await counts();
		const e = await rejection(service.unlinkDecision(ctx, dossier.id, adopting.id));
		expect(e.code).toBe('invalid_input');
		expect(e.message).toMatch(/^Dit is het enige besluit dat het standpunt aannam/);
		expect(await counts()).toEqual(before);
		expect(await stage(dossier.slug)).toBe('sent');
	});

	it('refuses an answer before the sending, without a sending, or in the future', async () => {
		const ctx = as(secretary);
		const dossier = await newDossier({ decisionId: (await buildDecision()).id });
		const sent = await service.addAddressee(ctx, dossier.id, {
			organisationId: regering,
			sentOn: ago(10)
		});
		const unsent = await service.addAddressee(ctx, dossier.id, { organisationId: parlement });
		const e = await refused(
			() => service.recordAnswer(ctx, sent.id, { answeredOn: ago(11), answer: 'Te vroeg' }),
			'answeredOn',
			messages.answerBeforeSent(ago(10))
		);
		expect(e.message).toContain(ago(10).split('-').reverse().join('/'));
		await refused(
			() => service.recordAnswer(ctx, unsent.id, { answeredOn: ago(1) }),
			'answeredOn',
			messages.notSent
		);
		await refused(
			() => service.recordAnswer(ctx, sent.id, { answeredOn: addDays(today(), 1) }),
			'answeredOn',
			messages.future
		);
		// Sending in the future is refused too.
		await refused(
			() => service.markSent(ctx, unsent.id, { sentOn: addDays(today(), 1) }),
			'sentOn',
			messages.future
		);
		expect(await addressee(sent.id)).toMatchObject({ answeredOn: null, answer: null });
		expect(await addressee(unsent.id)).toMatchObject({ sentOn: null, answeredOn: null });
		// On the day of the sending itself the answer is fine.
		await service.recordAnswer(ctx, sent.id, { answeredOn: ago(10) });
		expect(await stage(dossier.slug)).toBe('answered');
	});

	it('refuses a stale revision with the stored dossier, writing nothing', async () => {
		const ctx = as(secretary);
		const dossier = await newDossier();
		const first = await service.updateDossier(ctx, dossier.id, {
			title: 'Eerste versie',
			revision: 0
		});
		expect(first.revision).toBe(1);
		const stored = await row(dossier.id);
		const before = await counts();
		const e = await rejection(
			service.updateDossier(ctx, dossier.id, { title: 'Tweede versie', revision: '0' }),
			service.DossierConflict
		);
		expect(e.code).toBe('conflict');
		expect(e.current).toEqual(stored);
		expect(e.current.title).toBe('Eerste versie');
		expect(await counts()).toEqual(before);
		expect(await row(dossier.id)).toEqual(stored);
	});
});

describe('authorisation', () => {
	it('refuses a member, another body’s secretary and the anonymous before reading input', async () => {
		const dossier = await newDossier({ decisionId: (await buildDecision()).id });
		const vr = await service.addAddressee(as(secretary), dossier.id, {
			organisationId: regering,
			sentOn: ago(3)
		});
		const doc = await service.addDocument(
			as(secretary),
			dossier.id,
			{ role: 'sent' },
			{ name: 'brief.pdf', data: pdf(9) }
		);
		const [link] = await t.db
			.select()
			.from(dossierDecisions)
			.where(eq(dossierDecisions.dossierId, dossier.id));
		const before = await counts();
		const stored = await row(dossier.id);
		// Empty (invalid) input everywhere: a 403 proves authorisation came first.
		const calls = (ctx: ReturnType<typeof as>): [string, () => Promise<unknown>][] => [
			['createDossier', () => service.createDossier(ctx, { bodyId: taskforce })],
			['updateDossier', () => service.updateDossier(ctx, dossier.id, {})],
			['deleteDossier', () => service.deleteDossier(ctx, dossier.id)],
			['closeDossier', () => service.closeDossier(ctx, dossier.id, {})],
			['reopenDossier', () => service.reopenDossier(ctx, dossier.id)],
			['linkDecision', () => service.linkDecision(ctx, dossier.id, {})],
			['unlinkDecision', () => service.unlinkDecision(ctx, dossier.id, link.decisionId)],
			['addAddressee', () => service.addAddressee(ctx, dossier.id, {})],
			['removeAddressee', () => service.removeAddressee(ctx, vr.id)],
			['markSent', () => service.markSent(ctx, vr.id, {})],
			['recordAnswer', () => service.recordAnswer(ctx, vr.id, {})],
			['addDocument', () => service.addDocument(ctx, dossier.id, {}, undefined)],
			['removeDocument', () => service.removeDocument(ctx, dossier.id, doc.id)],
			['setPlanItems', () => service.setPlanItems(ctx, dossier.id, {})]
		];
		for (const [principal, code, status] of [
			[member, 'forbidden', 403],
			[otherSecretary, 'forbidden', 403],
			[anonymous, 'unauthenticated', 401]
		] as const) {
			for (const [name, call] of calls(as(principal))) {
				const e: AppError = await rejection(call());
				expect([name, e.code, e.status]).toEqual([name, code, status]);
			}
		}
		expect(await counts()).toEqual(before);
		expect(await row(dossier.id)).toEqual(stored);
		// The secretary of another body does not even read the dossier in the workspace.
		expect(
			await dossierPage(t.db, dossier.slug, 'workspace', { principal: otherSecretary })
		).toBeUndefined();
	});
});
