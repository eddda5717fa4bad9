import { and, asc, eq, gt, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { today } from '../clock';
import type { DbOrTx } from '../db';
import { areas, bodies, organisations, participants, regionMembers } from '../db/schema';
import { notFound } from '../errors';
import { decodeCursor, toPage } from '../pagination';
import type { z } from 'zod';
import type { areaListQuery, AreaOut } from './areas.schema';

const areaColumns = {
	id: areas.id,
	level: areas.level,
	nisCode: areas.nisCode,
	slug: areas.slug,
	name: areas.name,
	parentId: areas.parentId,
	validFrom: areas.validFrom,
	validTo: areas.validTo,
	successorId: areas.successorId
};

/** Areas that exist on `on`: started on or before it, and not ended before it. */
const currentOn = (on: string) =>
	and(
		or(isNull(areas.validFrom), lte(areas.validFrom, on)),
		or(isNull(areas.validTo), gte(areas.validTo, on))
	);

export async function listAreas(db: DbOrTx, query: z.infer<typeof areaListQuery>) {
	const after = decodeCursor(query.cursor);
	const where: SQL[] = [];
	if (after) where.push(gt(areas.id, after));
	if (query.level) where.push(eq(areas.level, query.level));
	const rows = await db
		.select(areaColumns)
		.from(areas)
		.where(and(...where))
		.orderBy(asc(areas.id))
		.limit(query.limit + 1);
	return toPage<AreaOut>(rows, query.limit);
}

export async function getArea(db: DbOrTx, id: string): Promise<AreaOut> {
	const [row] = await db.select(areaColumns).from(areas).where(eq(areas.id, id));
	if (!row) throw notFound('Gebied niet gevonden.');
	return row;
}

/** Platform regions with their number of current municipalities. */
export async function listRegions(db: DbOrTx, on = today()) {
	const regionRows = await db
		.select()
		.from(areas)
		.where(eq(areas.level, 'regio'))
		.orderBy(asc(areas.slug));
	const members = await db
		.select({ regionId: regionMembers.regionId, areaId: areas.id })
		.from(regionMembers)
		.innerJoin(areas, eq(areas.id, regionMembers.areaId))
		.where(and(eq(areas.level, 'gemeente'), currentOn(on)));
	return regionRows.map((r) => ({
		...r,
		municipalityCount: members.filter((m) => m.regionId === r.id).length
	}));
}

/** The current municipalities of a region, by name. */
export async function regionMunicipalities(db: DbOrTx, regionId: string, on = today()) {
	const rows = await db
		.select(areaColumns)
		.from(regionMembers)
		.innerJoin(areas, eq(areas.id, regionMembers.areaId))
		.where(and(eq(regionMembers.regionId, regionId), eq(areas.level, 'gemeente'), currentOn(on)));
	return rows.sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl'));
}

export async function getRegionBySlug(db: DbOrTx, slug: string) {
	const [region] = await db
		.select()
		.from(areas)
		.where(and(eq(areas.level, 'regio'), eq(areas.slug, slug)));
	if (!region) throw notFound('Regio niet gevonden.');
	return region;
}

/** Everything the public municipality page shows, in a fixed number of queries. */
export async function getMunicipalityPage(db: DbOrTx, nisCode: string) {
	const parent = alias(areas, 'parent');
	const successor = alias(areas, 'successor');
	const [row] = await db
		.select({ area: areas, parent, successor })
		.from(areas)
		.leftJoin(parent, eq(parent.id, areas.parentId))
		.leftJoin(successor, eq(successor.id, areas.successorId))
		.where(and(eq(areas.level, 'gemeente'), eq(areas.nisCode, nisCode)));
	if (!row) throw notFound('Gemeente niet gevonden.');
	const area = row.area;

	const predecessors = await db
		.select(areaColumns)
		.from(areas)
		.where(eq(areas.successorId, area.id))
		.orderBy(asc(areas.slug));
	const regionRows = await db
		.select({ id: areas.id, slug: areas.slug, name: areas.name })
		.from(regionMembers)
		.innerJoin(areas, eq(areas.id, regionMembers.regionId))
		.where(eq(regionMembers.areaId, area.id));
	const organisationRows = await db
		.select()
		.from(organisations)
		.where(eq(organisations.areaId, area.id));
	const orgIds = organisationRows.map((o) => o.id);
	const bodyRows = orgIds.length
		? await db
				.selectDistinct({
					id: bodies.id,
					slug: bodies.slug,
					name: bodies.name,
					kind: bodies.kind,
					position: bodies.position
				})
				.from(participants)
				.innerJoin(bodies, eq(bodies.id, participants.bodyId))
				.where(and(inArray(participants.organisationId, orgIds), isNull(bodies.archivedAt)))
				.orderBy(asc(bodies.position))
		: [];
	return {
		area,
		arrondissement: row.parent,
		successor: row.successor,
		predecessors,
		regions: regionRows,
		organisation: organisationRows[0] ?? null,
		bodies: bodyRows
	};
}
