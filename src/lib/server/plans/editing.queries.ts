/**
 * What the plan editing pages need beside the tree (plans.queries.ts planTree): the choices of
 * their forms (bodies, people, organisations, indicators, areas, decisions) and a plan's versions.
 * Read only. The links between plans and meetings: meetings.queries.ts.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	areas,
	bodies,
	decisions,
	indicators,
	memberships,
	people,
	planVersions,
	users
} from '../db/schema';
import { tr, type Locale } from '../../i18n';
import { decisionReference } from '../meetings/decisions.service';
import { organisationOptions } from '../organisations/organisations.service';
import { can, type Principal } from '../policy';

export type Option = { value: string; label: string };

/** The bodies (and, for plans:manage, the regions) a user may start a plan for. */
export async function ownerOptions(db: DbOrTx, principal: Principal, locale: Locale) {
	const [bodyRows, regionRows] = await Promise.all([
		db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
			.from(bodies)
			.where(isNull(bodies.archivedAt))
			.orderBy(sql`${bodies.name}->>'nl'`),
		db
			.select({ id: areas.id, name: areas.name })
			.from(areas)
			.where(eq(areas.level, 'regio'))
			.orderBy(asc(areas.slug))
	]);
	const all = can(principal, 'plans:manage');
	const kept = bodyRows.filter((b) => all || can(principal, 'body:manage', { bodyId: b.id }));
	return {
		bodies: kept.map((b) => ({ value: b.id, label: tr(b.name, locale) })),
		/** The same bodies by slug, as the plan import names them. */
		bodySlugs: kept.map((b) => ({ value: b.slug, label: tr(b.name, locale) })),
		regions: all ? regionRows.map((r) => ({ value: r.id, label: tr(r.name, locale) })) : []
	};
}

/**
 * The decisions a plan's keepers can cite: those of the plan's body (or of the bodies of its
 * region), newest first.
 */
export async function decisionOptions(
	db: DbOrTx,
	plan: { bodyId: string | null; regionId: string | null }
): Promise<Option[]> {
	const rows = await db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title,
			body: bodies.shortName,
			bodyName: bodies.name
		})
		.from(decisions)
		.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
		.where(
			plan.bodyId
				? eq(decisions.bodyId, plan.bodyId)
				: eq(bodies.regionId, plan.regionId ?? '00000000-0000-0000-0000-000000000000')
		)
		.orderBy(desc(decisions.year), desc(decisions.number))
		.limit(300);
	return rows.map((d) => ({
		value: d.id,
		label: `${plan.bodyId ? '' : `${d.body ?? tr(d.bodyName, 'nl')} `}${decisionReference(d)} ${d.title}`
	}));
}

/**
 * Who may own an action: the people with a current membership of the plan's body (or of a body
 * of its region), and whoever owns one now. Anonymised people are never offered.
 */
export async function ownerPeopleOptions(
	db: DbOrTx,
	plan: { bodyId: string | null; regionId: string | null },
	current: string[],
	today: string
): Promise<Option[]> {
	const members = db
		.select({ personId: memberships.personId })
		.from(memberships)
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.where(
			and(
				plan.bodyId
					? eq(memberships.bodyId, plan.bodyId)
					: eq(bodies.regionId, plan.regionId ?? '00000000-0000-0000-0000-000000000000'),
				or(isNull(memberships.endOn), sql`${memberships.endOn} >= ${today}`)
			)
		);
	const rows = await db
		.select({
			id: people.id,
			givenName: people.givenName,
			familyName: people.familyName,
			hasAccount: sql<boolean>`${users.id} is not null`
		})
		.from(people)
		.leftJoin(users, and(eq(users.id, people.userId), isNull(users.disabledAt)))
		.where(
			and(
				isNull(people.anonymisedAt),
				current.length
					? or(inArray(people.id, members), inArray(people.id, current))
					: inArray(people.id, members)
			)
		)
		.orderBy(asc(people.familyName), asc(people.givenName));
	return rows.map((p) => ({
		value: p.id,
		label: `${p.givenName} ${p.familyName}${p.hasAccount ? '' : ' (geen account: krijgt geen herinneringen)'}`
	}));
}

/** Organisations, indicators and areas for the action and measure forms. */
export async function itemFormOptions(db: DbOrTx, locale: Locale) {
	const [orgs, indicatorRows, areaRows] = await Promise.all([
		organisationOptions(db),
		db
			.select({ id: indicators.id, code: indicators.code, name: indicators.name })
			.from(indicators)
			.orderBy(asc(indicators.code)),
		db
			.select({ id: areas.id, name: areas.name, level: areas.level })
			.from(areas)
			.where(sql`${areas.level} <> 'gemeente' or ${areas.validTo} is null`)
			.orderBy(
				sql`case ${areas.level} when 'land' then 0 when 'gewest' then 1 when 'provincie' then 2 when 'regio' then 3 when 'arrondissement' then 4 else 5 end`,
				sql`${areas.name}->>'nl'`
			)
	]);
	return {
		organisations: orgs.map((o) => ({ value: o.id, label: tr(o.name, locale) })),
		indicators: indicatorRows.map((i) => ({
			value: i.id,
			label: `${i.code} — ${tr(i.name, locale)}`
		})),
		areas: areaRows.map((a) => ({ value: a.id, label: tr(a.name, locale) }))
	};
}

/** The plan's earlier versions, newest first, with the decision that amended it. */
export async function planVersionsOf(db: DbOrTx, planId: string) {
	return db
		.select({
			version: planVersions.version,
			reason: planVersions.reason,
			createdAt: planVersions.createdAt,
			decisionYear: decisions.year,
			decisionNumber: decisions.number,
			decisionTitle: decisions.title
		})
		.from(planVersions)
		.leftJoin(decisions, eq(decisions.id, planVersions.decisionId))
		.where(eq(planVersions.planId, planId))
		.orderBy(desc(planVersions.version));
}
