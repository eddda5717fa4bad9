import {
	date,
	index,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { areas } from './areas';
import { id, isExample, timestamps, translatable } from './common';

export const organisationKinds = [
	'municipality',
	'union',
	'employers_organisation',
	'province',
	'government',
	'parliament',
	'agency',
	'knowledge_institution',
	'intermunicipal_association',
	'other'
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
export const organisationKind = pgEnum('organisation_kind', organisationKinds);

export const organisations = pgTable(
	'organisations',
	{
		id: id(),
		slug: text('slug').notNull(),
		kind: organisationKind('kind').notNull(),
		name: translatable('name').notNull(),
		shortName: text('short_name'),
		description: translatable('description'),
		/** For a municipality or province: the area it governs. */
		areaId: uuid('area_id').references(() => areas.id),
		website: text('website'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('organisations_slug_key').on(t.slug),
		index('organisations_area_idx').on(t.areaId)
	]
);

/** A funded programme of an organisation, e.g. an ESF project "Versterkt Streekbeleid". */
export const programmes = pgTable(
	'programmes',
	{
		id: id(),
		slug: text('slug').notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id),
		name: translatable('name').notNull(),
		description: translatable('description'),
		funder: text('funder'),
		regionId: uuid('region_id').references(() => areas.id),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [uniqueIndex('programmes_slug_key').on(t.slug)]
);
