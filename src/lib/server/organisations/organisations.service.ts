import { and, asc, desc, eq, gt, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { areas, bodies, memberships, organisations, participants, people } from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';
import { decodeCursor, toPage } from '../pagination';
import {
	organisationInput,
	organisationPatch,
	organisationWorkspaceQuery,
	type organisationListQuery,
	type OrganisationOut
} from './organisations.schema';

const outColumns = {
	id: organisations.id,
	slug: organisations.slug,
	kind: organisations.kind,
	name: organisations.name,
	shortName: organisations.shortName,
	areaId: organisations.areaId,
	website: organisations.website
};

export async function listOrganisations(db: DbOrTx, query: z.infer<typeof organisationListQuery>) {
	const after = decodeCursor(query.cursor);
	const where: SQL[] = [isNull(organisations.archivedAt)];
	if (after) where.push(gt(organisations.id, after));
	if (query.kind) where.push(eq(organisations.kind, query.kind));
	const rows = await db
		.select(outColumns)
		.from(organisations)
		.where(and(...where))
		.orderBy(asc(organisations.id))
		.limit(query.limit + 1);
	return toPage<OrganisationOut>(rows, query.limit);
}

/** Every current organisation as id + name, sorted by Dutch name (for select lists). */
export async function organisationOptions(db: DbOrTx) {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(isNull(organisations.archivedAt))
		.orderBy(sql`${organisations.name}->>'nl'`, asc(organisations.id));
}

export async function getOrganisationOut(db: DbOrTx, id: string): Promise<OrganisationOut> {
	const [row] = await db
		.select(outColumns)
		.from(organisations)
		.where(and(eq(organisations.id, id), isNull(organisations.archivedAt)));
	if (!row) throw notFound('Organisatie niet gevonden.');
	return row;
}

/** The public organisation page: the organisation, its area and the bodies it takes part in. */
export async function getOrganisationPage(db: DbOrTx, slug: string) {
	const [row] = await db
		.select({ organisation: organisations, area: areas })
		.from(organisations)
		.leftJoin(areas, eq(areas.id, organisations.areaId))
		.where(eq(organisations.slug, slug));
	if (!row) throw notFound('Organisatie niet gevonden.');
	const bodyRows = await db
		.select({
			id: bodies.id,
			slug: bodies.slug,
			name: bodies.name,
			kind: bodies.kind,
			seatType: participants.seatType
		})
		.from(participants)
		.innerJoin(bodies, eq(bodies.id, participants.bodyId))
		.where(and(eq(participants.organisationId, row.organisation.id), isNull(bodies.archivedAt)))
		.orderBy(asc(bodies.position));
	return { ...row, bodies: bodyRows };
}

async function assertSlugFree(db: DbOrTx, slug: string, exceptId?: string) {
	const [taken] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.slug, slug));
	if (taken && taken.id !== exceptId) {
		throw new AppError('conflict', 'Deze slug is al in gebruik.', {
			slug: ['Deze slug is al in gebruik door een andere organisatie.']
		});
	}
}

export async function createOrganisation(ctx: ServiceContext, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = organisationInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	return mutate(ctx, async (tx) => {
		await assertSlugFree(tx, data.slug);
		const [created] = await tx.insert(organisations).values(data).returning();
		return {
			result: created,
			audit: {
				action: 'organisation.create',
				recordType: 'organisation',
				recordId: created.id,
				changes: diff(undefined, data)
			}
		};
	});
}

export async function updateOrganisation(ctx: ServiceContext, id: string, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Organisatie niet gevonden.');
	const parsed = organisationPatch.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
		if (!before) throw notFound('Organisatie niet gevonden.');
		if (data.slug) await assertSlugFree(tx, data.slug, id);
		const [after] = await tx
			.update(organisations)
			.set(data)
			.where(eq(organisations.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: 'organisation.update',
				recordType: 'organisation',
				recordId: id,
				changes: diff(before, after)
			}
		};
	});
}

/** The workspace list: search by name, short name or slug, filter by kind, archived on request. */
export async function listOrganisationsForWorkspace(ctx: ServiceContext, query: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = organisationWorkspaceQuery.safeParse(query);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige filter.');
	const q = parsed.data;
	const where: SQL[] = [
		q.archived ? isNotNull(organisations.archivedAt) : isNull(organisations.archivedAt)
	];
	if (q.kind) where.push(eq(organisations.kind, q.kind));
	if (q.q) {
		const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
		where.push(
			or(
				ilike(sql`${organisations.name}->>'nl'`, like),
				ilike(organisations.shortName, like),
				ilike(organisations.slug, like)
			)!
		);
	}
	const items = await ctx.db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			kind: organisations.kind,
			name: organisations.name,
			shortName: organisations.shortName,
			archivedAt: organisations.archivedAt
		})
		.from(organisations)
		.where(and(...where))
		.orderBy(sql`${organisations.name}->>'nl'`, asc(organisations.id))
		.limit(q.limit + 1)
		.offset((q.page - 1) * q.limit);
	return { items: items.slice(0, q.limit), hasNext: items.length > q.limit, query: q };
}

/**
 * Archive an organisation (or bring it back): it leaves lists and select boxes, while its
 * participations and the memberships of those who represented it stay as history.
 */
export async function setOrganisationArchived(ctx: ServiceContext, id: string, archived: boolean) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Organisatie niet gevonden.');
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
		if (!before) throw notFound('Organisatie niet gevonden.');
		const [after] = await tx
			.update(organisations)
			.set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
			.where(eq(organisations.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: archived ? 'organisation.archive' : 'organisation.unarchive',
				recordType: 'organisation',
				recordId: id,
				changes: diff(before, after)
			}
		};
	});
}

/** An organisation (archived too), its participations in bodies and who represented it. */
export async function getOrganisationHistory(ctx: ServiceContext, id: string) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Organisatie niet gevonden.');
	const [organisation] = await ctx.db.select().from(organisations).where(eq(organisations.id, id));
	if (!organisation) throw notFound('Organisatie niet gevonden.');
	const since = sql`coalesce(${participants.startOn}, '0001-01-01')`;
	const [participations, representatives] = await Promise.all([
		ctx.db
			.select({
				id: participants.id,
				seatType: participants.seatType,
				startOn: participants.startOn,
				endOn: participants.endOn,
				body: { id: bodies.id, slug: bodies.slug, name: bodies.name }
			})
			.from(participants)
			.innerJoin(bodies, eq(bodies.id, participants.bodyId))
			.where(eq(participants.organisationId, id))
			.orderBy(desc(since), asc(participants.id)),
		ctx.db
			.select({
				id: memberships.id,
				role: memberships.role,
				startOn: memberships.startOn,
				endOn: memberships.endOn,
				person: { id: people.id, givenName: people.givenName, familyName: people.familyName },
				body: { id: bodies.id, slug: bodies.slug, name: bodies.name }
			})
			.from(memberships)
			.innerJoin(people, eq(people.id, memberships.personId))
			.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
			.where(eq(memberships.organisationId, id))
			.orderBy(desc(sql`coalesce(${memberships.startOn}, '0001-01-01')`), asc(memberships.id))
	]);
	return { organisation, participations, representatives };
}
