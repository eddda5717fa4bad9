/**
 * Reading plans: a plan as a tree (themes → objectives → actions, measures on the objectives) with
 * every node's computed status and its one-sentence explanation, a measure's series for its chart,
 * and plan summaries with their rolled-up status. The statuses come from status.ts; nothing here
 * stores anything.
 *
 * A fixed number of queries whatever the size of the plans: the plans, then one query each for
 * their items, partners, milestones, measures, intermediate targets, latest observations and
 * latest updates (of actions and of measures) — for one plan or for all of them at once.
 */
import {
	and,
	asc,
	desc,
	eq,
	gte,
	inArray,
	isNotNull,
	isNull,
	lt,
	sql,
	type SQL
} from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	areas,
	bodies,
	indicators,
	observations,
	organisations,
	people,
	planActionPartners,
	planItems,
	planMeasures,
	planMeasureTargets,
	planMilestones,
	plans,
	planUpdateAttachments,
	planUpdates,
	type PlanItemKind
} from '../db/schema';
import { notFound, isUuid } from '../errors';
import { today as clockToday } from '../clock';
import { tr, type Locale } from '../../i18n';
import {
	actionStatus,
	defaultTolerances,
	expectedAt,
	measureStatus,
	planStatuses,
	rollUp,
	type MeasureFacts,
	type MeasurePoint,
	type Override,
	type PlanStatus,
	type Tolerances
} from './status';

export type Audience = 'public' | 'members';

/** A node's computed status (an override wins, and says so). */
export type NodeStatus = { status: PlanStatus; explanation: string; overridden: boolean };

export type UpdateSummary = {
	id: string;
	reportedOn: string;
	text: string;
	progress: number | null;
	statusProposal: PlanStatus | null;
	/** Its attachments, by title. */
	attachments: { fileId: string; title: string }[];
};

export type MeasureNode = NodeStatus & {
	id: string;
	externalId: string;
	itemId: string;
	indicator: { id: string; code: string; name: string; unit: string; decimals: number };
	area: { id: string; name: string };
	direction: 'higher_better' | 'lower_better';
	trajectory: 'linear' | 'stepped';
	baseline: MeasurePoint;
	target: MeasurePoint;
	/** Intermediate targets, in time order. */
	milestones: MeasurePoint[];
	/** The latest observation at or after the baseline period. */
	latest: MeasurePoint | null;
	/** What the trajectory expects at the latest observation's period (null without one). */
	expected: number | null;
	weight: number;
	/** For optimistic concurrency of edits (plans.service.ts updateMeasure). */
	revision: number;
	override: { status: PlanStatus; reason: string } | null;
	latestUpdate: UpdateSummary | null;
};

export type ActionFields = {
	leadOrganisation: { id: string; slug: string; name: string } | null;
	partners: { id: string; slug: string; name: string }[];
	/** The owner; the name only for the members' audience. */
	owner: { personId: string; name: string | null } | null;
	startDate: string | null;
	dueDate: string | null;
	budgetPlanned: number | null;
	budgetSpent: number | null;
	progress: number;
	completedOn: string | null;
	milestones: { id: string; title: string; dueDate: string; doneOn: string | null }[];
};

export type TreeItem = NodeStatus & {
	id: string;
	parentId: string | null;
	kind: PlanItemKind;
	externalId: string;
	position: number;
	title: string;
	description: string;
	challenge: string;
	isPriority: boolean;
	weight: number;
	revision: number;
	isExample: boolean;
	override: { status: PlanStatus; reason: string } | null;
	/** Actions only. */
	action: ActionFields | null;
	/** Objectives only (empty otherwise). */
	measures: MeasureNode[];
	children: TreeItem[];
	latestUpdate: UpdateSummary | null;
};

type PlanRow = Awaited<ReturnType<typeof selectPlans>>[number];

export type PlanTree = NodeStatus & {
	plan: Omit<PlanRow, 'bodyName' | 'regionName' | 'tolerances'> & {
		bodyName: string | null;
		regionName: string | null;
		tolerances: Tolerances;
	};
	override: { status: PlanStatus; reason: string } | null;
	themes: TreeItem[];
	/** How many actions have each status. */
	actionCounts: Record<PlanStatus, number>;
};

