/**
 * The Streekfoto of a platform region: for each indicator of its profile the latest value for
 * the region, its province and Flanders (the gewest on the parent chain), the trend against the
 * previous period and over five years, and whether the region does better or worse than
 * Flanders by the indicator's direction; plus the radar of key indicators as an index
 * (Flanders = 100; inverted for "lower is better", so further out is always better).
 *
 * Four SQL statements whatever the size of the data (asserted in streekfoto.spec.ts): the region
 * with its profile, the province and gewest above it, the profile's indicators, and their
 * observations for the three areas (at most 61 periods per indicator and area, by a window).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../db';
import {
	areas,
	indicators,
	streekfotoIndicators,
	streekfotoProfiles,
	type IndicatorDirection,
	type ObservationStatus
} from '../db/schema';
import { notFound } from '../errors';
import { tr, translate, type Locale, type Translatable } from '../../i18n';
import { parsePeriod } from './periods';

export type Comparison = 'beter' | 'slechter' | 'gelijk' | 'neutraal' | 'onbekend';

export type StreekfotoRow = {
	indicatorId: string;
	code: string;
	name: string;
	unit: string;
	decimals: number;
	direction: IndicatorDirection;
	domain: string;
	onRadar: boolean;
	isExample: boolean;
	/** The latest period with a value for the region (null: none yet). */
	period: string | null;
	region: number | null;
	province: number | null;
	flanders: number | null;
	status: ObservationStatus | null;
	previousPeriod: string | null;
	/** Region value minus that of the previous period. */
	change: number | null;
	fiveYearPeriod: string | null;
	/** Region value minus that of five years earlier (same quarter, month or day). */
	change5y: number | null;
	comparison: Comparison;
	/** Index against Flanders (= 100), further out is better; null when not meaningful. */
	index: number | null;
};

export type Streekfoto = {
	region: { id: string; slug: string; name: string };
	title: string;
	isExample: boolean;
	province: { id: string; name: string } | null;
	flanders: { id: string; name: string } | null;
	domains: { domain: string; rows: StreekfotoRow[] }[];
	radar: StreekfotoRow[];
	/** Radar indicators where the region does better / worse than Flanders. */
	better: number;
	worse: number;
	compared: number;
	summary: string;
};

const PERIODS_KEPT = 61;

/** The same period `years` earlier (`2024` → `2019`, `2024-Q2` → `2019-Q2`, …). */
export function yearsBefore(period: string, years: number): string | null {
	const p = parsePeriod(period);
	if (!p) return null;
	const y = Number(period.slice(0, 4)) - years;
	return `${y}${period.slice(4)}`;
}

export function compare(
	direction: IndicatorDirection,
	region: number | null,
	flanders: number | null,
	decimals: number
): Comparison {
	if (region === null || flanders === null) return 'onbekend';
	if (direction === 'neutral') return 'neutraal';
	const f = 10 ** decimals;
	const d = Math.round(region * f) - Math.round(flanders * f);
	if (d === 0) return 'gelijk';
	return d > 0 === (direction === 'higher_better') ? 'beter' : 'slechter';
}

export function radarIndex(
	direction: IndicatorDirection,
	region: number | null,
	flanders: number | null
): number | null {
	if (region === null || flanders === null || region <= 0 || flanders <= 0) return null;
	return direction === 'lower_better' ? (flanders / region) * 100 : (region / flanders) * 100;
}

/** What a comparison means, in words. */
export const comparisonLabel = (comparison: Comparison, locale: Locale = 'nl') =>
	translate(locale, `streekfoto.comparison.${comparison}`);

