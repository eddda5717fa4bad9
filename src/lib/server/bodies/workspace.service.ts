/**
 * The workspace view of a body: its closed data (every member, with contact details) for those
 * who may read it — members of that body and staff. A member of another body gets 403.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { bodies, memberships, organisations, people } from '../db/schema';
import { notFound } from '../errors';
import { authorize, can } from '../policy';

export async function getBodyWorkspace(ctx: ServiceContext, slug: string) {
	const [body] = await ctx.db
		.select()
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:read_closed', { bodyId: body.id }, ctx.requestId);
	const members = await ctx.db
		.select({
			id: memberships.id,
			role: memberships.role,
			startOn: memberships.startOn,
			endOn: memberships.endOn,
			publicName: memberships.publicName,
			givenName: people.givenName,
			familyName: people.familyName,
			email: people.email,
			organisation: organisations.name
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.bodyId, body.id))
		.orderBy(asc(people.familyName), asc(people.givenName));
	return {
		body,
		members,
		can: {
			manage: can(ctx.principal, 'body:manage', { bodyId: body.id }),
			editContent: can(ctx.principal, 'body:edit_content', { bodyId: body.id })
		}
	};
}

/** The bodies the user has a role in, for the workspace start page. */
export async function myBodies(ctx: ServiceContext) {
	if (ctx.principal.kind !== 'user') return [];
	const roles = ctx.principal.bodyRoles;
	const ids = Object.keys(roles);
	if (ids.length === 0) return [];
	const rows = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, kind: bodies.kind })
		.from(bodies)
		.where(and(inArray(bodies.id, ids), isNull(bodies.archivedAt)))
		.orderBy(asc(bodies.position));
	return rows.map((b) => ({ ...b, roles: roles[b.id] ?? [] }));
}
