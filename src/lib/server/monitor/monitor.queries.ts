/**
 * Read models of the public monitor: the catalogue, a time series of an area against its region,
 * province and Flanders, the ranking of a region's municipalities, the map data and the area
 * profile. Each function sends a fixed number of SQL statements whatever the size of the data
 * (asserted in monitor.queries.spec.ts).
 *
 * Comparisons follow the area tree: a municipality's platform region (region_members), and the
 * province and region (gewest) on its parent chain. Rankings and maps use today's
 * municipalities (merged ones dissolved into their successor, as the boundaries are); a
 * successor's values before its start are the derived or recomputed ones, marked by their origin.
 */
import {
	and,
	asc,
	desc,
	eq,
	getTableColumns,
	gte,
	inArray,
	isNull,
	lte,
	or,
	sql
} from 'drizzle-orm';
import { today } from '../clock';
import { rows, type DbOrTx } from '../db';
import {
	areaBoundaries,
	areas,
	indicators,
	observations,
	regionMembers,
	type AreaLevel,
	type ObservationOrigin,
	type ObservationStatus
} from '../db/schema';
import { notFound } from '../errors';
import type { Translatable } from '../../i18n';

export type Indicator = typeof indicators.$inferSelect;

export type ObservationPoint = {
	period: string;
	periodStart: string;
	value: number | null;
	status: ObservationStatus;
	origin: ObservationOrigin;
	isExample: boolean;
};

/** The role an area plays in a comparison. */
export type AreaRole = 'area' | 'region' | 'province' | 'flanders';

export type AreaRef = {
	id: string;
	level: AreaLevel;
	nisCode: string | null;
	slug: string;
	name: Translatable;
	validFrom: string | null;
	validTo: string | null;
	role: AreaRole;
};

/** How an area is named in a URL or a form: a NIS code (`24062`) or a region's slug (`leuven`). */
export type AreaKey = string;

export const areaKey = (a: { nisCode: string | null; slug: string }): AreaKey =>
	a.nisCode ?? a.slug;

const pointColumns = {
	period: observations.period,
	periodStart: observations.periodStart,
	value: observations.value,
	status: observations.status,
	origin: observations.origin,
	isExample: observations.isExample
};

const point = (o: ObservationPoint): ObservationPoint => ({
	period: o.period,
	periodStart: o.periodStart,
	value: o.value,
	status: o.status,
	origin: o.origin,
	isExample: o.isExample
});

/** Areas that exist on `on`. */
const currentOn = (on: string) =>
	and(
		or(isNull(areas.validFrom), lte(areas.validFrom, on)),
		or(isNull(areas.validTo), gte(areas.validTo, on))
	);

/** The catalogue grouped by domain (in order of first appearance), each with its latest period. */
export async function monitorCatalogue(db: DbOrTx) {
	const list = await db
		.select({
			...getTableColumns(indicators),
			latestPeriod: sql<string | null>`(
				select o.period from ${observations} o
				where o.indicator_id = ${indicators.id} and o.value is not null
				order by o.period_start desc limit 1)`
		})
		.from(indicators)
		.orderBy(asc(indicators.position), asc(indicators.code));
	return { domains: byDomain(list), isExample: list.some((i) => i.isExample) };
}

function byDomain<T extends { domain: string }>(list: T[]) {
	const domains = new Map<string, T[]>();
	for (const item of list) domains.set(item.domain, [...(domains.get(item.domain) ?? []), item]);
	return [...domains].map(([domain, items]) => ({ domain, indicators: items }));
}

export async function indicatorByCode(db: DbOrTx, code: string): Promise<Indicator> {
	const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
	if (!row) throw notFound('Indicator niet gevonden.');
	return row;
}

type ChainRow = {
	id: string;
	level: AreaLevel;
	nis_code: string | null;
	slug: string;
	name: Translatable;
	valid_from: string | null;
	valid_to: string | null;
	depth: number;
};

/**
 * An area (a municipality or other NIS area by code, a platform region by slug) with the areas
 * it is compared with: its region (for a municipality), its province and Flanders. One query.
 */
