/**
 * The public face: news items and pages (Markdown, translatable), external links of
 * organisations, messages sent through the contact form, and the public's e-mail alerts.
 */
import {
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { areas } from './areas';
import { bodies, policyDomains } from './bodies';
import { id, isExample, timestamps, translatable } from './common';
import { files } from './files';
import { organisations } from './organisations';

export const contentKinds = ['news', 'page'] as const;
export type ContentKind = (typeof contentKinds)[number];
export const contentKind = pgEnum('content_kind', contentKinds);

/**
 * A news item (`/nieuws/<slug>`) or a page (`/paginas/<slug>`). Its state is computed from
 * `publish_at`: null = draft, in the future = scheduled, past = published. It hangs on at most one
 * body (whose editors and secretaries write it), and may also name a region, an organisation and
 * a policy domain; without a body it belongs to the partnership (staff write it).
 */
export const contentItems = pgTable(
	'content_items',
	{
		id: id(),
		kind: contentKind('kind').notNull(),
		slug: text('slug').notNull(),
		title: translatable('title').notNull(),
		/** One or two sentences for lists, cards and feeds. */
		summary: translatable('summary'),
		/** Markdown; rendered through the sanitiser, never trusted. */
		body: translatable('body').notNull(),
		/** The lead image (a public `content_image` file) and its required alternative text. */
		imageFileId: uuid('image_file_id').references(() => files.id, { onDelete: 'set null' }),
		imageAlt: translatable('image_alt'),
		bodyId: uuid('body_id').references(() => bodies.id),
		areaId: uuid('area_id').references(() => areas.id),
		organisationId: uuid('organisation_id').references(() => organisations.id),
		policyDomainId: uuid('policy_domain_id').references(() => policyDomains.id),
		publishAt: timestamp('publish_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		/** Optimistic locking: two editors saving the same item do not overwrite each other. */
		revision: integer('revision').notNull().default(0),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('content_items_kind_slug_key').on(t.kind, t.slug),
		index('content_items_body_idx').on(t.bodyId),
		index('content_items_area_idx').on(t.areaId),
		index('content_items_publish_idx').on(t.kind, t.publishAt)
	]
);

/** "Externe websites" of an organisation, in the order shown. */
export const organisationLinks = pgTable(
	'organisation_links',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		label: translatable('label').notNull(),
		url: text('url').notNull(),
		position: integer('position').notNull().default(0),
		isExample: isExample(),
		...timestamps
	},
	(t) => [index('organisation_links_organisation_idx').on(t.organisationId, t.position)]
);

/**
 * A message sent through a contact form, to the secretariat of a body (or of the partnership
 * when `body_id` is null). Kept so nothing is lost when the mail fails.
 */
export const contactMessages = pgTable(
	'contact_messages',
	{
		id: id(),
		bodyId: uuid('body_id').references(() => bodies.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		email: text('email').notNull(),
		subject: text('subject').notNull(),
		message: text('message').notNull(),
		locale: text('locale').notNull().default('nl'),
		/** A keyed hash of the sender's IP address, for rate limiting without storing the address. */
		senderKey: text('sender_key').notNull(),
		mailedAt: timestamp('mailed_at', { withTimezone: true }),
		handledAt: timestamp('handled_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('contact_messages_body_idx').on(t.bodyId, t.createdAt),
		index('contact_messages_sender_idx').on(t.senderKey, t.createdAt)
	]
);

export const alertTopics = ['news', 'decisions', 'meetings'] as const;
export type AlertTopic = (typeof alertTopics)[number];
export const alertTopic = pgEnum('alert_topic', alertTopics);

/**
 * A member of the public following a body's news, decisions or meetings by e-mail. Double opt-in:
 * nothing is sent until `confirmed_at`. Tokens are stored hashed (sha256), like sessions.
 */
export const alertSubscriptions = pgTable(
	'alert_subscriptions',
	{
		id: id(),
		email: text('email').notNull(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		topic: alertTopic('topic').notNull(),
		locale: text('locale').notNull().default('nl'),
		confirmTokenHash: text('confirm_token_hash'),
		unsubscribeTokenHash: text('unsubscribe_token_hash').notNull(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('alert_subscriptions_key').on(t.email, t.bodyId, t.topic),
		index('alert_subscriptions_body_idx').on(t.bodyId, t.topic),
		uniqueIndex('alert_subscriptions_confirm_key').on(t.confirmTokenHash),
		uniqueIndex('alert_subscriptions_unsubscribe_key').on(t.unsubscribeTokenHash)
	]
);

/** One row per alert mail (subscription × subject), claimed before sending: never sent twice. */
export const alertDeliveries = pgTable(
	'alert_deliveries',
	{
		id: id(),
		subscriptionId: uuid('subscription_id')
			.notNull()
			.references(() => alertSubscriptions.id, { onDelete: 'cascade' }),
		/** What it announces: `news:<id>`, `decision:<id>`, `meeting:<id>`. */
		subjectKey: text('subject_key').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('alert_deliveries_key').on(t.subscriptionId, t.subjectKey)]
);
