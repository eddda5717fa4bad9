/**
 * Mandate renewal: after elections (or at any term end), for one body or every body of a
 * region: end every membership that runs on the end date, carry over those who stay (a new
 * membership from the next day with the same role, organisation and public-name consent), add
 * newcomers (existing or new people).
 *
 * `previewRenewal` runs exactly the code of `applyRenewal` in a transaction that is rolled back,
 * so the preview is what applying writes: same rules, same order, same result.
 */
import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { Tx } from '../db';
import {
	areas,
	bodies,
	memberships,
	organisations,
	people,
	type MembershipRole
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';
import { checkMembership, lockBody } from './memberships.service';
import { renewalInput, type RenewalInput } from './renewal.schema';

export type RenewalPlan = {
	endOn: string;
	startOn: string;
	ends: {
		membershipId: string;
		bodyId: string;
		bodyName: string;
		personName: string;
		role: MembershipRole;
		startOn: string | null;
	}[];
	carryOvers: {
		fromMembershipId: string;
		bodyId: string;
		bodyName: string;
		personId: string;
		personName: string;
		role: MembershipRole;
		organisationName: string | null;
		publicName: boolean;
	}[];
	newPeople: { row: number; givenName: string; familyName: string; email: string | null }[];
	newMemberships: {
		row: number;
		bodyId: string;
		bodyName: string;
		/** Null for a person the renewal creates. */
		personId: string | null;
		personName: string;
		role: MembershipRole;
		organisationName: string | null;
		publicName: boolean;
	}[];
};

export const renewalMessages = {
	notCurrent: 'Dit lidmaatschap loopt niet op de einddatum en kan niet worden verlengd.',
	bodyOutOfScope: 'Dit orgaan hoort niet bij deze vernieuwing.',
	noBodies: 'Deze regio heeft geen organen.'
} as const;

export function nextDay(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

/**
 * Resolve the scope (body by id or slug, or region) and authorise it BEFORE validating the rest,
 * so someone who may not renew learns nothing from validation messages.
 */
async function authorizedInput(ctx: ServiceContext, input: unknown): Promise<RenewalInput> {
	const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
	const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
	let bodyId = text(raw.bodyId);
	const slug = text(raw.bodySlug);
	if (slug) {
		const [body] = await ctx.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, slug));
		if (!body) throw notFound('Orgaan niet gevonden.');
		bodyId = body.id;
	}
	let regionId = text(raw.regionId);
	const regionSlug = text(raw.regionSlug);
	if (regionSlug) {
		const [region] = await ctx.db
			.select({ id: areas.id })
			.from(areas)
			.where(and(eq(areas.level, 'regio'), eq(areas.slug, regionSlug)));
		if (!region) throw notFound('Regio niet gevonden.');
		regionId = region.id;
	}
	if (bodyId && isUuid(bodyId)) authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	else authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = renewalInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data: RenewalInput = { ...parsed.data };
	delete data.bodySlug;
	delete data.regionSlug;
	return bodyId ? { ...data, bodyId } : regionId ? { ...data, regionId } : data;
}

