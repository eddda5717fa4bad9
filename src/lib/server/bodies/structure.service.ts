/**
 * Staff commands on the structure of bodies: create, edit, archive, with their links
 * (part of, reports to, advises) and policy domains. Refuses cycles: a body cannot become part
 * of itself, nor report to itself through a chain (the reporting chain carries reports up to
 * the mayors; a loop would never end). Advice may go both ways (two bodies advising each other
 * is a real pattern), only a body advising itself is refused.
 */
import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	areas,
	bodies,
	bodyLinks,
	bodyPolicyDomains,
	policyDomains,
	type BodyLinkKind
} from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { authorize } from '../policy';
import { bodyInput, bodyWorkspaceQuery, type BodyInput } from './structure.schema';

export const structureMessages = {
	partOfCycle: 'Een orgaan kan geen deel zijn van zichzelf, ook niet via zijn onderdelen.',
	reportsCycle: 'Een orgaan kan niet (via andere organen) aan zichzelf rapporteren.',
	selfAdvice: 'Een orgaan kan zichzelf niet adviseren.',
	slugTaken: 'Deze slug is al in gebruik door een ander orgaan.',
	unknownBody: 'Dit orgaan bestaat niet.',
	unknownDomain: 'Dit beleidsdomein bestaat niet.',
	unknownRegion: 'Deze regio bestaat niet.'
} as const;

function refuse(fields: Record<string, string[]>): never {
	throw new AppError('invalid_input', 'Controleer de ingevulde gegevens.', fields);
}

/** Does following part_of upwards from `start` reach `target`? (One recursive query.) */
async function partOfReaches(db: DbOrTx, start: string, target: string): Promise<boolean> {
	const result = await db.execute(sql`
		with recursive up(id) as (
			select ${start}::uuid
			union
			select b.part_of_id from bodies b join up on b.id = up.id where b.part_of_id is not null
		)
		select 1 as hit from up where id = ${target}::uuid limit 1`);
	return rowsOf(result).length > 0;
}

/** Does following `kind` links from any of `starts` reach `target`? */
async function linkReaches(
	db: DbOrTx,
	starts: string[],
	target: string,
	kind: BodyLinkKind
): Promise<boolean> {
	if (starts.length === 0) return false;
	const list = sql.join(
		starts.map((s) => sql`${s}::uuid`),
		sql`, `
	);
	const result = await db.execute(sql`
		with recursive reach(id) as (
			select unnest(array[${list}])
			union
			select l.to_body_id from body_links l join reach on l.from_body_id = reach.id
			where l.kind = ${kind}
		)
		select 1 as hit from reach where id = ${target}::uuid limit 1`);
	return rowsOf(result).length > 0;
}

function rowsOf(result: unknown): unknown[] {
	if (Array.isArray(result)) return result;
	return (result as { rows?: unknown[] }).rows ?? [];
}

async function validate(tx: Tx, data: BodyInput, selfId?: string) {
	const fields: Record<string, string[]> = {};
	const add = (f: string, m: string) => (fields[f] ??= []).push(m);
	const [taken] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, data.slug));
	if (taken && taken.id !== selfId) add('slug', structureMessages.slugTaken);
	const referenced = [
		...new Set([
			...(data.partOfId ? [data.partOfId] : []),
			...(data.reportsTo ?? []),
			...(data.advises ?? [])
		])
	];
	if (referenced.length) {
		const found = await tx
			.select({ id: bodies.id })
			.from(bodies)
			.where(inArray(bodies.id, referenced));
		const known = new Set(found.map((b) => b.id));
		if (data.partOfId && !known.has(data.partOfId)) add('partOfId', structureMessages.unknownBody);
		if ((data.reportsTo ?? []).some((id) => !known.has(id)))
			add('reportsTo', structureMessages.unknownBody);
		if ((data.advises ?? []).some((id) => !known.has(id)))
			add('advises', structureMessages.unknownBody);
	}
	if (data.policyDomainIds?.length) {
		const found = await tx
			.select({ id: policyDomains.id })
			.from(policyDomains)
			.where(inArray(policyDomains.id, data.policyDomainIds));
		if (found.length !== new Set(data.policyDomainIds).size)
			add('policyDomainIds', structureMessages.unknownDomain);
	}
	if (data.regionId) {
		const [region] = await tx
			.select({ id: areas.id })
			.from(areas)
			.where(eq(areas.id, data.regionId));
		if (!region) add('regionId', structureMessages.unknownRegion);
	}
	if (selfId) {
		if (
			data.partOfId &&
			(data.partOfId === selfId || (await partOfReaches(tx, data.partOfId, selfId)))
		)
			add('partOfId', structureMessages.partOfCycle);
		const reports = data.reportsTo ?? [];
		if (reports.includes(selfId) || (await linkReaches(tx, reports, selfId, 'reports_to')))
			add('reportsTo', structureMessages.reportsCycle);
		if ((data.advises ?? []).includes(selfId)) add('advises', structureMessages.selfAdvice);
	}
	if (Object.keys(fields).length) refuse(fields);
}

