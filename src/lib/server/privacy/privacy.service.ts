/**
 * Privacy: a person's own data as JSON, their request to be forgotten, anonymisation by staff and
 * the retention rule that anonymises people nobody needs any more.
 *
 * Anonymising never deletes a row others depend on: memberships, decisions and audit rows stay,
 * so the history of bodies keeps its shape ("a member of the Taskforce from 2019 to 2024"). Only
 * what identifies the person goes: their names become a placeholder, e-mail and phone are
 * cleared, the link to an account is cut, and the personal values inside the audit rows *about
 * that person* are redacted (the row, its time, actor, action and the names of the fields that
 * changed remain). Audit rows of other records keep their values.
 */
import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { today } from '../clock';
import { config } from '../config';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	auditEvents,
	bodies,
	memberships,
	organisations,
	people,
	recoveryCodes,
	sessions,
	users,
	type AuditChanges
} from '../db/schema';
import { AppError, invalidInput, notFound } from '../errors';
import { authorize } from '../policy';
import {
	ANONYMOUS_FAMILY_NAME,
	ANONYMOUS_GIVEN_NAME,
	REDACTED,
	anonymiseInput,
	erasureRequestInput
} from './privacy.schema';

/** Only the user themself (or the system) may act on their own data. */
function authorizeSelf(ctx: ServiceContext, userId: string): void {
	const p = ctx.principal;
	if (p.kind === 'system') return;
	if (p.kind === 'user' && p.userId === userId) return;
	throw new AppError(
		p.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
		p.kind === 'anonymous'
			? 'Meld u aan om verder te gaan.'
			: 'U kunt alleen uw eigen gegevens opvragen of laten verwijderen.'
	);
}

/**
 * Everything the platform keeps about the user, as one JSON-ready object: the user row without
 * secrets, the linked person records, their memberships, sessions (without the session id, which
 * is a token hash) and the audit events they caused or that are about them. Audited as an export.
 */
export async function exportMyData(ctx: ServiceContext, userId: string, now = new Date()) {
	authorizeSelf(ctx, userId);
	return mutate(ctx, async (tx) => {
		const [user] = await tx
			.select({
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				twoFactorEnabledAt: users.totpEnabledAt,
				lastLoginAt: users.lastLoginAt,
				disabledAt: users.disabledAt,
				mailPreferences: users.mailPreferences,
				locale: users.locale,
				createdAt: users.createdAt,
				updatedAt: users.updatedAt
			})
			.from(users)
			.where(eq(users.id, userId));
		if (!user) throw notFound('Gebruiker niet gevonden.');
		const persons = await tx
			.select({
				id: people.id,
				givenName: people.givenName,
				familyName: people.familyName,
				email: people.email,
				phone: people.phone,
				erasureRequestedAt: people.erasureRequestedAt,
				anonymisedAt: people.anonymisedAt,
				createdAt: people.createdAt,
				updatedAt: people.updatedAt
			})
			.from(people)
			.where(eq(people.userId, userId));
		const personIds = persons.map((p) => p.id);
		const ownIds = [userId, ...personIds];
		const [seats, mySessions, codes, events] = await Promise.all([
			personIds.length === 0
				? Promise.resolve([])
				: tx
						.select({
							id: memberships.id,
							personId: memberships.personId,
							body: { id: bodies.id, slug: bodies.slug, name: bodies.name },
							role: memberships.role,
							organisation: { id: organisations.id, name: organisations.name },
							startOn: memberships.startOn,
							endOn: memberships.endOn,
							publicName: memberships.publicName,
							publicNameConsentAt: memberships.publicNameConsentAt,
							note: memberships.note
						})
						.from(memberships)
						.innerJoin(bodies, eq(bodies.id, memberships.bodyId))
						.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
						.where(inArray(memberships.personId, personIds))
						.orderBy(memberships.startOn),
			tx
				.select({
					createdAt: sessions.createdAt,
					lastSeenAt: sessions.lastSeenAt,
					expiresAt: sessions.expiresAt,
					userAgent: sessions.userAgent,
					ip: sessions.ip
				})
				.from(sessions)
				.where(eq(sessions.userId, userId))
				.orderBy(desc(sessions.createdAt)),
			tx
				.select({ n: sql<number>`count(*)::int` })
				.from(recoveryCodes)
				.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
			tx
				.select({
					at: auditEvents.at,
					action: auditEvents.action,
					recordType: auditEvents.recordType,
					recordId: auditEvents.recordId,
					actorType: auditEvents.actorType,
					actorId: auditEvents.actorId,
					changes: auditEvents.changes
				})
				.from(auditEvents)
				.where(
					or(
						and(eq(auditEvents.actorType, 'user'), eq(auditEvents.actorId, userId)),
						inArray(auditEvents.recordId, ownIds)
					)
				)
				.orderBy(desc(auditEvents.at))
		]);
		const result = {
			exportedAt: now.toISOString(),
			user: { ...user, unusedRecoveryCodes: codes[0]?.n ?? 0 },
			people: persons,
			memberships: seats,
			sessions: mySessions,
			auditEvents: events.map((e) => ({ ...e, changes: withoutSecrets(e.changes) }))
		};
		return {
			result,
			audit: { action: 'privacy.export', recordType: 'user', recordId: userId }
		};
	});
}

