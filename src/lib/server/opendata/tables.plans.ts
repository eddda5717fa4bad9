/**
 * Open data of plans and dossiers: plans marked public (the rule of /plannen and the API), their
 * themes and objectives, actions and progress updates; published dossiers as in the public
 * register (dossiers.queries.ts `register`, view 'public'). Who owns an action or wrote an update
 * is left out: those are people who never agreed to a public name.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db';
import {
	areas,
	bodies,
	decisions,
	meetings,
	organisations,
	planItems,
	planMeasures,
	planUpdates,
	plans
} from '../db/schema';
import { register, type RegisterRow } from '../dossiers/dossiers.queries';
import { decisionIsPublic } from '../meetings/decisions.service';
import { anonymous } from '../policy';
import { exampleColumn, table, translated, type Column } from './columns';

type PlanRow = typeof plans.$inferSelect & {
	bodySlug: string | null;
	regionSlug: string | null;
	publicDecisionId: string | null;
};

async function publicPlans(db: DbOrTx): Promise<PlanRow[]> {
	const rows = await db
		.select({ plan: plans, bodySlug: bodies.slug, regionSlug: areas.slug })
		.from(plans)
		.leftJoin(bodies, eq(bodies.id, plans.bodyId))
		.leftJoin(areas, eq(areas.id, plans.regionId))
		.where(eq(plans.isPublic, true))
		.orderBy(asc(plans.slug));
	// The adopting decision is named only when it is public itself.
	const ids = rows.flatMap((r) => (r.plan.adoptedByDecisionId ? [r.plan.adoptedByDecisionId] : []));
	const open = ids.length
		? await db
				.select({ id: decisions.id })
				.from(decisions)
				.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
				.where(and(inArray(decisions.id, ids), decisionIsPublic))
		: [];
	const publicIds = new Set(open.map((d) => d.id));
	return rows.map((r) => ({
		...r.plan,
		bodySlug: r.bodySlug,
		regionSlug: r.regionSlug,
		publicDecisionId:
			r.plan.adoptedByDecisionId && publicIds.has(r.plan.adoptedByDecisionId)
				? r.plan.adoptedByDecisionId
				: null
	}));
}

const planColumns: Column<PlanRow>[] = [
	{ name: 'id', type: 'uuid', description: 'Id of the plan (as in the API).', value: (r) => r.id },
	{
		name: 'slug',
		type: 'text',
		description: 'Short name in the URL: /plannen/{slug}.',
		value: (r) => r.slug
	},
	{
		name: 'body_slug',
		type: 'text',
		description: 'Slug of the body that owns the plan, if any (bodies.csv).',
		value: (r) => r.bodySlug
	},
	{
		name: 'region_slug',
		type: 'text',
		description: 'Slug of the platform region the plan is for, if any.',
		value: (r) => r.regionSlug
	},
	...translated<PlanRow>('title', 'Title of the plan', (r) => r.title),
	{
		name: 'vision',
		type: 'text',
		description: 'The shared vision (Markdown).',
		value: (r) => r.vision
	},
	{
		name: 'period_start',
		type: 'date',
		description: 'First day of the plan period.',
		value: (r) => r.periodStart
	},
	{
		name: 'period_end',
		type: 'date',
		description: 'Last day of the plan period.',
		value: (r) => r.periodEnd
	},
	{
		name: 'status',
		type: 'text',
		description: 'Stage of the plan: draft, adopted, running or closed.',
		value: (r) => r.status
	},
	{
		name: 'version',
		type: 'integer',
		description: 'Version, raised on each amendment of an adopted plan.',
		value: (r) => r.version
	},
	{
		name: 'adopted_by_decision_id',
		type: 'uuid',
		description: 'The public decision that adopted the plan (decisions.csv); empty otherwise.',
		value: (r) => r.publicDecisionId
	},
	{
		name: 'updated_at',
		type: 'datetime',
		description: 'Last change of the record (ISO 8601, UTC).',
		value: (r) => r.updatedAt
	},
	exampleColumn<PlanRow>()
];

export const plansTable = table<PlanRow>({
	file: 'plans.csv',
	description: 'Plans published on the site (/plannen); unpublished plans are left out.',
	columns: planColumns,
	rows: publicPlans
});

type ItemRow = typeof planItems.$inferSelect & {
	parentExternalId: string | null;
	leadSlug: string | null;
};

/** Items of public plans of some kinds, in tree order (plan, then external id). */
async function itemsOf(db: DbOrTx, kinds: ('theme' | 'objective' | 'action')[]) {
	const parent = alias(planItems, 'parent');
	const rows = await db
		.select({ item: planItems, parentExternalId: parent.externalId, leadSlug: organisations.slug })
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.leftJoin(parent, eq(parent.id, planItems.parentId))
		.leftJoin(organisations, eq(organisations.id, planItems.leadOrganisationId))
		.where(and(eq(plans.isPublic, true), inArray(planItems.kind, kinds)))
		.orderBy(asc(plans.slug), asc(planItems.externalId));
	return rows.map((r) => ({
		...r.item,
		parentExternalId: r.parentExternalId,
		leadSlug: r.leadSlug
	}));
}

