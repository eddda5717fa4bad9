/**
 * The JSON API of plans (read-only, public data only): the output schemas the OpenAPI document
 * describes and the read functions behind /api/v1/plans, /api/v1/measures and /api/v1/actions.
 * Everything comes from the public reads of plans.queries.ts (statuses computed there, owners
 * without names) and updatesOf; a plan that is not public — and all that is in it — is a 404
 * exactly like an unknown id. Names of linked records and the status explanations are Dutch.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import type { DbOrTx } from '../db';
import {
	decisions,
	meetings,
	observationOrigins,
	observationStatuses,
	planItemKinds,
	planItems,
	plans,
	planStatusValues,
	trajectories
} from '../db/schema';
import { isUuid, notFound } from '../errors';
import { decisionIsPublic } from '../meetings/decisions.service';
import { cursorPageOut, decodeCursor, pageQuerySchema, toPage } from '../pagination';
import {
	measureSeries,
	plansList,
	planTree,
	type MeasureNode,
	type PlanTree,
	type TreeItem,
	type UpdateSummary
} from './plans.queries';
import { planStatuses } from './status';
import { updatesOf } from './updates.service';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const trackStatus = z.enum(planStatuses);

export const computedStatusOut = z
	.object({
		status: trackStatus,
		explanation: z.string().meta({ description: 'Why, in one Dutch sentence.' }),
		overridden: z
			.boolean()
			.meta({ description: 'Set by hand (with a reason) instead of computed.' })
	})
	.meta({ id: 'ComputedStatus', description: 'Computed from dates, progress and measures.' });

const overrideOut = z
	.object({ status: trackStatus, reason: z.string() })
	.nullable()
	.meta({ description: 'The manual status and its reason; null when the status is computed.' });

const pointOut = z
	.object({ period: z.string(), periodStart: isoDate, value: z.number() })
	.meta({ id: 'MeasurePoint' });

export const planUpdateOut = z
	.object({
		id: z.uuid(),
		reportedOn: isoDate,
		text: z.string(),
		progress: z.number().int().min(0).max(100).nullable(),
		statusProposal: trackStatus.nullable()
	})
	.meta({ id: 'PlanUpdate', description: 'A progress update (append-only history).' });

const organisationRef = z
	.object({ id: z.uuid(), slug: z.string(), name: z.string() })
	.meta({ id: 'OrganisationRef' });

const indicatorRef = z.object({
	id: z.uuid(),
	code: z.string(),
	name: z.string(),
	unit: z.string(),
	decimals: z.number().int()
});

const measureFields = {
	id: z.uuid(),
	externalId: z.string(),
	objectiveId: z.uuid(),
	indicator: indicatorRef,
	area: z.object({ id: z.uuid(), name: z.string() }),
	direction: z.enum(['higher_better', 'lower_better']),
	trajectory: z.enum(trajectories),
	baseline: pointOut,
	target: pointOut,
	intermediateTargets: z.array(pointOut),
	computedStatus: computedStatusOut
};

export const measureOut = z
	.object({
		...measureFields,
		latest: pointOut.nullable().meta({ description: 'The latest observation since the baseline.' }),
		expected: z
			.number()
			.nullable()
			.meta({ description: 'What the trajectory expects at the latest observation.' }),
		weight: z.number(),
		override: overrideOut,
		latestUpdate: planUpdateOut.nullable()
	})
	.meta({ id: 'PlanMeasure' });

const links = z.object({ html: z.url().meta({ description: 'The public page.' }) });

export const measureDetailOut = z
	.object({
		...measureFields,
		planId: z.uuid(),
		planSlug: z.string(),
		series: z.object({
			trajectory: z
				.array(pointOut)
				.meta({ description: 'The points the planned line passes through, in time order.' }),
			actuals: z.array(
				z.object({
					period: z.string(),
					periodStart: isoDate,
					value: z.number(),
					status: z.enum(observationStatuses),
					origin: z.enum(observationOrigins)
				})
			)
		}),
		links
	})
	.meta({ id: 'PlanMeasureDetail' });

export const actionFactsOut = z
	.object({
		leadOrganisation: organisationRef.nullable(),
		partners: z.array(organisationRef),
		startDate: isoDate.nullable(),
		dueDate: isoDate.nullable(),
		budgetPlanned: z.number().nullable().meta({ description: 'EUR' }),
		budgetSpent: z.number().nullable().meta({ description: 'EUR' }),
		progress: z.number().int().min(0).max(100),
		completedOn: isoDate.nullable(),
		milestones: z.array(
			z.object({ id: z.uuid(), title: z.string(), dueDate: isoDate, doneOn: isoDate.nullable() })
		)
	})
	.meta({ id: 'ActionFacts', description: 'No owner: people are not published.' });

const itemFields = {
	id: z.uuid(),
	parentId: z.uuid().nullable(),
	externalId: z.string().meta({ description: 'Stable id of import and export: "A1.2.3".' }),
	title: z.string(),
	description: z.string(),
	isPriority: z.boolean(),
	weight: z.number(),
	computedStatus: computedStatusOut,
	override: overrideOut,
	latestUpdate: planUpdateOut.nullable().meta({ description: 'Actions only.' })
};

const planItemShape = {
	...itemFields,
	kind: z.enum(planItemKinds),
	challenge: z.string().meta({ description: 'Objectives: the challenge they answer.' }),
	measures: z.array(measureOut).meta({ description: 'Objectives only.' }),
	action: actionFactsOut.nullable().meta({ description: 'Actions only.' })
};
type ItemOut = z.infer<z.ZodObject<typeof planItemShape>> & { children: ItemOut[] };

/** A node of the tree; its children are nodes too (typed by hand: the schema is recursive). */
export const planItemOut: z.ZodType<ItemOut> = z
	.object({
		...planItemShape,
		get children() {
			return z.array(planItemOut);
		}
	})
	.meta({ id: 'PlanItem' });

