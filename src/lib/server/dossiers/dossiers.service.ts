/**
 * Keeping a dossier: the write side. Whoever runs the dossier's body (body:manage — its chair,
 * vice-chair and secretary; staff and admins everywhere) makes a dossier, usually from the
 * decision that adopted the position, names its addressees, records when it was sent to each and
 * their answer, attaches the documents sent and received, links the plan items it serves or that
 * follow it up, and closes it. Every function authorises first (403 before the input is read),
 * then writes in one transaction with its audit row. Refused input changes nothing:
 *   - sending before any decision adopted the position;
 *   - an answer dated before the sending (or in the future);
 *   - a closed document in a public dossier, or publishing a dossier that holds one;
 *   - publishing a dossier no decision adopted.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import { today } from '../clock';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	bodies,
	decisions,
	dossierAddressees,
	dossierDecisions,
	dossierDocuments,
	dossierPlanItems,
	dossierPolicyDomains,
	dossiers,
	organisations,
	planItems,
	policyDomains
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import {
	cleanName,
	commitUpload,
	discardUpload,
	stageUpload,
	type Upload
} from '../files/files.service';
import { getDecision } from '../meetings/decisions.service';
import { authorize } from '../policy';
import { slugify } from '../seed/ids';
import {
	addresseeInput,
	answerInput,
	closeInput,
	decisionLinkInput,
	documentInput,
	dossierInput,
	dossierUpdate,
	messages,
	planItemsInput,
	sentInput
} from './dossiers.schema';

export type Dossier = typeof dossiers.$inferSelect;

/** A stale edit: the stored dossier goes back to the writer (their own text is in the form). */
export class DossierConflict extends AppError {
	constructor(readonly current: Dossier) {
		super(
			'conflict',
			'Iemand anders heeft dit dossier intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.'
		);
	}
}

function refuse(message: string, fields?: Record<string, string[]>): never {
	throw new AppError('invalid_input', message, fields);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return parsed.data;
}

const dossierNotFound = () => notFound('Dossier niet gevonden.');

/** Throw forbidden unless the principal runs the body (checked before any input is read). */
export function authorizeDossier(ctx: ServiceContext, dossier: { bodyId: string }): void {
	authorize(ctx.principal, 'body:manage', { bodyId: dossier.bodyId });
}

/** The dossier, authorised. */
async function keptDossier(ctx: ServiceContext, dossierId: string): Promise<Dossier> {
	if (!isUuid(dossierId)) throw dossierNotFound();
	const [row] = await ctx.db.select().from(dossiers).where(eq(dossiers.id, dossierId));
	if (!row) throw dossierNotFound();
	authorizeDossier(ctx, row);
	return row;
}

/** The dossier row locked for the rest of the transaction (its facts are checked together). */
async function locked(tx: Tx, dossierId: string): Promise<Dossier> {
	const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
	if (!row) throw dossierNotFound();
	return row;
}

async function isAdopted(db: DbOrTx, dossierId: string): Promise<boolean> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(dossierDecisions)
		.innerJoin(decisions, eq(decisions.id, dossierDecisions.decisionId))
		.where(and(eq(dossierDecisions.dossierId, dossierId), eq(decisions.status, 'adopted')));
	return row.n > 0;
}

async function hasClosedDocuments(db: DbOrTx, dossierId: string): Promise<boolean> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(dossierDocuments)
		.where(and(eq(dossierDocuments.dossierId, dossierId), eq(dossierDocuments.isPublic, false)));
	return row.n > 0;
}

/** Workspace paths beside /beheer/dossiers/<slug>. */
const reservedSlugs = ['nieuw'];

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
	const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'dossier';
	const taken = new Set([
		...reservedSlugs,
		...(
			await tx
				.select({ slug: dossiers.slug })
				.from(dossiers)
				.where(sql`${dossiers.slug} = ${base} or ${dossiers.slug} like ${`${base}-%`}`)
		).map((r) => r.slug)
	]);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function checkPolicyDomains(db: DbOrTx, ids: string[]) {
	if (!ids.length) return;
	const found = await db
		.select({ id: policyDomains.id })
		.from(policyDomains)
		.where(inArray(policyDomains.id, ids));
	if (found.length !== new Set(ids).size) {
		refuse('Kies bestaande beleidsdomeinen.', { policyDomainIds: ['Onbekend beleidsdomein.'] });
	}
}

