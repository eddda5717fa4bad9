/**
 * The monitor's read API under /api/v1: the indicator catalogue and observations filtered by
 * indicator, area (NIS code or platform region slug), period range and area level, in cursor
 * pages ordered by the natural key. Observations are JSON, or CSV when the client asks for
 * `text/csv` (same page, same columns as the public download, formula-guarded).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { and, asc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { translatableOut } from '../areas/areas.schema';
import type { DbOrTx } from '../db';
import {
	areaLevels,
	areas,
	indicators,
	observationOrigins,
	observationStatuses,
	observations
} from '../db/schema';
import { AppError, isAppError } from '../errors';
import { observationTableCsv } from './charts/downloads';
import { apiError, parseQuery } from '../http';
import { getIndicator, indicatorOutOf, listIndicators } from './catalogue.service';
import { indicatorOut } from './catalogue.schema';
import { parsePeriod } from './periods';

const period = (label: string) =>
	z
		.string()
		.max(20)
		.refine(
			(v) => parsePeriod(v) !== null,
			`${label}: een jaar (2024), kwartaal (2024-Q1), maand (2024-03) of datum.`
		)
		.optional();

export const observationListQuery = z.strictObject({
	indicator: z.string().max(100).optional().meta({ description: 'Indicator code' }),
	area: z
		.string()
		.max(100)
		.optional()
		.meta({ description: 'NIS code of an area, or the slug of a platform region' }),
	level: z.enum(areaLevels).optional(),
	from: period('Van').meta({ description: 'First period (inclusive), e.g. 2020' }),
	to: period('Tot').meta({ description: 'Last period (inclusive), e.g. 2024' }),
	cursor: z.string().max(400).optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(200)
});

export const observationOut = z
	.object({
		indicator: z.string(),
		area: z.object({
			nisCode: z.string().nullable(),
			slug: z.string(),
			level: z.enum(areaLevels),
			name: translatableOut
		}),
		period: z.string(),
		periodStart: z.string(),
		value: z.number().nullable(),
		unit: z.string().meta({ description: "The indicator's unit, e.g. %, aantal, EUR." }),
		status: z.enum(observationStatuses),
		origin: z.enum(observationOrigins),
		isExample: z.boolean().meta({ description: 'Example data, not real figures.' })
	})
	.meta({ id: 'Observation' });
export type ObservationOut = z.infer<typeof observationOut>;

export const observationPageOut = z
	.object({ items: z.array(observationOut), nextCursor: z.string().nullable() })
	.meta({ id: 'ObservationPage' });

export const indicatorListOut = z
	.object({ items: z.array(indicatorOut) })
	.meta({ id: 'IndicatorList' });

const cursorSchema = z.tuple([z.uuid(), z.uuid(), z.string().max(20)]);
const badCursor = () =>
	new AppError('invalid_input', 'Ongeldige cursor.', { cursor: ['Ongeldige cursor.'] });

function decode(cursor: string | undefined) {
	if (!cursor) return undefined;
	try {
		const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
		if (parsed.success) return parsed.data;
	} catch {
		// fall through
	}
	throw badCursor();
}

export async function listIndicatorsOut(db: DbOrTx) {
	return { items: (await listIndicators(db)).map(indicatorOutOf) };
}

export async function getIndicatorOut(db: DbOrTx, code: string) {
	return indicatorOutOf(await getIndicator(db, code));
}

/** One page of observations, ordered by indicator, area and period. */
export async function listObservations(
	db: DbOrTx,
	query: z.infer<typeof observationListQuery>
): Promise<{ items: ObservationOut[]; nextCursor: string | null }> {
	const where: SQL[] = [];
	if (query.indicator) where.push(eq(indicators.code, query.indicator));
	if (query.area)
		where.push(
			or(eq(areas.nisCode, query.area), and(eq(areas.level, 'regio'), eq(areas.slug, query.area)))!
		);
	if (query.level) where.push(eq(areas.level, query.level));
	if (query.from) where.push(gte(observations.periodStart, parsePeriod(query.from)!.start));
	if (query.to) where.push(lte(observations.periodStart, parsePeriod(query.to)!.start));
	const after = decode(query.cursor);
	if (after)
		where.push(
			sql`(${observations.indicatorId}, ${observations.areaId}, ${observations.period}) > (${after[0]}::uuid, ${after[1]}::uuid, ${after[2]})`
		);
	const rows = await db
		.select({
			indicatorId: observations.indicatorId,
			areaId: observations.areaId,
			indicator: indicators.code,
			nisCode: areas.nisCode,
			slug: areas.slug,
			level: areas.level,
			name: areas.name,
			period: observations.period,
			periodStart: observations.periodStart,
			value: observations.value,
			unit: indicators.unit,
			status: observations.status,
			origin: observations.origin,
			isExample: observations.isExample
		})
		.from(observations)
		.innerJoin(indicators, eq(indicators.id, observations.indicatorId))
		.innerJoin(areas, eq(areas.id, observations.areaId))
		.where(and(...where))
		.orderBy(asc(observations.indicatorId), asc(observations.areaId), asc(observations.period))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page[page.length - 1];
	return {
		items: page.map((r) => ({
			indicator: r.indicator,
			area: { nisCode: r.nisCode, slug: r.slug, level: r.level, name: r.name },
			period: r.period,
			periodStart: r.periodStart,
			value: r.value,
			unit: r.unit,
			status: r.status,
			origin: r.origin,
			isExample: r.isExample
		})),
		nextCursor:
			rows.length > query.limit
				? Buffer.from(JSON.stringify([last.indicatorId, last.areaId, last.period])).toString(
						'base64url'
					)
				: null
	};
}

/** A page as CSV: the columns and formats of the public download (charts/downloads.ts). */
export function observationsPageCsv(items: ObservationOut[]): string {
	return observationTableCsv(
		items.map((o) => ({
			indicator: o.indicator,
			areaKey: o.area.nisCode ?? o.area.slug,
			areaName: o.area.name.nl,
			level: o.area.level,
			period: o.period,
			value: o.value,
			unit: o.unit,
			status: o.status,
			origin: o.origin,
			isExample: o.isExample
		}))
	);
}

/** GET /api/v1/observations: JSON, or CSV for `Accept: text/csv`. */
export async function observationsResponse(event: RequestEvent): Promise<Response> {
	try {
		const page = await listObservations(
			event.locals.db,
			parseQuery(observationListQuery, event.url)
		);
		const headers = { 'cache-control': 'public, max-age=60', vary: 'Accept' };
		if (/\btext\/csv\b/.test(event.request?.headers.get('accept') ?? ''))
			return new Response(observationsPageCsv(page.items), {
				headers: {
					...headers,
					'content-type': 'text/csv; charset=utf-8',
					'x-content-type-options': 'nosniff',
					...(page.nextCursor ? { 'x-next-cursor': page.nextCursor } : {})
				}
			});
		return json(page, { headers });
	} catch (e) {
		if (isAppError(e)) return apiError(e, event.locals.requestId);
		throw e;
	}
}