export async function areaWithReferences(db: DbOrTx, key: AreaKey) {
	const start = /^\d{5}$/.test(key)
		? sql`a.nis_code = ${key}`
		: sql`a.level = 'regio' and a.slug = ${key}`;
	const chain = await rows<ChainRow>(
		db,
		sql`with recursive chain as (
				select a.id, a.level, a.nis_code, a.slug, a.name, a.valid_from, a.valid_to, a.parent_id,
					0 as depth
				from areas a where ${start}
				union all
				select p.id, p.level, p.nis_code, p.slug, p.name, p.valid_from, p.valid_to, p.parent_id,
					c.depth + 1
				from areas p join chain c on p.id = c.parent_id where c.depth < 10
			)
			select id, level, nis_code, slug, name, valid_from, valid_to, depth from chain
			union all
			select r.id, r.level, r.nis_code, r.slug, r.name, r.valid_from, r.valid_to, -1
			from region_members m join areas r on r.id = m.region_id
			where m.area_id = (select id from chain where depth = 0)
			order by depth, slug`
	);
	const ref = (r: ChainRow, role: AreaRole): AreaRef => ({
		id: r.id,
		level: r.level,
		nisCode: r.nis_code,
		slug: r.slug,
		name: r.name,
		validFrom: r.valid_from ? String(r.valid_from).slice(0, 10) : null,
		validTo: r.valid_to ? String(r.valid_to).slice(0, 10) : null,
		role
	});
	const self = chain.find((r) => Number(r.depth) === 0);
	if (!self) throw notFound('Gebied niet gevonden.');
	const area = ref(self, 'area');
	const references: AreaRef[] = [];
	const region = chain.find((r) => Number(r.depth) === -1);
	if (region && area.level === 'gemeente') references.push(ref(region, 'region'));
	const province = chain.find((r) => r.level === 'provincie' && Number(r.depth) > 0);
	if (province) references.push(ref(province, 'province'));
	const flanders = chain.find((r) => r.level === 'gewest' && Number(r.depth) > 0);
	if (flanders) references.push(ref(flanders, 'flanders'));
	return { area, references };
}

/** The areas a visitor can pick for a series: the platform regions and today's municipalities. */
export async function selectableAreas(db: DbOrTx, on = today()) {
	const list = await db
		.select({
			id: areas.id,
			level: areas.level,
			nisCode: areas.nisCode,
			slug: areas.slug,
			name: areas.name
		})
		.from(areas)
		.where(
			or(
				eq(areas.level, 'regio'),
				and(
					eq(areas.level, 'gemeente'),
					currentOn(on),
					sql`exists (
				select 1 from ${regionMembers} m where m.area_id = ${areas.id})`
				)
			)
		);
	const byName = (a: { name: Translatable }, b: { name: Translatable }) =>
		a.name.nl.localeCompare(b.name.nl, 'nl');
	return {
		regions: list.filter((a) => a.level === 'regio').sort(byName),
		municipalities: list.filter((a) => a.level === 'gemeente').sort(byName)
	};
}

/** Observations of one indicator for these areas, by area, in period order. */
async function seriesOf(db: DbOrTx, indicatorId: string, areaIds: string[]) {
	const list = areaIds.length
		? await db
				.select({ areaId: observations.areaId, ...pointColumns })
				.from(observations)
				.where(
					and(eq(observations.indicatorId, indicatorId), inArray(observations.areaId, areaIds))
				)
				.orderBy(asc(observations.periodStart))
		: [];
	const out = new Map<string, ObservationPoint[]>();
	for (const o of list) out.set(o.areaId, [...(out.get(o.areaId) ?? []), point(o)]);
	return out;
}

export type SeriesLine = { area: AreaRef; points: ObservationPoint[] };

/** The time series of an area and its references for one indicator. Two queries. */
export async function indicatorSeries(db: DbOrTx, indicator: Indicator, key: AreaKey) {
	const { area, references } = await areaWithReferences(db, key);
	const all = [area, ...references];
	const series = await seriesOf(
		db,
		indicator.id,
		all.map((a) => a.id)
	);
	const lines: SeriesLine[] = all.map((a) => ({ area: a, points: series.get(a.id) ?? [] }));
	return { area, references, lines };
}

export type RankedMunicipality = {
	area: Omit<AreaRef, 'role'>;
	point: ObservationPoint | null;
};

/**
 * The ranking of a region's municipalities (today's) for a period, best first when the indicator
 * has a direction (highest first otherwise); missing values last. With the region's, the
 * province's and Flanders' values for the same period as reference lines, and the periods the
 * indicator has. Four queries.
 */
