/**
 * Memberships and participants of a body: the commands a body's managers (chair, vice-chair,
 * secretary) and staff use. Every membership command takes a per-body advisory lock, so two
 * simultaneous adds cannot both pass the overlap check.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	bodies,
	memberships,
	organisations,
	participants,
	people,
	type MembershipRole
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';
import { endInput, membershipInput, membershipPatch, participantInput } from './memberships.schema';

export const messages = {
	endBeforeStart: 'De einddatum ligt vóór de begindatum.',
	overlap: 'Deze persoon heeft in dit orgaan al dezelfde rol in een termijn die hiermee overlapt.',
	consent: 'Een naam mag alleen publiek met een datum van toestemming.',
	personUnknown: 'Deze persoon bestaat niet.',
	organisationUnknown: 'Deze organisatie bestaat niet.'
} as const;

/** The term of a membership, as the overlap rule sees it (null = open-ended). */
export type MembershipTerm = {
	id?: string;
	bodyId: string;
	personId: string;
	role: MembershipRole;
	startOn: string | null;
	endOn: string | null;
};

export type MembershipCandidate = MembershipTerm & {
	organisationId?: string | null;
	publicName?: boolean;
	publicNameConsentAt?: Date | null;
};

type Term = { startOn: string | null; endOn: string | null };

/** Do two terms share a day? (null = open-ended.) The one overlap rule, also used by imports. */
export const termsOverlap = (a: Term, b: Term) =>
	(a.startOn === null || b.endOn === null || a.startOn <= b.endOn) &&
	(b.startOn === null || a.endOn === null || b.startOn <= a.endOn);

/**
 * The rules of one membership, as field → messages (empty when valid): end not before start,
 * no overlapping term for the same person in the same role in the same body (against the
 * database, except the row itself, and against `pending` rows not yet written, e.g. other rows
 * of an import), consent date when the name is public, person and organisation exist.
 * Call it inside the transaction that writes, after `lockBody(tx, bodyId)`.
 */
export async function checkMembership(
	db: DbOrTx,
	m: MembershipCandidate,
	pending: MembershipTerm[] = []
): Promise<Record<string, string[]>> {
	const fields: Record<string, string[]> = {};
	const add = (field: string, message: string) => (fields[field] ??= []).push(message);
	if (m.startOn && m.endOn && m.endOn < m.startOn) add('endOn', messages.endBeforeStart);
	if (m.publicName && !m.publicNameConsentAt) add('publicName', messages.consent);
	const [person] = await db.select({ id: people.id }).from(people).where(eq(people.id, m.personId));
	if (!person) add('personId', messages.personUnknown);
	if (m.organisationId) {
		const [org] = await db
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, m.organisationId));
		if (!org) add('organisationId', messages.organisationUnknown);
	}
	const where = [
		eq(memberships.bodyId, m.bodyId),
		eq(memberships.personId, m.personId),
		eq(memberships.role, m.role)
	];
	if (m.id) where.push(ne(memberships.id, m.id));
	const others: MembershipTerm[] = await db
		.select({
			id: memberships.id,
			bodyId: memberships.bodyId,
			personId: memberships.personId,
			role: memberships.role,
			startOn: memberships.startOn,
			endOn: memberships.endOn
		})
		.from(memberships)
		.where(and(...where));
	const samePending = pending.filter(
		(p) =>
			p !== m &&
			(!m.id || p.id !== m.id) &&
			p.bodyId === m.bodyId &&
			p.personId === m.personId &&
			p.role === m.role
	);
	if (!fields.endOn && [...others, ...samePending].some((o) => termsOverlap(o, m)))
		add('startOn', messages.overlap);
	return fields;
}