const planColumns = {
	id: plans.id,
	slug: plans.slug,
	bodyId: plans.bodyId,
	bodySlug: bodies.slug,
	bodyName: bodies.name,
	regionId: plans.regionId,
	regionName: areas.name,
	title: plans.title,
	vision: plans.vision,
	periodStart: plans.periodStart,
	periodEnd: plans.periodEnd,
	status: plans.status,
	adoptedByDecisionId: plans.adoptedByDecisionId,
	version: plans.version,
	isPublic: plans.isPublic,
	reminders: plans.reminders,
	tolerances: plans.tolerances,
	statusOverride: plans.statusOverride,
	overrideReason: plans.overrideReason,
	revision: plans.revision,
	isExample: plans.isExample
};

function selectPlans(db: DbOrTx, where: SQL | undefined) {
	return db
		.select(planColumns)
		.from(plans)
		.leftJoin(bodies, eq(bodies.id, plans.bodyId))
		.leftJoin(areas, eq(areas.id, plans.regionId))
		.where(where)
		.orderBy(asc(plans.periodStart), asc(plans.slug));
}

const asOverride = (status: PlanStatus | null, reason: string | null) =>
	status ? { status, reason: reason ?? '' } : null;

const node = (c: {
	status: PlanStatus;
	explanation: string;
	overridden?: boolean;
}): NodeStatus => ({
	status: c.status,
	explanation: c.explanation,
	overridden: c.overridden ?? false
});

const emptyCounts = (): Record<PlanStatus, number> =>
	Object.fromEntries(planStatuses.map((s) => [s, 0])) as Record<PlanStatus, number>;

/** What the status rules read of an item (the summaries need no more). */
const statusColumns = {
	id: planItems.id,
	planId: planItems.planId,
	parentId: planItems.parentId,
	kind: planItems.kind,
	externalId: planItems.externalId,
	position: planItems.position,
	title: planItems.title,
	weight: planItems.weight,
	statusOverride: planItems.statusOverride,
	overrideReason: planItems.overrideReason,
	startDate: planItems.startDate,
	dueDate: planItems.dueDate,
	progress: planItems.progress,
	completedOn: planItems.completedOn
};

/** What the tree shows besides (texts, lead, owner, budget). */
const detailColumns = {
	description: planItems.description,
	challenge: planItems.challenge,
	isPriority: planItems.isPriority,
	leadId: planItems.leadOrganisationId,
	leadSlug: organisations.slug,
	leadName: organisations.name,
	ownerPersonId: planItems.ownerPersonId,
	ownerGiven: people.givenName,
	ownerFamily: people.familyName,
	budgetPlanned: planItems.budgetPlanned,
	budgetSpent: planItems.budgetSpent,
	revision: planItems.revision,
	isExample: planItems.isExample
};

/** The items of the plans with everything the tree shows. */
function fullItems(db: DbOrTx, inPlans: SQL) {
	return db
		.select({ ...statusColumns, ...detailColumns })
		.from(planItems)
		.leftJoin(organisations, eq(organisations.id, planItems.leadOrganisationId))
		.leftJoin(people, eq(people.id, planItems.ownerPersonId))
		.where(inPlans)
		.orderBy(asc(planItems.position), asc(planItems.externalId));
}

type FullItem = Awaited<ReturnType<typeof fullItems>>[number];
/** An item as loaded: a summary has no details. */
type LoadedItem = Omit<FullItem, keyof typeof detailColumns> &
	Partial<Pick<FullItem, keyof typeof detailColumns>>;

const loadItems = (db: DbOrTx, inPlans: SQL, summary: boolean): Promise<LoadedItem[]> =>
	summary
		? db
				.select(statusColumns)
				.from(planItems)
				.where(inPlans)
				.orderBy(asc(planItems.position), asc(planItems.externalId))
		: fullItems(db, inPlans);

/**
 * Everything under the given plans, in one query per table (whatever their number or size).
 * `summary`: only what the statuses need, for the lists of plans, which compute the status of
 * every plan and show none of the details: no texts, leads, owners, partners or latest updates,
 * and only the milestones that are late (done or not yet due, a milestone changes no status).
 */
