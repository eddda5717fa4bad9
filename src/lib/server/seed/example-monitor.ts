/**
 * Example monitor data, so the monitor is alive on first start: eight indicators in four domains
 * with made-up but plausible values for every seeded municipality for 2014–2025 (Galmaarden,
 * Gooik and Herne until 2024, Pajottegem from 2025), and for the Flemish Region and Belgium (the
 * platform knows only its own municipalities, so their totals cannot be aggregated). Everything is
 * flagged as example data and says so in its name. Values are deterministic (a hash of the code,
 * area and year), ids too; seeding twice changes nothing and leaves edited rows alone. The
 * province, arrondissements and regions get their values from `recomputeAggregates`.
 */
import { sql } from 'drizzle-orm';
import { seedExampleStreekfoto } from '../monitor/streekfoto.service';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { rows as rowsOf } from '../db';
import { indicators } from '../db/schema';
import { recomputeAggregates } from '../monitor/aggregate.service';
import { seededId } from './ids';
import { areaId } from './seed.service';
import {
	halleVilvoordeMunicipalities,
	higherAreas,
	leuvenMunicipalities,
	mergedIntoPajottegem,
	PAJOTTEGEM_NIS
} from './structure-data';

export const EXAMPLE_FIRST_YEAR = 2014;
export const EXAMPLE_LAST_YEAR = 2025;

export const indicatorId = (code: string) => seededId('indicator', code);

type Seed = Omit<typeof indicators.$inferInsert, 'name' | 'definition'> & {
	code: string;
	name: string;
	definition: string;
};

const source = {
	sourceOrganisation: 'Streekplatform (voorbeeldgegevens)',
	sourceDataset: 'Verzonnen voorbeeldcijfers, geen echte statistiek',
	licence: 'CC0 (voorbeeldgegevens)',
	isExample: true
};

export const exampleIndicators: Seed[] = [
	{
		code: 'bevolking',
		name: 'Bevolking (voorbeeldgegevens)',
		definition: 'Aantal inwoners op 1 januari. Voorbeeldgegevens, geen echte cijfers.',
		unit: 'inwoners',
		domain: 'demografie',
		aggregation: 'sum',
		minValue: 0,
		position: 0
	},
	{
		code: 'bevolking_20_64',
		name: 'Bevolking 20–64 jaar (voorbeeldgegevens)',
		definition:
			'Aantal inwoners van 20 tot 64 jaar op 1 januari. Voorbeeldgegevens, geen echte cijfers.',
		unit: 'inwoners',
		domain: 'demografie',
		aggregation: 'sum',
		minValue: 0,
		position: 1
	},
	{
		code: 'werkenden_20_64',
		name: 'Werkenden 20–64 jaar (voorbeeldgegevens)',
		definition:
			'Aantal werkende inwoners van 20 tot 64 jaar (werknemers en zelfstandigen). Voorbeeldgegevens, geen echte cijfers.',
		unit: 'personen',
		domain: 'arbeidsmarkt',
		aggregation: 'sum',
		direction: 'higher_better',
		minValue: 0,
		position: 0
	},
	{
		code: 'werkzaamheidsgraad_20_64',
		name: 'Werkzaamheidsgraad 20–64 jaar (voorbeeldgegevens)',
		definition:
			'Werkenden van 20 tot 64 jaar als percentage van de bevolking van 20 tot 64 jaar. Voorbeeldgegevens, geen echte cijfers.',
		unit: '%',
		decimals: 1,
		domain: 'arbeidsmarkt',
		aggregation: 'ratio',
		numeratorIndicatorId: indicatorId('werkenden_20_64'),
		denominatorIndicatorId: indicatorId('bevolking_20_64'),
		multiplier: 100,
		direction: 'higher_better',
		minValue: 0,
		maxValue: 100,
		position: 1
	},
	{
		code: 'werkloosheidsgraad',
		name: 'Werkloosheidsgraad (voorbeeldgegevens)',
		definition:
			'Niet-werkende werkzoekenden als percentage van de beroepsbevolking; voor grotere gebieden gewogen naar de bevolking van 20 tot 64 jaar. Voorbeeldgegevens, geen echte cijfers.',
		unit: '%',
		decimals: 1,
		domain: 'arbeidsmarkt',
		aggregation: 'weighted_mean',
		weightIndicatorId: indicatorId('bevolking_20_64'),
		direction: 'lower_better',
		minValue: 0,
		maxValue: 100,
		position: 2
	},
	{
		code: 'oprichtingen',
		name: 'Oprichtingen van ondernemingen (voorbeeldgegevens)',
		definition:
			'Aantal nieuw opgerichte ondernemingen in het jaar. Voorbeeldgegevens, geen echte cijfers.',
		unit: 'ondernemingen',
		domain: 'ondernemerschap',
		aggregation: 'sum',
		direction: 'higher_better',
		minValue: 0,
		position: 0
	},
	{
		code: 'jobs',
		name: 'Jobs (voorbeeldgegevens)',
		definition:
			'Aantal banen van werknemers en zelfstandigen met hun werkplaats in het gebied. Voorbeeldgegevens, geen echte cijfers.',
		unit: 'jobs',
		domain: 'werkgelegenheid',
		aggregation: 'sum',
		direction: 'higher_better',
		minValue: 0,
		position: 0
	},
	{
		code: 'jobratio',
		name: 'Jobratio (voorbeeldgegevens)',
		definition:
			'Jobs als percentage van de bevolking van 20 tot 64 jaar. Voorbeeldgegevens, geen echte cijfers.',
		unit: '%',
		decimals: 1,
		domain: 'werkgelegenheid',
		aggregation: 'ratio',
		numeratorIndicatorId: indicatorId('jobs'),
		denominatorIndicatorId: indicatorId('bevolking_20_64'),
		multiplier: 100,
		direction: 'higher_better',
		minValue: 0,
		position: 1
	}
];