const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** Compute and write the renewal inside `tx`; throws invalid_input with every bad row. */
async function execute(tx: Tx, input: RenewalInput): Promise<RenewalPlan> {
	const scopeBodies = await tx
		.select({ id: bodies.id, name: bodies.name })
		.from(bodies)
		.where(
			and(
				input.bodyId ? eq(bodies.id, input.bodyId) : eq(bodies.regionId, input.regionId!),
				isNull(bodies.archivedAt)
			)
		)
		.orderBy(asc(bodies.id));
	if (scopeBodies.length === 0) {
		if (input.bodyId) throw notFound('Orgaan niet gevonden.');
		throw new AppError('invalid_input', renewalMessages.noBodies, {
			regionId: [renewalMessages.noBodies]
		});
	}
	// Same order everywhere (by id), so two renewals cannot deadlock.
	for (const b of scopeBodies) await lockBody(tx, b.id);
	const bodyIds = scopeBodies.map((b) => b.id);
	const bodyName = new Map(scopeBodies.map((b) => [b.id, b.name.nl]));
	const endOn = input.endOn;
	const startOn = nextDay(endOn);
	const fields: Record<string, string[]> = {};
	const add = (f: string, m: string) => (fields[f] ??= []).push(m);

	const current = await tx
		.select({ membership: memberships, person: people, organisation: organisations.name })
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(
				inArray(memberships.bodyId, bodyIds),
				or(isNull(memberships.startOn), lte(memberships.startOn, endOn)),
				or(isNull(memberships.endOn), gt(memberships.endOn, endOn))
			)
		)
		.orderBy(
			sql`${bodies.name}->>'nl'`,
			asc(people.familyName),
			asc(people.givenName),
			asc(memberships.id)
		);
	const currentIds = new Set(current.map((c) => c.membership.id));
	const continuing = new Set(input.continuing);
	for (const id of continuing)
		if (!currentIds.has(id)) add('continuing', renewalMessages.notCurrent);

	const plan: RenewalPlan = {
		endOn,
		startOn,
		ends: [],
		carryOvers: [],
		newPeople: [],
		newMemberships: []
	};
	// 1. End the current term.
	for (const { membership: m, person } of current) {
		plan.ends.push({
			membershipId: m.id,
			bodyId: m.bodyId,
			bodyName: bodyName.get(m.bodyId) ?? '',
			personName: fullName(person),
			role: m.role,
			startOn: m.startOn
		});
	}
	if (current.length)
		await tx
			.update(memberships)
			.set({ endOn })
			.where(inArray(memberships.id, [...currentIds]));
	// 2. Carry over those who stay.
	for (const { membership: m, person, organisation } of current) {
		if (!continuing.has(m.id)) continue;
		const values = {
			bodyId: m.bodyId,
			personId: m.personId,
			role: m.role,
			organisationId: m.organisationId,
			startOn,
			endOn: null,
			publicName: m.publicName,
			publicNameConsentAt: m.publicNameConsentAt,
			note: m.note
		};
		const errors = await checkMembership(tx, values);
		for (const messages of Object.values(errors))
			for (const message of messages) add('continuing', `${fullName(person)}: ${message}`);
		await tx.insert(memberships).values(values);
		plan.carryOvers.push({
			fromMembershipId: m.id,
			bodyId: m.bodyId,
			bodyName: bodyName.get(m.bodyId) ?? '',
			personId: m.personId,
			personName: fullName(person),
			role: m.role,
			organisationName: organisation?.nl ?? null,
			publicName: m.publicName
		});
	}
	// 3. Newcomers.
	const orgIds = input.newcomers.flatMap((n) => (n.organisationId ? [n.organisationId] : []));
	const orgNames = new Map(
		orgIds.length
			? (
					await tx
						.select({ id: organisations.id, name: organisations.name })
						.from(organisations)
						.where(inArray(organisations.id, orgIds))
				).map((o) => [o.id, o.name.nl])
			: []
	);
	const now = new Date();
	for (const [row, n] of input.newcomers.entries()) {
		const key = `newcomers.${row}`;
		const targetBody = n.bodyId ?? input.bodyId ?? (bodyIds.length === 1 ? bodyIds[0] : undefined);
		if (!targetBody || !bodyIds.includes(targetBody)) {
			add(`${key}.bodyId`, renewalMessages.bodyOutOfScope);
			continue;
		}
		let personId = n.personId ?? null;
		let personName = `${n.givenName ?? ''} ${n.familyName ?? ''}`.trim();
		if (personId) {
			const [p] = await tx.select().from(people).where(eq(people.id, personId));
			if (p) personName = fullName(p);
		} else {
			const [p] = await tx
				.insert(people)
				.values({ givenName: n.givenName!, familyName: n.familyName!, email: n.email ?? null })
				.returning();
			plan.newPeople.push({
				row,
				givenName: p.givenName,
				familyName: p.familyName,
				email: p.email
			});
			personId = p.id;
		}
		const values = {
			bodyId: targetBody,
			personId,
			role: n.role,
			organisationId: n.organisationId ?? null,
			startOn,
			endOn: null,
			publicName: n.publicName ?? false,
			// Ticking "publish the name" in the renewal form is the recorded consent.
			publicNameConsentAt: n.publicName ? now : null
		};
		const errors = await checkMembership(tx, values);
		for (const [field, messages] of Object.entries(errors))
			for (const message of messages) add(`${key}.${field}`, `Nieuwkomer ${row + 1}: ${message}`);
		await tx.insert(memberships).values(values);
		plan.newMemberships.push({
			row,
			bodyId: targetBody,
			bodyName: bodyName.get(targetBody) ?? '',
			personId: n.personId ?? null,
			personName,
			role: n.role,
			organisationName: n.organisationId ? (orgNames.get(n.organisationId) ?? null) : null,
			publicName: n.publicName ?? false
		});
	}
	if (Object.keys(fields).length)
		throw new AppError('invalid_input', 'Controleer de ingevulde gegevens.', fields);
	return plan;
}

