/**
 * Computed observations: values for larger areas aggregated from the municipalities, and a
 * successor municipality's series before its start derived from its predecessors, both by the
 * indicator's aggregation rule:
 *
 *   sum            Σ value
 *   weighted_mean  Σ (value × weight) / Σ weight   (weight = the weight indicator, same area and period)
 *   ratio          Σ numerator / Σ denominator × multiplier   (areas with both only)
 *   none           nothing is computed (and earlier computed rows are removed)
 *
 * Set-based: per indicator one statement derives and one aggregates (insert … select … group by
 * … on conflict do update, with a delete of the rows that lost their inputs in the same
 * statement), whatever the number of areas, periods or rows. Supplied and recomputed values are
 * never overwritten: computed rows only fill the gaps. Rows are only rewritten when their value
 * changed, so running it twice changes nothing.
 *
 * Merged municipalities (Galmaarden, Gooik, Herne → Pajottegem on 2025-01-01):
 * - Derived: for a period before the successor's start, when the successor has no supplied or
 *   recomputed value, its value is computed from its predecessors' supplied/recomputed values by
 *   the rule, and only when every predecessor has one (a partial sum would be wrong) → `derived`.
 * - No double counting in the aggregates: per indicator and period, a predecessor's value is left
 *   out when its successor has a value for that period (supplied, recomputed or derived). So a
 *   larger area counts, per period, either the successor (on today's boundaries, which is what a
 *   recomputed series describes and what a derived value equals) or — when the successor has no
 *   value at all — the predecessors, never both. For sum, weighted mean and ratio the successor's
 *   derived value carries exactly its predecessors' contribution, so the result is the same as
 *   counting the predecessors themselves.
 */
import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { indicators, type AggregationRule } from '../db/schema';

/** Advisory lock key of the recompute ('agg'). */
const AGGREGATE_LOCK = 0x616767;

type IndicatorRule = {
	id: string;
	aggregation: AggregationRule;
	weightIndicatorId: string | null;
	numeratorIndicatorId: string | null;
	denominatorIndicatorId: string | null;
	multiplier: number;
};

/** Statuses that carry a usable value. */
const usable = sql`o.status not in ('missing', 'confidential') and o.value is not null`;

/** Status rank for combining inputs: the weakest input's status is the result's. */
const rank = (col: SQL) =>
	sql`case ${col} when 'estimated' then 2 when 'provisional' then 1 else 0 end`;
const unrank = (col: SQL) =>
	sql`(case ${col} when 2 then 'estimated' when 1 then 'provisional' else 'final' end)::observation_status`;

/**
 * Municipal input rows of one indicator: (area_id, period, period_start, value, st, ex).
 * `derive` phase: supplied/recomputed values of any municipality. `aggregate` phase: the
 * effective set (supplied, recomputed, derived), without predecessors whose successor has a value.
 */
function base(indicatorId: string, phase: 'derive' | 'aggregate'): SQL {
	if (phase === 'derive') {
		return sql`select o.area_id, o.period, o.period_start, o.value, ${rank(sql`o.status`)} as st, o.is_example as ex
			from observations o join areas a on a.id = o.area_id and a.level = 'gemeente'
			where o.indicator_id = ${indicatorId} and o.origin in ('supplied', 'recomputed') and ${usable}`;
	}
	return sql`select o.area_id, o.period, o.period_start, o.value, ${rank(sql`o.status`)} as st, o.is_example as ex
		from observations o join areas a on a.id = o.area_id and a.level = 'gemeente'
		where o.indicator_id = ${indicatorId} and o.origin in ('supplied', 'recomputed', 'derived') and ${usable}
		and not (a.successor_id is not null and exists (
			select 1 from observations s where s.indicator_id = ${indicatorId} and s.area_id = a.successor_id
			and s.period = o.period and s.origin in ('supplied', 'recomputed', 'derived')
			and s.status not in ('missing', 'confidential') and s.value is not null))`;
}

/**
 * Per municipality and period the rule's two terms: v (summed) and w (the divisor, summed; null
 * for sum). Null when the rule computes nothing.
 */
function terms(ind: IndicatorRule, phase: 'derive' | 'aggregate'): SQL | null {
	switch (ind.aggregation) {
		case 'sum':
			return sql`select area_id, period, period_start, value as v, null::double precision as w, st, ex from (${base(ind.id, phase)}) x`;
		case 'weighted_mean':
			if (!ind.weightIndicatorId) return null;
			return sql`select x.area_id, x.period, x.period_start, x.value * y.value as v, y.value as w,
				greatest(x.st, y.st) as st, x.ex or y.ex as ex
				from (${base(ind.id, phase)}) x join (${base(ind.weightIndicatorId, phase)}) y using (area_id, period)`;
		case 'ratio':
			if (!ind.numeratorIndicatorId || !ind.denominatorIndicatorId) return null;
			return sql`select x.area_id, x.period, x.period_start, x.value as v, y.value as w,
				greatest(x.st, y.st) as st, x.ex or y.ex as ex
				from (${base(ind.numeratorIndicatorId, phase)}) x join (${base(ind.denominatorIndicatorId, phase)}) y using (area_id, period)`;
		case 'none':
			return null;
	}
}

