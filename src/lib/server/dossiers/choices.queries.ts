/**
 * What the workspace dossier pages need beside the register and the dossier (dossiers.queries.ts):
 * the choices of their forms and filters (bodies, organisations, policy domains, decisions, plan
 * items) and the few look-ups the actions make before they call the service. Read only.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	bodies,
	decisions,
	dossierAddressees,
	dossierDocuments,
	dossiers,
	meetings,
	organisations,
	planItems,
	plans,
	policyDomains
} from '../db/schema';
import { isUuid } from '../errors';
import { decisionReference } from '../meetings/decisions.service';
import { can, type Principal } from '../policy';

/** Bodies that are not archived, by name: all of them, or only those the principal runs. */
export async function bodyChoices(db: DbOrTx, principal: Principal, only: 'run' | 'read') {
	const rows = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(isNull(bodies.archivedAt))
		.orderBy(sql`${bodies.name}->>'nl'`);
	if (can(principal, 'structure:manage')) return rows;
	return rows.filter((b) =>
		only === 'run'
			? can(principal, 'body:manage', { bodyId: b.id })
			: principal.kind === 'user' && b.id in principal.bodyRoles
	);
}

/** Higher governments first: who a position is usually sent to. */
const kindOrder = sql`case ${organisations.kind} when 'government' then 0 when 'parliament' then 1 when 'province' then 2 when 'agency' then 3 else 4 end`;

/** Organisations that may be addressed, governments, parliaments, provinces and agencies first. */
export function organisationChoices(db: DbOrTx) {
	return db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			name: organisations.name,
			kind: organisations.kind
		})
		.from(organisations)
		.where(isNull(organisations.archivedAt))
		.orderBy(kindOrder, sql`${organisations.name}->>'nl'`);
}

/** The organisations some dossier is addressed to (the register's filter). */
export function addresseeChoices(db: DbOrTx) {
	return db
		.selectDistinct({ id: organisations.id, slug: organisations.slug, name: organisations.name })
		.from(dossierAddressees)
		.innerJoin(organisations, eq(organisations.id, dossierAddressees.organisationId))
		.orderBy(organisations.name, organisations.id);
}

export function policyDomainChoices(db: DbOrTx) {
	return db
		.select({ id: policyDomains.id, slug: policyDomains.slug, name: policyDomains.name })
		.from(policyDomains)
		.orderBy(asc(policyDomains.position));
}

/** An organisation by slug or id (the register's ?geadresseerde=). */
export async function organisationIdOf(db: DbOrTx, key: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(isUuid(key) ? eq(organisations.id, key.toLowerCase()) : eq(organisations.slug, key));
	return row?.id;
}

/** The decisions of a body, newest first: those a dossier of it can cite. */
export async function decisionChoices(db: DbOrTx, bodyId: string, limit = 100) {
	const rows = await db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title,
			status: decisions.status,
			startsAt: meetings.startsAt
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(eq(decisions.bodyId, bodyId))
		.orderBy(desc(meetings.startsAt), desc(decisions.number))
		.limit(limit);
	return rows.map((d) => ({ ...d, reference: decisionReference(d) }));
}

/**
 * Objectives and actions of plans a dossier can serve or be followed up by: the plans of its
 * body, or every plan (`bodyId` null, for staff).
 */
export function planItemChoices(db: DbOrTx, bodyId: string | null) {
	return db
		.select({
			id: planItems.id,
			kind: planItems.kind,
			externalId: planItems.externalId,
			title: planItems.title,
			plan: { id: plans.id, slug: plans.slug, title: plans.title }
		})
		.from(planItems)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(
			and(
				inArray(planItems.kind, ['objective', 'action']),
				bodyId ? eq(plans.bodyId, bodyId) : undefined
			)
		)
		.orderBy(asc(plans.slug), asc(planItems.externalId))
		.limit(2000);
}

/** The dossier an action works on (what it needs to authorise before reading the form). */
export async function dossierBySlug(db: DbOrTx, slug: string) {
	const [row] = await db
		.select({
			id: dossiers.id,
			slug: dossiers.slug,
			bodyId: dossiers.bodyId,
			isPublic: dossiers.isPublic,
			closedOn: dossiers.closedOn
		})
		.from(dossiers)
		.where(eq(dossiers.slug, slug));
	return row;
}

/** Whether an addressee (or a document) belongs to the dossier of the page it is posted from. */
export async function belongsToDossier(
	db: DbOrTx,
	dossierId: string,
	of: { addresseeId: string } | { documentId: string }
): Promise<boolean> {
	const id = 'addresseeId' in of ? of.addresseeId : of.documentId;
	if (!isUuid(id)) return false;
	const table = 'addresseeId' in of ? dossierAddressees : dossierDocuments;
	const [row] = await db
		.select({ id: table.id })
		.from(table)
		.where(and(eq(table.id, id.toLowerCase()), eq(table.dossierId, dossierId)));
	return !!row;
}
