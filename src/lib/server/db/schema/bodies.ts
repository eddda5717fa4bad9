import {
	boolean,
	date,
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
	uuid
} from 'drizzle-orm/pg-core';
import { areas } from './areas';
import { id, isExample, timestamps, translatable } from './common';
import { organisations } from './organisations';
import { people } from './people';

export const bodyKinds = [
	'mayors_consultation',
	'taskforce',
	'forum',
	'steering_group',
	'executive',
	'working_group',
	'other'
] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyKind = pgEnum('body_kind', bodyKinds);

export type BodyContact = { email?: string; phone?: string; address?: string; website?: string };

export const policyDomains = pgTable(
	'policy_domains',
	{
		id: id(),
		slug: text('slug').notNull(),
		name: translatable('name').notNull(),
		position: integer('position').notNull().default(0),
		isExample: isExample(),
		...timestamps
	},
	(t) => [uniqueIndex('policy_domains_slug_key').on(t.slug)]
);

/** A consultation body: mayors' consultation, taskforce, forum, steering group, working group… */
export const bodies = pgTable(
	'bodies',
	{
		id: id(),
		slug: text('slug').notNull(),
		kind: bodyKind('kind').notNull(),
		name: translatable('name').notNull(),
		shortName: text('short_name'),
		purpose: translatable('purpose'),
		regionId: uuid('region_id').references(() => areas.id),
		partOfId: uuid('part_of_id'),
		/** The organisation that runs the secretariat (e.g. an intermunicipal association). */
		organiserId: uuid('organiser_id').references(() => organisations.id),
		contact: jsonb('contact').$type<BodyContact>(),
		position: integer('position').notNull().default(0),
		/** Members needed for a valid meeting, when the body defines one. */
		quorum: integer('quorum'),
		startedOn: date('started_on'),
		endedOn: date('ended_on'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('bodies_slug_key').on(t.slug),
		index('bodies_region_idx').on(t.regionId),
		index('bodies_part_of_idx').on(t.partOfId),
		foreignKey({ columns: [t.partOfId], foreignColumns: [t.id] })
	]
);

export const bodyLinkKinds = ['reports_to', 'advises'] as const;
export type BodyLinkKind = (typeof bodyLinkKinds)[number];
export const bodyLinkKind = pgEnum('body_link_kind', bodyLinkKinds);

/** "X reports to Y" and "X advises Y" between bodies (part-of is bodies.part_of_id). */
export const bodyLinks = pgTable(
	'body_links',
	{
		id: id(),
		fromBodyId: uuid('from_body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		toBodyId: uuid('to_body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		kind: bodyLinkKind('kind').notNull(),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('body_links_key').on(t.fromBodyId, t.toBodyId, t.kind),
		index('body_links_to_idx').on(t.toBodyId)
	]
);

export const bodyPolicyDomains = pgTable(
	'body_policy_domains',
	{
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		policyDomainId: uuid('policy_domain_id')
			.notNull()
			.references(() => policyDomains.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.bodyId, t.policyDomainId] })]
);

export const seatTypes = ['member', 'observer', 'expert', 'secretariat'] as const;
export type SeatType = (typeof seatTypes)[number];
export const seatType = pgEnum('seat_type', seatTypes);

/** An organisation taking part in a body. */
export const participants = pgTable(
	'participants',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id),
		seatType: seatType('seat_type').notNull().default('member'),
		startOn: date('start_on'),
		endOn: date('end_on'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		index('participants_body_idx').on(t.bodyId),
		index('participants_organisation_idx').on(t.organisationId)
	]
);

export const membershipRoles = [
	'chair',
	'vice_chair',
	'secretary',
	'member',
	'observer',
	'expert',
	'support',
	'editor'
] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const membershipRole = pgEnum('membership_role', membershipRoles);

/** A person's seat in a body, for a term, possibly representing an organisation. */
export const memberships = pgTable(
	'memberships',
	{
		id: id(),
		bodyId: uuid('body_id')
			.notNull()
			.references(() => bodies.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		role: membershipRole('role').notNull().default('member'),
		organisationId: uuid('organisation_id').references(() => organisations.id),
		startOn: date('start_on'),
		endOn: date('end_on'),
		/** Whether the person's name may be shown on public pages (default: no). */
		publicName: boolean('public_name').notNull().default(false),
		/** When the person consented to showing their name (required when publicName is set). */
		publicNameConsentAt: timestamp('public_name_consent_at', { withTimezone: true }),
		note: text('note'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		index('memberships_body_idx').on(t.bodyId),
		index('memberships_person_idx').on(t.personId)
	]
);
