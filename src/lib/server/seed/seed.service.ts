/**
 * Loads the real structure (seed data) idempotently, and removes example data. Every insert is
 * keyed on a deterministic id and skips rows that exist: seeding twice changes nothing, and a
 * record edited by staff is never overwritten.
 */
import { and, eq, sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	advices,
	dossiers,
	areaBoundaries,
	areas,
	auditEvents,
	bodies,
	bodyLinks,
	contentItems,
	bodyPolicyDomains,
	indicators,
	meetings,
	memberships,
	monitorImports,
	observations,
	plans,
	organisations,
	participants,
	people,
	policyDomains,
	programmes,
	regionMembers,
	siteSettings,
	standingItems,
	streekfotoProfiles
} from '../db/schema';
import type { SiteSettings } from '../settings/settings.schema';
import { seededId, slugify } from './ids';
import {
	bodySeeds,
	higherAreas,
	HOST_ORGANISATION,
	MERGER_FIRST_DAY,
	MERGER_LAST_DAY,
	organisationSeeds,
	PAJOTTEGEM_NIS,
	policyDomainSeeds,
	programmeSeeds,
	regions
} from './structure-data';

export const areaId = (nis: string) => seededId('area', nis);
export const regionId = (slug: string) => seededId('region', slug);
export const organisationId = (slug: string) => seededId('organisation', slug);
export const bodyId = (slug: string) => seededId('body', slug);
export const policyDomainId = (slug: string) => seededId('policy-domain', slug);
export const municipalityOrganisationSlug = (name: string) => `gemeente-${slugify(name)}`;

export const defaultSiteSettings: SiteSettings = {
	name: 'ERSV Vlaams-Brabant',
	tagline: {
		nl: 'Streekbeleid in de regio’s Leuven en Halle-Vilvoorde',
		en: 'Regional policy in the Leuven and Halle-Vilvoorde regions'
	},
	legalName: 'ERSV Vlaams-Brabant vzw',
	hostOrganisation: HOST_ORGANISATION,
	colours: { primary: '#1f4e79', accent: '#b3541e' },
	documentHeader: 'ERSV Vlaams-Brabant vzw — Versterkt Streekbeleid'
};

type Counts = Record<string, number>;

async function insertAll<T extends { $inferInsert: object }>(
	tx: Tx,
	table: Parameters<Tx['insert']>[0],
	values: T['$inferInsert'][],
	counts: Counts,
	label: string
) {
	if (values.length === 0) return;
	const inserted = await tx.insert(table).values(values).onConflictDoNothing().returning();
	counts[label] = (counts[label] ?? 0) + inserted.length;
}

/**
 * Has the structure ever been seeded here? Start-up seeds only a database that never was, so a
 * record that staff deleted does not come back at the next restart (`npm run db:seed` still can).
 */
export async function isSeeded(db: DbOrTx): Promise<boolean> {
	const [row] = await db
		.select({ id: auditEvents.id })
		.from(auditEvents)
		.where(and(eq(auditEvents.action, 'seed.structure'), eq(auditEvents.recordType, 'seed')))
		.limit(1);
	return row !== undefined;
}

