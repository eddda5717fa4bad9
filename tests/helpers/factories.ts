/**
 * Test factories: each builds rows through the schema and returns what it made.
 * Everything they create is flagged as example data.
 */
import type { Db } from '../../src/lib/server/db';
import {
	agendaItems,
	bodies,
	meetings,
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

/**
 * A meeting of a body with agenda items (rows inserted directly, status as given). Returns the
 * rows it made. Times default to tomorrow 14:00–16:00 UTC.
 */
export async function buildMeeting(
	db: Db,
	values: { bodyId: string } & Partial<typeof meetings.$inferInsert> & {
			items?: Partial<typeof agendaItems.$inferInsert>[];
		}
) {
	const { items = [], ...meeting } = values;
	const start = new Date(Date.now() + 24 * 3600_000);
	start.setUTCHours(14, 0, 0, 0);
	const [row] = await db
		.insert(meetings)
		.values({
			startsAt: start,
			endsAt: new Date(start.getTime() + 2 * 3600_000),
			isPublic: true,
			isExample: true,
			...meeting
		})
		.returning();
	const made = items.length
		? await db
				.insert(agendaItems)
				.values(
					items.map((item, i) => ({
						title: `Agendapunt ${i + 1}`,
						position: i,
						isPublic: true,
						isExample: true,
						...item,
						meetingId: row.id
					}))
				)
				.returning()
		: [];
	return { meeting: row, items: made };
}