/** Audit changes of account rows may name secret fields (their values are never real secrets, but drop them). */
function withoutSecrets(changes: AuditChanges | null): AuditChanges | null {
	if (!changes) return changes;
	return Object.fromEntries(
		Object.entries(changes).filter(([k]) => !/password|totp|secret|token|hash|code/i.test(k))
	);
}

/** The user asks to be forgotten: every person linked to their account is marked for staff. */
export async function requestErasure(
	ctx: ServiceContext,
	userId: string,
	input: unknown,
	now = new Date()
) {
	authorizeSelf(ctx, userId);
	const parsed = erasureRequestInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Uw vraag is niet verstuurd.');
	return mutate(ctx, async (tx) => {
		const linked = await tx
			.select({ id: people.id, erasureRequestedAt: people.erasureRequestedAt })
			.from(people)
			.where(and(eq(people.userId, userId), isNull(people.anonymisedAt)));
		if (linked.length === 0) {
			throw new AppError(
				'conflict',
				'Aan uw account zijn geen persoonsgegevens van een lidmaatschap gekoppeld. Wilt u uw account laten verwijderen, neem dan contact op met het secretariaat.'
			);
		}
		if (linked.every((p) => p.erasureRequestedAt)) {
			throw new AppError('conflict', 'U hebt al gevraagd om uw gegevens te laten verwijderen.');
		}
		const ids = linked.map((p) => p.id);
		await tx
			.update(people)
			.set({ erasureRequestedAt: now, updatedAt: now })
			.where(and(inArray(people.id, ids), isNull(people.erasureRequestedAt)));
		return {
			result: { people: ids.length, requestedAt: now },
			audit: {
				action: 'privacy.erasure_requested',
				recordType: 'user',
				recordId: userId,
				changes: { erasureRequestedAt: { after: now.toISOString() }, people: { after: ids } }
			}
		};
	});
}

/** Whether the user has an open erasure request (for their account page). */
export async function myErasureRequest(db: DbOrTx, userId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: people.erasureRequestedAt })
		.from(people)
		.where(
			and(
				eq(people.userId, userId),
				isNull(people.anonymisedAt),
				isNotNull(people.erasureRequestedAt)
			)
		)
		.orderBy(desc(people.erasureRequestedAt))
		.limit(1);
	return row?.at ?? null;
}

/** Open erasure requests, oldest first, for staff. */
export async function listErasureRequests(ctx: ServiceContext) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const rows = await ctx.db
		.select({
			id: people.id,
			givenName: people.givenName,
			familyName: people.familyName,
			email: people.email,
			erasureRequestedAt: people.erasureRequestedAt,
			userActive: sql<boolean>`(${users.id} is not null and ${users.disabledAt} is null)`,
			memberships: sql<number>`(select count(*)::int from ${memberships} where ${memberships.personId} = ${people.id})`
		})
		.from(people)
		.leftJoin(users, eq(users.id, people.userId))
		.where(and(isNotNull(people.erasureRequestedAt), isNull(people.anonymisedAt)))
		.orderBy(people.erasureRequestedAt);
	return rows;
}

/** Staff anonymise a person (after an erasure request, or on their own judgement). */
export async function anonymisePerson(ctx: ServiceContext, input: unknown, now = new Date()) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const parsed = anonymiseInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De persoon is niet geanonimiseerd.');
	return mutate(ctx, async (tx) => {
		const [person] = await tx
			.select({ person: people, user: users })
			.from(people)
			.leftJoin(users, eq(users.id, people.userId))
			.where(eq(people.id, parsed.data.personId));
		if (!person) throw notFound('Persoon niet gevonden.');
		if (person.person.anonymisedAt) {
			throw new AppError('conflict', 'Deze persoon is al geanonimiseerd.');
		}
		if (person.user && !person.user.disabledAt) {
			throw new AppError(
				'conflict',
				'Deze persoon heeft nog een actieve gebruikersaccount. Schakel die eerst uit; daarna kunt u de persoon anonimiseren.'
			);
		}
		return {
			result: await scrub(tx, person.person.id, now),
			audit: anonymisedAudit(person.person.id, now)
		};
	});
}