async function loadContents(
	db: DbOrTx,
	planIds: string[],
	audience: Audience,
	mode: { summary: false } | { summary: true; today: string } = { summary: false }
) {
	const inPlans = inArray(planItems.planId, planIds);
	const [items, partners, milestones, measures, targets, latest, itemUpdates, measureUpdates] =
		await Promise.all([
			loadItems(db, inPlans, mode.summary),
			mode.summary
				? []
				: db
						.select({
							itemId: planActionPartners.itemId,
							id: organisations.id,
							slug: organisations.slug,
							name: organisations.name
						})
						.from(planActionPartners)
						.innerJoin(planItems, eq(planItems.id, planActionPartners.itemId))
						.innerJoin(organisations, eq(organisations.id, planActionPartners.organisationId))
						.where(inPlans)
						.orderBy(asc(organisations.slug)),
			db
				.select({
					id: planMilestones.id,
					itemId: planMilestones.itemId,
					title: planMilestones.title,
					dueDate: planMilestones.dueDate,
					doneOn: planMilestones.doneOn
				})
				.from(planMilestones)
				.innerJoin(planItems, eq(planItems.id, planMilestones.itemId))
				.where(
					mode.summary
						? and(inPlans, isNull(planMilestones.doneOn), lt(planMilestones.dueDate, mode.today))
						: inPlans
				)
				.orderBy(asc(planMilestones.position), asc(planMilestones.dueDate)),
			db
				.select({
					id: planMeasures.id,
					itemId: planMeasures.itemId,
					externalId: planMeasures.externalId,
					indicatorId: indicators.id,
					indicatorCode: indicators.code,
					indicatorName: indicators.name,
					unit: indicators.unit,
					decimals: indicators.decimals,
					areaId: areas.id,
					areaName: areas.name,
					baselineValue: planMeasures.baselineValue,
					baselinePeriod: planMeasures.baselinePeriod,
					baselinePeriodStart: planMeasures.baselinePeriodStart,
					targetValue: planMeasures.targetValue,
					targetPeriod: planMeasures.targetPeriod,
					targetPeriodStart: planMeasures.targetPeriodStart,
					direction: planMeasures.direction,
					trajectory: planMeasures.trajectory,
					weight: planMeasures.weight,
					statusOverride: planMeasures.statusOverride,
					overrideReason: planMeasures.overrideReason,
					revision: planMeasures.revision
				})
				.from(planMeasures)
				.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
				.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
				.innerJoin(areas, eq(areas.id, planMeasures.areaId))
				.where(inPlans)
				.orderBy(asc(planMeasures.position), asc(planMeasures.externalId)),
			db
				.select({
					measureId: planMeasureTargets.measureId,
					period: planMeasureTargets.period,
					periodStart: planMeasureTargets.periodStart,
					value: planMeasureTargets.value
				})
				.from(planMeasureTargets)
				.innerJoin(planMeasures, eq(planMeasures.id, planMeasureTargets.measureId))
				.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
				.where(inPlans)
				.orderBy(asc(planMeasureTargets.periodStart)),
			// The latest observation of each measure's indicator × area at or after its baseline.
			db
				.selectDistinctOn([planMeasures.id], {
					measureId: planMeasures.id,
					period: observations.period,
					periodStart: observations.periodStart,
					value: observations.value
				})
				.from(planMeasures)
				.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
				.innerJoin(
					observations,
					and(
						eq(observations.indicatorId, planMeasures.indicatorId),
						eq(observations.areaId, planMeasures.areaId),
						gte(observations.periodStart, planMeasures.baselinePeriodStart),
						isNotNull(observations.value)
					)
				)
				.where(inPlans)
				.orderBy(asc(planMeasures.id), desc(observations.periodStart)),
			mode.summary ? [] : latestUpdates(db, inPlans, 'item'),
			mode.summary ? [] : latestUpdates(db, inPlans, 'measure')
		]);
	return {
		items,
		partners,
		milestones,
		measures,
		targets,
		latest,
		itemUpdates,
		measureUpdates,
		audience
	};
}

/**
 * The latest update of each action (or measure) of the plans: one query, a LATERAL look-up per
 * action or measure on its (item or measure, reported on) index, so that a plan's page reads its
 * own updates only, not every plan's (a DISTINCT ON over the join scanned all updates).
 */