export const actionOut = z
	.object({
		...itemFields,
		planId: z.uuid(),
		planSlug: z.string(),
		action: actionFactsOut,
		links
	})
	.meta({ id: 'Action' });

export const planUpdateListOut = z
	.object({ items: z.array(planUpdateOut).meta({ description: 'Newest first.' }) })
	.meta({ id: 'PlanUpdateList' });

export const planOut = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		title: translatableOut,
		vision: z.string().meta({ description: 'Markdown.' }),
		body: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
		region: z.object({ id: z.uuid(), name: z.string() }).nullable(),
		periodStart: isoDate,
		periodEnd: isoDate,
		status: z.enum(planStatusValues).meta({ description: 'The stage of the plan.' }),
		adoptedByDecisionId: z
			.uuid()
			.nullable()
			.meta({ description: 'The public decision that adopted the plan (else null).' }),
		version: z.number().int(),
		computedStatus: computedStatusOut,
		override: overrideOut,
		actionCounts: z
			.object(Object.fromEntries(planStatuses.map((s) => [s, z.number().int()])))
			.meta({ description: 'How many actions have each status.' }),
		isExample: z.boolean().meta({ description: 'Example data ("voorbeeld").' }),
		links
	})
	.meta({ id: 'Plan' });
type PlanOut = z.infer<typeof planOut>;

export const planDetailOut = planOut
	.extend({ themes: z.array(planItemOut) })
	.meta({ id: 'PlanDetail' });

export const planPageOut = cursorPageOut(planOut, 'PlanPage');

export const planListQuery = z.strictObject({
	...pageQuerySchema.shape,
	body: z.string().trim().min(1).max(200).optional().meta({ description: 'Id or slug of a body.' }),
	status: z.enum(planStatusValues).optional().meta({ description: 'The stage of the plan.' })
});

// ---------------------------------------------------------------------------------------------

const status = (n: { status: PlanTree['status']; explanation: string; overridden: boolean }) => ({
	status: n.status,
	explanation: n.explanation,
	overridden: n.overridden
});

