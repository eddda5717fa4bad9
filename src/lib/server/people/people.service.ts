/**
 * People in the structure: the staff's list (search by name or e-mail, filter by the
 * organisation they represent), create, update, and a person's full history across bodies.
 */
import { and, asc, count, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import { bodies, memberships, organisations, people } from '../db/schema';
import { invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';
import { organisationOptions } from '../organisations/organisations.service';
import { peopleQuery, personInput } from './people.schema';

const escapeLike = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

/** One page of people, by family name, with the total for the pager. */
export async function listPeople(ctx: ServiceContext, query: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = peopleQuery.safeParse(query);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige filter.');
	const q = parsed.data;
	const where: SQL[] = [];
	if (q.q) {
		const like = escapeLike(q.q);
		where.push(
			or(
				ilike(sql`${people.givenName} || ' ' || ${people.familyName}`, like),
				ilike(sql`${people.familyName} || ' ' || ${people.givenName}`, like),
				ilike(people.email, like)
			)!
		);
	}
	if (q.organisationId) {
		where.push(
			exists(
				ctx.db
					.select({ one: sql`1` })
					.from(memberships)
					.where(
						and(
							eq(memberships.personId, people.id),
							eq(memberships.organisationId, q.organisationId)
						)
					)
			)
		);
	}
	const condition = where.length ? and(...where) : undefined;
	const [rows, [total]] = await Promise.all([
		ctx.db
			.select({
				id: people.id,
				givenName: people.givenName,
				familyName: people.familyName,
				email: people.email,
				anonymisedAt: people.anonymisedAt
			})
			.from(people)
			.where(condition)
			.orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
			.limit(q.limit)
			.offset((q.page - 1) * q.limit),
		ctx.db.select({ n: count() }).from(people).where(condition)
	]);
	return {
		items: rows,
		total: total.n,
		page: q.page,
		pages: Math.max(1, Math.ceil(total.n / q.limit)),
		query: q
	};
}

export async function createPerson(ctx: ServiceContext, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = personInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return mutate(ctx, async (tx) => {
		const [row] = await tx.insert(people).values(parsed.data).returning();
		return {
			result: row,
			audit: {
				action: 'person.create',
				recordType: 'person',
				recordId: row.id,
				changes: diff(undefined, row)
			}
		};
	});
}

export async function updatePerson(ctx: ServiceContext, id: string, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Persoon niet gevonden.');
	const parsed = personInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(people).where(eq(people.id, id));
		if (!before) throw notFound('Persoon niet gevonden.');
		const [after] = await tx
			.update(people)
			.set({ email: null, phone: null, ...parsed.data })
			.where(eq(people.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: 'person.update',
				recordType: 'person',
				recordId: id,
				changes: diff(before, after)
			}
		};
	});
}

/** A person and every membership they ever had (ended ones too), with body and organisation. */
export async function getPersonHistory(ctx: ServiceContext, id: string) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!isUuid(id)) throw notFound('Persoon niet gevonden.');
	const [person] = await ctx.db.select().from(people).where(eq(people.id, id));
	if (!person) throw notFound('Persoon niet gevonden.');
	const history = await ctx.db
		.select({
			id: memberships.id,
			role: memberships.role,
			startOn: memberships.startOn,
			endOn: memberships.endOn,
			publicName: memberships.publicName,
			publicNameConsentAt: memberships.publicNameConsentAt,
			body: { id: bodies.id, slug: bodies.slug, name: bodies.name, archivedAt: bodies.archivedAt },
			organisation: { id: organisations.id, slug: organisations.slug, name: organisations.name }
		})
		.from(memberships)
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(eq(memberships.personId, id))
		.orderBy(desc(sql`coalesce(${memberships.startOn}, '0001-01-01')`), asc(memberships.id));
	return { person, history };
}

/** The people list with the organisations of its filter (one call for the page). */
export async function peoplePage(ctx: ServiceContext, query: unknown) {
	const list = await listPeople(ctx, query);
	return { list, organisations: await organisationOptions(ctx.db) };
}