const personalKeys = new Set(['givenName', 'familyName', 'name', 'email', 'phone']);

/**
 * Replace personal values by a marker: every value under a personal key, at any depth (so both
 * `{ email: { before, after } }` and `{ person: { email } }`). The keys stay, so "what changed"
 * remains readable; null stays null.
 */
function redact(value: unknown, personal = false): unknown {
	if (Array.isArray(value)) return value.map((v) => redact(v, personal));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, redact(v, personal || personalKeys.has(k))])
		);
	}
	return personal && value !== null && value !== undefined ? REDACTED : value;
}

/** The audit entry of an anonymisation: which fields were cleared, never their old values. */
function anonymisedAudit(personId: string, now: Date) {
	return {
		action: 'person.anonymise',
		recordType: 'person',
		recordId: personId,
		changes: {
			givenName: { before: REDACTED, after: ANONYMOUS_GIVEN_NAME },
			familyName: { before: REDACTED, after: ANONYMOUS_FAMILY_NAME },
			email: { before: REDACTED, after: null },
			phone: { before: REDACTED, after: null },
			anonymisedAt: { after: now.toISOString() }
		}
	};
}

/** The anonymisation itself, inside the caller's transaction. */
async function scrub(tx: Tx, personId: string, now: Date) {
	await tx
		.update(people)
		.set({
			givenName: ANONYMOUS_GIVEN_NAME,
			familyName: ANONYMOUS_FAMILY_NAME,
			email: null,
			phone: null,
			userId: null,
			anonymisedAt: now,
			updatedAt: now
		})
		.where(eq(people.id, personId));
	// Personal values inside the audit rows about this person: redacted, the rows themselves stay.
	const history = await tx
		.select({ id: auditEvents.id, changes: auditEvents.changes })
		.from(auditEvents)
		.where(and(eq(auditEvents.recordId, personId), isNotNull(auditEvents.changes)));
	for (const row of history) {
		await tx
			.update(auditEvents)
			.set({ changes: redact(row.changes) as AuditChanges })
			.where(eq(auditEvents.id, row.id));
	}
	return { personId, anonymisedAt: now, auditRowsRedacted: history.length };
}

/** The date (YYYY-MM-DD, Brussels) before which a membership must have ended to be forgotten. */
export function retentionCutoff(now: Date, years = config().RETENTION_YEARS): string {
	const [y, m, d] = today(now).split('-').map(Number);
	// 29 February minus N years falls on 1 March when that year has none: Date.UTC handles it.
	const cutoff = new Date(Date.UTC(y - years, m - 1, d));
	return cutoff.toISOString().slice(0, 10);
}

/**
 * The people the retention rule applies to at `now`: not anonymised yet, no active account, and
 * either every membership ended before the cut-off or — without memberships — the record was last
 * changed before it.
 */
export async function retentionCandidates(db: DbOrTx, now: Date, years?: number) {
	const cutoff = retentionCutoff(now, years);
	const rows = await db
		.select({ id: people.id })
		.from(people)
		.leftJoin(users, eq(users.id, people.userId))
		.where(
			and(
				isNull(people.anonymisedAt),
				or(isNull(users.id), isNotNull(users.disabledAt)),
				sql`not exists (select 1 from ${memberships} m where m.person_id = ${people.id}
					and (m.end_on is null or m.end_on >= ${cutoff}))`,
				or(
					sql`exists (select 1 from ${memberships} m where m.person_id = ${people.id})`,
					lt(people.updatedAt, new Date(`${cutoff}T00:00:00Z`))
				)
			)
		)
		.orderBy(people.id);
	return rows.map((r) => r.id);
}

/** The scheduled retention job: anonymise every candidate, each in its own audited transaction. */
export async function applyRetention(ctx: ServiceContext, now = new Date(), years?: number) {
	authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
	const ids = await retentionCandidates(ctx.db, now, years);
	for (const id of ids) {
		await mutate(ctx, async (tx) => ({
			result: await scrub(tx, id, now),
			audit: { ...anonymisedAudit(id, now), action: 'person.anonymise_retention' }
		}));
	}
	return ids;
}
