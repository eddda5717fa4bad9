import { sql } from 'drizzle-orm';
import {
	check,
	foreignKey,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	boolean
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { bodies, policyDomains } from './bodies';
import { id, isExample, timestamps } from './common';
import { files } from './files';
import { people } from './people';

export const meetingStatuses = [
	'draft',
	'agenda_published',
	'held',
	'minutes_draft',
	'minutes_approved',
	'cancelled'
] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingStatus = pgEnum('meeting_status', meetingStatuses);

/** A meeting (zitting) of one body. Times are instants; the UI shows them in Europe/Brussels. */
export const meetings = pgTable(
	'meetings',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		/** Optional; the UI falls back to "<body> — <date>". */
		title: text('title'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		location: text('location'),
		onlineUrl: text('online_url'),
		status: meetingStatus('status').notNull().default('draft'),
		cancelReason: text('cancel_reason'),
		isPublic: boolean('is_public').notNull().default(true),
		/** iCalendar SEQUENCE: raised on every change sent to invitees after publication. */
		sequence: integer('sequence').notNull().default(0),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		copiedFromId: uuid('copied_from_id'),
		/** When the minutes were approved, and by which decision of a later meeting. */
		minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
		minutesApprovalDecisionId: uuid('minutes_approval_decision_id'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		index('meetings_body_starts_idx').on(t.bodyId, t.startsAt),
		index('meetings_starts_idx').on(t.startsAt),
		// Columns that reference a meeting or an item: without an index, deleting a meeting or an
		// item makes PostgreSQL scan the whole table per row (bench/cooperation.ts).
		index('meetings_copied_from_idx').on(t.copiedFromId),
		foreignKey({ columns: [t.copiedFromId], foreignColumns: [t.id] }).onDelete('set null'),
		check('meetings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`)
	]
);

export const agendaItemKinds = ['information', 'discussion', 'decision', 'advice'] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];
export const agendaItemKind = pgEnum('agenda_item_kind', agendaItemKinds);

/** A body's template of standing items, copied into every new meeting in their place. */
export const standingItems = pgTable(
	'standing_items',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		kind: agendaItemKind('kind').notNull().default('information'),
		isPublic: boolean('is_public').notNull().default(true),
		durationMinutes: integer('duration_minutes'),
		presenter: text('presenter'),
		/** Bound to another body: every meeting's copy carries a generated report of that body. */
		reportBodyId: uuid('report_body_id').references(() => bodies.id, { onDelete: 'set null' }),
		isExample: isExample(),
		...timestamps
	},
	(t) => [index('standing_items_body_idx').on(t.bodyId, t.position)]
);

/** An item on a meeting's agenda: two levels at most (a child's parent has no parent). */
export const agendaItems = pgTable(
	'agenda_items',
	{
		id: id(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		parentId: uuid('parent_id'),
		/** Order among siblings (0-based); the number (1, 1.2…) is derived from it. */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description'),
		kind: agendaItemKind('kind').notNull().default('information'),
		isPublic: boolean('is_public').notNull().default(true),
		durationMinutes: integer('duration_minutes'),
		presenter: text('presenter'),
		/** The standing item this was copied from, if any. */
		standingItemId: uuid('standing_item_id').references(() => standingItems.id, {
			onDelete: 'set null'
		}),
		/** A report item: the body whose activity it reports (copied from a bound standing item). */
		reportBodyId: uuid('report_body_id').references(() => bodies.id, { onDelete: 'set null' }),
		/** The generated report, frozen when the agenda was published (null while a draft). */
		reportSnapshot: jsonb('report_snapshot').$type<Record<string, unknown>>(),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		index('agenda_items_meeting_idx').on(t.meetingId, t.position),
		index('agenda_items_parent_idx').on(t.parentId),
		// Dutch full-text search of titles (workspace search); the query repeats this expression.
		index('agenda_items_title_fts_idx').using('gin', sql`to_tsvector('dutch', ${t.title})`),
		foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade')
	]
);

export const agendaItemPolicyDomains = pgTable(
	'agenda_item_policy_domains',
	{
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		policyDomainId: uuid('policy_domain_id')
			.notNull()
			.references(() => policyDomains.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.policyDomainId] })]
);

export const replyResponses = ['attending', 'excused'] as const;
export type ReplyResponse = (typeof replyResponses)[number];
export const replyResponse = pgEnum('reply_response', replyResponses);

/** A member's answer to an invitation, before the meeting. One per person and meeting. */
export const meetingReplies = pgTable(
	'meeting_replies',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		response: replyResponse('response').notNull(),
		note: text('note'),
		/** Who comes in the member's place (free text: a colleague of the same organisation). */
		substitute: text('substitute'),
		repliedByUserId: uuid('replied_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		...timestamps
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] })]
);