/** Insert the real structure; returns how many rows of each kind were new. */
export async function seedStructure(ctx: ServiceContext): Promise<Counts> {
	return mutate(ctx, async (tx) => {
		const counts: Counts = {};
		await tx.execute(sql`select pg_advisory_xact_lock(720419002)`);

		// Areas above the municipalities, parents first.
		const h = higherAreas;
		const higher = [
			{ ...h.belgium, parent: undefined },
			{ ...h.flanders, parent: h.belgium.nis },
			{ ...h.province, parent: h.flanders.nis },
			{ ...h.arrLeuven, parent: h.province.nis },
			{ ...h.arrHalleVilvoorde, parent: h.province.nis }
		];
		await insertAll<typeof areas>(
			tx,
			areas,
			higher.map((a) => ({
				id: areaId(a.nis),
				level: a.level,
				nisCode: a.nis,
				slug: slugify(a.name.replace(/^Arrondissement /, '')),
				name: 'en' in a ? { nl: a.name, en: a.en } : { nl: a.name },
				parentId: a.parent ? areaId(a.parent) : null
			})),
			counts,
			'areas'
		);

		for (const region of regions) {
			const arrNis = higherAreas[region.arrondissement].nis;
			await insertAll<typeof areas>(
				tx,
				areas,
				[
					{
						id: regionId(region.slug),
						level: 'regio',
						slug: region.slug,
						name: { nl: region.name },
						description: { nl: region.description },
						parentId: areaId(higherAreas.province.nis)
					},
					...region.municipalities.map(([nis, name]) => ({
						id: areaId(nis),
						level: 'gemeente' as const,
						nisCode: nis,
						slug: slugify(name),
						name: { nl: name },
						parentId: areaId(arrNis),
						validFrom: nis === PAJOTTEGEM_NIS ? MERGER_FIRST_DAY : null
					})),
					...region.historical.map(([nis, name]) => ({
						id: areaId(nis),
						level: 'gemeente' as const,
						nisCode: nis,
						slug: slugify(name),
						name: { nl: name },
						parentId: areaId(arrNis),
						validTo: MERGER_LAST_DAY,
						successorId: areaId(PAJOTTEGEM_NIS)
					}))
				],
				counts,
				'areas'
			);
			await insertAll<typeof regionMembers>(
				tx,
				regionMembers,
				[...region.municipalities, ...region.historical].map(([nis]) => ({
					regionId: regionId(region.slug),
					areaId: areaId(nis)
				})),
				counts,
				'regionMembers'
			);
		}

		await insertAll<typeof policyDomains>(
			tx,
			policyDomains,
			policyDomainSeeds.map((d, i) => ({
				id: policyDomainId(d.slug),
				slug: d.slug,
				name: { nl: d.nl, en: d.en },
				position: i
			})),
			counts,
			'policyDomains'
		);

		const municipalityOrgs = regions.flatMap((r) =>
			r.municipalities.map(([nis, name]) => ({
				slug: municipalityOrganisationSlug(name),
				kind: 'municipality' as const,
				name: { nl: name },
				areaId: areaId(nis)
			}))
		);
		await insertAll<typeof organisations>(
			tx,
			organisations,
			[
				...organisationSeeds.map((o) => ({
					slug: o.slug,
					kind: o.kind,
					name: { nl: o.name },
					shortName: o.shortName,
					description: o.description ? { nl: o.description } : null,
					areaId: o.areaNis ? areaId(o.areaNis) : null
				})),
				...municipalityOrgs
			].map((o) => ({ ...o, id: organisationId(o.slug) })),
			counts,
			'organisations'
		);

		await insertAll<typeof programmes>(
			tx,
			programmes,
			programmeSeeds.map((p) => ({
				id: seededId('programme', p.slug),
				slug: p.slug,
				organisationId: organisationId(HOST_ORGANISATION),
				name: { nl: p.name },
				description: { nl: p.description },
				funder: p.funder,
				regionId: regionId(p.region),
				startsOn: p.startsOn,
				endsOn: p.endsOn
			})),
			counts,
			'programmes'
		);

		// Bodies: a parent is always listed before its parts.
		for (const [position, b] of bodySeeds.entries()) {
			await insertAll<typeof bodies>(
				tx,
				bodies,
				[
					{
						id: bodyId(b.slug),
						slug: b.slug,
						kind: b.kind,
						name: { nl: b.name },
						purpose: { nl: b.purpose },
						regionId: regionId(b.region),
						partOfId: b.partOf ? bodyId(b.partOf) : null,
						organiserId: b.organiser ? organisationId(b.organiser) : null,
						startedOn: b.startedOn ?? null,
						position
					}
				],
				counts,
				'bodies'
			);
		}
		await insertAll<typeof bodyLinks>(
			tx,
			bodyLinks,
			bodySeeds.flatMap((b) =>
				[
					...(b.reportsTo ?? []).map((to) => ({ kind: 'reports_to' as const, to })),
					...(b.advises ?? []).map((to) => ({ kind: 'advises' as const, to }))
				].map((l) => ({
					id: seededId('body-link', `${b.slug}>${l.kind}>${l.to}`),
					fromBodyId: bodyId(b.slug),
					toBodyId: bodyId(l.to),
					kind: l.kind
				}))
			),
			counts,
			'bodyLinks'
		);
		await insertAll<typeof bodyPolicyDomains>(
			tx,
			bodyPolicyDomains,
			bodySeeds.flatMap((b) =>
				b.domains.map((d) => ({ bodyId: bodyId(b.slug), policyDomainId: policyDomainId(d) }))
			),
			counts,
			'bodyPolicyDomains'
		);
		await insertAll<typeof participants>(
			tx,
			participants,
			bodySeeds.flatMap((b) => {
				const region = regions.find((r) => r.slug === b.region)!;
				return b.participants
					.flatMap((p) =>
						p === 'region'
							? region.municipalities.map(([, name]) => ({
									org: municipalityOrganisationSlug(name),
									seat: 'member' as const
								}))
							: [p]
					)
					.map((p) => ({
						id: seededId('participant', `${b.slug}>${p.org}`),
						bodyId: bodyId(b.slug),
						organisationId: organisationId(p.org),
						seatType: p.seat
					}));
			}),
			counts,
			'participants'
		);

		const settingsInserted = await tx
			.insert(siteSettings)
			.values({ key: 'site', value: defaultSiteSettings })
			.onConflictDoNothing()
			.returning();
		counts.siteSettings = settingsInserted.length;

		return {
			result: counts,
			audit: {
				action: 'seed.structure',
				recordType: 'seed',
				recordId: 'structure',
				changes: { inserted: { after: counts } }
			}
		};
	});
}

