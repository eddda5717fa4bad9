/**
 * Open data of the regional monitor: the indicator catalogue and every observation, as the
 * public API publishes them (/api/v1/indicators, /api/v1/observations).
 */
import { asc, eq } from 'drizzle-orm';
import { areas, indicators, observations } from '../db/schema';
import { exampleColumn, table, translated } from './columns';

type IndicatorRow = typeof indicators.$inferSelect;

export const indicatorsTable = table<IndicatorRow>({
	file: 'indicators.csv',
	description: 'The indicators of the regional monitor: what is measured, how and by whom.',
	columns: [
		{ name: 'id', type: 'uuid', description: 'Id of the indicator.', value: (r) => r.id },
		{
			name: 'code',
			type: 'text',
			description: 'Stable code, e.g. bevolking: /monitor/indicatoren/{code}.',
			value: (r) => r.code
		},
		...translated<IndicatorRow>('name', 'Name of the indicator', (r) => r.name),
		...translated<IndicatorRow>('definition', 'Definition', (r) => r.definition),
		{
			name: 'unit',
			type: 'text',
			description: 'Unit shown next to values: %, aantal, EUR, …',
			value: (r) => r.unit
		},
		{ name: 'decimals', type: 'integer', description: 'Decimals shown.', value: (r) => r.decimals },
		{
			name: 'domain',
			type: 'text',
			description: 'Domain code (demografie, arbeidsaanbod, …).',
			value: (r) => r.domain
		},
		{
			name: 'direction',
			type: 'text',
			description: 'Which way is better: higher_better, lower_better or neutral.',
			value: (r) => r.direction
		},
		{
			name: 'aggregation',
			type: 'text',
			description:
				'How municipal values add up to larger areas: sum, weighted_mean, ratio or none.',
			value: (r) => r.aggregation
		},
		{
			name: 'source_organisation',
			type: 'text',
			description: 'Organisation that supplies the figures.',
			value: (r) => r.sourceOrganisation
		},
		{
			name: 'source_dataset',
			type: 'text',
			description: "The source's dataset.",
			value: (r) => r.sourceDataset
		},
		{
			name: 'source_url',
			type: 'text',
			description: 'Where the source publishes it.',
			value: (r) => r.sourceUrl
		},
		{
			name: 'licence',
			type: 'text',
			description: "The source's licence for the figures.",
			value: (r) => r.licence
		},
		exampleColumn<IndicatorRow>()
	],
	rows: (db) =>
		db.select().from(indicators).orderBy(asc(indicators.domain), asc(indicators.position))
});

type ObservationRow = typeof observations.$inferSelect & {
	code: string;
	unit: string;
	nisCode: string | null;
	areaSlug: string;
	areaLevel: string;
};

export const observationsTable = table<ObservationRow>({
	file: 'observations.csv',
	description: 'The values of the indicators per area and period.',
	columns: [
		{
			name: 'indicator_code',
			type: 'text',
			description: 'Code of the indicator (indicators.csv).',
			value: (r) => r.code
		},
		{
			name: 'area_nis_code',
			type: 'text',
			description: 'NIS code of the area (Statbel); empty for a platform region.',
			value: (r) => r.nisCode
		},
		{ name: 'area_slug', type: 'text', description: 'Slug of the area.', value: (r) => r.areaSlug },
		{
			name: 'area_level',
			type: 'text',
			description:
				'gemeente, arrondissement, provincie, gewest, land or regio (a platform region).',
			value: (r) => r.areaLevel
		},
		{
			name: 'period',
			type: 'text',
			description: 'Period: a year (2024), quarter (2024-Q1), month (2024-03) or day.',
			value: (r) => r.period
		},
		{
			name: 'period_start',
			type: 'date',
			description: 'First day of the period.',
			value: (r) => r.periodStart
		},
		{
			name: 'value',
			type: 'number',
			description: 'The value, in the unit of the indicator; empty when missing or confidential.',
			value: (r) => r.value
		},
		{
			name: 'unit',
			type: 'text',
			description: 'Unit of the value (as in indicators.csv).',
			value: (r) => r.unit
		},
		{
			name: 'status',
			type: 'text',
			description: 'final, provisional, estimated, missing or confidential.',
			value: (r) => r.status
		},
		{
			name: 'origin',
			type: 'text',
			description:
				'supplied (by the source), recomputed, aggregated (from municipalities) or derived (for merged municipalities).',
			value: (r) => r.origin
		},
		exampleColumn<ObservationRow>()
	],
	rows: async (db) => {
		const rows = await db
			.select({
				observation: observations,
				code: indicators.code,
				unit: indicators.unit,
				nisCode: areas.nisCode,
				areaSlug: areas.slug,
				areaLevel: areas.level
			})
			.from(observations)
			.innerJoin(indicators, eq(indicators.id, observations.indicatorId))
			.innerJoin(areas, eq(areas.id, observations.areaId))
			.orderBy(asc(indicators.code), asc(areas.slug), asc(observations.periodStart));
		return rows.map(({ observation, ...rest }) => ({ ...observation, ...rest }));
	}
});
