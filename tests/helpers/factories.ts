/**
 * Test factories: each builds rows through the schema and returns what it made.
 * Everything they create is flagged as example data.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import {
	agendaItemPolicyDomains,
	agendaItems,
	attendance,
	auditEvents,
	bodies,
	decisionCounters,
	decisions,
	meetingInvitations,
	meetingReplies,
	meetings,
	memberships,
	organisations,
	participants,
	people,
	standingItems,
	users
} from '../../src/lib/server/db/schema';
import type { Principal } from '../../src/lib/server/policy';

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

/**
 * A member who can log in: a user, the person linked to it (people.userId) and a membership.
 * Returns the rows and the Principal the hook would build for that user.
 */
export async function buildMemberUser(
	db: Db,
	values: {
		bodyId: string;
		role?: (typeof memberships.$inferInsert)['role'];
		/** The person's own address (invitations prefer it over the user's). */
		personEmail?: string;
		mailPreferences?: Record<string, boolean>;
		platformRole?: (typeof users.$inferInsert)['role'];
	} & Partial<Pick<typeof memberships.$inferInsert, 'startOn' | 'endOn'>>
) {
	const i = next();
	const [user] = await db
		.insert(users)
		.values({
			email: `lid-${i}-${crypto.randomUUID().slice(0, 8)}@voorbeeld.test`,
			name: `Lid ${i}`,
			role: values.platformRole ?? 'user',
			mailPreferences: values.mailPreferences ?? {}
		})
		.returning();
	const [person] = await db
		.insert(people)
		.values({
			givenName: `Lid${i}`,
			familyName: `Gebruiker${i}`,
			email: values.personEmail ?? null,
			userId: user.id,
			isExample: true
		})
		.returning();
	const role = values.role ?? 'member';
	const [membership] = await db
		.insert(memberships)
		.values({
			personId: person.id,
			bodyId: values.bodyId,
			role,
			startOn: values.startOn,
			endOn: values.endOn,
			isExample: true
		})
		.returning();
	const principal: Principal = {
		kind: 'user',
		userId: user.id,
		name: user.name,
		email: user.email,
		role: user.role,
		bodyRoles: { [values.bodyId]: [role] }
	};
	return { user, person, membership, principal };
}

/** Row counts of the meetings tables and the audit trail: "nothing changed" in one value. */
export async function meetingCounts(db: Db) {
	const tables = {
		meetings,
		agendaItems,
		agendaItemPolicyDomains,
		standingItems,
		meetingReplies,
		attendance,
		meetingInvitations,
		decisions,
		decisionCounters,
		auditEvents
	};
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		const [row] = await db.select({ n: count() }).from(table);
		out[name] = row.n;
	}
	return out as Record<keyof typeof tables, number>;
}
