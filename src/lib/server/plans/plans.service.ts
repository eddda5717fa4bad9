/**
 * Keeping a plan: the write side. Plans of a body or a region; the tree theme → objective
 * (general → specific) → action with stable external ids and an editable order; measures on the
 * monitor's indicators; milestones; manual status overrides with their reason; adoption and
 * amendment by decisions (amendments keep the previous content in plan_versions); links from
 * decisions and agenda items. Every function authorises with plans.policy.ts and writes in one
 * transaction with its audit row (`mutate`). Edits name the revision they started from: a stale
 * revision is refused with a PlanConflict carrying what is stored now, and nothing is written.
 */
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import { userIdOf, type ServiceContext } from '../context';
import { rows, type DbOrTx, type Tx } from '../db';
import {
	agendaItemActions,
	agendaItems,
	areas,
	bodies,
	decisionPlanLinks,
	decisions,
	indicators,
	meetings,
	organisations,
	people,
	planActionPartners,
	planIndicators,
	planItems,
	planMeasureTargets,
	planMeasures,
	planMilestones,
	planUpdates,
	planVersions,
	plans,
	type PlanItemKind
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { authorize, can, system } from '../policy';
import { createIndicator } from '../monitor/catalogue.service';
import { parsePeriod } from '../monitor/periods';
import { slugify } from '../seed/ids';
import { authorizePlan } from './plans.policy';
import {
	actionIdsInput,
	amendInput,
	itemInput,
	itemUpdate,
	linkInput,
	measureInput,
	milestoneInput,
	moveInput,
	overrideInput,
	planInput,
	planStatusInput,
	planUpdate,
	revisionInput,
	type ItemUpdate,
	type MeasureInput
} from './plans.schema';

export type Plan = typeof plans.$inferSelect;
export type PlanItem = typeof planItems.$inferSelect;
export type PlanMeasure = typeof planMeasures.$inferSelect;

/** A stale edit: what is stored now goes back to the writer (their own version is in the form). */
export class PlanConflict<T> extends AppError {
	constructor(readonly current: T) {
		super(
			'conflict',
			'Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet bewaard: bekijk de huidige versie en probeer opnieuw.'
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

function revisionOf(value: unknown): number {
	const parsed = revisionInput.safeParse(value);
	if (!parsed.success) refuse('Ongeldige versie: laad de pagina opnieuw.');
	return parsed.data;
}

const planNotFound = () => notFound('Plan niet gevonden.');
const itemNotFound = () => notFound('Onderdeel van het plan niet gevonden.');
const measureNotFound = () => notFound('Meting niet gevonden.');

/** The plan, authorised (403 before anything else). */
async function keptPlan(ctx: ServiceContext, planId: string): Promise<Plan> {
	if (!isUuid(planId)) throw planNotFound();
	const [plan] = await ctx.db.select().from(plans).where(eq(plans.id, planId));
	if (!plan) throw planNotFound();
	authorizePlan(ctx, plan);
	return plan;
}

async function keptItem(ctx: ServiceContext, itemId: string) {
	if (!isUuid(itemId)) throw itemNotFound();
	const [row] = await ctx.db
		.select({ item: planItems, plan: plans })
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(eq(planItems.id, itemId));
	if (!row) throw itemNotFound();
	authorizePlan(ctx, row.plan);
	return row;
}

async function keptMeasure(ctx: ServiceContext, measureId: string) {
	if (!isUuid(measureId)) throw measureNotFound();
	const [row] = await ctx.db
		.select({ measure: planMeasures, item: planItems, plan: plans })
		.from(planMeasures)
		.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(eq(planMeasures.id, measureId));
	if (!row) throw measureNotFound();
	authorizePlan(ctx, row.plan);
	return row;
}

/** Lock the plan row (edits of one plan queue on it) and refuse changes to a closed plan. */
async function lockOpenPlan(tx: Tx, planId: string): Promise<Plan> {
	const [plan] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
	if (!plan) throw planNotFound();
	if (plan.status === 'closed') refuse('Dit plan is afgesloten: heropen het om het te wijzigen.');
	return plan;
}

async function decisionExists(db: DbOrTx, decisionId: string | undefined) {
	if (!decisionId || !isUuid(decisionId))
		refuse('Kies een bestaand besluit.', { decisionId: ['Kies een bestaand besluit.'] });
	const [row] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
	if (!row) refuse('Dat besluit bestaat niet.', { decisionId: ['Dat besluit bestaat niet.'] });
	return row;
}

// ---------------------------------------------------------------------------------------------
// Plans

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
	const base = slugify(title).slice(0, 80).replace(/-+$/, '') || 'plan';
	const taken = new Set([
		// Workspace paths beside /beheer/plannen/<slug>.
		'nieuw',
		'mijn-acties',
		...(
			await tx
				.select({ slug: plans.slug })
				.from(plans)
				.where(sql`${plans.slug} = ${base} or ${plans.slug} like ${`${base}-%`}`)
		).map((r) => r.slug)
	]);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new draft plan of a body or a region. */
export async function createPlan(ctx: ServiceContext, input: unknown): Promise<Plan> {
	const data = parse(planInput, input);
	authorizePlan(ctx, { bodyId: data.bodyId ?? null });
	return mutate(ctx, async (tx) => {
		if (data.bodyId) {
			const [body] = await tx
				.select({ id: bodies.id })
				.from(bodies)
				.where(eq(bodies.id, data.bodyId));
			if (!body) refuse('Dat orgaan bestaat niet.', { bodyId: ['Dat orgaan bestaat niet.'] });
		} else {
			const [region] = await tx
				.select({ level: areas.level })
				.from(areas)
				.where(eq(areas.id, data.regionId!));
			if (region?.level !== 'regio')
				refuse('Kies een regio.', { regionId: ['Kies een regio (Leuven of Halle-Vilvoorde).'] });
		}
		let created: Plan | undefined;
		// A plan created at the same moment may take the slug: then the next free one.
		for (let attempt = 0; !created; attempt++) {
			if (attempt === 5) throw new AppError('conflict', 'Probeer het plan opnieuw te bewaren.');
			[created] = await tx
				.insert(plans)
				.values({
					slug: await uniqueSlug(tx, data.title),
					bodyId: data.bodyId ?? null,
					regionId: data.regionId ?? null,
					title: { nl: data.title },
					vision: data.vision ?? '',
					periodStart: data.periodStart,
					periodEnd: data.periodEnd,
					isPublic: data.isPublic ?? false,
					reminders: data.reminders ?? 'quarterly'
				})
				.onConflictDoNothing({ target: plans.slug })
				.returning();
		}
		return {
			result: created,
			audit: {
				action: 'plan.create',
				recordType: 'plan',
				recordId: created.id,
				changes: diff(undefined, created)
			}
		};
	});
}

/**
 * Change a plan's title, vision, period, publication, reminders and tolerances (optimistic
 * concurrency: `revision` is the one the edit started from). As a form posts it: an absent
 * checkbox is "not public"; absent reminders or tolerances stay as they are (null tolerances
 * return to the defaults).
 */
export async function updatePlan(
	ctx: ServiceContext,
	planId: string,
	input: unknown,
	revision: unknown
): Promise<Plan> {
	await keptPlan(ctx, planId);
	const data = parse(planUpdate, input);
	const base = revisionOf(revision);
	return mutate(ctx, async (tx) => {
		const before = await lockOpenPlan(tx, planId);
		if (before.revision !== base) throw new PlanConflict(before);
		const [after] = await tx
			.update(plans)
			.set({
				title: { ...before.title, nl: data.title },
				vision: data.vision ?? '',
				periodStart: data.periodStart,
				periodEnd: data.periodEnd,
				isPublic: data.isPublic ?? false,
				reminders: data.reminders ?? before.reminders,
				tolerances: data.tolerances === undefined ? before.tolerances : data.tolerances,
				revision: before.revision + 1,
				updatedAt: new Date()
			})
			.where(eq(plans.id, planId))
			.returning();
		return {
			result: after,
			audit: {
				action: 'plan.update',
				recordType: 'plan',
				recordId: planId,
				changes: diff(before, after)
			}
		};
	});
}

export const planStatusLabels: Record<Plan['status'], string> = {
	draft: 'Ontwerp',
	adopted: 'Vastgesteld',
	running: 'Lopend',
	closed: 'Afgesloten'
};

/** Adopt a draft plan by a decision: status adopted, the decision recorded and linked. */
export async function adoptPlan(
	ctx: ServiceContext,
	planId: string,
	decisionId: string
): Promise<Plan> {
	await keptPlan(ctx, planId);
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
		if (before.status !== 'draft')
			refuse(
				`Dit plan is al vastgesteld (status: ${planStatusLabels[before.status].toLowerCase()}).`
			);
		const decision = await decisionExists(tx, decisionId);
		const [after] = await tx
			.update(plans)
			.set({
				status: 'adopted',
				adoptedByDecisionId: decision.id,
				revision: before.revision + 1,
				updatedAt: new Date()
			})
			.where(eq(plans.id, planId))
			.returning();
		await tx
			.insert(decisionPlanLinks)
			.values({ decisionId: decision.id, planId, effect: 'adopts' });
		return {
			result: after,
			audit: {
				action: 'plan.adopt',
				recordType: 'plan',
				recordId: planId,
				changes: diff(before, after)
			}
		};
	});
}

/** Allowed status changes; draft → adopted only through adoptPlan. */
const statusTransitions: Record<Plan['status'], Plan['status'][]> = {
	draft: [],
	adopted: ['running', 'closed'],
	running: ['closed'],
	closed: ['running']
};

/** Start (running), close, or reopen (closed → running) an adopted plan. */
export async function setPlanStatus(
	ctx: ServiceContext,
	planId: string,
	status: unknown
): Promise<Plan> {
	await keptPlan(ctx, planId);
	const next = parse(planStatusInput, status);
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
		if (!statusTransitions[before.status].includes(next))
			refuse(
				before.status === 'draft'
					? 'Een ontwerpplan wordt eerst vastgesteld door een besluit.'
					: `Een plan met status „${planStatusLabels[before.status].toLowerCase()}” kan niet naar „${planStatusLabels[next].toLowerCase()}”.`
			);
		const [after] = await tx
			.update(plans)
			.set({ status: next, revision: before.revision + 1, updatedAt: new Date() })
			.where(eq(plans.id, planId))
			.returning();
		return {
			result: after,
			audit: {
				action: 'plan.status',
				recordType: 'plan',
				recordId: planId,
				changes: diff(before, after)
			}
		};
	});
}