export async function indicatorRanking(
	db: DbOrTx,
	indicator: Indicator,
	regionSlug: string,
	period?: string,
	on = today()
) {
	const { area: region, references } = await areaWithReferences(db, regionSlug);
	if (region.level !== 'regio') throw notFound('Regio niet gevonden.');
	const periods = await db
		.selectDistinct({ period: observations.period, periodStart: observations.periodStart })
		.from(observations)
		.where(and(eq(observations.indicatorId, indicator.id), sql`${observations.value} is not null`))
		.orderBy(desc(observations.periodStart));
	const chosen = periods.find((p) => p.period === period) ?? periods[0] ?? null;
	const members = await db
		.select({
			id: areas.id,
			level: areas.level,
			nisCode: areas.nisCode,
			slug: areas.slug,
			name: areas.name,
			validFrom: areas.validFrom,
			validTo: areas.validTo
		})
		.from(regionMembers)
		.innerJoin(areas, eq(areas.id, regionMembers.areaId))
		.where(and(eq(regionMembers.regionId, region.id), eq(areas.level, 'gemeente'), currentOn(on)));
	const ids = [region.id, ...references.map((r) => r.id), ...members.map((m) => m.id)];
	const values = chosen
		? await db
				.select({ areaId: observations.areaId, ...pointColumns })
				.from(observations)
				.where(
					and(
						eq(observations.indicatorId, indicator.id),
						eq(observations.period, chosen.period),
						inArray(observations.areaId, ids)
					)
				)
		: [];
	const valueOf = new Map(values.map((v) => [v.areaId, point(v)]));
	const sign = indicator.direction === 'lower_better' ? 1 : -1;
	const ranked: RankedMunicipality[] = members
		.map((m) => ({ area: m, point: valueOf.get(m.id) ?? null }))
		.sort((a, b) => {
			const va = a.point?.value ?? null;
			const vb = b.point?.value ?? null;
			if (va === null || vb === null) {
				if (va !== vb) return va === null ? 1 : -1;
			} else if (va !== vb) return sign * (va - vb);
			return a.area.name.nl.localeCompare(b.area.name.nl, 'nl');
		});
	return {
		region,
		periods,
		period: chosen?.period ?? null,
		municipalities: ranked,
		references: [region, ...references].map((a) => ({
			area: a.id === region.id ? { ...a, role: 'region' as const } : a,
			point: valueOf.get(a.id) ?? null
		}))
	};
}

/** The ranking plus the boundaries of the municipalities that have one. Five queries. */
export async function indicatorMap(
	db: DbOrTx,
	indicator: Indicator,
	regionSlug: string,
	period?: string,
	on = today()
) {
	const ranking = await indicatorRanking(db, indicator, regionSlug, period, on);
	const ids = ranking.municipalities.map((m) => m.area.id);
	const boundaries = ids.length
		? await db
				.select({
					areaId: areaBoundaries.areaId,
					geometry: areaBoundaries.geometry,
					isExample: areaBoundaries.isExample
				})
				.from(areaBoundaries)
				.where(inArray(areaBoundaries.areaId, ids))
		: [];
	return { ...ranking, boundaries };
}

export type ProfileRow = {
	indicator: Indicator;
	/** The area's latest value and the one before it (the trend). */
	latest: ObservationPoint | null;
	previous: ObservationPoint | null;
	/** The area's whole series (for sparklines). */
	series: ObservationPoint[];
	/** The references' values for the latest period. */
	references: { area: AreaRef; point: ObservationPoint | null }[];
};

/**
 * Everything known about one area (a municipality by NIS code, a region by slug): for every
 * indicator its latest value, the previous one, its series and the references' values for the
 * same period, grouped by domain. Three queries.
 */
export async function areaProfile(db: DbOrTx, key: AreaKey) {
	const { area, references } = await areaWithReferences(db, key);
	const catalogue = await db
		.select()
		.from(indicators)
		.orderBy(asc(indicators.position), asc(indicators.code));
	const ids = [area.id, ...references.map((r) => r.id)];
	const list = await db
		.select({ areaId: observations.areaId, indicatorId: observations.indicatorId, ...pointColumns })
		.from(observations)
		.where(inArray(observations.areaId, ids))
		.orderBy(asc(observations.periodStart));
	const byKey = new Map<string, ObservationPoint[]>();
	for (const o of list) {
		const k = `${o.indicatorId}|${o.areaId}`;
		byKey.set(k, [...(byKey.get(k) ?? []), point(o)]);
	}
	const rowsOut: ProfileRow[] = catalogue.map((indicator) => {
		const series = byKey.get(`${indicator.id}|${area.id}`) ?? [];
		const known = series.filter((p) => p.value !== null);
		const latest = known.at(-1) ?? null;
		return {
			indicator,
			latest,
			previous: known.at(-2) ?? null,
			series,
			references: references.map((r) => ({
				area: r,
				point:
					(latest &&
						byKey.get(`${indicator.id}|${r.id}`)?.find((p) => p.period === latest.period)) ??
					null
			}))
		};
	});
	const withData = rowsOut.filter((r) => r.series.length > 0);
	return {
		area,
		references,
		domains: byDomain(withData.map((r) => ({ ...r, domain: r.indicator.domain }))),
		isExample: withData.some((r) => r.series.some((p) => p.isExample))
	};
}

/** Every observation of an indicator with its area, for downloads (one query). */
export async function indicatorObservations(db: DbOrTx, indicator: Indicator) {
	return db
		.select({
			nisCode: areas.nisCode,
			slug: areas.slug,
			level: areas.level,
			name: areas.name,
			...pointColumns
		})
		.from(observations)
		.innerJoin(areas, eq(areas.id, observations.areaId))
		.where(eq(observations.indicatorId, indicator.id))
		.orderBy(asc(areas.level), asc(areas.nisCode), asc(areas.slug), asc(observations.periodStart));
}
