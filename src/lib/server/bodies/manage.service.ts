/**
 * What the workspace pages of one body need to manage it: participants, memberships with their
 * ids, the options of the forms, and the data of the renewal form. Queries only.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { areas, bodies, organisations, participants, people } from '../db/schema';
import { notFound } from '../errors';
import { authorize, can } from '../policy';
import { organisationOptions } from '../organisations/organisations.service';
import { renewalCandidates } from './renewal.service';
import { bodyFormOptions, getBodyForEdit } from './structure.service';
import { getBodyWorkspace } from './workspace.service';

/** The existing body page plus what its managers need. */
export async function getBodyManagement(ctx: ServiceContext, slug: string) {
	const view = await getBodyWorkspace(ctx, slug);
	const bodyId = view.body.id;
	const participantRows = await ctx.db
		.select({
			id: participants.id,
			seatType: participants.seatType,
			startOn: participants.startOn,
			endOn: participants.endOn,
			organisation: organisations.name
		})
		.from(participants)
		.innerJoin(organisations, eq(organisations.id, participants.organisationId))
		.where(eq(participants.bodyId, bodyId))
		.orderBy(sql`${organisations.name}->>'nl'`);
	const manage = view.can.manage;
	const structure = can(ctx.principal, 'structure:manage');
	return {
		...view,
		participants: participantRows,
		can: { ...view.can, structure },
		options: manage
			? {
					organisations: await organisationOptions(ctx.db),
					people: await ctx.db
						.select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
						.from(people)
						.where(isNull(people.anonymisedAt))
						.orderBy(asc(people.familyName), asc(people.givenName))
						.limit(2000)
				}
			: null,
		edit: structure ? await getBodyForEdit(ctx, bodyId) : null,
		formOptions: structure ? await bodyFormOptions(ctx.db) : null
	};
}

/** Step 1 of the renewal of one body: the memberships that run on the end date. */
export async function getRenewalForm(ctx: ServiceContext, slug: string, endOn: string) {
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: body.id }, ctx.requestId);
	return {
		body,
		candidates: await renewalCandidates(ctx, { bodyId: body.id }, endOn),
		organisations: await organisationOptions(ctx.db)
	};
}

/** Step 1 of the renewal of every body of a region (staff). */
export async function getRegionRenewalForm(ctx: ServiceContext, slug: string, endOn: string) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const [region] = await ctx.db
		.select({ id: areas.id, slug: areas.slug, name: areas.name })
		.from(areas)
		.where(and(eq(areas.level, 'regio'), eq(areas.slug, slug)));
	if (!region) throw notFound('Regio niet gevonden.');
	return {
		region,
		bodies: await ctx.db
			.select({ id: bodies.id, name: bodies.name })
			.from(bodies)
			.where(and(eq(bodies.regionId, region.id), isNull(bodies.archivedAt)))
			.orderBy(sql`${bodies.name}->>'nl'`),
		candidates: await renewalCandidates(ctx, { regionId: region.id }, endOn),
		organisations: await organisationOptions(ctx.db)
	};
}