class Rollback extends Error {
	constructor(readonly plan: RenewalPlan) {
		super('rollback');
	}
}

/** Exactly the changes `applyRenewal` would write, without writing them. */
export async function previewRenewal(ctx: ServiceContext, input: unknown): Promise<RenewalPlan> {
	const data = await authorizedInput(ctx, input);
	try {
		await ctx.db.transaction(async (tx) => {
			throw new Rollback(await execute(tx, data));
		});
	} catch (e) {
		if (e instanceof Rollback) return e.plan;
		throw e;
	}
	throw new Error('unreachable');
}

/** Write the renewal in one transaction with one audit row; returns what it did. */
export async function applyRenewal(ctx: ServiceContext, input: unknown): Promise<RenewalPlan> {
	const data = await authorizedInput(ctx, input);
	return mutate(ctx, async (tx) => {
		const plan = await execute(tx, data);
		return {
			result: plan,
			audit: {
				action: 'membership.renewal',
				recordType: data.bodyId ? 'body' : 'region',
				recordId: data.bodyId ?? data.regionId,
				changes: {
					endOn: { after: plan.endOn },
					ended: { after: plan.ends.map((e) => e.membershipId) },
					carriedOver: { after: plan.carryOvers.map((c) => c.fromMembershipId) },
					newPeople: { after: plan.newPeople.length },
					newMemberships: { after: plan.newMemberships.length }
				}
			}
		};
	});
}

/** What step 1 of the renewal form shows: the memberships that run on a date, per body. */
export async function renewalCandidates(
	ctx: ServiceContext,
	scope: { bodyId?: string; regionId?: string },
	on: string
) {
	if (scope.bodyId)
		authorize(ctx.principal, 'body:manage', { bodyId: scope.bodyId }, ctx.requestId);
	else authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	return ctx.db
		.select({
			id: memberships.id,
			bodyId: memberships.bodyId,
			bodyName: bodies.name,
			role: memberships.role,
			startOn: memberships.startOn,
			endOn: memberships.endOn,
			publicName: memberships.publicName,
			givenName: people.givenName,
			familyName: people.familyName,
			organisation: organisations.name
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(
				scope.bodyId ? eq(memberships.bodyId, scope.bodyId) : eq(bodies.regionId, scope.regionId!),
				isNull(bodies.archivedAt),
				or(isNull(memberships.startOn), lte(memberships.startOn, on)),
				or(isNull(memberships.endOn), gt(memberships.endOn, on))
			)
		)
		.orderBy(sql`${bodies.name}->>'nl'`, asc(people.familyName), asc(people.givenName));
}