/** Remove every row flagged as example data, children first. */
export async function purgeExamples(ctx: ServiceContext): Promise<Counts> {
	return mutate(ctx, async (tx) => {
		const counts: Counts = {};
		const steps = [
			['contentItems', contentItems],
			// A dossier takes its addressees, documents and links along (cascade).
			['dossiers', dossiers],
			// A plan takes its items, measures, milestones and updates along (cascade).
			['plans', plans],
			// An advice takes its hops (and the documents sent along) with it (cascade).
			['advices', advices],
			// A meeting takes its items, replies, attendance and decisions along (cascade).
			['meetings', meetings],
			['standingItems', standingItems],
			['memberships', memberships],
			['participants', participants],
			['bodyLinks', bodyLinks],
			['bodies', bodies],
			['people', people],
			['programmes', programmes],
			['organisations', organisations],
			['policyDomains', policyDomains],
			// The monitor: observations before their imports and indicators; a profile takes its
			// indicator list along (cascade).
			['observations', observations],
			['streekfotoProfiles', streekfotoProfiles],
			['areaBoundaries', areaBoundaries],
			['monitorImports', monitorImports],
			['indicators', indicators],
			['areas', areas]
		] as const;
		for (const [label, table] of steps) {
			const removed = await tx.delete(table).where(eq(table.isExample, true)).returning();
			counts[label] = removed.length;
		}
		// Decision numbers of years that no longer hold any decision start again at 1.
		await tx.execute(
			sql`delete from decision_counters c where not exists (select 1 from decisions d where d.body_id = c.body_id and d.year = c.year)`
		);
		return {
			result: counts,
			audit: {
				action: 'seed.purge_examples',
				recordType: 'seed',
				recordId: 'examples',
				changes: { removed: { before: counts } }
			}
		};
	});
}