function latestUpdates(db: DbOrTx, inPlans: SQL, of: 'item' | 'measure') {
	const key = of === 'item' ? planUpdates.itemId : planUpdates.measureId;
	const owner = of === 'item' ? planItems.id : planMeasures.id;
	const latest = db
		.select({
			id: planUpdates.id,
			reportedOn: planUpdates.reportedOn,
			text: planUpdates.text,
			progress: planUpdates.progress,
			statusProposal: planUpdates.statusProposal
		})
		.from(planUpdates)
		.where(eq(key, owner))
		.orderBy(desc(planUpdates.reportedOn), desc(planUpdates.createdAt))
		.limit(1)
		.as('latest_update');
	const columns = {
		key: sql<string>`${owner}`,
		id: latest.id,
		reportedOn: latest.reportedOn,
		text: latest.text,
		progress: latest.progress,
		statusProposal: latest.statusProposal,
		// In the same query: the latest update's attachments (on their primary key's index).
		attachments: sql<
			UpdateSummary['attachments'] | string
		>`coalesce((select json_agg(json_build_object('fileId', a.file_id, 'title', a.title) order by lower(a.title), a.file_id) from ${planUpdateAttachments} a where a.update_id = ${latest.id}), '[]'::json)`
	};
	return of === 'item'
		? db
				.select(columns)
				.from(planItems)
				.innerJoinLateral(latest, sql`true`)
				.where(inPlans)
		: db
				.select(columns)
				.from(planMeasures)
				.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
				.innerJoinLateral(latest, sql`true`)
				.where(inPlans);
}

type Contents = Awaited<ReturnType<typeof loadContents>>;

const group = <T, K>(rows: T[], key: (r: T) => K) => {
	const out = new Map<K, T[]>();
	for (const r of rows) {
		const list = out.get(key(r));
		if (list) list.push(r);
		else out.set(key(r), [r]);
	}
	return out;
};

const toleranceOf = (stored: Partial<Tolerances> | null): Tolerances => ({
	...defaultTolerances,
	...(stored ?? {})
});