/** Serialise membership commands per body (held until the transaction ends). */
export async function lockBody(tx: Tx, bodyId: string) {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'memberships:' + bodyId}))`);
}

function refuse(fields: Record<string, string[]>): never {
	throw new AppError('invalid_input', 'Controleer de ingevulde gegevens.', fields);
}

async function bodyExists(db: DbOrTx, bodyId: string) {
	const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, bodyId));
	if (!body) throw notFound('Orgaan niet gevonden.');
}

/** A body given by id, or by slug (as in workspace URLs). */
export type BodyRef = string | { slug: string };

async function bodyIdOf(db: DbOrTx, ref: BodyRef): Promise<string> {
	if (typeof ref === 'string') {
		if (!isUuid(ref)) throw notFound('Orgaan niet gevonden.');
		return ref;
	}
	const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, ref.slug));
	if (!body) throw notFound('Orgaan niet gevonden.');
	return body.id;
}

export async function addMembership(ctx: ServiceContext, body: BodyRef, input: unknown) {
	const bodyId = await bodyIdOf(ctx.db, body);
	authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	const parsed = membershipInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const { publicName = false, ...data } = parsed.data;
	return mutate(ctx, async (tx) => {
		await bodyExists(tx, bodyId);
		await lockBody(tx, bodyId);
		const values = {
			...data,
			bodyId,
			organisationId: data.organisationId ?? null,
			startOn: data.startOn ?? null,
			endOn: data.endOn ?? null,
			note: data.note ?? null,
			publicName,
			// Ticking the box in the form is the recorded consent.
			publicNameConsentAt: publicName ? new Date() : null
		};
		const fields = await checkMembership(tx, values);
		if (Object.keys(fields).length) refuse(fields);
		const [row] = await tx.insert(memberships).values(values).returning();
		return {
			result: row,
			audit: {
				action: 'membership.create',
				recordType: 'membership',
				recordId: row.id,
				changes: diff(undefined, row)
			}
		};
	});
}

/**
 * When a command comes from a body's page (`within`), authorise on that body first (so a
 * stranger gets 403, never a hint whether an id exists) and then require the row to belong to it.
 */
async function authorizeWithin(ctx: ServiceContext, within: BodyRef | undefined) {
	if (within === undefined) return undefined;
	const bodyId = await bodyIdOf(ctx.db, within);
	authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	return bodyId;
}

function sameBody(rowBodyId: string, within: string | undefined, what: string) {
	if (within !== undefined && rowBodyId !== within) throw notFound(what);
}

async function loadMembership(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw notFound('Lidmaatschap niet gevonden.');
	const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
	if (!row) throw notFound('Lidmaatschap niet gevonden.');
	return row;
}

/**
 * Change role, organisation, term, public flag or note. Turning the public flag on records
 * consent now; turning it off keeps the earlier consent date (it is history, not state).
 */
export async function updateMembership(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	within?: BodyRef
) {
	const scope = await authorizeWithin(ctx, within);
	const current = await loadMembership(ctx.db, id);
	sameBody(current.bodyId, scope, 'Lidmaatschap niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: current.bodyId }, ctx.requestId);
	const parsed = membershipPatch.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	return mutate(ctx, async (tx) => {
		await lockBody(tx, current.bodyId);
		const before = await loadMembership(tx, id);
		const next = {
			role: data.role ?? before.role,
			organisationId:
				'organisationId' in data ? (data.organisationId ?? null) : before.organisationId,
			startOn: 'startOn' in data ? (data.startOn ?? null) : before.startOn,
			endOn: 'endOn' in data ? (data.endOn ?? null) : before.endOn,
			note: 'note' in data ? (data.note ?? null) : before.note,
			publicName: data.publicName ?? before.publicName,
			publicNameConsentAt:
				data.publicName && !before.publicName ? new Date() : before.publicNameConsentAt
		};
		const fields = await checkMembership(tx, { ...before, ...next, id });
		if (Object.keys(fields).length) refuse(fields);
		const [after] = await tx
			.update(memberships)
			.set(next)
			.where(eq(memberships.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: 'membership.update',
				recordType: 'membership',
				recordId: id,
				changes: diff(before, after)
			}
		};
	});
}

/** End a membership on a date (its last day). */
export async function endMembership(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	within?: BodyRef
) {
	const scope = await authorizeWithin(ctx, within);
	const parsed = endInput.safeParse(input);
	const current = await loadMembership(ctx.db, id);
	sameBody(current.bodyId, scope, 'Lidmaatschap niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: current.bodyId }, ctx.requestId);
	if (!parsed.success) throw invalidInput(parsed.error);
	return updateMembership(ctx, id, { endOn: parsed.data.endOn });
}

// --- participants (organisations taking part in a body) ---

export async function addParticipant(ctx: ServiceContext, body: BodyRef, input: unknown) {
	const bodyId = await bodyIdOf(ctx.db, body);
	authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	const parsed = participantInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	const data = parsed.data;
	if (data.startOn && data.endOn && data.endOn < data.startOn)
		refuse({ endOn: [messages.endBeforeStart] });
	return mutate(ctx, async (tx) => {
		await bodyExists(tx, bodyId);
		const [org] = await tx
			.select({ id: organisations.id })
			.from(organisations)
			.where(eq(organisations.id, data.organisationId));
		if (!org) refuse({ organisationId: [messages.organisationUnknown] });
		const [row] = await tx
			.insert(participants)
			.values({ ...data, bodyId })
			.returning();
		return {
			result: row,
			audit: {
				action: 'participant.create',
				recordType: 'participant',
				recordId: row.id,
				changes: diff(undefined, row)
			}
		};
	});
}

async function loadParticipant(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw notFound('Deelnemende organisatie niet gevonden.');
	const [row] = await db.select().from(participants).where(eq(participants.id, id));
	if (!row) throw notFound('Deelnemende organisatie niet gevonden.');
	return row;
}

export async function endParticipant(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	within?: BodyRef
) {
	const scope = await authorizeWithin(ctx, within);
	const current = await loadParticipant(ctx.db, id);
	sameBody(current.bodyId, scope, 'Deelnemende organisatie niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: current.bodyId }, ctx.requestId);
	const parsed = endInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	if (current.startOn && parsed.data.endOn < current.startOn)
		refuse({ endOn: [messages.endBeforeStart] });
	return mutate(ctx, async (tx) => {
		const [after] = await tx
			.update(participants)
			.set({ endOn: parsed.data.endOn })
			.where(eq(participants.id, id))
			.returning();
		return {
			result: after,
			audit: {
				action: 'participant.end',
				recordType: 'participant',
				recordId: id,
				changes: diff(current, after)
			}
		};
	});
}

/** Remove a participant entered by mistake (ending keeps history; this does not). */
export async function removeParticipant(ctx: ServiceContext, id: string) {
	const current = await loadParticipant(ctx.db, id);
	authorize(ctx.principal, 'body:manage', { bodyId: current.bodyId }, ctx.requestId);
	return mutate(ctx, async (tx) => {
		await tx.delete(participants).where(eq(participants.id, id));
		return {
			result: current,
			audit: {
				action: 'participant.delete',
				recordType: 'participant',
				recordId: id,
				changes: diff(current, undefined)
			}
		};
	});
}