function columns(data: BodyInput) {
	return {
		slug: data.slug,
		kind: data.kind,
		name: data.name,
		shortName: data.shortName ?? null,
		purpose: data.purpose ?? null,
		regionId: data.regionId ?? null,
		partOfId: data.partOfId ?? null,
		contact: data.contact ?? null,
		quorum: data.quorum ?? null
	};
}

/** Replace the body's outgoing links and policy domains; returns them for the audit row. */
async function writeRelations(tx: Tx, bodyId: string, data: BodyInput) {
	await tx.delete(bodyLinks).where(eq(bodyLinks.fromBodyId, bodyId));
	const links = [
		...[...new Set(data.reportsTo ?? [])].map((to) => ({ kind: 'reports_to' as const, to })),
		...[...new Set(data.advises ?? [])].map((to) => ({ kind: 'advises' as const, to }))
	];
	if (links.length)
		await tx
			.insert(bodyLinks)
			.values(links.map((l) => ({ fromBodyId: bodyId, toBodyId: l.to, kind: l.kind })));
	await tx.delete(bodyPolicyDomains).where(eq(bodyPolicyDomains.bodyId, bodyId));
	const domains = [...new Set(data.policyDomainIds ?? [])];
	if (domains.length)
		await tx
			.insert(bodyPolicyDomains)
			.values(domains.map((policyDomainId) => ({ bodyId, policyDomainId })));
	return {
		reportsTo: [...new Set(data.reportsTo ?? [])].sort(),
		advises: [...new Set(data.advises ?? [])].sort(),
		policyDomainIds: domains.sort()
	};
}

async function relationsOf(db: DbOrTx, bodyId: string) {
	const [links, domains] = await Promise.all([
		db.select().from(bodyLinks).where(eq(bodyLinks.fromBodyId, bodyId)),
		db.select().from(bodyPolicyDomains).where(eq(bodyPolicyDomains.bodyId, bodyId))
	]);
	return {
		reportsTo: links
			.filter((l) => l.kind === 'reports_to')
			.map((l) => l.toBodyId)
			.sort(),
		advises: links
			.filter((l) => l.kind === 'advises')
			.map((l) => l.toBodyId)
			.sort(),
		policyDomainIds: domains.map((d) => d.policyDomainId).sort()
	};
}

function parse(input: unknown): BodyInput {
	const parsed = bodyInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return parsed.data;
}

export async function createBody(ctx: ServiceContext, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const data = parse(input);
	return mutate(ctx, async (tx) => {
		await validate(tx, data);
		const [row] = await tx.insert(bodies).values(columns(data)).returning();
		const relations = await writeRelations(tx, row.id, data);
		return {
			result: row,
			audit: {
				action: 'body.create',
				recordType: 'body',
				recordId: row.id,
				changes: diff(undefined, { ...row, ...relations })
			}
		};
	});
}