/** A deterministic number in [0, 1) from a key (FNV-1a). */
function unit(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) / 2 ** 32;
}
const between = (key: string, lo: number, hi: number) => lo + (hi - lo) * unit(key);

/** Rough 2014 sizes of the larger towns (the others get 8,000–35,000). */
const largerTowns: Record<string, number> = {
	'24062': 98_000,
	'24107': 33_000,
	'24001': 29_000,
	'24020': 23_000,
	'23088': 42_000,
	'23016': 41_000,
	'23027': 37_000,
	'23025': 36_000,
	'23002': 31_000,
	'23094': 32_000
};
/** Places with many jobs relative to their working-age population. */
const jobCentres: Record<string, number> = { '24062': 1.35, '23094': 1.9, '23047': 1.6 };

type Row = { area: string; year: number; values: Record<string, number> };

function municipalityRows(nis: string, fromYear: number, toYear: number, start?: number): Row[] {
	const out: Row[] = [];
	const pop0 = start ?? largerTowns[nis] ?? Math.round(between(`${nis}:pop`, 8_000, 35_000));
	const growth = between(`${nis}:growth`, -0.001, 0.011);
	const share = between(`${nis}:share`, 0.56, 0.61);
	const employment0 = between(`${nis}:emp`, 0.7, 0.79);
	const unemployment0 = between(`${nis}:unemp`, 0.025, 0.065);
	const jobShare = jobCentres[nis] ?? between(`${nis}:jobs`, 0.45, 1.05);
	for (let year = fromYear; year <= toYear; year++) {
		const k = year - EXAMPLE_FIRST_YEAR;
		const noise = (what: string, size: number) => (unit(`${nis}:${what}:${year}`) - 0.5) * size;
		const pop = Math.round(pop0 * (1 + growth) ** k * (1 + noise('p', 0.004)));
		const pop2064 = Math.round(pop * (share - 0.002 * k));
		const employed = Math.round(
			pop2064 * Math.min(0.86, employment0 + 0.004 * k + noise('e', 0.01))
		);
		// Unemployment falls until 2019, jumps in 2020, falls again.
		const cycle =
			year <= 2019 ? -0.003 * k : year === 2020 ? -0.012 : -0.015 - 0.0015 * (year - 2021);
		const unemployment = Math.max(0.012, unemployment0 + cycle + noise('u', 0.004)) * 100;
		const jobs = Math.round(pop2064 * jobShare * (1 + 0.006 * k + noise('j', 0.02)));
		const starts = Math.round(pop * between(`${nis}:starts:${year}`, 0.007, 0.012));
		out.push({
			area: areaId(nis),
			year,
			values: {
				bevolking: pop,
				bevolking_20_64: pop2064,
				werkenden_20_64: employed,
				werkzaamheidsgraad_20_64: (employed / pop2064) * 100,
				werkloosheidsgraad: Math.round(unemployment * 10) / 10,
				oprichtingen: starts,
				jobs,
				jobratio: (jobs / pop2064) * 100
			}
		});
	}
	return out;
}