/** Build each plan's tree with computed statuses (pure: no queries). */
function buildTrees(
	planRows: PlanRow[],
	c: Contents,
	today: string,
	locale: Locale
): Map<string, PlanTree> {
	const partnersOf = group(c.partners, (p) => p.itemId);
	const milestonesOf = group(c.milestones, (m) => m.itemId);
	const targetsOf = group(c.targets, (t) => t.measureId);
	const latestOf = new Map(c.latest.map((l) => [l.measureId, l]));
	const itemUpdate = new Map(c.itemUpdates.map((u) => [u.key, u]));
	const measureUpdate = new Map(c.measureUpdates.map((u) => [u.key, u]));
	const update = (u: (typeof c.itemUpdates)[number] | undefined): UpdateSummary | null =>
		u
			? {
					id: u.id,
					reportedOn: u.reportedOn,
					text: u.text,
					progress: u.progress,
					statusProposal: u.statusProposal,
					// A json column: parsed by some drivers, a string from others.
					attachments: typeof u.attachments === 'string' ? JSON.parse(u.attachments) : u.attachments
				}
			: null;
	const tolerancesOf = new Map(planRows.map((p) => [p.id, toleranceOf(p.tolerances)]));

	const measuresOf = new Map<string, MeasureNode[]>();
	const planOfItem = new Map(c.items.map((i) => [i.id, i.planId]));
	for (const m of c.measures) {
		const tol = tolerancesOf.get(planOfItem.get(m.itemId)!) ?? defaultTolerances;
		const obs = latestOf.get(m.id);
		const override = asOverride(m.statusOverride, m.overrideReason);
		const facts: MeasureFacts = {
			unit: m.unit,
			decimals: m.decimals,
			direction: m.direction as MeasureFacts['direction'],
			trajectory: m.trajectory,
			baseline: {
				period: m.baselinePeriod,
				periodStart: m.baselinePeriodStart,
				value: m.baselineValue
			},
			target: { period: m.targetPeriod, periodStart: m.targetPeriodStart, value: m.targetValue },
			milestones: (targetsOf.get(m.id) ?? []).map((t) => ({
				period: t.period,
				periodStart: t.periodStart,
				value: t.value
			})),
			latest:
				obs && obs.value !== null
					? { period: obs.period, periodStart: obs.periodStart, value: obs.value }
					: null,
			override
		};
		const computed = measureStatus(facts, locale, tol);
		const list = measuresOf.get(m.itemId) ?? [];
		list.push({
			...node(computed),
			id: m.id,
			externalId: m.externalId,
			itemId: m.itemId,
			indicator: {
				id: m.indicatorId,
				code: m.indicatorCode,
				name: tr(m.indicatorName, locale),
				unit: m.unit,
				decimals: m.decimals
			},
			area: { id: m.areaId, name: tr(m.areaName, locale) },
			direction: facts.direction,
			trajectory: facts.trajectory,
			baseline: facts.baseline,
			target: facts.target,
			milestones: facts.milestones,
			latest: facts.latest,
			expected: facts.latest ? expectedAt(facts, facts.latest.periodStart) : null,
			weight: m.weight,
			revision: m.revision,
			override,
			latestUpdate: update(measureUpdate.get(m.id))
		});
		measuresOf.set(m.itemId, list);
	}

	// Items, children in position order (the query's order), per plan.
	const nodes = new Map<string, TreeItem>();
	for (const i of c.items) {
		const isAction = i.kind === 'action';
		nodes.set(i.id, {
			status: 'not_started',
			explanation: '',
			overridden: false,
			id: i.id,
			parentId: i.parentId,
			kind: i.kind,
			externalId: i.externalId,
			position: i.position,
			title: i.title,
			description: i.description ?? '',
			challenge: i.challenge ?? '',
			isPriority: i.isPriority ?? false,
			weight: i.weight,
			revision: i.revision ?? 0,
			isExample: i.isExample ?? false,
			override: asOverride(i.statusOverride, i.overrideReason),
			action: isAction
				? {
						leadOrganisation:
							i.leadId && i.leadSlug && i.leadName
								? { id: i.leadId, slug: i.leadSlug, name: tr(i.leadName, locale) }
								: null,
						partners: (partnersOf.get(i.id) ?? []).map((p) => ({
							id: p.id,
							slug: p.slug,
							name: tr(p.name, locale)
						})),
						owner: i.ownerPersonId
							? {
									personId: i.ownerPersonId,
									name:
										c.audience === 'members'
											? `${i.ownerGiven ?? ''} ${i.ownerFamily ?? ''}`.trim()
											: null
								}
							: null,
						startDate: i.startDate,
						dueDate: i.dueDate,
						budgetPlanned: i.budgetPlanned ?? null,
						budgetSpent: i.budgetSpent ?? null,
						progress: i.progress,
						completedOn: i.completedOn,
						milestones: (milestonesOf.get(i.id) ?? []).map((m) => ({
							id: m.id,
							title: m.title,
							dueDate: m.dueDate,
							doneOn: m.doneOn
						}))
					}
				: null,
			measures: measuresOf.get(i.id) ?? [],
			children: [],
			latestUpdate: update(itemUpdate.get(i.id))
		});
	}
	const roots = new Map<string, TreeItem[]>();
	for (const i of c.items) {
		const n = nodes.get(i.id)!;
		const parent = i.parentId ? nodes.get(i.parentId) : undefined;
		if (parent) parent.children.push(n);
		else {
			const list = roots.get(i.planId) ?? [];
			list.push(n);
			roots.set(i.planId, list);
		}
	}

	const out = new Map<string, PlanTree>();
	for (const p of planRows) {
		const tol = tolerancesOf.get(p.id)!;
		const counts = emptyCounts();
		const compute = (n: TreeItem): void => {
			n.children.forEach(compute);
			let computed;
			if (n.kind === 'action' && n.action) {
				computed = actionStatus(
					{
						startDate: n.action.startDate,
						dueDate: n.action.dueDate,
						progress: n.action.progress,
						completed: n.action.completedOn !== null,
						milestones: n.action.milestones,
						override: n.override as Override
					},
					today,
					tol,
					locale
				);
			} else {
				computed = rollUp(
					[
						...n.measures.map((m) => ({ status: m.status, weight: m.weight })),
						...n.children.map((ch) => ({ status: ch.status, weight: ch.weight }))
					],
					n.override,
					locale
				);
			}
			Object.assign(n, node(computed));
			if (n.kind === 'action') counts[n.status]++;
		};
		const themes = roots.get(p.id) ?? [];
		themes.forEach(compute);
		const override = asOverride(p.statusOverride, p.overrideReason);
		const computed = rollUp(
			themes.map((t) => ({ status: t.status, weight: t.weight })),
			override,
			locale
		);
		const { bodyName, regionName, tolerances: _stored, ...rest } = p;
		void _stored;
		out.set(p.id, {
			...node(computed),
			plan: {
				...rest,
				bodyName: bodyName ? tr(bodyName, locale) : null,
				regionName: regionName ? tr(regionName, locale) : null,
				tolerances: tol
			},
			override,
			themes,
			actionCounts: counts
		});
	}
	return out;
}

