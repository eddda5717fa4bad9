/**
 * Documents and publication of a dossier against a real database: a closed document never goes
 * into a public dossier (no file row, no blob, nothing in the upload folder left behind), a
 * dossier holding one is never published, nor one no decision adopted; what is stored is served
 * only to who may read it. Every refusal in Dutch, with nothing written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import {
	buildHeldDecision,
	disk,
	dossierCounts,
	pdf,
	refusedDossierInput
} from '../../../../tests/helpers/dossiers';
import { buildMemberUser } from '../../../../tests/helpers/factories';
import { dossiers, type DecisionStatus } from '../db/schema';
import { anonymous, type Principal } from '../policy';
import { bodyId, organisationId } from '../seed/seed.service';
import { dossierPage, findDossierDocument } from './dossiers.queries';
import { messages } from './dossiers.schema';
import * as service from './dossiers.service';

let dataDir: string;
// config() reads DATA_DIR once per test file: set it before anything asks.
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-dossier-documents-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const t = useTestDatabase();
const taskforce = bodyId('taskforce-spitsregio-leuven');
const regering = organisationId('vlaamse-regering');
const counts = () => dossierCounts(t.db);
const refused = (call: () => Promise<unknown>, field: string, message: string, summary = message) =>
	refusedDossierInput(t.db, call, field, message, summary);
const buildDecision = (status: DecisionStatus = 'adopted') =>
	buildHeldDecision(t.db, taskforce, { status });
const row = async (id: string) =>
	(await t.db.select().from(dossiers).where(eq(dossiers.id, id)))[0];

let seq = 0;
let secretary: Principal;
const as = (principal: Principal) => t.ctx({ principal });
beforeAll(async () => {
	secretary = (await buildMemberUser(t.db, { bodyId: taskforce, role: 'secretary' })).principal;
});
const newDossier = (extra: Record<string, unknown> = {}) =>
	service.createDossier(as(secretary), {
		bodyId: taskforce,
		title: `Standpunt ${++seq}`,
		...extra
	});

describe('documents and publication', () => {
	it('keeps closed documents out of public dossiers, leaving no file behind', async () => {
		const ctx = as(secretary);
		const open = await newDossier({ decisionId: (await buildDecision()).id, isPublic: 'on' });
		expect(open.isPublic).toBe(true);
		await refused(
			() => service.addDocument(ctx, open.id, { role: 'sent' }, { name: 'nota.pdf', data: pdf(1) }),
			'isPublic',
			messages.closedDocument
		);
		expect(disk().tmp).toBe(0);
		// An answer naming another dossier's addressee is refused after the file was staged: gone too.
		const other = await newDossier({ decisionId: (await buildDecision()).id });
		const foreign = await service.addAddressee(ctx, other.id, { organisationId: regering });
		await refused(
			() =>
				service.addDocument(
					ctx,
					open.id,
					{ role: 'answer', addresseeId: foreign.id, isPublic: 'on' },
					{ name: 'antwoord.pdf', data: pdf(2) }
				),
			'addresseeId',
			'Kies een geadresseerde van dit dossier.',
			'Die geadresseerde hoort niet bij dit dossier.'
		);
		expect(disk().tmp).toBe(0);

		// A public document goes in: one file row, one blob, titled by its name.
		const before = await counts();
		const doc = await service.addDocument(
			ctx,
			open.id,
			{ role: 'sent', isPublic: 'on' },
			{ name: 'memorandum.pdf', data: pdf(3) }
		);
		expect(doc).toMatchObject({ title: 'memorandum.pdf', isPublic: true, role: 'sent' });
		expect(await counts()).toMatchObject({
			dossierDocuments: before.dossierDocuments + 1,
			files: before.files + 1,
			blobs: before.blobs + 1,
			tmp: 0
		});

		// A closed document may sit in a closed dossier, which then cannot be published.
		const closed = await service.addDocument(
			ctx,
			other.id,
			{ role: 'sent' },
			{ name: 'intern.pdf', data: pdf(4) }
		);
		expect(closed.isPublic).toBe(false);
		const stored = await row(other.id);
		await refused(
			() =>
				service.updateDossier(ctx, other.id, {
					title: stored.title,
					position: stored.position,
					isPublic: 'on',
					revision: String(stored.revision)
				}),
			'isPublic',
			messages.publicWithClosedDocuments
		);
		expect(await row(other.id)).toEqual(stored);

		// Nothing leaks: the public gets the public document of the public dossier only.
		const find = (slug: string, documentId: string, view: 'public' | 'workspace', p: Principal) =>
			findDossierDocument(t.db, { slug, documentId }, view, p);
		expect((await find(open.slug, doc.id, 'public', anonymous))?.id).toBe(doc.id);
		expect(await find(other.slug, closed.id, 'public', anonymous)).toBeUndefined();
		expect(await find(other.slug, closed.id, 'workspace', anonymous)).toBeUndefined();
		expect((await find(other.slug, closed.id, 'workspace', secretary))?.id).toBe(closed.id);
		// A document is found only under its own dossier.
		expect(await find(open.slug, closed.id, 'workspace', secretary)).toBeUndefined();
		const shown = await dossierPage(t.db, open.slug, 'public', { principal: anonymous });
		expect(shown!.documents.map((d) => d.id)).toEqual([doc.id]);
		expect(await dossierPage(t.db, other.slug, 'public', { principal: anonymous })).toBeUndefined();
	});

	it('refuses publishing a dossier no decision adopted', async () => {
		const ctx = as(secretary);
		await refused(() => newDossier({ isPublic: 'on' }), 'isPublic', messages.publicNotAdopted);
		const rejected = await buildDecision('rejected');
		await refused(
			() => newDossier({ isPublic: 'on', decisionId: rejected.id }),
			'isPublic',
			messages.publicNotAdopted
		);
		const draft = await newDossier({ decisionId: rejected.id });
		const stored = await row(draft.id);
		await refused(
			() =>
				service.updateDossier(ctx, draft.id, {
					title: 'Openbaar',
					isPublic: 'on',
					revision: stored.revision
				}),
			'isPublic',
			messages.publicNotAdopted
		);
		expect(await row(draft.id)).toEqual(stored);
		expect(await dossierPage(t.db, draft.slug, 'public', { principal: anonymous })).toBeUndefined();
	});
});