async function setPolicyDomains(tx: Tx, dossierId: string, ids: string[]) {
	await tx.delete(dossierPolicyDomains).where(eq(dossierPolicyDomains.dossierId, dossierId));
	const unique = [...new Set(ids)];
	if (unique.length) {
		await tx
			.insert(dossierPolicyDomains)
			.values(unique.map((policyDomainId) => ({ dossierId, policyDomainId })));
	}
}

/** The decision, as the principal may see it (a closed decision of another body is "not found"). */
async function visibleDecision(ctx: ServiceContext, decisionId: string) {
	try {
		return await getDecision(ctx, decisionId);
	} catch (e) {
		if (e instanceof AppError && e.code === 'not_found') {
			refuse('Dat besluit bestaat niet.', { decisionId: ['Dat besluit bestaat niet.'] });
		}
		throw e;
	}
}

// ---------------------------------------------------------------------------------------------
// The dossier itself

/** A new dossier of a body, from the decision that adopted its position when given. */
export async function createDossier(ctx: ServiceContext, input: unknown): Promise<Dossier> {
	const raw = (input ?? {}) as Record<string, unknown>;
	// Authorise on the body named before reading anything else.
	if (!isUuid(raw.bodyId)) {
		refuse(messages.body, { bodyId: [messages.body] });
	}
	authorizeDossier(ctx, { bodyId: raw.bodyId });
	const data = parse(dossierInput, input);
	// Those who may keep any body's dossiers may name an id that is no body at all.
	const [body] = await ctx.db
		.select({ id: bodies.id })
		.from(bodies)
		.where(eq(bodies.id, data.bodyId));
	if (!body) refuse(messages.body, { bodyId: [messages.body] });
	const decision = data.decisionId ? await visibleDecision(ctx, data.decisionId) : undefined;
	await checkPolicyDomains(ctx.db, data.policyDomainIds);
	if (data.isPublic && decision?.decision.status !== 'adopted') {
		refuse(messages.publicNotAdopted, { isPublic: [messages.publicNotAdopted] });
	}
	return mutate(ctx, async (tx) => {
		const [row] = await tx
			.insert(dossiers)
			.values({
				slug: await uniqueSlug(tx, data.title),
				bodyId: data.bodyId,
				title: data.title,
				position: data.position,
				isPublic: data.isPublic ?? false,
				answerDays: data.answerDays ?? 60,
				createdBy: userIdOf(ctx)
			})
			.returning();
		await setPolicyDomains(tx, row.id, data.policyDomainIds);
		if (decision) {
			await tx
				.insert(dossierDecisions)
				.values({ dossierId: row.id, decisionId: decision.decision.id });
		}
		return {
			result: row,
			audit: {
				action: 'dossier.create',
				recordType: 'dossier',
				recordId: row.id,
				changes: diff(undefined, { ...row, decisionId: decision?.decision.id })
			}
		};
	});
}

/** Edit title, position, policy domains, answer time and publication (names its revision). */
export async function updateDossier(ctx: ServiceContext, dossierId: string, input: unknown) {
	await keptDossier(ctx, dossierId);
	const data = parse(dossierUpdate, input);
	await checkPolicyDomains(ctx.db, data.policyDomainIds);
	return mutate(ctx, async (tx) => {
		const before = await locked(tx, dossierId);
		if (before.revision !== data.revision) throw new DossierConflict(before);
		const isPublic = data.isPublic ?? false;
		if (isPublic && !before.isPublic) {
			if (!(await isAdopted(tx, dossierId))) {
				refuse(messages.publicNotAdopted, { isPublic: [messages.publicNotAdopted] });
			}
			if (await hasClosedDocuments(tx, dossierId)) {
				refuse(messages.publicWithClosedDocuments, {
					isPublic: [messages.publicWithClosedDocuments]
				});
			}
		}
		const [row] = await tx
			.update(dossiers)
			.set({
				title: data.title,
				position: data.position,
				isPublic,
				answerDays: data.answerDays ?? before.answerDays,
				revision: before.revision + 1
			})
			.where(eq(dossiers.id, dossierId))
			.returning();
		await setPolicyDomains(tx, dossierId, data.policyDomainIds);
		return {
			result: row,
			audit: {
				action: 'dossier.update',
				recordType: 'dossier',
				recordId: dossierId,
				changes: diff(before, row)
			}
		};
	});
}

/** Delete a dossier (its links, addressees and document rows go with it). */
export async function deleteDossier(ctx: ServiceContext, dossierId: string): Promise<void> {
	const before = await keptDossier(ctx, dossierId);
	await mutate(ctx, async (tx) => {
		await tx.delete(dossiers).where(eq(dossiers.id, dossierId));
		return {
			result: undefined,
			audit: {
				action: 'dossier.delete',
				recordType: 'dossier',
				recordId: dossierId,
				changes: diff(before, undefined)
			}
		};
	});
}