type TreeOptions = { audience: Audience; today?: string; locale?: Locale };

/**
 * A plan (by id or slug) as a tree with every node's computed status. The public audience sees
 * only published plans (and no owner names). Not found: AppError('not_found').
 */
export async function planTree(
	db: DbOrTx,
	planIdOrSlug: string,
	opts: TreeOptions
): Promise<PlanTree> {
	const key = isUuid(planIdOrSlug) ? eq(plans.id, planIdOrSlug) : eq(plans.slug, planIdOrSlug);
	const [plan] = await selectPlans(
		db,
		opts.audience === 'public' ? and(key, eq(plans.isPublic, true)) : key
	);
	if (!plan) throw notFound('Plan niet gevonden.');
	const contents = await loadContents(db, [plan.id], opts.audience);
	return buildTrees([plan], contents, opts.today ?? clockToday(), opts.locale ?? 'nl').get(
		plan.id
	)!;
}

export type PlanSummary = NodeStatus & {
	plan: PlanTree['plan'];
	override: PlanTree['override'];
	actionCounts: Record<PlanStatus, number>;
	themes: { id: string; externalId: string; title: string; status: PlanStatus }[];
};

async function summaries(
	db: DbOrTx,
	where: SQL | undefined,
	opts: TreeOptions
): Promise<PlanSummary[]> {
	const rows = await selectPlans(db, where);
	if (!rows.length) return [];
	const today = opts.today ?? clockToday();
	const contents = await loadContents(
		db,
		rows.map((r) => r.id),
		opts.audience,
		{ summary: true, today }
	);
	const trees = buildTrees(rows, contents, today, opts.locale ?? 'nl');
	return rows.map((r) => {
		const t = trees.get(r.id)!;
		return {
			status: t.status,
			explanation: t.explanation,
			overridden: t.overridden,
			plan: t.plan,
			override: t.override,
			actionCounts: t.actionCounts,
			themes: t.themes.map((th) => ({
				id: th.id,
				externalId: th.externalId,
				title: th.title,
				status: th.status
			}))
		};
	});
}

/** Every plan (the public audience: the published ones) with its rolled-up status. */
export function plansList(db: DbOrTx, opts: TreeOptions): Promise<PlanSummary[]> {
	return summaries(db, opts.audience === 'public' ? eq(plans.isPublic, true) : undefined, opts);
}

/** The plans of one body with their rolled-up status. */
export function plansOfBody(
	db: DbOrTx,
	bodyId: string,
	opts: TreeOptions = { audience: 'members' }
): Promise<PlanSummary[]> {
	if (!isUuid(bodyId)) return Promise.resolve([]);
	const own = eq(plans.bodyId, bodyId);
	return summaries(db, opts.audience === 'public' ? and(own, eq(plans.isPublic, true)) : own, opts);
}

export type SeriesPoint = { period: string; periodStart: string; value: number };

export type MeasureSeries = Awaited<ReturnType<typeof measureSeries>>;

/**
 * A measure's chart data: baseline, the trajectory (the points the line passes through, in time
 * order; a stepped trajectory holds each level until the next target), the intermediate targets,
 * the target, and the actual observations from the baseline period on. Three queries.
 */