export const attendanceStatuses = ['present', 'excused', 'absent', 'substitute'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatus = pgEnum('attendance_status', attendanceStatuses);

/** Who was there, recorded after the fact (prefilled from the replies). */
export const attendance = pgTable(
	'attendance',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		status: attendanceStatus('status').notNull(),
		substitute: text('substitute'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] })]
);

/** Every invitation, update and cancellation sent, per recipient (what went out, with which SEQUENCE). */
export const meetingInvitations = pgTable(
	'meeting_invitations',
	{
		id: id(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		personId: uuid('person_id').references(() => people.id),
		email: text('email').notNull(),
		/** REQUEST (invitation or update) or CANCEL. */
		method: text('method').notNull(),
		sequence: integer('sequence').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('meeting_invitations_meeting_idx').on(t.meetingId)]
);

export const decisionStatuses = ['adopted', 'rejected', 'postponed', 'withdrawn'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];
export const decisionStatus = pgEnum('decision_status', decisionStatuses);

/** A decision (besluit): numbered per body and year, without gaps. */
export const decisions = pgTable(
	'decisions',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		number: integer('number').notNull(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
			onDelete: 'set null'
		}),
		title: text('title').notNull(),
		text: text('text').notNull(),
		status: decisionStatus('status').notNull().default('adopted'),
		votesFor: integer('votes_for'),
		votesAgainst: integer('votes_against'),
		votesAbstain: integer('votes_abstain'),
		/** The earlier meeting whose minutes this decision approves (the standing item). */
		approvesMinutesOfId: uuid('approves_minutes_of_id').references(() => meetings.id),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('decisions_number_key').on(t.bodyId, t.year, t.number),
		index('decisions_meeting_idx').on(t.meetingId),
		index('decisions_agenda_item_idx').on(t.agendaItemId),
		index('decisions_approves_minutes_idx').on(t.approvesMinutesOfId),
		index('decisions_fts_idx').using(
			'gin',
			sql`to_tsvector('dutch', ${t.title} || ' ' || ${t.text})`
		),
		check(
			'decisions_votes_all_or_none',
			sql`(${t.votesFor} is null) = (${t.votesAgainst} is null) and (${t.votesFor} is null) = (${t.votesAbstain} is null)`
		)
	]
);

/** The last decision number per body and year: the row lock serialises concurrent numbering. */
export const decisionCounters = pgTable(
	'decision_counters',
	{
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		last: integer('last').notNull()
	},
	(t) => [primaryKey({ columns: [t.bodyId, t.year] })]
);

// ---- Minutes (issue: minutes, documents and exports) ----

/** The current minutes of one agenda item (Markdown). `version` guards concurrent saves. */
export const itemMinutes = pgTable(
	'item_minutes',
	{
		agendaItemId: uuid('agenda_item_id')
			.primaryKey()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		version: integer('version').notNull(),
		updatedByUserId: uuid('updated_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		isExample: isExample(),
		...timestamps
	},
	(t) => [index('item_minutes_body_fts_idx').using('gin', sql`to_tsvector('dutch', ${t.body})`)]
);

export const minutesVersionKinds = ['edit', 'correction'] as const;
export type MinutesVersionKind = (typeof minutesVersionKinds)[number];
export const minutesVersionKind = pgEnum('minutes_version_kind', minutesVersionKinds);

/** Every saved version of an item's minutes (append-only): edits, and corrections after approval. */
export const minutesVersions = pgTable(
	'minutes_versions',
	{
		id: id(),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		body: text('body').notNull(),
		kind: minutesVersionKind('kind').notNull().default('edit'),
		/** Why a correction was made (required for corrections). */
		reason: text('reason'),
		authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
		isExample: isExample(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('minutes_versions_key').on(t.agendaItemId, t.version),
		index('minutes_versions_meeting_idx').on(t.meetingId)
	]
);

/** A member's remark on an item's draft minutes, during review. */
export const minutesComments = pgTable(
	'minutes_comments',
	{
		id: id(),
		agendaItemId: uuid('agenda_item_id')
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
		authorName: text('author_name').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('minutes_comments_meeting_idx').on(t.meetingId)]
);

/** Each time the draft minutes were sent to the members for review. */
export const minutesReviews = pgTable('minutes_reviews', {
	id: id(),
	meetingId: uuid('meeting_id')
		.notNull()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	sentByUserId: uuid('sent_by_user_id').references(() => users.id, { onDelete: 'set null' }),
	recipients: integer('recipients').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

// ---- Documents ----

/** A document of a meeting or of one of its items; its bytes are versions (files rows). */
export const documents = pgTable(
	'documents',
	{
		id: id(),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, {
			onDelete: 'cascade'
		}),
		title: text('title').notNull(),
		isExample: isExample(),
		...timestamps
	},
	(t) => [index('documents_meeting_idx').on(t.meetingId)]
);

export const documentVersions = pgTable(
	'document_versions',
	{
		id: id(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id),
		note: text('note'),
		uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('document_versions_key').on(t.documentId, t.version)]
);