const updateOut = (u: UpdateSummary | null) =>
	u
		? {
				id: u.id,
				reportedOn: u.reportedOn,
				text: u.text,
				progress: u.progress,
				statusProposal: u.statusProposal
			}
		: null;

const planUrl = (origin: string, slug: string) => `${origin}/plannen/${slug}`;

/** The ids among `ids` of decisions that are public (one query; none when there are no ids). */
async function publicDecisionIds(db: DbOrTx, ids: (string | null)[]): Promise<Set<string>> {
	const wanted = ids.filter((id): id is string => id !== null);
	if (!wanted.length) return new Set();
	const rows = await db
		.select({ id: decisions.id })
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(and(inArray(decisions.id, wanted), decisionIsPublic));
	return new Set(rows.map((r) => r.id));
}

type PlanHead = Pick<PlanTree, 'plan' | 'override' | 'actionCounts' | 'status'> &
	Pick<PlanTree, 'explanation' | 'overridden'>;

function planHeadOut(t: PlanHead, origin: string, publicDecisions: Set<string>): PlanOut {
	const p = t.plan;
	return {
		id: p.id,
		slug: p.slug,
		title: p.title,
		vision: p.vision,
		body:
			p.bodyId && p.bodySlug ? { id: p.bodyId, slug: p.bodySlug, name: p.bodyName ?? '' } : null,
		region: p.regionId ? { id: p.regionId, name: p.regionName ?? '' } : null,
		periodStart: p.periodStart,
		periodEnd: p.periodEnd,
		status: p.status,
		adoptedByDecisionId:
			p.adoptedByDecisionId && publicDecisions.has(p.adoptedByDecisionId)
				? p.adoptedByDecisionId
				: null,
		version: p.version,
		computedStatus: status(t),
		override: t.override,
		actionCounts: t.actionCounts,
		isExample: p.isExample,
		links: { html: planUrl(origin, p.slug) }
	};
}

function measureNodeOut(m: MeasureNode) {
	return {
		id: m.id,
		externalId: m.externalId,
		objectiveId: m.itemId,
		indicator: m.indicator,
		area: m.area,
		direction: m.direction,
		trajectory: m.trajectory,
		baseline: m.baseline,
		target: m.target,
		intermediateTargets: m.milestones,
		computedStatus: status(m),
		latest: m.latest,
		expected: m.expected,
		weight: m.weight,
		override: m.override,
		latestUpdate: updateOut(m.latestUpdate)
	};
}

/** The action's facts without its owner (people are not published). */
function actionFacts(a: NonNullable<TreeItem['action']>) {
	return {
		leadOrganisation: a.leadOrganisation,
		partners: a.partners,
		startDate: a.startDate,
		dueDate: a.dueDate,
		budgetPlanned: a.budgetPlanned,
		budgetSpent: a.budgetSpent,
		progress: a.progress,
		completedOn: a.completedOn,
		milestones: a.milestones
	};
}

const itemHead = (i: TreeItem) => ({
	id: i.id,
	parentId: i.parentId,
	externalId: i.externalId,
	title: i.title,
	description: i.description,
	isPriority: i.isPriority,
	weight: i.weight,
	computedStatus: status(i),
	override: i.override,
	latestUpdate: updateOut(i.latestUpdate)
});

function itemOut(i: TreeItem): ItemOut {
	return {
		...itemHead(i),
		kind: i.kind,
		challenge: i.challenge,
		measures: i.measures.map(measureNodeOut),
		action: i.action ? actionFacts(i.action) : null,
		children: i.children.map(itemOut)
	};
}