export async function measureSeries(
	db: DbOrTx,
	measureId: string,
	opts: { audience?: Audience; locale?: Locale } = {}
) {
	if (!isUuid(measureId)) throw notFound('Meting niet gevonden.');
	const audience = opts.audience ?? 'members';
	const locale = opts.locale ?? 'nl';
	const [m] = await db
		.select({
			id: planMeasures.id,
			externalId: planMeasures.externalId,
			itemId: planMeasures.itemId,
			planId: plans.id,
			planSlug: plans.slug,
			planTitle: plans.title,
			planIsExample: plans.isExample,
			isPublic: plans.isPublic,
			tolerances: plans.tolerances,
			objectiveExternalId: planItems.externalId,
			objectiveTitle: planItems.title,
			indicatorId: indicators.id,
			indicatorCode: indicators.code,
			indicatorName: indicators.name,
			unit: indicators.unit,
			decimals: indicators.decimals,
			areaId: areas.id,
			areaName: areas.name,
			baselineValue: planMeasures.baselineValue,
			baselinePeriod: planMeasures.baselinePeriod,
			baselinePeriodStart: planMeasures.baselinePeriodStart,
			targetValue: planMeasures.targetValue,
			targetPeriod: planMeasures.targetPeriod,
			targetPeriodStart: planMeasures.targetPeriodStart,
			direction: planMeasures.direction,
			trajectory: planMeasures.trajectory,
			statusOverride: planMeasures.statusOverride,
			overrideReason: planMeasures.overrideReason
		})
		.from(planMeasures)
		.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
		.innerJoin(areas, eq(areas.id, planMeasures.areaId))
		.where(
			audience === 'public'
				? and(eq(planMeasures.id, measureId), eq(plans.isPublic, true))
				: eq(planMeasures.id, measureId)
		);
	if (!m) throw notFound('Meting niet gevonden.');
	const [targets, actuals] = await Promise.all([
		db
			.select({
				period: planMeasureTargets.period,
				periodStart: planMeasureTargets.periodStart,
				value: planMeasureTargets.value
			})
			.from(planMeasureTargets)
			.where(eq(planMeasureTargets.measureId, m.id))
			.orderBy(asc(planMeasureTargets.periodStart)),
		db
			.select({
				period: observations.period,
				periodStart: observations.periodStart,
				value: observations.value,
				status: observations.status,
				origin: observations.origin
			})
			.from(observations)
			.where(
				and(
					eq(observations.indicatorId, m.indicatorId),
					eq(observations.areaId, m.areaId),
					gte(observations.periodStart, m.baselinePeriodStart),
					isNotNull(observations.value)
				)
			)
			.orderBy(asc(observations.periodStart))
	]);
	const baseline = {
		period: m.baselinePeriod,
		periodStart: m.baselinePeriodStart,
		value: m.baselineValue
	};
	const target = { period: m.targetPeriod, periodStart: m.targetPeriodStart, value: m.targetValue };
	const points = [baseline, ...targets, target];
	const trajectory: SeriesPoint[] = [];
	points.forEach((p, i) => {
		if (m.trajectory === 'stepped' && i > 0) {
			trajectory.push({ ...p, value: points[i - 1].value });
		}
		trajectory.push(p);
	});
	const actual = actuals.filter((a): a is typeof a & { value: number } => a.value !== null);
	const last = actual.at(-1);
	const facts: MeasureFacts = {
		unit: m.unit,
		decimals: m.decimals,
		direction: m.direction as MeasureFacts['direction'],
		trajectory: m.trajectory,
		baseline,
		target,
		milestones: targets,
		latest: last ? { period: last.period, periodStart: last.periodStart, value: last.value } : null,
		override: asOverride(m.statusOverride, m.overrideReason)
	};
	return {
		measure: {
			id: m.id,
			externalId: m.externalId,
			itemId: m.itemId,
			planId: m.planId,
			planSlug: m.planSlug,
			planTitle: tr(m.planTitle, locale),
			isExample: m.planIsExample,
			objective: { externalId: m.objectiveExternalId, title: m.objectiveTitle },
			indicator: {
				id: m.indicatorId,
				code: m.indicatorCode,
				name: tr(m.indicatorName, locale),
				unit: m.unit,
				decimals: m.decimals
			},
			area: { id: m.areaId, name: tr(m.areaName, locale) },
			direction: facts.direction,
			trajectory: m.trajectory
		},
		baseline,
		target,
		intermediateTargets: targets,
		trajectory,
		actuals: actual,
		...node(measureStatus(facts, locale, toleranceOf(m.tolerances)))
	};
}
