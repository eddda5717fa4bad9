import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { areas, organisations, programmes } from '../db/schema';

/** Programmes with their host organisation and region. */
export async function listProgrammes(db: DbOrTx) {
	return db
		.select({ programme: programmes, organisation: organisations, region: areas })
		.from(programmes)
		.innerJoin(organisations, eq(organisations.id, programmes.organisationId))
		.leftJoin(areas, eq(areas.id, programmes.regionId))
		.orderBy(asc(programmes.slug));
}
