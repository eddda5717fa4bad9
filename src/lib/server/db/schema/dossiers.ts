/**
 * Influence dossiers: a position of a body, adopted by one or more decisions, sent to higher
 * governments (addressees: organisations), answered, followed up by plan actions, closed. The
 * stage (draft → adopted → sent → answered → followed up → closed) is computed from these facts
 * (src/lib/server/dossiers/status.ts); only the closing is stored, with its note.
 */
import {
	boolean,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bodies, policyDomains } from './bodies';
import { id, isExample, timestamps } from './common';
import { files } from './files';
import { decisions } from './meetings';
import { organisations } from './organisations';
import { planItems } from './plans';

export const dossiers = pgTable(
	'dossiers',
	{
		id: id(),
		slug: text('slug').notNull(),
		/** The body whose position this is; its managers keep the dossier. */
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id),
		title: text('title').notNull(),
		/** The position itself (Markdown): what the body asks of the addressees. */
		position: text('position').notNull().default(''),
		/** Shown on the public site and in the API (once a decision adopted it). */
		isPublic: boolean('is_public').notNull().default(false),
		/** Days to wait for an answer before the secretary is reminded. */
		answerDays: integer('answer_days').notNull().default(60),
		closedOn: date('closed_on'),
		closedNote: text('closed_note'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		/** Optimistic locking of the basic fields. */
		revision: integer('revision').notNull().default(0),
		isExample: isExample(),
		...timestamps
	},
	(t) => [uniqueIndex('dossiers_slug_key').on(t.slug), index('dossiers_body_idx').on(t.bodyId)]
);

export const dossierPolicyDomains = pgTable(
	'dossier_policy_domains',
	{
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossiers.id, { onDelete: 'cascade' }),
		policyDomainId: uuid('policy_domain_id')
			.notNull()
			.references(() => policyDomains.id)
	},
	(t) => [primaryKey({ columns: [t.dossierId, t.policyDomainId] })]
);

/** The decisions that adopted (or amended) the position. */
export const dossierDecisions = pgTable(
	'dossier_decisions',
	{
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossiers.id, { onDelete: 'cascade' }),
		decisionId: uuid('decision_id')
			.notNull()
			.references(() => decisions.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.dossierId, t.decisionId] }),
		index('dossier_decisions_decision_idx').on(t.decisionId)
	]
);

/** One addressee of the position: when it was sent to them, and their answer. */
export const dossierAddressees = pgTable(
	'dossier_addressees',
	{
		id: id(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossiers.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id),
		sentOn: date('sent_on'),
		answeredOn: date('answered_on'),
		/** The answer, summarised or quoted (Markdown). */
		answer: text('answer'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('dossier_addressees_key').on(t.dossierId, t.organisationId),
		index('dossier_addressees_organisation_idx').on(t.organisationId)
	]
);

export const dossierDocumentRoles = ['sent', 'answer'] as const;
export type DossierDocumentRole = (typeof dossierDocumentRoles)[number];
export const dossierDocumentRole = pgEnum('dossier_document_role', dossierDocumentRoles);

/** A document of a dossier: what was sent (memorandum, letter) or an answer of one addressee. */
export const dossierDocuments = pgTable(
	'dossier_documents',
	{
		id: id(),
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossiers.id, { onDelete: 'cascade' }),
		role: dossierDocumentRole('role').notNull(),
		/** For an answer: whose. */
		addresseeId: uuid('addressee_id').references(() => dossierAddressees.id, {
			onDelete: 'cascade'
		}),
		title: text('title').notNull(),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		/** A closed document is never shown publicly, and never sits in a public dossier. */
		isPublic: boolean('is_public').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('dossier_documents_dossier_idx').on(t.dossierId)]
);

/** Plan items the dossier serves (objectives) or that follow it up (actions). */
export const dossierPlanItems = pgTable(
	'dossier_plan_items',
	{
		dossierId: uuid('dossier_id')
			.notNull()
			.references(() => dossiers.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id')
			.notNull()
			.references(() => planItems.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.dossierId, t.itemId] }),
		index('dossier_plan_items_item_idx').on(t.itemId)
	]
);

/** Reminders sent about an addressee's missing answer (one per addressee and sending). */
export const dossierReminders = pgTable(
	'dossier_reminders',
	{
		addresseeId: uuid('addressee_id')
			.notNull()
			.references(() => dossierAddressees.id, { onDelete: 'cascade' }),
		sentOn: date('sent_on').notNull(),
		remindedAt: timestamp('reminded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.addresseeId, t.sentOn] })]
);