const itemHead: Column<ItemRow>[] = [
	{ name: 'id', type: 'uuid', description: 'Id of the item (as in the API).', value: (r) => r.id },
	{
		name: 'plan_id',
		type: 'uuid',
		description: 'Id of its plan (plans.csv).',
		value: (r) => r.planId
	},
	{
		name: 'external_id',
		type: 'text',
		description: 'Code of the item in its plan, e.g. T1, D1.2, A1.2.3.',
		value: (r) => r.externalId
	},
	{
		name: 'parent_external_id',
		type: 'text',
		description: 'Code of the item above it in the plan (a theme or objective); empty for a theme.',
		value: (r) => r.parentExternalId
	},
	{
		name: 'title',
		type: 'text',
		description: 'Title of the theme, objective or action.',
		value: (r) => r.title
	},
	{
		name: 'description',
		type: 'text',
		description: 'Description (Markdown).',
		value: (r) => r.description
	},
	{
		name: 'is_priority',
		type: 'boolean',
		description: 'true for a priority of the plan.',
		value: (r) => r.isPriority
	},
	{
		name: 'status_override',
		type: 'text',
		description:
			'Status set by hand instead of the computed one (not_started, on_track, at_risk, off_track, done); empty when computed.',
		value: (r) => r.statusOverride
	}
];

export const objectivesTable = table<ItemRow>({
	file: 'objectives.csv',
	description: 'The themes and objectives of the published plans in plans.csv.',
	columns: [
		...itemHead,
		{
			name: 'kind',
			type: 'text',
			description: 'theme (a group of objectives) or objective.',
			value: (r) => r.kind
		},
		{
			name: 'challenge',
			type: 'text',
			description: 'For an objective: the challenge it answers.',
			value: (r) => r.challenge
		},
		exampleColumn<ItemRow>()
	],
	rows: (db) => itemsOf(db, ['theme', 'objective'])
});

export const actionsTable = table<ItemRow>({
	file: 'actions.csv',
	description:
		'The actions of the published plans in plans.csv (the person who owns an action is left out).',
	columns: [
		...itemHead,
		{
			name: 'lead_organisation_slug',
			type: 'text',
			description: 'Slug of the organisation that leads the action.',
			value: (r) => r.leadSlug
		},
		{ name: 'start_date', type: 'date', description: 'Planned start.', value: (r) => r.startDate },
		{ name: 'due_date', type: 'date', description: 'Planned end.', value: (r) => r.dueDate },
		{
			name: 'budget_planned',
			type: 'number',
			description: 'Planned budget in euro.',
			value: (r) => r.budgetPlanned
		},
		{
			name: 'budget_spent',
			type: 'number',
			description: 'Budget spent so far in euro.',
			value: (r) => r.budgetSpent
		},
		{
			name: 'progress',
			type: 'integer',
			description: 'Progress 0–100 (%), from the latest update.',
			value: (r) => r.progress
		},
		{
			name: 'completed_on',
			type: 'date',
			description: 'Day the action was completed; empty while open.',
			value: (r) => r.completedOn
		},
		exampleColumn<ItemRow>()
	],
	rows: (db) => itemsOf(db, ['action'])
});

type UpdateRow = typeof planUpdates.$inferSelect & { planId: string };

