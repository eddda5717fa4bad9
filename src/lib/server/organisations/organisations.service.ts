import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { areas, bodies, organisations, participants } from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { decodeCursor, toPage } from '../pagination';
import {
	organisationInput,
	organisationPatch,
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
