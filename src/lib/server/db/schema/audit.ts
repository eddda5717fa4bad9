import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const actorTypes = ['system', 'cli', 'user', 'token'] as const;
export type ActorType = (typeof actorTypes)[number];
export const actorType = pgEnum('actor_type', actorTypes);

export type AuditChanges = Record<string, { before?: unknown; after?: unknown }>;

/** One row per mutation, written in the mutation's own transaction. Append-only. */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorType: actorType('actor_type').notNull(),
		actorId: text('actor_id'),
		actorLabel: text('actor_label'),
		action: text('action').notNull(),
		recordType: text('record_type').notNull(),
		recordId: text('record_id'),
		changes: jsonb('changes').$type<AuditChanges>(),
		requestId: text('request_id')
	},
	(t) => [
		index('audit_events_record_idx').on(t.recordType, t.recordId),
		index('audit_events_at_idx').on(t.at)
	]
);