/** The rule's result over grouped terms. */
function result(ind: IndicatorRule): SQL {
	if (ind.aggregation === 'sum') return sql`sum(t.v)`;
	const factor = ind.aggregation === 'ratio' ? ind.multiplier : 1;
	return sql`sum(t.v) / nullif(sum(t.w), 0) * ${factor}::double precision`;
}

/**
 * Upsert `computed` (area_id, period, period_start, value, status, is_example) as rows of
 * `origin`, never over another origin, and delete this indicator's rows of `origin` that are no
 * longer computed — one statement.
 */
async function write(
	db: DbOrTx,
	indicatorId: string,
	origin: 'aggregated' | 'derived',
	computed: SQL | null
) {
	if (!computed) {
		await db.execute(
			sql`delete from observations where indicator_id = ${indicatorId} and origin = ${origin}`
		);
		return;
	}
	await db.execute(sql`with computed as (${computed}),
		ins as (
			insert into observations (indicator_id, area_id, period, period_start, value, status, origin, import_id, is_example, updated_at)
			select ${indicatorId}, c.area_id, c.period, c.period_start, c.value, c.status, ${origin}, null, c.is_example, now()
			from computed c where c.value is not null
			on conflict (indicator_id, area_id, period) do update
				set value = excluded.value, status = excluded.status, is_example = excluded.is_example,
					period_start = excluded.period_start, updated_at = now()
				where observations.origin = ${origin} and (observations.value is distinct from excluded.value
					or observations.status is distinct from excluded.status
					or observations.is_example is distinct from excluded.is_example)
			returning 1
		)
		delete from observations o where o.indicator_id = ${indicatorId} and o.origin = ${origin}
			and not exists (select 1 from computed c where c.area_id = o.area_id and c.period = o.period and c.value is not null)`);
}

/** A successor's values before its start, from all of its predecessors. */
async function derive(db: DbOrTx, ind: IndicatorRule) {
	const t = terms(ind, 'derive');
	const computed = t
		? sql`select p.successor_id as area_id, t.period, min(t.period_start) as period_start,
				${result(ind)} as value, ${unrank(sql`max(t.st)`)} as status, bool_or(t.ex) as is_example
			from (${t}) t
			join areas p on p.id = t.area_id and p.successor_id is not null
			join areas s on s.id = p.successor_id and s.valid_from is not null and t.period_start < s.valid_from
			where not exists (select 1 from observations o where o.indicator_id = ${ind.id}
				and o.area_id = p.successor_id and o.period = t.period and o.origin in ('supplied', 'recomputed'))
			group by p.successor_id, t.period
			having count(*) = (select count(*) from areas q where q.successor_id = p.successor_id)`
		: null;
	await write(db, ind.id, 'derived', computed);
}

/**
 * Every area above a municipality: its parent chain (arrondissement, province, region, country)
 * and the platform regions it belongs to, directly or through a member area above it.
 */
const containment = sql`with recursive chain(mun_id, area_id) as (
		select id, id from areas where level = 'gemeente'
		union all
		select c.mun_id, a.parent_id from chain c join areas a on a.id = c.area_id where a.parent_id is not null
	)
	select mun_id, area_id as target_id from chain where area_id <> mun_id
	union
	select c.mun_id, rm.region_id from chain c join region_members rm on rm.area_id = c.area_id`;

/** Values for every larger area and region, from the municipalities. */
async function aggregate(db: DbOrTx, ind: IndicatorRule) {
	const t = terms(ind, 'aggregate');
	const computed = t
		? sql`select m.target_id as area_id, t.period, min(t.period_start) as period_start,
				${result(ind)} as value, ${unrank(sql`max(t.st)`)} as status, bool_or(t.ex) as is_example
			from (${t}) t join (${containment}) m on m.mun_id = t.area_id
			group by m.target_id, t.period`
		: null;
	await write(db, ind.id, 'aggregated', computed);
}

/**
 * Recompute the derived and aggregated observations of the given indicators (and of the
 * indicators that weigh by or divide them), or of all indicators. Two statements per indicator.
 */
export async function recomputeAggregates(
	db: DbOrTx,
	opts: { indicatorIds?: string[] } = {}
): Promise<{ indicators: number }> {
	const columns = {
		id: indicators.id,
		aggregation: indicators.aggregation,
		weightIndicatorId: indicators.weightIndicatorId,
		numeratorIndicatorId: indicators.numeratorIndicatorId,
		denominatorIndicatorId: indicators.denominatorIndicatorId,
		multiplier: indicators.multiplier
	};
	const ids = opts.indicatorIds;
	if (ids && ids.length === 0) return { indicators: 0 };
	return db.transaction(async (tx) => {
		// One recompute at a time across instances (an import's and the monitor.aggregates job's).
		await tx.execute(sql`select pg_advisory_xact_lock(${AGGREGATE_LOCK})`);
		const list: IndicatorRule[] = ids
			? await tx
					.select(columns)
					.from(indicators)
					.where(
						or(
							inArray(indicators.id, ids),
							inArray(indicators.weightIndicatorId, ids),
							inArray(indicators.numeratorIndicatorId, ids),
							inArray(indicators.denominatorIndicatorId, ids)
						)
					)
			: await tx.select(columns).from(indicators);
		// Derived rows first: the aggregates (and other indicators' weights) use them.
		for (const ind of list) await derive(tx, ind);
		for (const ind of list) await aggregate(tx, ind);
		return { indicators: list.length };
	});
}
