import { and, asc, eq, gt, inArray, isNull, lte, or, gte, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { today } from '../clock';
import type { DbOrTx } from '../db';
import {
	areas,
	bodies,
	bodyLinks,
	bodyPolicyDomains,
	memberships,
	organisations,
	participants,
	people,
	policyDomains
} from '../db/schema';
import { notFound } from '../errors';
import { decodeCursor, toPage } from '../pagination';
import type { bodyListQuery, BodyOut } from './bodies.schema';

type BodyRow = typeof bodies.$inferSelect;

/** Rows whose term (start/end dates, either open) includes `on`. */
const activeOn = (start: AnyPgColumn, end: AnyPgColumn, on: string) =>
	and(or(isNull(start), lte(start, on)), or(isNull(end), gte(end, on)));

/** Links, domains and participants of many bodies at once (no query per body). */
async function relationsOf(db: DbOrTx, ids: string[]) {
	if (ids.length === 0) return { links: [], domains: [], parts: [] };
	const [links, domains, parts] = await Promise.all([
		db
			.select()
			.from(bodyLinks)
			.where(or(inArray(bodyLinks.fromBodyId, ids), inArray(bodyLinks.toBodyId, ids))),
		db
			.select({ bodyId: bodyPolicyDomains.bodyId, domain: policyDomains })
			.from(bodyPolicyDomains)
			.innerJoin(policyDomains, eq(policyDomains.id, bodyPolicyDomains.policyDomainId))
			.where(inArray(bodyPolicyDomains.bodyId, ids))
			.orderBy(asc(policyDomains.position)),
		db
			.select({
				bodyId: participants.bodyId,
				organisationId: participants.organisationId,
				seatType: participants.seatType
			})
			.from(participants)
			.where(
				and(
					inArray(participants.bodyId, ids),
					activeOn(participants.startOn, participants.endOn, today())
				)
			)
	]);
	return { links, domains, parts };
}

export async function listBodies(db: DbOrTx, query: z.infer<typeof bodyListQuery>) {
	const after = decodeCursor(query.cursor);
	const where: SQL[] = [isNull(bodies.archivedAt)];
	if (after) where.push(gt(bodies.id, after));
	if (query.region) {
		const [region] = await db
			.select({ id: areas.id })
			.from(areas)
			.where(and(eq(areas.level, 'regio'), eq(areas.slug, query.region)));
		if (!region) return { items: [], nextCursor: null };
		where.push(eq(bodies.regionId, region.id));
	}
	const rows = await db
		.select()
		.from(bodies)
		.where(and(...where))
		.orderBy(asc(bodies.id))
		.limit(query.limit + 1);
	const page = toPage(rows, query.limit);
	const rel = await relationsOf(
		db,
		page.items.map((b) => b.id)
	);
	return { items: page.items.map((b) => toBodyOut(b, rel)), nextCursor: page.nextCursor };
}

export async function getBodyOut(db: DbOrTx, id: string): Promise<BodyOut> {
	const [row] = await db
		.select()
		.from(bodies)
		.where(and(eq(bodies.id, id), isNull(bodies.archivedAt)));
	if (!row) throw notFound('Orgaan niet gevonden.');
	return toBodyOut(row, await relationsOf(db, [row.id]));
}

function toBodyOut(b: BodyRow, rel: Awaited<ReturnType<typeof relationsOf>>): BodyOut {
	return {
		id: b.id,
		slug: b.slug,
		kind: b.kind,
		name: b.name,
		purpose: b.purpose,
		regionId: b.regionId,
		partOfId: b.partOfId,
		links: rel.links
			.filter((l) => l.fromBodyId === b.id)
			.map((l) => ({ kind: l.kind, toBodyId: l.toBodyId })),
		policyDomains: rel.domains.filter((d) => d.bodyId === b.id).map((d) => d.domain.slug),
		participants: rel.parts
			.filter((p) => p.bodyId === b.id)
			.map((p) => ({ organisationId: p.organisationId, seatType: p.seatType }))
	};
}

export type BodyNode = BodyRow & {
	children: BodyNode[];
	reportsTo: { id: string; slug: string; name: BodyRow['name'] }[];
	advises: { id: string; slug: string; name: BodyRow['name'] }[];
	domains: (typeof policyDomains.$inferSelect)[];
};

/** The bodies of a region as a tree (part-of), each with its reporting and advice lines. */
export async function regionBodyTree(db: DbOrTx, regionId: string): Promise<BodyNode[]> {
	return (await regionBodyTrees(db, [regionId])).get(regionId) ?? [];
}

/** The body trees of several regions at once, in a fixed number of queries. */
export async function regionBodyTrees(
	db: DbOrTx,
	regionIds: string[]
): Promise<Map<string, BodyNode[]>> {
	const trees = new Map<string, BodyNode[]>(regionIds.map((id) => [id, []]));
	if (regionIds.length === 0) return trees;
	const rows = await db
		.select()
		.from(bodies)
		.where(and(inArray(bodies.regionId, regionIds), isNull(bodies.archivedAt)))
		.orderBy(asc(bodies.position), asc(bodies.slug));
	const rel = await relationsOf(
		db,
		rows.map((b) => b.id)
	);
	const byId = new Map<string, BodyNode>(
		rows.map((b) => [b.id, { ...b, children: [], reportsTo: [], advises: [], domains: [] }])
	);
	for (const l of rel.links) {
		const from = byId.get(l.fromBodyId);
		const to = byId.get(l.toBodyId);
		if (!from || !to) continue;
		const ref = { id: to.id, slug: to.slug, name: to.name };
		(l.kind === 'reports_to' ? from.reportsTo : from.advises).push(ref);
	}
	for (const d of rel.domains) byId.get(d.bodyId)?.domains.push(d.domain);
	for (const node of byId.values()) {
		const parent = node.partOfId ? byId.get(node.partOfId) : undefined;
		if (parent) parent.children.push(node);
		else trees.get(node.regionId!)?.push(node);
	}
	return trees;
}

/** Everything the public body page shows, in a fixed number of queries. */
export async function getBodyPage(db: DbOrTx, slug: string, on = today()) {
	const parent = alias(bodies, 'parent');
	const [row] = await db
		.select({ body: bodies, region: areas, parent, organiser: organisations })
		.from(bodies)
		.leftJoin(areas, eq(areas.id, bodies.regionId))
		.leftJoin(parent, eq(parent.id, bodies.partOfId))
		.leftJoin(organisations, eq(organisations.id, bodies.organiserId))
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!row) throw notFound('Orgaan niet gevonden.');
	const id = row.body.id;
	const other = alias(bodies, 'other');

	const [parts, links, participantRows, domains, members] = await Promise.all([
		db
			.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, kind: bodies.kind })
			.from(bodies)
			.where(and(eq(bodies.partOfId, id), isNull(bodies.archivedAt)))
			.orderBy(asc(bodies.position)),
		db
			.select({ link: bodyLinks, other: { id: other.id, slug: other.slug, name: other.name } })
			.from(bodyLinks)
			.innerJoin(
				other,
				or(
					and(eq(bodyLinks.fromBodyId, id), eq(other.id, bodyLinks.toBodyId)),
					and(eq(bodyLinks.toBodyId, id), eq(other.id, bodyLinks.fromBodyId))
				)
			),
		db
			.select({ participant: participants, organisation: organisations })
			.from(participants)
			.innerJoin(organisations, eq(organisations.id, participants.organisationId))
			.where(
				and(eq(participants.bodyId, id), activeOn(participants.startOn, participants.endOn, on))
			),
		db
			.select({ domain: policyDomains })
			.from(bodyPolicyDomains)
			.innerJoin(policyDomains, eq(policyDomains.id, bodyPolicyDomains.policyDomainId))
			.where(eq(bodyPolicyDomains.bodyId, id))
			.orderBy(asc(policyDomains.position)),
		// Only members whose names may be shown publicly, and only their public fields.
		db
			.select({
				id: memberships.id,
				role: memberships.role,
				givenName: people.givenName,
				familyName: people.familyName,
				organisation: { slug: organisations.slug, name: organisations.name }
			})
			.from(memberships)
			.innerJoin(people, eq(people.id, memberships.personId))
			.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
			.where(
				and(
					eq(memberships.bodyId, id),
					eq(memberships.publicName, true),
					// An anonymised person has no name left to show.
					isNull(people.anonymisedAt),
					activeOn(memberships.startOn, memberships.endOn, on)
				)
			)
	]);
	const linked = (kind: 'reports_to' | 'advises', outgoing: boolean) =>
		links
			.filter(
				(l) =>
					l.link.kind === kind && (outgoing ? l.link.fromBodyId === id : l.link.toBodyId === id)
			)
			.map((l) => l.other);
	const roleOrder = [
		'chair',
		'vice_chair',
		'secretary',
		'member',
		'expert',
		'observer',
		'support',
		'editor'
	];
	return {
		body: row.body,
		region: row.region,
		partOf: row.parent,
		organiser: row.organiser,
		parts,
		reportsTo: linked('reports_to', true),
		reportedBy: linked('reports_to', false),
		advises: linked('advises', true),
		advisedBy: linked('advises', false),
		participants: participantRows.sort(
			(a, b) =>
				kindRank(a.organisation.kind) - kindRank(b.organisation.kind) ||
				a.organisation.name.nl.localeCompare(b.organisation.name.nl, 'nl')
		),
		domains: domains.map((d) => d.domain),
		members: members.sort(
			(a, b) =>
				roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) ||
				a.familyName.localeCompare(b.familyName, 'nl')
		)
	};
}

const kindOrder = [
	'municipality',
	'province',
	'union',
	'employers_organisation',
	'agency',
	'knowledge_institution',
	'intermunicipal_association',
	'government',
	'parliament',
	'other'
];
const kindRank = (kind: string) => kindOrder.indexOf(kind);