/** Close the dossier on a day, with a note; reopen removes both. */
export async function closeDossier(ctx: ServiceContext, dossierId: string, input: unknown) {
	await keptDossier(ctx, dossierId);
	const data = parse(closeInput, input);
	if (data.closedOn > today()) refuse(messages.future, { closedOn: [messages.future] });
	return setClosed(ctx, dossierId, data.closedOn, data.note, 'dossier.close');
}

export async function reopenDossier(ctx: ServiceContext, dossierId: string) {
	await keptDossier(ctx, dossierId);
	return setClosed(ctx, dossierId, null, null, 'dossier.reopen');
}

function setClosed(
	ctx: ServiceContext,
	dossierId: string,
	closedOn: string | null,
	closedNote: string | null,
	action: string
) {
	return mutate(ctx, async (tx) => {
		const before = await locked(tx, dossierId);
		const [row] = await tx
			.update(dossiers)
			.set({ closedOn, closedNote, revision: before.revision + 1 })
			.where(eq(dossiers.id, dossierId))
			.returning();
		return {
			result: row,
			audit: { action, recordType: 'dossier', recordId: dossierId, changes: diff(before, row) }
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Decisions

export async function linkDecision(ctx: ServiceContext, dossierId: string, input: unknown) {
	await keptDossier(ctx, dossierId);
	const data = parse(decisionLinkInput, input);
	const decision = await visibleDecision(ctx, data.decisionId);
	return mutate(ctx, async (tx) => {
		await locked(tx, dossierId);
		const [link] = await tx
			.insert(dossierDecisions)
			.values({ dossierId, decisionId: decision.decision.id })
			.onConflictDoNothing()
			.returning();
		if (!link) refuse('Dit besluit is al aan het dossier gekoppeld.');
		return {
			result: link,
			audit: {
				action: 'dossier.decision.link',
				recordType: 'dossier',
				recordId: dossierId,
				changes: { decisionId: { after: decision.decision.id } }
			}
		};
	});
}

/** Unlink a decision; refused when the dossier was sent or is public and this was its only adoption. */
export async function unlinkDecision(ctx: ServiceContext, dossierId: string, decisionId: string) {
	await keptDossier(ctx, dossierId);
	if (!isUuid(decisionId)) throw notFound('Besluit niet gevonden.');
	return mutate(ctx, async (tx) => {
		const dossier = await locked(tx, dossierId);
		const removed = await tx
			.delete(dossierDecisions)
			.where(
				and(eq(dossierDecisions.dossierId, dossierId), eq(dossierDecisions.decisionId, decisionId))
			)
			.returning();
		if (!removed.length) throw notFound('Dit besluit is niet aan het dossier gekoppeld.');
		if (!(await isAdopted(tx, dossierId))) {
			const [sent] = await tx
				.select({ id: dossierAddressees.id })
				.from(dossierAddressees)
				.where(
					and(
						eq(dossierAddressees.dossierId, dossierId),
						sql`${dossierAddressees.sentOn} is not null`
					)
				)
				.limit(1);
			if (sent || dossier.isPublic) {
				refuse(
					'Dit is het enige besluit dat het standpunt aannam, en het dossier is al verstuurd of openbaar: koppel eerst een ander besluit.'
				);
			}
		}
		return {
			result: undefined,
			audit: {
				action: 'dossier.decision.unlink',
				recordType: 'dossier',
				recordId: dossierId,
				changes: { decisionId: { before: decisionId } }
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Addressees: sending and answers

async function keptAddressee(ctx: ServiceContext, addresseeId: string) {
	if (!isUuid(addresseeId)) throw notFound('Geadresseerde niet gevonden.');
	const [row] = await ctx.db
		.select({ addressee: dossierAddressees, bodyId: dossiers.bodyId })
		.from(dossierAddressees)
		.innerJoin(dossiers, eq(dossiers.id, dossierAddressees.dossierId))
		.where(eq(dossierAddressees.id, addresseeId));
	if (!row) throw notFound('Geadresseerde niet gevonden.');
	authorizeDossier(ctx, { bodyId: row.bodyId });
	return row.addressee;
}

async function lockedAddressee(tx: Tx, addresseeId: string) {
	const [row] = await tx
		.select()
		.from(dossierAddressees)
		.where(eq(dossierAddressees.id, addresseeId))
		.for('update');
	if (!row) throw notFound('Geadresseerde niet gevonden.');
	return row;
}

function checkSentOn(sentOn: string) {
	if (sentOn > today()) refuse(messages.future, { sentOn: [messages.future] });
}

/** Add an addressee (an organisation), optionally with the day the position was sent to it. */
export async function addAddressee(ctx: ServiceContext, dossierId: string, input: unknown) {
	await keptDossier(ctx, dossierId);
	const data = parse(addresseeInput, input);
	if (data.sentOn) checkSentOn(data.sentOn);
	return mutate(ctx, async (tx) => {
		await locked(tx, dossierId);
		const [organisation] = await tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, data.organisationId));
		if (!organisation) {
			refuse('Die organisatie bestaat niet.', {
				organisationId: ['Kies een bestaande organisatie.']
			});
		}
		if (data.sentOn && !(await isAdopted(tx, dossierId))) {
			refuse(messages.notAdopted, { sentOn: [messages.notAdopted] });
		}
		const [row] = await tx
			.insert(dossierAddressees)
			.values({ dossierId, organisationId: data.organisationId, sentOn: data.sentOn ?? null })
			.onConflictDoNothing()
			.returning();
		if (!row) {
			refuse('Deze organisatie is al geadresseerde van het dossier.', {
				organisationId: ['Al geadresseerde.']
			});
		}
		return {
			result: row,
			audit: {
				action: 'dossier.addressee.add',
				recordType: 'dossier',
				recordId: dossierId,
				changes: diff(undefined, row)
			}
		};
	});
}

export async function removeAddressee(ctx: ServiceContext, addresseeId: string): Promise<void> {
	const before = await keptAddressee(ctx, addresseeId);
	await mutate(ctx, async (tx) => {
		await tx.delete(dossierAddressees).where(eq(dossierAddressees.id, addresseeId));
		return {
			result: undefined,
			audit: {
				action: 'dossier.addressee.remove',
				recordType: 'dossier',
				recordId: before.dossierId,
				changes: diff(before, undefined)
			}
		};
	});
}

/** Record the day the position was sent to an addressee: only once a decision adopted it. */
export async function markSent(ctx: ServiceContext, addresseeId: string, input: unknown) {
	const before = await keptAddressee(ctx, addresseeId);
	const data = parse(sentInput, input);
	checkSentOn(data.sentOn);
	return mutate(ctx, async (tx) => {
		await locked(tx, before.dossierId);
		const current = await lockedAddressee(tx, addresseeId);
		if (!(await isAdopted(tx, before.dossierId))) {
			refuse(messages.notAdopted, { sentOn: [messages.notAdopted] });
		}
		if (current.answeredOn && data.sentOn > current.answeredOn) {
			const message = `De verzending kan niet later zijn dan het antwoord (${current.answeredOn.split('-').reverse().join('/')}).`;
			refuse(message, { sentOn: [message] });
		}
		const [row] = await tx
			.update(dossierAddressees)
			.set({ sentOn: data.sentOn })
			.where(eq(dossierAddressees.id, addresseeId))
			.returning();
		return {
			result: row,
			audit: {
				action: 'dossier.sent',
				recordType: 'dossier',
				recordId: before.dossierId,
				changes: diff(before, row)
			}
		};
	});
}

/** Record an addressee's answer: its day (not before the sending, not in the future) and text. */
export async function recordAnswer(ctx: ServiceContext, addresseeId: string, input: unknown) {
	const { dossierId } = await keptAddressee(ctx, addresseeId);
	const data = parse(answerInput, input);
	if (data.answeredOn > today()) refuse(messages.future, { answeredOn: [messages.future] });
	return mutate(ctx, async (tx) => {
		// Checked against the sending as stored now (a sending recorded meanwhile waits for us).
		const before = await lockedAddressee(tx, addresseeId);
		if (!before.sentOn) refuse(messages.notSent, { answeredOn: [messages.notSent] });
		if (data.answeredOn < before.sentOn) {
			const message = messages.answerBeforeSent(before.sentOn);
			refuse(message, { answeredOn: [message] });
		}
		const [row] = await tx
			.update(dossierAddressees)
			.set({ answeredOn: data.answeredOn, answer: data.answer ?? null })
			.where(eq(dossierAddressees.id, addresseeId))
			.returning();
		return {
			result: row,
			audit: {
				action: 'dossier.answer',
				recordType: 'dossier',
				recordId: dossierId,
				changes: diff(before, row)
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Documents

/**
 * Attach a document (sent, or an addressee's answer). The file is staged and checked before the
 * transaction; a refusal leaves no file, no row. A closed document never goes into a public
 * dossier (that would publish it).
 */
export async function addDocument(
	ctx: ServiceContext,
	dossierId: string,
	input: unknown,
	upload: Upload | undefined
) {
	const dossier = await keptDossier(ctx, dossierId);
	const data = parse(documentInput, input);
	const isPublic = data.isPublic ?? false;
	if (dossier.isPublic && !isPublic) {
		refuse(messages.closedDocument, { isPublic: [messages.closedDocument] });
	}
	if (data.role === 'answer' && !data.addresseeId) {
		refuse('Kies van welke geadresseerde dit antwoord is.', {
			addresseeId: ['Kies een geadresseerde.']
		});
	}
	if (!upload) refuse('Kies een bestand.', { file: ['Kies een bestand.'] });
	const staged = await stageUpload('document', upload, 'file');
	try {
		return await mutate(ctx, async (tx) => {
			const current = await locked(tx, dossierId);
			if (current.isPublic && !isPublic) {
				refuse(messages.closedDocument, { isPublic: [messages.closedDocument] });
			}
			if (data.addresseeId) {
				const [addressee] = await tx
					.select({ id: dossierAddressees.id })
					.from(dossierAddressees)
					.where(
						and(
							eq(dossierAddressees.id, data.addresseeId),
							eq(dossierAddressees.dossierId, dossierId)
						)
					);
				if (!addressee) {
					refuse('Die geadresseerde hoort niet bij dit dossier.', {
						addresseeId: ['Kies een geadresseerde van dit dossier.']
					});
				}
			}
			const file = await commitUpload({ ...ctx, db: tx }, staged);
			const [row] = await tx
				.insert(dossierDocuments)
				.values({
					dossierId,
					role: data.role,
					addresseeId: data.role === 'answer' ? data.addresseeId! : null,
					title: data.title ?? cleanName(upload.name),
					fileId: file.id,
					isPublic
				})
				.returning();
			return {
				result: row,
				audit: {
					action: 'dossier.document.add',
					recordType: 'dossier',
					recordId: dossierId,
					changes: diff(undefined, row)
				}
			};
		});
	} finally {
		await discardUpload(staged);
	}
}

export async function removeDocument(ctx: ServiceContext, dossierId: string, documentId: string) {
	await keptDossier(ctx, dossierId);
	if (!isUuid(documentId)) throw notFound('Document niet gevonden.');
	await mutate(ctx, async (tx) => {
		const [before] = await tx
			.delete(dossierDocuments)
			.where(and(eq(dossierDocuments.id, documentId), eq(dossierDocuments.dossierId, dossierId)))
			.returning();
		if (!before) throw notFound('Document niet gevonden.');
		return {
			result: undefined,
			audit: {
				action: 'dossier.document.remove',
				recordType: 'dossier',
				recordId: dossierId,
				changes: diff(before, undefined)
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Plans: objectives it serves, actions that follow it up

/** Replace the linked plan items (objectives and actions; themes are refused). */
export async function setPlanItems(ctx: ServiceContext, dossierId: string, input: unknown) {
	await keptDossier(ctx, dossierId);
	const data = parse(planItemsInput, input);
	const ids = [...new Set(data.itemIds)];
	return mutate(ctx, async (tx) => {
		await locked(tx, dossierId);
		const found = ids.length
			? await tx
					.select({ id: planItems.id, kind: planItems.kind })
					.from(planItems)
					.where(inArray(planItems.id, ids))
			: [];
		if (found.length !== ids.length || found.some((i) => i.kind === 'theme')) {
			refuse('Kies doelstellingen of acties van een plan.', {
				itemIds: ['Kies doelstellingen of acties van een plan.']
			});
		}
		const before = await tx
			.select({ itemId: dossierPlanItems.itemId })
			.from(dossierPlanItems)
			.where(eq(dossierPlanItems.dossierId, dossierId));
		await tx.delete(dossierPlanItems).where(eq(dossierPlanItems.dossierId, dossierId));
		if (ids.length) {
			await tx.insert(dossierPlanItems).values(ids.map((itemId) => ({ dossierId, itemId })));
		}
		return {
			result: ids,
			audit: {
				action: 'dossier.plan_items',
				recordType: 'dossier',
				recordId: dossierId,
				changes: { itemIds: { before: before.map((b) => b.itemId).sort(), after: [...ids].sort() } }
			}
		};
	});
}
