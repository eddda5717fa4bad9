/**
 * POST /api/v1/observations: a partner pushes observations with an API token carrying the
 * `observations:write` scope. Body `{ indicator, observations: [{ area, period, value, status? }] }`
 * (area = NIS code); the same validation and commit as a file import, all or nothing. The route
 * file only re-exports `postObservations`.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { observationStatuses } from '../../db/schema';
import { apiError, contextOf } from '../../http';
import { AppError, invalidInput, isAppError } from '../../errors';
import { log } from '../../log';
import { importAll, stagePush } from './import.service';
import { limitBytes, MAX_JSON_BYTES } from './read';

export const observationPushIn = z
	.strictObject({
		indicator: z.string().min(1, 'Geef de code van de indicator.').max(100),
		observations: z
			.array(
				z.strictObject({
					area: z.string().meta({ description: 'NIS code of the area (five digits)' }),
					period: z.string().meta({ description: '2024, 2024-Q1, 2024-03 or 2024-03-15' }),
					value: z
						.number()
						.nullable()
						.meta({ description: 'Null with status missing or confidential' }),
					status: z.enum(observationStatuses).optional()
				})
			)
			.min(1, 'Geef minstens één meting.')
			.max(1_000_000, 'Hoogstens 1.000.000 metingen per verzoek.')
	})
	.meta({ id: 'ObservationPush' });

export const observationPushOut = z
	.object({
		importId: z.uuid(),
		inserted: z.number().int(),
		updated: z.number().int(),
		unchanged: z.number().int(),
		skipped: z
			.number()
			.int()
			.meta({ description: 'Observations of areas the platform does not know' }),
		commitMs: z.number().int()
	})
	.meta({ id: 'ObservationPushResult' });

const tooLarge = `Het verzoek is groter dan ${MAX_JSON_BYTES / 1024 / 1024} MB: verdeel de metingen over meer verzoeken.`;

/** Parse, validate, stage and commit a push; AppError (with `observations.N` fields) when refused. */
export async function pushObservations(event: RequestEvent) {
	const ctx = contextOf(event);
	if (ctx.principal.kind !== 'token' && ctx.principal.kind !== 'system') {
		throw new AppError(
			'unauthenticated',
			'Gebruik een API-sleutel met het recht observations:write.'
		);
	}
	const body = event.request.body;
	if (!body) throw new AppError('invalid_input', 'Het verzoek heeft geen inhoud.');
	const parts: Uint8Array[] = [];
	for await (const chunk of limitBytes(
		body as unknown as AsyncIterable<Uint8Array>,
		MAX_JSON_BYTES,
		tooLarge
	))
		parts.push(chunk);
	let data: unknown;
	try {
		data = JSON.parse(Buffer.concat(parts).toString('utf8'));
	} catch {
		throw new AppError('invalid_input', 'Het verzoek is geen geldige JSON.');
	}
	const parsed = observationPushIn.safeParse(data);
	if (!parsed.success) throw invalidInput(parsed.error, 'Controleer de metingen.');
	const result = await importAll(ctx, stagePush(ctx, parsed.data));
	if (result.errors.length) {
		const fields: Record<string, string[]> = {};
		for (const e of result.errors) (fields[`observations.${e.line - 1}`] ??= []).push(e.message);
		const n = result.errors.length;
		throw new AppError(
			'invalid_input',
			`${n === 1 ? '1 meting is' : `${n} metingen zijn`} geweigerd: er is niets opgeslagen.`,
			fields
		);
	}
	if (!result.committed)
		throw new AppError('invalid_input', 'Er is geen enkele meting om op te slaan.');
	return result.committed;
}

/** The route handler: 201 with the counts, or the API's JSON error. */
export async function postObservations(event: RequestEvent): Promise<Response> {
	try {
		return json(await pushObservations(event), { status: 201 });
	} catch (e) {
		if (isAppError(e)) {
			log().info(
				{
					requestId: event.locals.requestId,
					code: e.code,
					fields: Object.keys(e.fields ?? {}).length
				},
				'observation push refused'
			);
			return apiError(e, event.locals.requestId);
		}
		throw e;
	}
}
