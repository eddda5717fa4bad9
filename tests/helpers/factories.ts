/**
 * Test factories: each builds rows through the schema and returns what it made.
 * Everything they create is flagged as example data.
 */
import type { Db } from '../../src/lib/server/db';
import {
	bodies,
	memberships,
	organisations,
	participants,
	people
} from '../../src/lib/server/db/schema';

let n = 0;
const next = () => ++n;

export async function buildOrganisation(
	db: Db,
	overrides: Partial<typeof organisations.$inferInsert> = {}
) {
	const i = next();
	const [row] = await db
		.insert(organisations)
		.values({
			slug: `testorganisatie-${i}`,
			kind: 'other',
			name: { nl: `Testorganisatie ${i}` },
			isExample: true,
			...overrides
		})
		.returning();
	return row;
}

export async function buildBody(db: Db, overrides: Partial<typeof bodies.$inferInsert> = {}) {
	const i = next();
	const [row] = await db
		.insert(bodies)
		.values({
			slug: `testorgaan-${i}`,
			kind: 'working_group',
			name: { nl: `Testorgaan ${i}` },
			isExample: true,
			...overrides
		})
		.returning();
	return row;
}

export async function buildParticipant(db: Db, values: { bodyId: string; organisationId: string }) {
	const [row] = await db
		.insert(participants)
		.values({ ...values, isExample: true })
		.returning();
	return row;
}

export async function buildMembership(
	db: Db,
	values: { bodyId: string } & Partial<typeof memberships.$inferInsert> & {
			givenName?: string;
			familyName?: string;
		}
) {
	const i = next();
	const { givenName, familyName, ...membership } = values;
	const [person] = await db
		.insert(people)
		.values({
			givenName: givenName ?? `Voornaam${i}`,
			familyName: familyName ?? `Familienaam${i}`,
			isExample: true
		})
		.returning();
	const [row] = await db
		.insert(memberships)
		.values({ personId: person.id, isExample: true, ...membership })
		.returning();
	return { person, membership: row };
}
