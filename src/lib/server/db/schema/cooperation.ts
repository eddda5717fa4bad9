/**
 * Bodies working together: closed items shared with a linked body (for its generated reports),
 * advice that travels from body to body (every hop kept), and the notifications sent once.
 */
import {
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
import { bodies } from './bodies';
import { id, isExample, timestamps } from './common';
import { agendaItems, decisions, documents } from './meetings';

/** A closed item of body Y that Y's secretary shares with body X: X's members see it in reports. */
export const itemShares = pgTable(
	'agenda_item_shares',
	{
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		sharedByUserId: uuid('shared_by_user_id').references(() => users.id, { onDelete: 'set null' }),
		isExample: isExample(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.bodyId] })]
);

/** An advice: one text that travels (a working group → the Stuurgroep → the mayors). */
export const advices = pgTable(
	'advices',
	{
		id: id(),
		title: text('title').notNull(),
		originBodyId: uuid('origin_body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		createdByUserId: uuid('created_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		isExample: isExample(),
		...timestamps
	},
	(t) => [index('advices_origin_idx').on(t.originBodyId)]
);

export const adviceOutcomes = ['confirmed', 'amended', 'rejected', 'decided', 'forwarded'] as const;
export type AdviceOutcome = (typeof adviceOutcomes)[number];
export const adviceOutcome = pgEnum('advice_outcome', adviceOutcomes);

/**
 * One hop of an advice, from body X to body Y. Its state follows from its columns: pending (not
 * placed, no outcome) → placed (on an item of one of Y's meetings) → settled (an outcome). A
 * `forwarded` outcome has a next hop (step + 1) from Y to Z. Deleting the placed item (a draft
 * meeting removed) makes the hop pending again.
 */
export const adviceHops = pgTable(
	'advice_hops',
	{
		id: id(),
		adviceId: uuid('advice_id')
			.notNull()
			.references(() => advices.id, { onDelete: 'cascade' }),
		/** 1 for the first hop; a forwarded outcome adds step + 1. */
		step: integer('step').notNull(),
		fromBodyId: uuid('from_body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		toBodyId: uuid('to_body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		/** The item (and decision) of X the advice comes from. */
		fromItemId: uuid('from_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
		fromDecisionId: uuid('from_decision_id').references(() => decisions.id, {
			onDelete: 'set null'
		}),
		/** The advice as sent on this hop (an amended outcome sends the amended text on). */
		text: text('text').notNull(),
		sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		/** The item of Y's meeting that treats it. */
		placedItemId: uuid('placed_item_id').references(() => agendaItems.id, {
			onDelete: 'set null'
		}),
		placedAt: timestamp('placed_at', { withTimezone: true }),
		placedByUserId: uuid('placed_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		outcome: adviceOutcome('outcome'),
		/** What Y said (required for amended, rejected and decided). */
		outcomeText: text('outcome_text'),
		outcomeDecisionId: uuid('outcome_decision_id').references(() => decisions.id, {
			onDelete: 'set null'
		}),
		settledAt: timestamp('settled_at', { withTimezone: true }),
		settledByUserId: uuid('settled_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('advice_hops_step_key').on(t.adviceId, t.step),
		// One advice hop per item that treats it.
		uniqueIndex('advice_hops_placed_item_key').on(t.placedItemId),
		index('advice_hops_to_idx').on(t.toBodyId, t.sentAt),
		index('advice_hops_from_idx').on(t.fromBodyId, t.sentAt),
		index('advice_hops_from_item_idx').on(t.fromItemId)
	]
);

/** The documents sent along with a hop: readable by the receiving body's members. */
export const adviceHopDocuments = pgTable(
	'advice_hop_documents',
	{
		hopId: uuid('hop_id')
			.notNull()
			.references(() => adviceHops.id, { onDelete: 'cascade' }),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.hopId, t.documentId] }),
		index('advice_hop_documents_doc_idx').on(t.documentId)
	]
);

/**
 * Every notification sent, per kind, subject and user: the unique key makes a notification go out
 * once even when several instances (or a retried job) try.
 */
export const notificationDeliveries = pgTable(
	'notification_deliveries',
	{
		id: id(),
		/** advice_arrived, advice_outcome, minutes_reminder, weekly_digest … */
		kind: text('kind').notNull(),
		/** What it is about: a hop id, a meeting id, an ISO week … */
		subjectKey: text('subject_key').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('notification_deliveries_key').on(t.kind, t.subjectKey, t.userId)]
);
