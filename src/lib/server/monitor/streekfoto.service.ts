/**
 * Streekfoto profiles: per platform region, the chosen indicators (in the catalogue's order, by
 * domain) and the ~10 key indicators of its radar. One command replaces a region's whole profile
 * in one transaction with its audit row.
 */
import { and, asc, eq, inArray, notExists } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { areas, indicators, streekfotoIndicators, streekfotoProfiles } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { authorize } from '../policy';

export const RADAR_MIN = 3;
export const RADAR_MAX = 12;
export const PROFILE_MAX = 80;

const ids = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
	.pipe(
		z.array(z.uuid('Ongeldige keuze.')).max(PROFILE_MAX, `Hoogstens ${PROFILE_MAX} indicatoren.`)
	);

export const profileInput = z.object({
	regio: z.string().trim().min(1, 'Kies een regio.').max(100),
	titel: z
		.string()
		.trim()
		.min(3, 'Geef een titel van minstens 3 tekens.')
		.max(200, 'Hoogstens 200 tekens.'),
	indicatoren: ids,
	radar: ids
});

const fieldError = (field: string, message: string) =>
	new AppError('invalid_input', 'Controleer de ingevulde gegevens.', { [field]: [message] });

/** Replace a region's Streekfoto profile (title, indicators, radar). */
export async function saveStreekfotoProfile(ctx: ServiceContext, input: Record<string, unknown>) {
	authorize(ctx.principal, 'monitor:manage');
	const parsed = profileInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const { regio, titel } = parsed.data;
	const chosen = [...new Set(parsed.data.indicatoren)];
	const radar = [...new Set(parsed.data.radar)];
	if (radar.some((id) => !chosen.includes(id))) {
		throw fieldError('radar', 'Een indicator op de radar moet ook in de Streekfoto staan.');
	}
	if (radar.length > 0 && (radar.length < RADAR_MIN || radar.length > RADAR_MAX)) {
		throw fieldError(
			'radar',
			`Kies minstens ${RADAR_MIN} en hoogstens ${RADAR_MAX} kernindicatoren voor de radar (nu ${radar.length}).`
		);
	}
	return mutate(ctx, async (tx) => {
		const [region] = await tx
			.select({ id: areas.id })
			.from(areas)
			.where(and(eq(areas.level, 'regio'), eq(areas.slug, regio)));
		if (!region) throw notFound('Regio niet gevonden.');
		const known = chosen.length
			? await tx
					.select({ id: indicators.id })
					.from(indicators)
					.where(inArray(indicators.id, chosen))
					.orderBy(asc(indicators.domain), asc(indicators.position), asc(indicators.code))
			: [];
		if (known.length !== chosen.length) {
			throw fieldError('indicatoren', 'Een gekozen indicator bestaat niet (meer).');
		}
		const before = await tx
			.select({
				indicatorId: streekfotoIndicators.indicatorId,
				onRadar: streekfotoIndicators.onRadar
			})
			.from(streekfotoIndicators)
			.where(eq(streekfotoIndicators.regionId, region.id));
		await tx
			.insert(streekfotoProfiles)
			.values({ regionId: region.id, title: { nl: titel } })
			.onConflictDoUpdate({
				target: streekfotoProfiles.regionId,
				set: { title: { nl: titel }, isExample: false, updatedAt: new Date() }
			});
		await tx.delete(streekfotoIndicators).where(eq(streekfotoIndicators.regionId, region.id));
		if (known.length) {
			await tx.insert(streekfotoIndicators).values(
				known.map((k, position) => ({
					regionId: region.id,
					indicatorId: k.id,
					position,
					onRadar: radar.includes(k.id)
				}))
			);
		}
		return {
			result: { regionId: region.id, indicators: known.length, radar: radar.length },
			audit: {
				action: 'monitor.streekfoto.save',
				recordType: 'streekfoto_profile',
				recordId: region.id,
				changes: {
					title: { before: null, after: titel },
					indicators: { before: before.length, after: known.length },
					radar: { before: before.filter((b) => b.onRadar).length, after: radar.length }
				}
			}
		};
	});
}

/**
 * Example profiles for the embedded default: for each region without a profile, the example
 * indicators of the catalogue (at most 50) with the first 10 that have a direction on the radar.
 * Titles say "voorbeeld". Does nothing when there are no example indicators.
 */
export async function seedExampleStreekfoto(ctx: ServiceContext) {
	authorize(ctx.principal, 'monitor:manage');
	const example = await ctx.db
		.select({ id: indicators.id, direction: indicators.direction })
		.from(indicators)
		.where(eq(indicators.isExample, true))
		.orderBy(asc(indicators.domain), asc(indicators.position), asc(indicators.code))
		.limit(50);
	if (example.length === 0) return 0;
	const regions = await ctx.db
		.select({ id: areas.id, name: areas.name })
		.from(areas)
		.where(
			and(
				eq(areas.level, 'regio'),
				notExists(
					ctx.db
						.select({ one: streekfotoProfiles.regionId })
						.from(streekfotoProfiles)
						.where(eq(streekfotoProfiles.regionId, areas.id))
				)
			)
		);
	if (regions.length === 0) return 0;
	const radar = new Set(
		example
			.filter((e) => e.direction !== 'neutral')
			.slice(0, 10)
			.map((e) => e.id)
	);
	return mutate(ctx, async (tx) => {
		await tx.insert(streekfotoProfiles).values(
			regions.map((r) => ({
				regionId: r.id,
				title: {
					nl: `Streekfoto ${r.name.nl} (voorbeeld)`,
					en: `Regional profile ${r.name.en ?? r.name.nl} (example)`
				},
				isExample: true
			}))
		);
		await tx.insert(streekfotoIndicators).values(
			regions.flatMap((r) =>
				example.map((e, position) => ({
					regionId: r.id,
					indicatorId: e.id,
					position,
					onRadar: radar.size >= RADAR_MIN && radar.has(e.id)
				}))
			)
		);
		return {
			result: regions.length,
			audit: {
				action: 'monitor.streekfoto.examples',
				recordType: 'streekfoto_profile',
				changes: { regions: { before: null, after: regions.length } }
			}
		};
	});
}