/** Published plans by id (cursor pages), optionally of one body (id or slug) and in one stage. */
export async function listPlansOut(
	db: DbOrTx,
	query: z.infer<typeof planListQuery>,
	origin: string
) {
	const after = decodeCursor(query.cursor)?.toLowerCase();
	const body = query.body && isUuid(query.body) ? query.body.toLowerCase() : undefined;
	// The public plans with their statuses, all at once (few plans; a fixed number of queries).
	const all = await plansList(db, { audience: 'public', locale: 'nl' });
	const rows = all
		.filter(
			(s) =>
				(!query.body || (body ? s.plan.bodyId === body : s.plan.bodySlug === query.body)) &&
				(!query.status || s.plan.status === query.status) &&
				(!after || s.plan.id > after)
		)
		.map((s) => ({ id: s.plan.id, summary: s }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const page = toPage(rows.slice(0, query.limit + 1), query.limit);
	const decided = await publicDecisionIds(
		db,
		page.items.map((r) => r.summary.plan.adoptedByDecisionId)
	);
	return {
		items: page.items.map((r) => planHeadOut(r.summary, origin, decided)),
		nextCursor: page.nextCursor
	};
}

/** One published plan with its tree: themes → objectives (with measures) → actions. */
export async function getPlanOut(db: DbOrTx, id: string, origin: string) {
	const tree = await planTree(db, id, { audience: 'public', locale: 'nl' });
	const decided = await publicDecisionIds(db, [tree.plan.adoptedByDecisionId]);
	return { ...planHeadOut(tree, origin, decided), themes: tree.themes.map(itemOut) };
}

/** One measure of a published plan with its series (planned trajectory and observations). */
export async function getMeasureOut(db: DbOrTx, id: string, origin: string) {
	const s = await measureSeries(db, id, { audience: 'public', locale: 'nl' });
	const m = s.measure;
	return {
		id: m.id,
		externalId: m.externalId,
		objectiveId: m.itemId,
		indicator: m.indicator,
		area: m.area,
		direction: m.direction,
		trajectory: m.trajectory,
		baseline: s.baseline,
		target: s.target,
		intermediateTargets: s.intermediateTargets,
		computedStatus: status(s),
		planId: m.planId,
		planSlug: m.planSlug,
		series: {
			trajectory: s.trajectory,
			actuals: s.actuals.map((a) => ({
				period: a.period,
				periodStart: a.periodStart,
				value: a.value,
				status: a.status,
				origin: a.origin
			}))
		},
		links: { html: `${planUrl(origin, m.planSlug)}#doel-${m.itemId}` }
	};
}

/** The plan of an action when the plan is public (the rule of the public tree: is_public). */
async function publicActionPlan(db: DbOrTx, id: string): Promise<string> {
	const [row] = isUuid(id)
		? await db
				.select({ planId: planItems.planId })
				.from(planItems)
				.innerJoin(plans, eq(plans.id, planItems.planId))
				.where(and(eq(planItems.id, id), eq(planItems.kind, 'action'), eq(plans.isPublic, true)))
		: [];
	if (!row) throw notFound('Actie niet gevonden.');
	return row.planId;
}

function findItem(items: TreeItem[], id: string): TreeItem | undefined {
	for (const item of items) {
		if (item.id === id) return item;
		const found = findItem(item.children, id);
		if (found) return found;
	}
	return undefined;
}

/** One action of a published plan, with its status, facts and latest update. */
export async function getActionOut(db: DbOrTx, id: string, origin: string) {
	const planId = await publicActionPlan(db, id);
	const tree = await planTree(db, planId, { audience: 'public', locale: 'nl' });
	const item = findItem(tree.themes, id);
	if (!item?.action) throw notFound('Actie niet gevonden.');
	return {
		...itemHead(item),
		planId: tree.plan.id,
		planSlug: tree.plan.slug,
		action: actionFacts(item.action),
		links: { html: planUrl(origin, tree.plan.slug) }
	};
}

/** The updates of an action of a published plan, newest first, without their authors. */
export async function listActionUpdatesOut(db: DbOrTx, id: string) {
	await publicActionPlan(db, id);
	const updates = await updatesOf(db, { itemId: id });
	return {
		items: updates.map((u) => ({
			id: u.id,
			reportedOn: u.reportedOn,
			text: u.text,
			progress: u.progress,
			statusProposal: u.statusProposal
		}))
	};
}