/** The whole tree of a plan as stored now: what plan_versions keeps. */
export async function planSnapshot(db: DbOrTx, planId: string) {
	const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
	const items = await db
		.select()
		.from(planItems)
		.where(eq(planItems.planId, planId))
		.orderBy(asc(planItems.parentId), asc(planItems.position));
	const itemIds = items.map((i) => i.id);
	const none = itemIds.length === 0;
	const partners = none
		? []
		: await db.select().from(planActionPartners).where(inArray(planActionPartners.itemId, itemIds));
	const milestones = none
		? []
		: await db.select().from(planMilestones).where(inArray(planMilestones.itemId, itemIds));
	const measures = none
		? []
		: await db.select().from(planMeasures).where(inArray(planMeasures.itemId, itemIds));
	const targets = measures.length
		? await db
				.select()
				.from(planMeasureTargets)
				.where(
					inArray(
						planMeasureTargets.measureId,
						measures.map((m) => m.id)
					)
				)
		: [];
	return { plan, items, partners, milestones, measures, targets };
}

/**
 * Amend an adopted or running plan: its current content is kept as plan_versions (version =
 * the current version), the plan's version goes up, and the decision (if any) is linked.
 */
export async function amendPlan(
	ctx: ServiceContext,
	planId: string,
	input: unknown
): Promise<Plan> {
	await keptPlan(ctx, planId);
	const data = parse(amendInput, input);
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
		if (before.status !== 'adopted' && before.status !== 'running')
			refuse('Alleen een vastgesteld of lopend plan wordt gewijzigd met een nieuwe versie.');
		if (data.decisionId) await decisionExists(tx, data.decisionId);
		const snapshot = await planSnapshot(tx, planId);
		await tx.insert(planVersions).values({
			planId,
			version: before.version,
			snapshot: JSON.parse(JSON.stringify(snapshot)),
			decisionId: data.decisionId ?? null,
			reason: data.reason,
			createdByUserId: userIdOf(ctx)
		});
		const [after] = await tx
			.update(plans)
			.set({ version: before.version + 1, revision: before.revision + 1, updatedAt: new Date() })
			.where(eq(plans.id, planId))
			.returning();
		if (data.decisionId)
			await tx
				.insert(decisionPlanLinks)
				.values({ decisionId: data.decisionId, planId, effect: 'amends' });
		return {
			result: after,
			audit: {
				action: 'plan.amend',
				recordType: 'plan',
				recordId: planId,
				changes: { ...diff(before, after), reason: { before: null, after: data.reason } }
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Items

const kindLabels: Record<PlanItemKind, string> = {
	theme: 'thema',
	objective: 'doelstelling',
	action: 'actie'
};
const prefixes: Record<PlanItemKind, string> = { theme: 'T', objective: 'D', action: 'A' };

/** The numbers of an external id ("D1.2" → "1.2"), or null when it has none. */
const numbersOf = (externalId: string) =>
	/^[A-Za-z]*(\d+(?:\.\d+)*)$/.exec(externalId)?.[1] ?? null;

async function takenExternalIds(tx: Tx, planId: string) {
	const rows = await tx
		.select({ externalId: planItems.externalId })
		.from(planItems)
		.where(eq(planItems.planId, planId));
	return new Set(rows.map((r) => r.externalId.toLowerCase()));
}

/** T1, D1.1, D1.1.1, A1.1.1 …: the parent's numbers and the next free sibling number. */
function generateExternalId(
	kind: PlanItemKind,
	parent: PlanItem | null,
	siblings: number,
	taken: Set<string>
): string {
	const numbers = parent ? (numbersOf(parent.externalId) ?? String(parent.position + 1)) : null;
	for (let n = siblings + 1; ; n++) {
		const candidate = `${prefixes[kind]}${numbers ? `${numbers}.` : ''}${n}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}

const duplicateId = (externalId: string) =>
	refuse(`Het id ${externalId} bestaat al in dit plan: kies een ander.`, {
		externalId: [`Het id ${externalId} bestaat al in dit plan: kies een ander.`]
	});

/** Check the references of an action's fields (friendly messages instead of key errors). */
async function checkReferences(tx: Tx, data: ItemUpdate) {
	const fields: Record<string, string[]> = {};
	const orgIds = [
		...new Set([
			...(data.leadOrganisationId ? [data.leadOrganisationId] : []),
			...(data.partnerOrganisationIds ?? [])
		])
	];
	if (orgIds.length) {
		const found = new Set(
			(
				await tx
					.select({ id: organisations.id })
					.from(organisations)
					.where(inArray(organisations.id, orgIds))
			).map((r) => r.id)
		);
		if (data.leadOrganisationId && !found.has(data.leadOrganisationId))
			fields.leadOrganisationId = ['Die organisatie bestaat niet.'];
		if ((data.partnerOrganisationIds ?? []).some((id) => !found.has(id)))
			fields.partnerOrganisationIds = ['Een van de partnerorganisaties bestaat niet.'];
	}
	if (data.ownerPersonId) {
		const [person] = await tx
			.select({ id: people.id })
			.from(people)
			.where(eq(people.id, data.ownerPersonId));
		if (!person) fields.ownerPersonId = ['Die persoon bestaat niet.'];
	}
	if (Object.keys(fields).length) refuse('Controleer de ingevulde gegevens.', fields);
}

/** The stored columns of an item's fields; action fields only on actions, challenge only on objectives. */
function itemColumns(kind: PlanItemKind, data: ItemUpdate, current?: PlanItem) {
	const isAction = kind === 'action';
	return {
		title: data.title,
		description: data.description ?? '',
		challenge: kind === 'objective' ? (data.challenge ?? '') : '',
		isPriority: data.isPriority ?? false,
		weight: data.weight,
		leadOrganisationId: isAction ? (data.leadOrganisationId ?? null) : null,
		ownerPersonId: isAction ? (data.ownerPersonId ?? null) : null,
		startDate: isAction ? (data.startDate ?? null) : null,
		dueDate: isAction ? (data.dueDate ?? null) : null,
		budgetPlanned: isAction ? (data.budgetPlanned ?? null) : null,
		budgetSpent: isAction ? (data.budgetSpent ?? null) : null,
		progress: isAction ? (data.progress ?? current?.progress ?? 0) : 0
	};
}

async function setPartners(tx: Tx, itemId: string, organisationIds: string[]) {
	await tx.delete(planActionPartners).where(eq(planActionPartners.itemId, itemId));
	if (organisationIds.length)
		await tx
			.insert(planActionPartners)
			.values([...new Set(organisationIds)].map((organisationId) => ({ itemId, organisationId })));
}

/**
 * Add a theme (top level), an objective (under a theme: general; under a general objective:
 * specific — no deeper) or an action (under an objective), last among its siblings.
 */
export async function addItem(
	ctx: ServiceContext,
	planId: string,
	input: unknown
): Promise<PlanItem> {
	await keptPlan(ctx, planId);
	const data = parse(itemInput, input);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, planId);
		let parent: PlanItem | null = null;
		if (data.parentId) {
			[parent] = await tx
				.select()
				.from(planItems)
				.where(and(eq(planItems.id, data.parentId), eq(planItems.planId, planId)));
			if (!parent)
				refuse('Dat bovenliggende onderdeel hoort niet bij dit plan.', {
					parentId: ['Kies een onderdeel van dit plan.']
				});
		}
		await checkShape(tx, data.kind, parent);
		if (data.kind === 'action') await checkReferences(tx, data);
		const taken = await takenExternalIds(tx, planId);
		const [{ n: siblings }] = await tx
			.select({ n: count() })
			.from(planItems)
			.where(
				and(
					eq(planItems.planId, planId),
					parent ? eq(planItems.parentId, parent.id) : sql`${planItems.parentId} is null`,
					eq(planItems.kind, data.kind)
				)
			);
		const externalId = data.externalId ?? generateExternalId(data.kind, parent, siblings, taken);
		if (taken.has(externalId.toLowerCase())) duplicateId(externalId);
		const [{ pos }] = await tx
			.select({ pos: max(planItems.position) })
			.from(planItems)
			.where(
				and(
					eq(planItems.planId, planId),
					parent ? eq(planItems.parentId, parent.id) : sql`${planItems.parentId} is null`
				)
			);
		const [created] = await tx
			.insert(planItems)
			.values({
				planId,
				parentId: parent?.id ?? null,
				kind: data.kind,
				externalId,
				position: (pos ?? -1) + 1,
				...itemColumns(data.kind, data)
			})
			.returning();
		if (data.kind === 'action')
			await setPartners(tx, created.id, data.partnerOrganisationIds ?? []);
		return {
			result: created,
			audit: {
				action: 'plan.item.create',
				recordType: 'plan_item',
				recordId: created.id,
				changes: {
					...diff(undefined, created),
					partnerOrganisationIds: { before: undefined, after: data.partnerOrganisationIds ?? [] }
				}
			}
		};
	});
}

/** The tree's shape rules. */
async function checkShape(tx: Tx, kind: PlanItemKind, parent: PlanItem | null) {
	const no = (message: string): never => refuse(message, { parentId: [message] });
	if (kind === 'theme') {
		if (parent) no('Een thema staat bovenaan het plan, niet onder een ander onderdeel.');
		return;
	}
	if (!parent) no(`Kies waaronder deze ${kindLabels[kind]} hoort.`);
	if (kind === 'objective') {
		if (parent!.kind === 'theme') return;
		if (parent!.kind === 'objective') {
			const [grand] = await tx
				.select({ kind: planItems.kind })
				.from(planItems)
				.where(eq(planItems.id, parent!.parentId!));
			if (grand?.kind === 'theme') return;
			no('Een specifieke doelstelling kan geen verdere doelstellingen hebben.');
		}
		no('Een doelstelling hoort onder een thema of onder een algemene doelstelling.');
	}
	if (parent!.kind !== 'objective') no('Een actie hoort onder een doelstelling.');
}

/**
 * Change an item's fields (optimistic concurrency on the item's revision). The input replaces
 * the item's fields as a form posts them all: absent optional fields become empty; only an
 * absent external id, progress or partner list keeps the stored one.
 */
export async function updateItem(
	ctx: ServiceContext,
	itemId: string,
	input: unknown,
	revision: unknown
): Promise<PlanItem> {
	const { item } = await keptItem(ctx, itemId);
	const data = parse(itemUpdate, input);
	const base = revisionOf(revision);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [before] = await tx
			.select()
			.from(planItems)
			.where(eq(planItems.id, itemId))
			.for('update');
		if (!before) throw itemNotFound();
		if (before.revision !== base) throw new PlanConflict(before);
		if (before.kind === 'action') await checkReferences(tx, data);
		const externalId = data.externalId ?? before.externalId;
		if (externalId.toLowerCase() !== before.externalId.toLowerCase()) {
			const taken = await takenExternalIds(tx, before.planId);
			if (taken.has(externalId.toLowerCase())) duplicateId(externalId);
		}
		const [after] = await tx
			.update(planItems)
			.set({
				externalId,
				...itemColumns(before.kind, data, before),
				revision: before.revision + 1,
				updatedAt: new Date()
			})
			.where(eq(planItems.id, itemId))
			.returning();
		const changes = diff(before, after);
		if (before.kind === 'action' && data.partnerOrganisationIds !== undefined) {
			const old = (
				await tx.select().from(planActionPartners).where(eq(planActionPartners.itemId, itemId))
			).map((p) => p.organisationId);
			await setPartners(tx, itemId, data.partnerOrganisationIds);
			if (
				JSON.stringify([...old].sort()) !==
				JSON.stringify([...new Set(data.partnerOrganisationIds)].sort())
			)
				changes.partnerOrganisationIds = { before: old, after: data.partnerOrganisationIds };
		}
		return {
			result: after,
			audit: { action: 'plan.item.update', recordType: 'plan_item', recordId: itemId, changes }
		};
	});
}

/** Progress updates are append-only: what has a history is not deleted (it can be overridden). */
const historyKept =
	'Hierover zijn al voortgangsmeldingen bewaard: dit onderdeel kan niet meer verwijderd worden. Leg zo nodig de status met de hand vast, met een reden.';

/**
 * Delete an item with everything under it (children, measures, milestones, partners), unless
 * something in it already has progress updates.
 */
export async function deleteItem(ctx: ServiceContext, itemId: string): Promise<void> {
	const { item } = await keptItem(ctx, itemId);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [{ n }] = await rows<{ n: number }>(
			tx,
			sql`with recursive sub(id) as (
				select id from plan_items where id = ${itemId}
				union all
				select c.id from plan_items c join sub on c.parent_id = sub.id
			)
			select count(*)::int as n from plan_updates u
			where u.item_id in (select id from sub)
				or u.measure_id in (select m.id from plan_measures m where m.item_id in (select id from sub))`
		);
		if (n > 0) refuse(historyKept);
		const [before] = await tx.delete(planItems).where(eq(planItems.id, itemId)).returning();
		if (!before) throw itemNotFound();
		return {
			result: undefined,
			audit: {
				action: 'plan.item.delete',
				recordType: 'plan_item',
				recordId: itemId,
				changes: diff(before, undefined)
			}
		};
	});
}

/** Move an item one place up or down among its siblings. */
export async function moveItem(
	ctx: ServiceContext,
	itemId: string,
	direction: unknown
): Promise<void> {
	const { item } = await keptItem(ctx, itemId);
	const dir = parse(moveInput, direction);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const siblings = await tx
			.select({ id: planItems.id, position: planItems.position })
			.from(planItems)
			.where(
				and(
					eq(planItems.planId, item.planId),
					item.parentId ? eq(planItems.parentId, item.parentId) : sql`${planItems.parentId} is null`
				)
			)
			.orderBy(asc(planItems.position), asc(planItems.createdAt));
		const i = siblings.findIndex((s) => s.id === itemId);
		const j = dir === 'up' ? i - 1 : i + 1;
		if (i < 0 || j < 0 || j >= siblings.length)
			refuse(
				dir === 'up' ? 'Dit onderdeel staat al bovenaan.' : 'Dit onderdeel staat al onderaan.'
			);
		[siblings[i], siblings[j]] = [siblings[j], siblings[i]];
		// Renumber 0..n-1 so that equal or gapped positions never block a move.
		for (const [position, s] of siblings.entries())
			await tx.update(planItems).set({ position }).where(eq(planItems.id, s.id));
		return {
			result: undefined,
			audit: {
				action: 'plan.item.move',
				recordType: 'plan_item',
				recordId: itemId,
				changes: { position: { before: i, after: j } }
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Milestones

async function actionFor(ctx: ServiceContext, itemId: string) {
	const row = await keptItem(ctx, itemId);
	if (row.item.kind !== 'action') refuse('Alleen een actie heeft mijlpalen.');
	return row;
}

export async function addMilestone(ctx: ServiceContext, itemId: string, input: unknown) {
	const { item } = await actionFor(ctx, itemId);
	const data = parse(milestoneInput, input);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [{ pos }] = await tx
			.select({ pos: max(planMilestones.position) })
			.from(planMilestones)
			.where(eq(planMilestones.itemId, itemId));
		const [created] = await tx
			.insert(planMilestones)
			.values({
				itemId,
				title: data.title,
				dueDate: data.dueDate,
				doneOn: data.doneOn ?? null,
				position: (pos ?? -1) + 1
			})
			.returning();
		return {
			result: created,
			audit: {
				action: 'plan.milestone.create',
				recordType: 'plan_milestone',
				recordId: created.id,
				changes: diff(undefined, created)
			}
		};
	});
}

async function keptMilestone(ctx: ServiceContext, milestoneId: string) {
	if (!isUuid(milestoneId)) throw notFound('Mijlpaal niet gevonden.');
	const [row] = await ctx.db
		.select()
		.from(planMilestones)
		.where(eq(planMilestones.id, milestoneId));
	if (!row) throw notFound('Mijlpaal niet gevonden.');
	const { item } = await keptItem(ctx, row.itemId);
	return { milestone: row, item };
}

export async function updateMilestone(ctx: ServiceContext, milestoneId: string, input: unknown) {
	const { item } = await keptMilestone(ctx, milestoneId);
	const data = parse(milestoneInput, input);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [before] = await tx
			.select()
			.from(planMilestones)
			.where(eq(planMilestones.id, milestoneId));
		const [after] = await tx
			.update(planMilestones)
			.set({ title: data.title, dueDate: data.dueDate, doneOn: data.doneOn ?? null })
			.where(eq(planMilestones.id, milestoneId))
			.returning();
		return {
			result: after,
			audit: {
				action: 'plan.milestone.update',
				recordType: 'plan_milestone',
				recordId: milestoneId,
				changes: diff(before, after)
			}
		};
	});
}

export async function removeMilestone(ctx: ServiceContext, milestoneId: string): Promise<void> {
	const { item } = await keptMilestone(ctx, milestoneId);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [before] = await tx
			.delete(planMilestones)
			.where(eq(planMilestones.id, milestoneId))
			.returning();
		return {
			result: undefined,
			audit: {
				action: 'plan.milestone.delete',
				recordType: 'plan_milestone',
				recordId: milestoneId,
				changes: diff(before, undefined)
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Measures

/** The indicator, area and direction of a measure; refusals name the field. */
async function measureColumns(tx: Tx, data: MeasureInput) {
	const [indicator] = await tx
		.select({ id: indicators.id, direction: indicators.direction })
		.from(indicators)
		.where(
			data.indicatorId
				? eq(indicators.id, data.indicatorId)
				: eq(indicators.code, data.indicatorCode!)
		);
	if (!indicator)
		refuse('Die indicator staat niet in de catalogus.', {
			indicatorId: ['Die indicator staat niet in de catalogus.']
		});
	const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, data.areaId));
	if (!area) refuse('Dat gebied bestaat niet.', { areaId: ['Dat gebied bestaat niet.'] });
	const direction =
		data.direction ?? (indicator.direction === 'neutral' ? null : indicator.direction);
	if (!direction) {
		const message = 'Kies of hoger of lager beter is: de indicator legt het niet vast.';
		refuse(message, { direction: [message] });
	}
	const base = parsePeriod(data.baselinePeriod)!;
	const target = parsePeriod(data.targetPeriod)!;
	return {
		indicatorId: indicator.id,
		areaId: area.id,
		baselineValue: data.baselineValue,
		baselinePeriod: base.period,
		baselinePeriodStart: base.start,
		targetValue: data.targetValue,
		targetPeriod: target.period,
		targetPeriodStart: target.start,
		direction,
		trajectory: data.trajectory,
		weight: data.weight
	};
}

async function setTargets(tx: Tx, measureId: string, targets: MeasureInput['intermediateTargets']) {
	await tx.delete(planMeasureTargets).where(eq(planMeasureTargets.measureId, measureId));
	if (targets?.length)
		await tx.insert(planMeasureTargets).values(
			targets.map((t) => {
				const p = parsePeriod(t.period)!;
				return { measureId, period: p.period, periodStart: p.start, value: t.value };
			})
		);
}

async function measureIdsOfPlan(tx: Tx, planId: string) {
	return tx
		.select({
			id: planMeasures.id,
			externalId: planMeasures.externalId,
			itemId: planMeasures.itemId
		})
		.from(planMeasures)
		.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
		.where(eq(planItems.planId, planId));
}

/** Add a measure to an objective: indicator, area, baseline, target, intermediate targets. */
export async function addMeasure(
	ctx: ServiceContext,
	itemId: string,
	input: unknown
): Promise<PlanMeasure> {
	const { item } = await keptItem(ctx, itemId);
	if (item.kind !== 'objective') refuse('Metingen horen bij een doelstelling.');
	const data = parse(measureInput, input);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const columns = await measureColumns(tx, data);
		const existing = await measureIdsOfPlan(tx, item.planId);
		const taken = new Set(existing.map((m) => m.externalId.toLowerCase()));
		let externalId = data.externalId;
		if (externalId && taken.has(externalId.toLowerCase())) duplicateId(externalId);
		if (!externalId) {
			const numbers = numbersOf(item.externalId) ?? String(item.position + 1);
			const siblings = existing.filter((m) => m.itemId === itemId).length;
			for (let n = siblings + 1; ; n++)
				if (!taken.has(`m${numbers}.${n}`.toLowerCase())) {
					externalId = `M${numbers}.${n}`;
					break;
				}
		}
		const siblings = existing.filter((m) => m.itemId === itemId).length;
		const [created] = await tx
			.insert(planMeasures)
			.values({ itemId, externalId: externalId!, position: siblings, ...columns })
			.returning();
		await setTargets(tx, created.id, data.intermediateTargets);
		return {
			result: created,
			audit: {
				action: 'plan.measure.create',
				recordType: 'plan_measure',
				recordId: created.id,
				changes: {
					...diff(undefined, created),
					intermediateTargets: { before: undefined, after: data.intermediateTargets ?? [] }
				}
			}
		};
	});
}

export async function updateMeasure(
	ctx: ServiceContext,
	measureId: string,
	input: unknown,
	revision: unknown
): Promise<PlanMeasure> {
	const { item } = await keptMeasure(ctx, measureId);
	const data = parse(measureInput, input);
	const base = revisionOf(revision);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [before] = await tx
			.select()
			.from(planMeasures)
			.where(eq(planMeasures.id, measureId))
			.for('update');
		if (!before) throw measureNotFound();
		if (before.revision !== base) throw new PlanConflict(before);
		const columns = await measureColumns(tx, data);
		const externalId = data.externalId ?? before.externalId;
		if (externalId.toLowerCase() !== before.externalId.toLowerCase()) {
			const taken = new Set(
				(await measureIdsOfPlan(tx, item.planId)).map((m) => m.externalId.toLowerCase())
			);
			if (taken.has(externalId.toLowerCase())) duplicateId(externalId);
		}
		const oldTargets = await tx
			.select({ period: planMeasureTargets.period, value: planMeasureTargets.value })
			.from(planMeasureTargets)
			.where(eq(planMeasureTargets.measureId, measureId));
		const [after] = await tx
			.update(planMeasures)
			.set({ externalId, ...columns, revision: before.revision + 1, updatedAt: new Date() })
			.where(eq(planMeasures.id, measureId))
			.returning();
		const changes = diff(before, after);
		if (data.intermediateTargets !== undefined) {
			await setTargets(tx, measureId, data.intermediateTargets);
			changes.intermediateTargets = { before: oldTargets, after: data.intermediateTargets };
		}
		return {
			result: after,
			audit: {
				action: 'plan.measure.update',
				recordType: 'plan_measure',
				recordId: measureId,
				changes
			}
		};
	});
}

/** Delete a measure with its intermediate targets, unless it already has progress updates. */
export async function deleteMeasure(ctx: ServiceContext, measureId: string): Promise<void> {
	const { item } = await keptMeasure(ctx, measureId);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [{ n }] = await tx
			.select({ n: count() })
			.from(planUpdates)
			.where(eq(planUpdates.measureId, measureId));
		if (n > 0) refuse(historyKept);
		const [before] = await tx
			.delete(planMeasures)
			.where(eq(planMeasures.id, measureId))
			.returning();
		if (!before) throw measureNotFound();
		return {
			result: undefined,
			audit: {
				action: 'plan.measure.delete',
				recordType: 'plan_measure',
				recordId: measureId,
				changes: diff(before, undefined)
			}
		};
	});
}

/**
 * A plan adds an indicator of its own to the monitor's catalogue (for its measures). The
 * catalogue's createIndicator does the validation and writes the indicator with its own audit
 * row, nested in this transaction (a savepoint); plan_indicators records that the plan added it.
 * The plan's keepers may do this without monitor:manage: the plan policy authorises it.
 */
export async function addPlanIndicator(
	ctx: ServiceContext,
	planId: string,
	indicatorInput: unknown
) {
	await keptPlan(ctx, planId);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, planId);
		const indicator = await createIndicator({ ...ctx, db: tx, principal: system }, indicatorInput);
		await tx.insert(planIndicators).values({ planId, indicatorId: indicator.id });
		return {
			result: indicator,
			audit: {
				action: 'plan.indicator.add',
				recordType: 'plan',
				recordId: planId,
				changes: { indicator: { before: undefined, after: indicator.code } }
			}
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Overrides

export type OverrideTarget = { planId: string } | { itemId: string } | { measureId: string };

/**
 * Set (or clear, with status null) a manual status on a plan, an item or a measure. A reason is
 * required; the audit row records who and why.
 */
export async function setOverride(
	ctx: ServiceContext,
	target: OverrideTarget,
	status: unknown,
	reason: unknown
) {
	const data = parse(overrideInput, { status, reason });
	const values = {
		statusOverride: data.status,
		overrideReason: data.status ? data.reason : null
	};
	const audit = (recordType: string, recordId: string, before: Record<string, unknown>) => ({
		action: data.status ? 'plan.override.set' : 'plan.override.clear',
		recordType,
		recordId,
		changes: {
			statusOverride: { before: before.statusOverride, after: data.status },
			reason: { before: before.overrideReason, after: data.reason }
		}
	});
	if ('planId' in target) {
		await keptPlan(ctx, target.planId);
		return mutate(ctx, async (tx) => {
			const before = await lockOpenPlan(tx, target.planId);
			await tx.update(plans).set(values).where(eq(plans.id, target.planId));
			return { result: undefined, audit: audit('plan', target.planId, before) };
		});
	}
	if ('itemId' in target) {
		const { item } = await keptItem(ctx, target.itemId);
		return mutate(ctx, async (tx) => {
			await lockOpenPlan(tx, item.planId);
			const [before] = await tx.select().from(planItems).where(eq(planItems.id, item.id));
			await tx
				.update(planItems)
				.set({ ...values, overrideByUserId: data.status ? userIdOf(ctx) : null })
				.where(eq(planItems.id, item.id));
			return { result: undefined, audit: audit('plan_item', item.id, before) };
		});
	}
	const { measure, item } = await keptMeasure(ctx, target.measureId);
	return mutate(ctx, async (tx) => {
		await lockOpenPlan(tx, item.planId);
		const [before] = await tx.select().from(planMeasures).where(eq(planMeasures.id, measure.id));
		await tx.update(planMeasures).set(values).where(eq(planMeasures.id, measure.id));
		return { result: undefined, audit: audit('plan_measure', measure.id, before) };
	});
}

// ---------------------------------------------------------------------------------------------
// Links to meetings

/** Record that a decision creates or changes a plan (or one of its items). */
export async function linkDecision(ctx: ServiceContext, decisionId: string, input: unknown) {
	const data = parse(linkInput, input);
	const plan = await keptPlan(ctx, data.planId);
	return mutate(ctx, async (tx) => {
		const decision = await decisionExists(tx, decisionId);
		if (data.itemId) {
			const [item] = await tx
				.select({ id: planItems.id })
				.from(planItems)
				.where(and(eq(planItems.id, data.itemId), eq(planItems.planId, plan.id)));
			if (!item)
				refuse('Dat onderdeel hoort niet bij dit plan.', {
					itemId: ['Kies een onderdeel van dit plan.']
				});
		}
		const [same] = await tx
			.select({ id: decisionPlanLinks.id })
			.from(decisionPlanLinks)
			.where(
				and(
					eq(decisionPlanLinks.decisionId, decision.id),
					eq(decisionPlanLinks.planId, plan.id),
					data.itemId
						? eq(decisionPlanLinks.itemId, data.itemId)
						: sql`${decisionPlanLinks.itemId} is null`,
					eq(decisionPlanLinks.effect, data.effect)
				)
			);
		if (same) refuse('Dit besluit is hier al aan gekoppeld.');
		const [link] = await tx
			.insert(decisionPlanLinks)
			.values({
				decisionId: decision.id,
				planId: plan.id,
				itemId: data.itemId ?? null,
				effect: data.effect
			})
			.returning();
		return {
			result: link,
			audit: {
				action: 'plan.decision.link',
				recordType: 'decision',
				recordId: decision.id,
				changes: diff(undefined, link)
			}
		};
	});
}

/**
 * The actions an agenda item puts up for discussion (replaces the list). The meeting's managers
 * choose among the actions of their own body's plans; staff (plans:manage) among every plan.
 */
export async function setAgendaItemActions(
	ctx: ServiceContext,
	at: { meetingId: string; agendaItemId: string },
	actionIds: unknown
) {
	if (!isUuid(at.meetingId)) throw notFound('Vergadering niet gevonden.');
	const [meeting] = await ctx.db
		.select({ bodyId: meetings.bodyId })
		.from(meetings)
		.where(eq(meetings.id, at.meetingId));
	if (!meeting) throw notFound('Vergadering niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: meeting.bodyId }, ctx.requestId);
	const agendaItemId = at.agendaItemId;
	const [row] = isUuid(agendaItemId)
		? await ctx.db
				.select({ bodyId: meetings.bodyId })
				.from(agendaItems)
				.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
				.where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.meetingId, at.meetingId)))
		: [];
	if (!row) throw notFound('Agendapunt niet gevonden.');
	const ids = [...new Set(parse(actionIdsInput, actionIds))];
	const anyPlan = can(ctx.principal, 'plans:manage');
	return mutate(ctx, async (tx) => {
		const found = ids.length
			? await tx
					.select({ id: planItems.id, kind: planItems.kind, bodyId: plans.bodyId })
					.from(planItems)
					.innerJoin(plans, eq(plans.id, planItems.planId))
					.where(inArray(planItems.id, ids))
			: [];
		const ok = found.filter((a) => a.kind === 'action' && (anyPlan || a.bodyId === row.bodyId));
		if (ok.length !== ids.length)
			refuse('Kies acties uit de plannen van dit orgaan.', {
				actionIds: ['Kies acties uit de plannen van dit orgaan.']
			});
		const before = (
			await tx
				.select()
				.from(agendaItemActions)
				.where(eq(agendaItemActions.agendaItemId, agendaItemId))
		).map((r) => r.itemId);
		await tx.delete(agendaItemActions).where(eq(agendaItemActions.agendaItemId, agendaItemId));
		if (ids.length)
			await tx.insert(agendaItemActions).values(ids.map((itemId) => ({ agendaItemId, itemId })));
		return {
			result: ids,
			audit: {
				action: 'agenda_item.actions',
				recordType: 'agenda_item',
				recordId: agendaItemId,
				changes: { actionIds: { before, after: ids } }
			}
		};
	});
}
