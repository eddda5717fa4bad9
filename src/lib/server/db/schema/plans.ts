/**
 * Plans and their follow-up: a plan of a body or a region → themes → objectives (general →
 * specific, each with its challenge) → actions, as one tree of plan items (the Flemish BBC chain
 * beleidsdoelstelling → actieplan → actie). Objectives carry measures on the monitor's indicators;
 * actions carry dates, budget, progress and milestones. Progress updates are append-only. Status
 * is computed (src/lib/server/plans/status.ts); only a manual override is stored, with its reason.
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	numeric,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { areas } from './areas';
import { bodies } from './bodies';
import { id, isExample, timestamps, translatable } from './common';
import { files } from './files';
import { agendaItems, decisions } from './meetings';
import { indicatorDirection, indicators } from './monitor';
import { organisations } from './organisations';
import { people } from './people';

export const planStatusValues = ['draft', 'adopted', 'running', 'closed'] as const;
export const planStatus = pgEnum('plan_status', planStatusValues);

export const planItemKinds = ['theme', 'objective', 'action'] as const;
export type PlanItemKind = (typeof planItemKinds)[number];
export const planItemKind = pgEnum('plan_item_kind', planItemKinds);

/** The statuses the rules compute; stored only as a manual override. */
export const trackStatusValues = [
	'not_started',
	'on_track',
	'at_risk',
	'off_track',
	'done'
] as const;
export const trackStatus = pgEnum('track_status', trackStatusValues);

export const reminderSchedules = ['monthly', 'quarterly', 'none'] as const;
export const reminderSchedule = pgEnum('plan_reminder_schedule', reminderSchedules);

export const trajectories = ['linear', 'stepped'] as const;
export const trajectory = pgEnum('measure_trajectory', trajectories);

/** The tolerances of status/tolerances (percent of the distance; points of progress). */
export type PlanTolerances = {
	measureOnTrack: number;
	measureAtRisk: number;
	actionAtRisk: number;
	actionOffTrack: number;
};

export const plans = pgTable(
	'plans',
	{
		id: id(),
		slug: text('slug').notNull(),
		bodyId: uuid('body_id').references(() => bodies.id, { onDelete: 'restrict' }),
		regionId: uuid('region_id').references(() => areas.id, { onDelete: 'restrict' }),
		title: translatable('title').notNull(),
		/** The shared vision (Markdown). */
		vision: text('vision').notNull().default(''),
		periodStart: date('period_start').notNull(),
		periodEnd: date('period_end').notNull(),
		status: planStatus('status').notNull().default('draft'),
		adoptedByDecisionId: uuid('adopted_by_decision_id').references(() => decisions.id, {
			onDelete: 'set null'
		}),
		/** Raised when an adopted plan is amended; the previous content is in plan_versions. */
		version: integer('version').notNull().default(1),
		/** Shown on the public site (/plannen/<slug>) and in the public API. */
		isPublic: boolean('is_public').notNull().default(false),
		reminders: reminderSchedule('reminders').notNull().default('quarterly'),
		tolerances: jsonb('tolerances').$type<PlanTolerances>(),
		statusOverride: trackStatus('status_override'),
		overrideReason: text('override_reason'),
		/** Guards concurrent edits (optimistic concurrency). */
		revision: integer('revision').notNull().default(1),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('plans_slug_key').on(t.slug),
		index('plans_body_idx').on(t.bodyId),
		index('plans_region_idx').on(t.regionId),
		index('plans_adopted_by_decision_idx').on(t.adoptedByDecisionId),
		check('plans_owner', sql`${t.bodyId} is not null or ${t.regionId} is not null`),
		check('plans_period', sql`${t.periodEnd} >= ${t.periodStart}`),
		check(
			'plans_override_reason',
			sql`${t.statusOverride} is null or coalesce(${t.overrideReason}, '') <> ''`
		)
	]
);