/** The Flemish Region and Belgium, supplied (their municipalities are not all on the platform). */
function higherRows(): Row[] {
	const out: Row[] = [];
	const areasOf = [
		{ nis: higherAreas.flanders.nis, pop: 6_410_000, emp: 0.716, unemp: 4.9, jobs: 0.8 },
		{ nis: higherAreas.belgium.nis, pop: 11_180_000, emp: 0.673, unemp: 8.5, jobs: 0.75 }
	];
	for (const a of areasOf)
		for (let year = EXAMPLE_FIRST_YEAR; year <= EXAMPLE_LAST_YEAR; year++) {
			const k = year - EXAMPLE_FIRST_YEAR;
			const pop = Math.round(a.pop * 1.0055 ** k);
			const pop2064 = Math.round(pop * (0.585 - 0.0015 * k));
			const employed = Math.round(pop2064 * (a.emp + 0.0055 * k));
			const cycle = year <= 2019 ? -0.35 * k : year === 2020 ? -1.6 : -1.9 - 0.15 * (year - 2021);
			const jobs = Math.round(pop2064 * a.jobs * (1 + 0.007 * k));
			out.push({
				area: areaId(a.nis),
				year,
				values: {
					bevolking: pop,
					bevolking_20_64: pop2064,
					werkenden_20_64: employed,
					werkzaamheidsgraad_20_64: (employed / pop2064) * 100,
					werkloosheidsgraad: Math.round((a.unemp + cycle) * 10) / 10,
					oprichtingen: Math.round(pop * 0.0095 * (1 + 0.01 * k)),
					jobs,
					jobratio: (jobs / pop2064) * 100
				}
			});
		}
	return out;
}

/** Every example observation: municipalities (with the merger), Flanders and Belgium. */
export function exampleObservationRows(): Row[] {
	const current = [...leuvenMunicipalities, ...halleVilvoordeMunicipalities].filter(
		([nis]) => nis !== PAJOTTEGEM_NIS
	);
	const rows = current.flatMap(([nis]) =>
		municipalityRows(nis, EXAMPLE_FIRST_YEAR, EXAMPLE_LAST_YEAR)
	);
	const predecessors = mergedIntoPajottegem.flatMap(([nis]) =>
		municipalityRows(nis, EXAMPLE_FIRST_YEAR, EXAMPLE_LAST_YEAR - 1)
	);
	rows.push(...predecessors);
	// Pajottegem from 2025: about its predecessors' 2024 total, grown a little.
	const start = predecessors
		.filter((r) => r.year === EXAMPLE_LAST_YEAR - 1)
		.reduce((sum, r) => sum + r.values.bevolking, 0);
	rows.push(
		...municipalityRows(PAJOTTEGEM_NIS, EXAMPLE_LAST_YEAR, EXAMPLE_LAST_YEAR, start / 1.05).map(
			(r) => r
		)
	);
	rows.push(...higherRows());
	return rows;
}

/** Load the example indicators and observations (once), then compute the aggregates. */
export async function seedExampleMonitor(ctx: ServiceContext, now = new Date()) {
	const counts = await seedExampleObservations(ctx, now);
	// A Streekfoto profile per region from the example indicators (only where a region has none).
	return { ...counts, streekfotoProfiles: await seedExampleStreekfoto(ctx) };
}

async function seedExampleObservations(ctx: ServiceContext, now: Date) {
	// The example figures are for fixed years; `now` is accepted like the other example seeds.
	void now;
	return mutate(ctx, async (tx) => {
		const inserted = { indicators: 0, observations: 0 };
		const created = await tx
			.insert(indicators)
			.values(
				exampleIndicators.map((s) => ({
					...source,
					...s,
					id: indicatorId(s.code),
					name: { nl: s.name },
					definition: { nl: s.definition }
				}))
			)
			.onConflictDoNothing()
			.returning({ id: indicators.id });
		inserted.indicators = created.length;
		// One statement over arrays (unnest): the embedded database binds six parameters instead
		// of tens of thousands.
		const rows = exampleObservationRows().flatMap((r) =>
			exampleIndicators.map((s) => [indicatorId(s.code), r.area, r.year, r.values[s.code]] as const)
		);
		const list = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
		const added = await rowsOf<{ one: number }>(
			tx,
			sql`insert into observations (indicator_id, area_id, period, period_start, value, is_example)
				select i, a, y::text, make_date(y, 1, 1), v, true
				from unnest(${list(rows.map((r) => r[0]))}::uuid[], ${list(rows.map((r) => r[1]))}::uuid[],
					${list(rows.map((r) => r[2]))}::int[], ${list(rows.map((r) => r[3]))}::float8[]) as t(i, a, y, v)
				on conflict do nothing
				returning 1 as one`
		);
		inserted.observations = added.length;
		if (inserted.observations > 0)
			await recomputeAggregates(tx, {
				indicatorIds: exampleIndicators.map((s) => indicatorId(s.code))
			});
		return {
			result: { monitorIndicators: inserted.indicators, observations: inserted.observations },
			audit: {
				action: 'seed.example_monitor',
				recordType: 'seed',
				recordId: 'monitor',
				changes: { inserted: { after: inserted } }
			}
		};
	});
}