/** Replace a body's data and links (the edit form sends the whole body). */
export async function updateBody(ctx: ServiceContext, id: string, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const data = parse(input);
	return mutate(ctx, async (tx) => {
		// Serialise structure edits, so two edits cannot close a cycle together.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext('bodies:structure'))`);
		const [before] = await tx.select().from(bodies).where(eq(bodies.id, id));
		if (!before) throw notFound('Orgaan niet gevonden.');
		await validate(tx, data, id);
		const beforeRelations = await relationsOf(tx, id);
		const [after] = await tx.update(bodies).set(columns(data)).where(eq(bodies.id, id)).returning();
		const relations = await writeRelations(tx, id, data);
		return {
			result: after,
			audit: {
				action: 'body.update',
				recordType: 'body',
				recordId: id,
				changes: diff({ ...before, ...beforeRelations }, { ...after, ...relations })
			}
		};
	});
}

/** `updateBody` for the body at a workspace URL. */
export async function updateBodyBySlug(ctx: ServiceContext, slug: string, input: unknown) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const [body] = await ctx.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, slug));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return updateBody(ctx, body.id, input);
}

/** Archive (or bring back) a body: it disappears from lists and pages, its history stays. */
export async function setBodyArchived(ctx: ServiceContext, id: string, archived: boolean) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Orgaan niet gevonden.');
	return mutate(ctx, async (tx) => {
		const [before] = await tx.select().from(bodies).where(eq(bodies.id, id));
		if (!before) throw notFound('Orgaan niet gevonden.');
		const [after] = await tx
			.update(bodies)
			.set({ archivedAt: archived ? (before.archivedAt ?? new Date()) : null })
			.where(eq(bodies.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: archived ? 'body.archive' : 'body.unarchive',
				recordType: 'body',
				recordId: id,
				changes: diff(before, after)
			}
		};
	});
}

/** The workspace list of bodies: search by name or slug, per region, archived on request. */
export async function listBodiesForWorkspace(
	ctx: ServiceContext,
	query: { q?: string; regionId?: string; archived?: boolean }
) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const where: SQL[] = [query.archived ? isNotNull(bodies.archivedAt) : isNull(bodies.archivedAt)];
	if (query.regionId) where.push(eq(bodies.regionId, query.regionId));
	if (query.q) {
		const like = `%${query.q.replace(/[%_\\]/g, '\\$&')}%`;
		where.push(or(ilike(sql`${bodies.name}->>'nl'`, like), ilike(bodies.slug, like))!);
	}
	return ctx.db
		.select({
			id: bodies.id,
			slug: bodies.slug,
			kind: bodies.kind,
			name: bodies.name,
			regionId: bodies.regionId,
			archivedAt: bodies.archivedAt
		})
		.from(bodies)
		.where(and(...where))
		.orderBy(asc(bodies.regionId), asc(bodies.position), sql`${bodies.name}->>'nl'`)
		.limit(500);
}

/** A body with its links and domains, as the edit form needs it. */
export async function getBodyForEdit(ctx: ServiceContext, id: string) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const [body] = await ctx.db.select().from(bodies).where(eq(bodies.id, id));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return { body, ...(await relationsOf(ctx.db, id)) };
}

/** Options for the body form: bodies, regions (platform regions), policy domains. */
export async function bodyFormOptions(db: DbOrTx) {
	const [bodyRows, regionRows, domainRows] = await Promise.all([
		db
			.select({ id: bodies.id, name: bodies.name })
			.from(bodies)
			.where(isNull(bodies.archivedAt))
			.orderBy(sql`${bodies.name}->>'nl'`),
		db
			.select({ id: areas.id, name: areas.name })
			.from(areas)
			.where(eq(areas.level, 'regio'))
			.orderBy(asc(areas.slug)),
		db
			.select({ id: policyDomains.id, name: policyDomains.name })
			.from(policyDomains)
			.orderBy(asc(policyDomains.position))
	]);
	return { bodies: bodyRows, regions: regionRows, policyDomains: domainRows };
}

/** The /beheer/organen page: the filtered list and the regions to filter on. */
export async function bodiesWorkspacePage(ctx: ServiceContext, query: unknown) {
	const parsed = bodyWorkspaceQuery.safeParse(query);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige filter.');
	const items = await listBodiesForWorkspace(ctx, parsed.data);
	const regions = await ctx.db
		.select({ id: areas.id, slug: areas.slug, name: areas.name })
		.from(areas)
		.where(eq(areas.level, 'regio'))
		.orderBy(asc(areas.slug));
	return { items, regions, query: parsed.data };
}
