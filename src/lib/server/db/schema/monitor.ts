/**
 * The regional monitor: the indicator catalogue, observations per indicator × area × period,
 * the imports they came from, municipal boundaries for maps, and the Streekfoto profiles.
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
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
import { users } from './accounts';
import { areas } from './areas';
import { id, isExample, timestamps, translatable } from './common';

export const indicatorDirections = ['higher_better', 'lower_better', 'neutral'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirection = pgEnum('indicator_direction', indicatorDirections);

/**
 * How an indicator's value for a larger area follows from its municipalities: `sum` (counts),
 * `weighted_mean` (by the weight indicator, e.g. population), `ratio` (sum of the numerator
 * indicator over sum of the denominator indicator, times `multiplier`), `none` (not aggregable).
 */
export const aggregationRules = ['sum', 'weighted_mean', 'ratio', 'none'] as const;
export type AggregationRule = (typeof aggregationRules)[number];
export const aggregationRule = pgEnum('aggregation_rule', aggregationRules);

/** The catalogue: what is measured, how, by whom, and how it adds up. */
export const indicators = pgTable(
	'indicators',
	{
		id: id(),
		/** Stable code, no spaces (e.g. `bevolking`, `werkzaamheidsgraad_20_64`). */
		code: text('code').notNull(),
		name: translatable('name').notNull(),
		definition: translatable('definition'),
		/** `%`, `aantal`, `EUR`, `per 1.000 inwoners`, … as shown next to values. */
		unit: text('unit').notNull(),
		decimals: integer('decimals').notNull().default(0),
		/** Smallest and largest plausible value (e.g. 0 for a population): outside is an error. */
		minValue: doublePrecision('min_value'),
		maxValue: doublePrecision('max_value'),
		sourceOrganisation: text('source_organisation'),
		sourceDataset: text('source_dataset'),
		sourceUrl: text('source_url'),
		licence: text('licence'),
		direction: indicatorDirection('direction').notNull().default('neutral'),
		/** Domain code (demografie, arbeidsaanbod, ondernemerschap, werkgelegenheid, …). */
		domain: text('domain').notNull(),
		aggregation: aggregationRule('aggregation').notNull().default('none'),
		weightIndicatorId: uuid('weight_indicator_id'),
		numeratorIndicatorId: uuid('numerator_indicator_id'),
		denominatorIndicatorId: uuid('denominator_indicator_id'),
		/** For `ratio`: 100 for a percentage, 1000 for per 1,000. */
		multiplier: doublePrecision('multiplier').notNull().default(1),
		position: integer('position').notNull().default(0),
		isExample: isExample(),
		...timestamps
	},
	(t) => [
		uniqueIndex('indicators_code_key').on(t.code),
		check('indicators_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_.-]*$'`),
		foreignKey({ columns: [t.weightIndicatorId], foreignColumns: [t.id] }),
		foreignKey({ columns: [t.numeratorIndicatorId], foreignColumns: [t.id] }),
		foreignKey({ columns: [t.denominatorIndicatorId], foreignColumns: [t.id] })
	]
);

export const observationStatuses = [
	'final',
	'provisional',
	'estimated',
	'missing',
	'confidential'
] as const;
export type ObservationStatus = (typeof observationStatuses)[number];
export const observationStatus = pgEnum('observation_status', observationStatuses);

/**
 * Where a value comes from: `supplied` (imported or pushed), `recomputed` (supplied for a
 * successor municipality before its start, on today's boundaries), `aggregated` (computed from
 * the municipalities by the indicator's rule), `derived` (a successor's series before its start,
 * from its predecessors). Supplied values win over computed ones.
 */
export const observationOrigins = ['supplied', 'recomputed', 'aggregated', 'derived'] as const;
export type ObservationOrigin = (typeof observationOrigins)[number];
export const observationOrigin = pgEnum('observation_origin', observationOrigins);

export const importStatuses = ['staged', 'committed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importStatus = pgEnum('monitor_import_status', importStatuses);

/** One import of a file (or an API push): what it supplied and how it went. */
export const monitorImports = pgTable('monitor_imports', {
	id: id(),
	fileName: text('file_name').notNull(),
	/** statbel-csv-long, statbel-csv-wide, pic-json, xlsx, api … */
	format: text('format').notNull(),
	status: importStatus('status').notNull().default('staged'),
	rows: integer('rows').notNull().default(0),
	inserted: integer('inserted').notNull().default(0),
	updated: integer('updated').notNull().default(0),
	unchanged: integer('unchanged').notNull().default(0),
	/** Rows for valid NIS codes of areas the platform does not know. */
	skipped: integer('skipped').notNull().default(0),
	/** The duration of the final transaction (ms): what other users waited for at most. */
	commitMs: integer('commit_ms'),
	summary: jsonb('summary').$type<Record<string, unknown>>(),
	createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
	isExample: isExample(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** A value of an indicator for an area and a period. The natural key is the primary key. */
export const observations = pgTable(
	'observations',
	{
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areas.id, { onDelete: 'cascade' }),
		/** `2024`, `2024-Q1`, `2024-03` or `2024-03-15`. */
		period: text('period').notNull(),
		/** First day of the period: sorting and ranges. */
		periodStart: date('period_start').notNull(),
		/** Null when missing or confidential. */
		value: doublePrecision('value'),
		status: observationStatus('status').notNull().default('final'),
		origin: observationOrigin('origin').notNull().default('supplied'),
		/**
		 * The import the value came from (monitor_imports.id; committed imports are never deleted).
		 * No foreign key: a key check per row would cost a large import a fifth of its commit.
		 */
		importId: uuid('import_id'),
		isExample: isExample(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.indicatorId, t.areaId, t.period] }),
		index('observations_area_idx').on(t.areaId, t.indicatorId, t.periodStart),
		index('observations_indicator_period_idx').on(t.indicatorId, t.periodStart)
	]
);

/** A municipality's boundary for maps (simplified GeoJSON geometry, WGS84). */
export const areaBoundaries = pgTable('area_boundaries', {
	areaId: uuid('area_id')
		.primaryKey()
		.references(() => areas.id, { onDelete: 'cascade' }),
	/** GeoJSON Polygon or MultiPolygon, simplified on import. */
	geometry: jsonb('geometry').notNull().$type<Record<string, unknown>>(),
	source: text('source'),
	isExample: isExample(),
	...timestamps
});

/** A region's Streekfoto: its indicators by domain and its radar of key indicators. */
export const streekfotoProfiles = pgTable('streekfoto_profiles', {
	regionId: uuid('region_id')
		.primaryKey()
		.references(() => areas.id, { onDelete: 'cascade' }),
	title: translatable('title').notNull(),
	isExample: isExample(),
	...timestamps
});

export const streekfotoIndicators = pgTable(
	'streekfoto_indicators',
	{
		regionId: uuid('region_id')
			.notNull()
			.references(() => streekfotoProfiles.regionId, { onDelete: 'cascade' }),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		/** One of the ~10 key indicators of the radar. */
		onRadar: boolean('on_radar').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.regionId, t.indicatorId] })]
);
