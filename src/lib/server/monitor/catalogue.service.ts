/**
 * The indicator catalogue: what is measured, in which unit, from which source, and how it adds up
 * to larger areas. Staff (monitor:manage) create and edit; everyone reads. A change of the
 * aggregation rule recomputes the indicator's computed values in the same transaction.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import { indicators } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { authorize } from '../policy';
import { recomputeAggregates } from './aggregate.service';
import {
	checkRule,
	indicatorInput,
	indicatorUpdate,
	type IndicatorOut,
	type IndicatorUpdate
} from './catalogue.schema';

export type Indicator = typeof indicators.$inferSelect;

const weight = alias(indicators, 'weight_indicator');
const numerator = alias(indicators, 'numerator_indicator');
const denominator = alias(indicators, 'denominator_indicator');

/** The catalogue with the codes of the indicators each rule uses, by domain and position. */
function catalogueQuery(db: DbOrTx) {
	return db
		.select({
			indicator: indicators,
			weight: weight.code,
			numerator: numerator.code,
			denominator: denominator.code
		})
		.from(indicators)
		.leftJoin(weight, eq(weight.id, indicators.weightIndicatorId))
		.leftJoin(numerator, eq(numerator.id, indicators.numeratorIndicatorId))
		.leftJoin(denominator, eq(denominator.id, indicators.denominatorIndicatorId))
		.$dynamic();
}

export type CatalogueEntry = Indicator & {
	weight: string | null;
	numerator: string | null;
	denominator: string | null;
};

const entry = (row: {
	indicator: Indicator;
	weight: string | null;
	numerator: string | null;
	denominator: string | null;
}): CatalogueEntry => ({
	...row.indicator,
	weight: row.weight,
	numerator: row.numerator,
	denominator: row.denominator
});

/** Every indicator, by domain, position and code. */
export async function listIndicators(db: DbOrTx): Promise<CatalogueEntry[]> {
	const rows = await catalogueQuery(db).orderBy(
		asc(indicators.domain),
		asc(indicators.position),
		asc(indicators.code)
	);
	return rows.map(entry);
}

export async function getIndicator(db: DbOrTx, code: string): Promise<CatalogueEntry> {
	const [row] = await catalogueQuery(db).where(eq(indicators.code, code));
	if (!row) throw notFound('Indicator niet gevonden.');
	return entry(row);
}

/** An indicator as the API shows it. */
export function indicatorOutOf(e: CatalogueEntry): IndicatorOut {
	return {
		code: e.code,
		name: e.name,
		definition: e.definition ?? null,
		unit: e.unit,
		decimals: e.decimals,
		minValue: e.minValue,
		maxValue: e.maxValue,
		source: { organisation: e.sourceOrganisation, dataset: e.sourceDataset, url: e.sourceUrl },
		licence: e.licence,
		direction: e.direction,
		domain: e.domain,
		aggregation: {
			rule: e.aggregation,
			weight: e.weight,
			numerator: e.numerator,
			denominator: e.denominator,
			multiplier: e.multiplier
		},
		isExample: e.isExample
	};
}

/**
 * The columns of an indicator from validated input: the codes of the rule's indicators become
 * ids (unknown codes are refused); fields the rule does not use are cleared.
 */
async function columnsOf(tx: Tx, data: IndicatorUpdate) {
	const wanted = {
		weight: data.aggregation === 'weighted_mean' ? data.weight : undefined,
		numerator: data.aggregation === 'ratio' ? data.numerator : undefined,
		denominator: data.aggregation === 'ratio' ? data.denominator : undefined
	};
	const codes = Object.values(wanted).filter((c): c is string => !!c);
	const found = codes.length
		? await tx
				.select({ id: indicators.id, code: indicators.code })
				.from(indicators)
				.where(inArray(indicators.code, codes))
		: [];
	const idOf = new Map(found.map((r) => [r.code, r.id]));
	const fields: Record<string, string[]> = {};
	for (const [key, code] of Object.entries(wanted))
		if (code && !idOf.has(code)) fields[key] = [`Er is geen indicator met de code ${code}.`];
	if (Object.keys(fields).length)
		throw new AppError('invalid_input', 'Controleer de ingevulde gegevens.', fields);
	return {
		name: data.name,
		definition: data.definition ?? null,
		unit: data.unit,
		decimals: data.decimals,
		minValue: data.minValue ?? null,
		maxValue: data.maxValue ?? null,
		sourceOrganisation: data.sourceOrganisation ?? null,
		sourceDataset: data.sourceDataset ?? null,
		sourceUrl: data.sourceUrl ?? null,
		licence: data.licence ?? null,
		direction: data.direction,
		domain: data.domain,
		aggregation: data.aggregation,
		weightIndicatorId: wanted.weight ? idOf.get(wanted.weight)! : null,
		numeratorIndicatorId: wanted.numerator ? idOf.get(wanted.numerator)! : null,
		denominatorIndicatorId: wanted.denominator ? idOf.get(wanted.denominator)! : null,
		multiplier: data.aggregation === 'ratio' ? data.multiplier : 1,
		position: data.position
	};
}

const duplicate = () =>
	new AppError('conflict', 'Er bestaat al een indicator met deze code.', {
		code: ['Er bestaat al een indicator met deze code: kies een andere.']
	});

export async function createIndicator(ctx: ServiceContext, input: unknown): Promise<Indicator> {
	authorize(ctx.principal, 'monitor:manage', undefined, ctx.requestId);
	const parsed = indicatorInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const { code, ...data } = parsed.data;
	return mutate(ctx, async (tx) => {
		const [taken] = await tx
			.select({ id: indicators.id })
			.from(indicators)
			.where(eq(indicators.code, code));
		if (taken) throw duplicate();
		const [created] = await tx
			.insert(indicators)
			.values({ code, ...(await columnsOf(tx, data)) })
			.onConflictDoNothing()
			.returning();
		if (!created) throw duplicate();
		return {
			result: created,
			audit: {
				action: 'indicator.create',
				recordType: 'indicator',
				recordId: created.id,
				changes: diff(undefined, created)
			}
		};
	});
}

export async function updateIndicator(
	ctx: ServiceContext,
	code: string,
	input: unknown
): Promise<Indicator> {
	authorize(ctx.principal, 'monitor:manage', undefined, ctx.requestId);
	const parsed = indicatorUpdate.superRefine((v, c) => checkRule(v, c, code)).safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return mutate(ctx, async (tx) => {
		const [before] = await tx
			.select()
			.from(indicators)
			.where(eq(indicators.code, code))
			.for('update');
		if (!before) throw notFound('Indicator niet gevonden.');
		const [after] = await tx
			.update(indicators)
			.set(await columnsOf(tx, parsed.data))
			.where(eq(indicators.id, before.id))
			.returning();
		const ruleChanged = (
			[
				'aggregation',
				'weightIndicatorId',
				'numeratorIndicatorId',
				'denominatorIndicatorId',
				'multiplier'
			] as const
		).some((k) => before[k] !== after[k]);
		if (ruleChanged) await recomputeAggregates(tx, { indicatorIds: [after.id] });
		return {
			result: after,
			audit: {
				action: 'indicator.update',
				recordType: 'indicator',
				recordId: after.id,
				changes: diff(before, after)
			}
		};
	});
}
