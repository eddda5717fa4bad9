/**
 * A measure's actual values entered in the plan, for indicators no open-data source delivers:
 * one value for the measure's indicator and area, stored as an observation through the monitor's
 * own import (the same checks, the same commit, the regions' aggregates recomputed), so the plan
 * and the monitor never disagree. Only the plan's keepers; an area without a NIS code (a region)
 * gets its values from its municipalities.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { areas, indicators, planItems, planMeasures, plans } from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { importAll, stagePush } from '../monitor/import/import.service';
import { parsePeriod } from '../monitor/periods';
import { system } from '../policy';
import { authorizePlan } from './plans.policy';

const valueInput = z.strictObject({
	period: z
		.string('Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.')
		.trim()
		.refine(
			(p) => parsePeriod(p) !== null,
			'Geef een periode als 2024, 2024-Q1, 2024-03 of 2024-03-15.'
		),
	value: z.preprocess(
		(v) =>
			typeof v === 'string'
				? v.trim() === ''
					? undefined
					: Number(v.trim().replace(/\s/g, '').replace(',', '.'))
				: v,
		z.number('De waarde is een getal.').finite('De waarde is een getal.')
	)
});

export async function recordMeasureValue(ctx: ServiceContext, measureId: string, input: unknown) {
	if (!isUuid(measureId)) throw notFound('Meting niet gevonden.');
	const [row] = await ctx.db
		.select({
			bodyId: plans.bodyId,
			indicator: indicators.code,
			nisCode: areas.nisCode,
			areaName: areas.name
		})
		.from(planMeasures)
		.innerJoin(planItems, eq(planItems.id, planMeasures.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.innerJoin(indicators, eq(indicators.id, planMeasures.indicatorId))
		.innerJoin(areas, eq(areas.id, planMeasures.areaId))
		.where(eq(planMeasures.id, measureId));
	if (!row) throw notFound('Meting niet gevonden.');
	authorizePlan(ctx, { bodyId: row.bodyId });
	const parsed = valueInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	if (!row.nisCode)
		throw new AppError(
			'invalid_input',
			`${row.areaName.nl} krijgt zijn waarden uit die van zijn gemeenten: voer de waarden van de gemeenten in of importeer ze in de monitor.`
		);
	// The monitor's import runs as the system: the plan's keepers may add their own measure's value.
	const trusted = { ...ctx, principal: system };
	const result = await importAll(
		trusted,
		stagePush(trusted, {
			indicator: row.indicator,
			observations: [{ area: row.nisCode, period: parsed.data.period, value: parsed.data.value }]
		})
	);
	if (result.errors.length)
		throw new AppError('invalid_input', result.errors.map((e) => e.message).join(' '), {
			value: result.errors.map((e) => e.message)
		});
	if (!result.committed) throw new AppError('invalid_input', 'Er is niets opgeslagen.');
	return result.committed;
}