/** The region's Streekfoto; not_found when the region does not exist or has no profile. */
export async function getStreekfoto(
	db: DbOrTx,
	regionSlug: string,
	locale: Locale = 'nl'
): Promise<Streekfoto> {
	const [head] = await db
		.select({
			id: areas.id,
			slug: areas.slug,
			name: areas.name,
			title: streekfotoProfiles.title,
			isExample: streekfotoProfiles.isExample
		})
		.from(areas)
		.innerJoin(streekfotoProfiles, eq(streekfotoProfiles.regionId, areas.id))
		.where(and(eq(areas.level, 'regio'), eq(areas.slug, regionSlug)));
	if (!head) throw notFound('Deze regio heeft geen Streekfoto.');

	// The province and gewest above the region's municipalities (the first one found).
	const above = await rows<{ id: string; level: string; name: Translatable }>(
		db,
		sql`
			with recursive up as (
				select a.id, a.level, a.name, a.parent_id, 0 as depth
				from areas a
				where a.id = (select rm.area_id from region_members rm
					join areas m on m.id = rm.area_id
					where rm.region_id = ${head.id} and m.valid_to is null
					order by m.nis_code limit 1)
				union all
				select p.id, p.level, p.name, p.parent_id, up.depth + 1
				from areas p join up on p.id = up.parent_id
				where up.depth < 8
			)
			select id, level::text as level, name from up where level in ('provincie', 'gewest')`
	);
	const province = above.find((a) => a.level === 'provincie');
	const flanders = above.find((a) => a.level === 'gewest');

	const chosen = await db
		.select({
			indicatorId: indicators.id,
			code: indicators.code,
			name: indicators.name,
			unit: indicators.unit,
			decimals: indicators.decimals,
			direction: indicators.direction,
			domain: indicators.domain,
			isExample: indicators.isExample,
			onRadar: streekfotoIndicators.onRadar
		})
		.from(streekfotoIndicators)
		.innerJoin(indicators, eq(indicators.id, streekfotoIndicators.indicatorId))
		.where(eq(streekfotoIndicators.regionId, head.id))
		.orderBy(asc(streekfotoIndicators.position), asc(indicators.code));

	const areaIds = [head.id, province?.id, flanders?.id].filter((x): x is string => !!x);
	type Obs = {
		indicator_id: string;
		area_id: string;
		period: string;
		value: number | null;
		status: ObservationStatus;
	};
	const obs = chosen.length
		? await rows<Obs>(
				db,
				sql`
					select indicator_id, area_id, period, value, status from (
						select o.indicator_id, o.area_id, o.period, o.value, o.status::text as status,
							row_number() over (partition by o.indicator_id, o.area_id order by o.period_start desc) as n
						from observations o
						where o.indicator_id in (select indicator_id from streekfoto_indicators where region_id = ${head.id})
							and o.area_id in (${sql.join(
								areaIds.map((id) => sql`${id}`),
								sql`, `
							)})
					) t where n <= ${PERIODS_KEPT}`
			)
		: [];
	// indicator → area → period → observation; and per indicator the region's periods, newest first.
	const byKey = new Map<string, Obs>();
	const regionPeriods = new Map<string, { period: string; start: string }[]>();
	for (const o of obs) {
		byKey.set(`${o.indicator_id}|${o.area_id}|${o.period}`, o);
		if (o.area_id === head.id && o.value !== null) {
			const list = regionPeriods.get(o.indicator_id) ?? [];
			list.push({ period: o.period, start: parsePeriod(o.period)?.start ?? o.period });
			regionPeriods.set(o.indicator_id, list);
		}
	}
	const value = (indicatorId: string, areaId: string | undefined, period: string | null) =>
		areaId && period ? (byKey.get(`${indicatorId}|${areaId}|${period}`)?.value ?? null) : null;

	const all: StreekfotoRow[] = chosen.map((c) => {
		const periods = (regionPeriods.get(c.indicatorId) ?? []).sort((a, b) =>
			b.start.localeCompare(a.start)
		);
		const period = periods[0]?.period ?? null;
		const previousPeriod = periods[1]?.period ?? null;
		const region = value(c.indicatorId, head.id, period);
		const flandersValue = value(c.indicatorId, flanders?.id, period);
		const fiveYearPeriod = period ? yearsBefore(period, 5) : null;
		const fiveYearValue = value(c.indicatorId, head.id, fiveYearPeriod);
		const previous = value(c.indicatorId, head.id, previousPeriod);
		return {
			indicatorId: c.indicatorId,
			code: c.code,
			name: tr(c.name, locale),
			unit: c.unit,
			decimals: c.decimals,
			direction: c.direction,
			domain: c.domain,
			onRadar: c.onRadar,
			isExample: c.isExample,
			period,
			region,
			province: value(c.indicatorId, province?.id, period),
			flanders: flandersValue,
			status: period ? (byKey.get(`${c.indicatorId}|${head.id}|${period}`)?.status ?? null) : null,
			previousPeriod,
			change: region !== null && previous !== null ? region - previous : null,
			fiveYearPeriod: fiveYearValue !== null ? fiveYearPeriod : null,
			change5y: region !== null && fiveYearValue !== null ? region - fiveYearValue : null,
			comparison: compare(c.direction, region, flandersValue, c.decimals),
			index: radarIndex(c.direction, region, flandersValue)
		};
	});

	const domains: Streekfoto['domains'] = [];
	for (const row of all) {
		let group = domains.find((d) => d.domain === row.domain);
		if (!group) domains.push((group = { domain: row.domain, rows: [] }));
		group.rows.push(row);
	}
	const radar = all.filter((r) => r.onRadar);
	const better = radar.filter((r) => r.comparison === 'beter').length;
	const worse = radar.filter((r) => r.comparison === 'slechter').length;
	const compared = radar.filter((r) =>
		['beter', 'slechter', 'gelijk'].includes(r.comparison)
	).length;
	const regionName = tr(head.name, locale);
	const params = { region: regionName, better, compared, worse };
	const summary = translate(
		locale,
		radar.length === 0
			? 'streekfoto.summary.noRadar'
			: compared === 0
				? 'streekfoto.summary.noComparison'
				: worse
					? 'streekfoto.summary.betterWorse'
					: 'streekfoto.summary.better',
		params
	);
	return {
		region: { id: head.id, slug: head.slug, name: regionName },
		title: tr(head.title, locale),
		isExample: head.isExample,
		province: province ? { id: province.id, name: tr(province.name, locale) } : null,
		flanders: flanders ? { id: flanders.id, name: tr(flanders.name, locale) } : null,
		domains,
		radar,
		better,
		worse,
		compared,
		summary
	};
}

