/**
 * The public memberships of bodies: people who agreed that their name is shown in public, not
 * anonymised, in a term that runs today — the rule of a body's public page (bodies.service.ts
 * getBodyPage). The API (/api/v1/bodies/{id}/memberships) and the open-data ZIP read them here.
 */
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { today } from '../clock';
import type { DbOrTx } from '../db';
import { bodies, membershipRoles, memberships, organisations, people } from '../db/schema';
import { notFound } from '../errors';

export const publicMembershipOut = z
	.object({
		id: z.uuid(),
		bodyId: z.uuid(),
		bodySlug: z.string(),
		role: z.enum(membershipRoles),
		givenName: z.string(),
		familyName: z.string(),
		organisationId: z.uuid().nullable().meta({ description: 'The organisation represented.' }),
		organisationSlug: z.string().nullable(),
		startOn: z.string().nullable().meta({ description: 'First day of the term (YYYY-MM-DD).' }),
		endOn: z.string().nullable().meta({ description: 'Last day of the term, null if open.' }),
		isExample: z.boolean()
	})
	.meta({ id: 'PublicMembership' });

export const publicMembershipListOut = z
	.object({ items: z.array(publicMembershipOut) })
	.meta({ id: 'PublicMembershipList' });

/** Public memberships of every body that is not archived, or of one. */
export async function publicMemberships(
	db: DbOrTx,
	opts: { bodyId?: string; on?: string } = {}
): Promise<z.infer<typeof publicMembershipOut>[]> {
	const on = opts.on ?? today();
	return db
		.select({
			id: memberships.id,
			bodyId: bodies.id,
			bodySlug: bodies.slug,
			role: memberships.role,
			givenName: people.givenName,
			familyName: people.familyName,
			organisationId: organisations.id,
			organisationSlug: organisations.slug,
			startOn: memberships.startOn,
			endOn: memberships.endOn,
			isExample: memberships.isExample
		})
		.from(memberships)
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.innerJoin(people, eq(people.id, memberships.personId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(
				opts.bodyId ? eq(bodies.id, opts.bodyId) : undefined,
				isNull(bodies.archivedAt),
				eq(memberships.publicName, true),
				// An anonymised person has no name left to show.
				isNull(people.anonymisedAt),
				or(isNull(memberships.startOn), lte(memberships.startOn, on)),
				or(isNull(memberships.endOn), gte(memberships.endOn, on))
			)
		)
		.orderBy(asc(bodies.slug), asc(people.familyName), asc(memberships.id));
}

/** GET /api/v1/bodies/{id}/memberships: a body that is not archived, else 404. */
export async function listBodyMembershipsOut(db: DbOrTx, bodyId: string) {
	const [body] = await db
		.select({ id: bodies.id })
		.from(bodies)
		.where(and(eq(bodies.id, bodyId), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return { items: await publicMemberships(db, { bodyId }) };
}
