import {
	date,
	foreignKey,
	index,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { id, isExample, timestamps, translatable } from './common';

export const areaLevels = [
	'gemeente',
	'arrondissement',
	'provincie',
	'gewest',
	'land',
	'regio'
] as const;
export type AreaLevel = (typeof areaLevels)[number];
export const areaLevel = pgEnum('area_level', areaLevels);

/** A territory: an official NIS area or a platform region (level `regio`). */
export const areas = pgTable(
	'areas',
	{
		id: id(),
		level: areaLevel('level').notNull(),
		nisCode: text('nis_code'),
		slug: text('slug').notNull(),
		name: translatable('name').notNull(),
		description: translatable('description'),
		parentId: uuid('parent_id'),
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		successorId: uuid('successor_id'),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('areas_nis_code_key').on(t.nisCode),
		uniqueIndex('areas_level_slug_key').on(t.level, t.slug),
		index('areas_parent_idx').on(t.parentId),
		foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
		foreignKey({ columns: [t.successorId], foreignColumns: [t.id] })
	]
);

/** The municipalities (or other areas) a platform region groups. */
export const regionMembers = pgTable(
	'region_members',
	{
		regionId: uuid('region_id')
			.notNull()
			.references(() => areas.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areas.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.regionId, t.areaId] }),
		index('region_members_area_idx').on(t.areaId)
	]
);