/** The content of an adopted plan before an amendment (a snapshot of the tree). */
export const planVersions = pgTable(
	'plan_versions',
	{
		id: id(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		snapshot: jsonb('snapshot').notNull(),
		decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
		reason: text('reason'),
		createdByUserId: uuid('created_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('plan_versions_key').on(t.planId, t.version),
		index('plan_versions_decision_idx').on(t.decisionId),
		index('plan_versions_user_idx').on(t.createdByUserId)
	]
);

/** A theme, an objective (under a theme, or a specific one under a general one) or an action. */
export const planItems = pgTable(
	'plan_items',
	{
		id: id(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id').references((): AnyPgColumn => planItems.id, {
			onDelete: 'cascade'
		}),
		kind: planItemKind('kind').notNull(),
		/** Stable id for import and export (e.g. "T1", "D1.2", "A1.2.3"); unique in its plan. */
		externalId: text('external_id').notNull(),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Objectives: the challenge they answer ("Uitdaging"). */
		challenge: text('challenge').notNull().default(''),
		isPriority: boolean('is_priority').notNull().default(false),
		/** Weight in the parent's roll-up. */
		weight: doublePrecision('weight').notNull().default(1),
		statusOverride: trackStatus('status_override'),
		overrideReason: text('override_reason'),
		overrideByUserId: uuid('override_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		// Actions
		leadOrganisationId: uuid('lead_organisation_id').references(() => organisations.id, {
			onDelete: 'set null'
		}),
		ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
		startDate: date('start_date'),
		dueDate: date('due_date'),
		budgetPlanned: numeric('budget_planned', { precision: 14, scale: 2, mode: 'number' }),
		budgetSpent: numeric('budget_spent', { precision: 14, scale: 2, mode: 'number' }),
		/** 0–100, from the latest update. */
		progress: integer('progress').notNull().default(0),
		completedOn: date('completed_on'),
		revision: integer('revision').notNull().default(1),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('plan_items_external_key').on(t.planId, t.externalId),
		index('plan_items_tree_idx').on(t.planId, t.parentId, t.position),
		index('plan_items_parent_idx').on(t.parentId),
		index('plan_items_owner_idx').on(t.ownerPersonId),
		index('plan_items_lead_idx').on(t.leadOrganisationId),
		index('plan_items_override_user_idx').on(t.overrideByUserId),
		check('plan_items_progress', sql`${t.progress} between 0 and 100`),
		check('plan_items_weight', sql`${t.weight} >= 0`),
		check(
			'plan_items_dates',
			sql`${t.dueDate} is null or ${t.startDate} is null or ${t.dueDate} >= ${t.startDate}`
		),
		check(
			'plan_items_budget',
			sql`coalesce(${t.budgetPlanned}, 0) >= 0 and coalesce(${t.budgetSpent}, 0) >= 0`
		),
		check(
			'plan_items_shape',
			sql`(${t.kind} = 'theme' and ${t.parentId} is null) or (${t.kind} <> 'theme' and ${t.parentId} is not null)`
		),
		check(
			'plan_items_override_reason',
			sql`${t.statusOverride} is null or coalesce(${t.overrideReason}, '') <> ''`
		)
	]
);

export const planActionPartners = pgTable(
	'plan_action_partners',
	{
		itemId: uuid('item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.itemId, t.organisationId] }),
		index('plan_action_partners_org_idx').on(t.organisationId)
	]
);

export const planMilestones = pgTable(
	'plan_milestones',
	{
		id: id(),
		itemId: uuid('item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueDate: date('due_date').notNull(),
		doneOn: date('done_on'),
		position: integer('position').notNull().default(0),
		isExample: isExample()
	},
	(t) => [index('plan_milestones_item_idx').on(t.itemId)]
);

/** A measurable target of an objective, on an indicator of the monitor for one area. */
export const planMeasures = pgTable(
	'plan_measures',
	{
		id: id(),
		itemId: uuid('item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' }),
		externalId: text('external_id').notNull(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'restrict' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areas.id, { onDelete: 'restrict' }),
		baselineValue: doublePrecision('baseline_value').notNull(),
		baselinePeriod: text('baseline_period').notNull(),
		baselinePeriodStart: date('baseline_period_start').notNull(),
		targetValue: doublePrecision('target_value').notNull(),
		targetPeriod: text('target_period').notNull(),
		targetPeriodStart: date('target_period_start').notNull(),
		direction: indicatorDirection('direction').notNull(),
		trajectory: trajectory('trajectory').notNull().default('linear'),
		weight: doublePrecision('weight').notNull().default(1),
		position: integer('position').notNull().default(0),
		statusOverride: trackStatus('status_override'),
		overrideReason: text('override_reason'),
		revision: integer('revision').notNull().default(1),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		index('plan_measures_item_idx').on(t.itemId),
		index('plan_measures_series_idx').on(t.indicatorId, t.areaId),
		index('plan_measures_area_idx').on(t.areaId),
		check(
			'plan_measures_target_after_baseline',
			sql`${t.targetPeriodStart} > ${t.baselinePeriodStart}`
		),
		check('plan_measures_direction', sql`${t.direction} <> 'neutral'`),
		check('plan_measures_weight', sql`${t.weight} >= 0`),
		check(
			'plan_measures_override_reason',
			sql`${t.statusOverride} is null or coalesce(${t.overrideReason}, '') <> ''`
		)
	]
);

/** Intermediate targets of a measure. */
export const planMeasureTargets = pgTable(
	'plan_measure_targets',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => planMeasures.id, { onDelete: 'cascade' }),
		period: text('period').notNull(),
		periodStart: date('period_start').notNull(),
		value: doublePrecision('value').notNull()
	},
	(t) => [primaryKey({ columns: [t.measureId, t.period] })]
);

/** A dated progress update of an action or a measure: append-only. */
export const planUpdates = pgTable(
	'plan_updates',
	{
		id: id(),
		itemId: uuid('item_id').references(() => planItems.id, { onDelete: 'cascade' }),
		measureId: uuid('measure_id').references(() => planMeasures.id, { onDelete: 'cascade' }),
		reportedOn: date('reported_on').notNull(),
		text: text('text').notNull(),
		progress: integer('progress'),
		statusProposal: trackStatus('status_proposal'),
		authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
		isExample: isExample(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('plan_updates_item_idx').on(t.itemId, t.reportedOn),
		index('plan_updates_measure_idx').on(t.measureId, t.reportedOn),
		index('plan_updates_author_idx').on(t.authorUserId),
		check('plan_updates_target', sql`(${t.itemId} is null) <> (${t.measureId} is null)`),
		check('plan_updates_progress', sql`${t.progress} is null or ${t.progress} between 0 and 100`)
	]
);

export const planUpdateAttachments = pgTable(
	'plan_update_attachments',
	{
		updateId: uuid('update_id')
			.notNull()
			.references(() => planUpdates.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		title: text('title').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.updateId, t.fileId] }),
		index('plan_update_attachments_file_idx').on(t.fileId)
	]
);