/** The workspace editor: the regions, the chosen one's profile, and the whole catalogue. */
export async function streekfotoEditor(
	db: DbOrTx,
	regionSlug: string | null,
	locale: Locale = 'nl'
) {
	const regions = await db
		.select({
			id: areas.id,
			slug: areas.slug,
			name: areas.name,
			title: streekfotoProfiles.title
		})
		.from(areas)
		.leftJoin(streekfotoProfiles, eq(streekfotoProfiles.regionId, areas.id))
		.where(eq(areas.level, 'regio'))
		.orderBy(asc(areas.slug));
	const region = regions.find((r) => r.slug === regionSlug) ?? regions[0];
	if (!region) throw notFound('Er zijn geen regio’s.');
	const catalogue = await db
		.select({
			id: indicators.id,
			code: indicators.code,
			name: indicators.name,
			unit: indicators.unit,
			domain: indicators.domain,
			isExample: indicators.isExample,
			position: streekfotoIndicators.position,
			onRadar: streekfotoIndicators.onRadar
		})
		.from(indicators)
		.leftJoin(
			streekfotoIndicators,
			and(
				eq(streekfotoIndicators.indicatorId, indicators.id),
				eq(streekfotoIndicators.regionId, region.id)
			)
		)
		.orderBy(asc(indicators.domain), asc(indicators.position), asc(indicators.code));
	return {
		regions: regions.map((r) => ({
			slug: r.slug,
			name: tr(r.name, locale),
			hasProfile: r.title !== null
		})),
		region: {
			slug: region.slug,
			name: tr(region.name, locale),
			// The form edits the Dutch title (the one the service stores), whatever the page's language.
			title: region.title ? region.title.nl : `Streekfoto ${region.name.nl}`
		},
		indicators: catalogue.map((c) => ({
			id: c.id,
			code: c.code,
			name: tr(c.name, locale),
			unit: c.unit,
			domain: c.domain,
			isExample: c.isExample,
			chosen: c.position !== null,
			onRadar: c.onRadar === true
		}))
	};
}