export const updatesTable = table<UpdateRow>({
	file: 'updates.csv',
	description:
		'Progress updates of the actions and measures of the published plans (who wrote them is left out).',
	columns: [
		{ name: 'id', type: 'uuid', description: 'Id of the update.', value: (r) => r.id },
		{
			name: 'plan_id',
			type: 'uuid',
			description: 'Id of the plan (plans.csv).',
			value: (r) => r.planId
		},
		{
			name: 'action_id',
			type: 'uuid',
			description: 'The action it reports on (actions.csv); empty for a measure.',
			value: (r) => r.itemId
		},
		{
			name: 'measure_id',
			type: 'uuid',
			description:
				'The measure (indicator target of an objective) it reports on; empty for an action.',
			value: (r) => r.measureId
		},
		{
			name: 'reported_on',
			type: 'date',
			description: 'Day the update reports on.',
			value: (r) => r.reportedOn
		},
		{ name: 'text', type: 'text', description: 'The update (Markdown).', value: (r) => r.text },
		{
			name: 'progress',
			type: 'integer',
			description: 'Progress 0–100 (%) reported; empty when not given.',
			value: (r) => r.progress
		},
		{
			name: 'status_proposal',
			type: 'text',
			description:
				'Status proposed by the reporter: not_started, on_track, at_risk, off_track or done.',
			value: (r) => r.statusProposal
		},
		exampleColumn<UpdateRow>()
	],
	rows: async (db) => {
		const item = alias(planItems, 'item');
		const rows = await db
			.select({ update: planUpdates, planId: plans.id })
			.from(planUpdates)
			.leftJoin(item, eq(item.id, planUpdates.itemId))
			.leftJoin(planMeasures, eq(planMeasures.id, planUpdates.measureId))
			.leftJoin(planItems, eq(planItems.id, planMeasures.itemId))
			.innerJoin(plans, or(eq(plans.id, item.planId), eq(plans.id, planItems.planId)))
			.where(eq(plans.isPublic, true))
			.orderBy(asc(plans.slug), asc(planUpdates.reportedOn), asc(planUpdates.id));
		return rows.map((r) => ({ ...r.update, planId: r.planId }));
	}
});

export const dossiersTable = table<RegisterRow>({
	file: 'dossiers.csv',
	description:
		'Published influence dossiers (positions a body adopted and sent to governments), as in the public register /dossiers.',
	columns: [
		{ name: 'id', type: 'uuid', description: 'Id of the dossier.', value: (r) => r.id },
		{
			name: 'slug',
			type: 'text',
			description: 'Short name in the URL: /dossiers/{slug}.',
			value: (r) => r.slug
		},
		{ name: 'title', type: 'text', description: 'Title of the position.', value: (r) => r.title },
		{
			name: 'body_slug',
			type: 'text',
			description: 'Slug of the body whose position it is (bodies.csv).',
			value: (r) => r.body.slug
		},
		{
			name: 'year',
			type: 'integer',
			description: 'Year of its adopting meeting.',
			value: (r) => r.year
		},
		{
			name: 'stage',
			type: 'text',
			description: 'Computed stage: adopted, sent, answered, followed_up or closed.',
			value: (r) => r.status.stage
		},
		{
			name: 'addressee_slugs',
			type: 'text',
			description: 'Slugs of the organisations it was addressed to, separated by " | ".',
			value: (r) => r.addressees.map((a) => a.slug).join(' | ')
		},
		{
			name: 'answered_count',
			type: 'integer',
			description: 'How many addressees have answered.',
			value: (r) => r.addressees.filter((a) => a.answeredOn).length
		},
		{
			name: 'policy_domain_slugs',
			type: 'text',
			description: 'Slugs of its policy domains, separated by " | ".',
			value: (r) => r.policyDomains.map((d) => d.slug).join(' | ')
		},
		{
			name: 'last_on',
			type: 'date',
			description: 'Day of the last thing that happened.',
			value: (r) => r.lastOn
		},
		exampleColumn<RegisterRow>()
	],
	rows: async (db) =>
		(await register(db, 'public', anonymous, {}, { locale: 'nl' })).sort((a, b) =>
			a.slug.localeCompare(b.slug)
		)
});