export const decisionPlanEffects = ['adopts', 'amends', 'creates', 'changes'] as const;
export const decisionPlanEffect = pgEnum('decision_plan_effect', decisionPlanEffects);

/** What a decision did to a plan or one of its items. */
export const decisionPlanLinks = pgTable(
	'decision_plan_links',
	{
		id: id(),
		decisionId: uuid('decision_id')
			.notNull()
			.references(() => decisions.id, { onDelete: 'cascade' }),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id').references(() => planItems.id, { onDelete: 'cascade' }),
		effect: decisionPlanEffect('effect').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('decision_plan_links_decision_idx').on(t.decisionId),
		index('decision_plan_links_plan_idx').on(t.planId),
		index('decision_plan_links_item_idx').on(t.itemId)
	]
);

/** Actions an agenda item puts up for discussion. */
export const agendaItemActions = pgTable(
	'agenda_item_actions',
	{
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.agendaItemId, t.itemId] }),
		index('agenda_item_actions_item_idx').on(t.itemId)
	]
);

/** Indicators a plan added to the monitor's catalogue for its own measures. */
export const planIndicators = pgTable(
	'plan_indicators',
	{
		planId: uuid('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.planId, t.indicatorId] }),
		index('plan_indicators_indicator_idx').on(t.indicatorId)
	]
);
