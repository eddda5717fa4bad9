/**
 * Import and export of people + memberships, per body or for the whole platform, with the same
 * columns both ways (`columns.ts`). Import is all-or-nothing: `previewImport` lists what would
 * change or every bad row; `applyImport` validates again inside its transaction and writes
 * everything, or nothing.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { lockBody } from '../bodies/memberships.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import { auditEvents, bodies, memberships, organisations, people } from '../db/schema';
import { AppError, notFound } from '../errors';
import { authorize } from '../policy';
import type { ExchangeRow, RowError, SourceRow } from './columns';
import { load, validateRows, type ResolvedRow, type Scope } from './validate';

export type ExchangeScope = {
	/** Only this body's memberships (its managers may do this); absent = the whole platform. */
	bodySlug?: string;
	/**
	 * Create records under the ids in the file when they do not exist (moving data to a fresh
	 * installation). Off by default: an unknown id is then an error. Whole platform only.
	 */
	keepIds?: boolean;
};

async function authorizeScope(
	ctx: ServiceContext,
	db: DbOrTx,
	scope: ExchangeScope
): Promise<Scope> {
	if (!scope.bodySlug) {
		authorize(ctx.principal, 'structure:manage', undefined, ctx.requestId);
		return { keepIds: scope.keepIds ?? false };
	}
	const [body] = await db
		.select({ id: bodies.id })
		.from(bodies)
		.where(eq(bodies.slug, scope.bodySlug));
	if (!body) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: body.id }, ctx.requestId);
	if (scope.keepIds) {
		throw new AppError(
			'forbidden',
			'Ids overnemen kan alleen bij een import voor het hele platform.'
		);
	}
	return { bodyId: body.id, bodySlug: scope.bodySlug, keepIds: false };
}

/** The body an exchange page is for (null: the whole platform), after checking access. */
export async function exchangeTarget(ctx: ServiceContext, bodySlug?: string) {
	await authorizeScope(ctx, ctx.db, { bodySlug });
	if (!bodySlug) return null;
	const [body] = await ctx.db
		.select({ slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.slug, bodySlug));
	return body;
}

const s = (v: string | null | undefined) => v ?? '';

/** The rows of an export, sorted by name, person, body, role and start (the same order every time). */
export async function exportMemberships(
	ctx: ServiceContext,
	scope: { bodySlug?: string } = {}
): Promise<ExchangeRow[]> {
	const { bodyId } = await authorizeScope(ctx, ctx.db, scope);
	const org = sql<
		string | null
	>`(select o.slug from ${organisations} o where o.id = ${memberships.organisationId})`;
	const rows = await ctx.db
		.select({
			person: people,
			membership: memberships,
			bodySlug: bodies.slug,
			organisationSlug: org
		})
		.from(people)
		// The whole platform also lists people without a membership; a body only its members.
		.leftJoin(memberships, eq(memberships.personId, people.id))
		.leftJoin(bodies, eq(bodies.id, memberships.bodyId))
		.where(bodyId ? eq(memberships.bodyId, bodyId) : undefined)
		.orderBy(
			asc(people.familyName),
			asc(people.givenName),
			asc(people.id),
			asc(bodies.slug),
			asc(memberships.role),
			sql`${memberships.startOn} asc nulls first`,
			asc(memberships.id)
		);
	return rows.map(({ person: p, membership: m, bodySlug, organisationSlug }) => ({
		person_id: p.id,
		given_name: p.givenName,
		family_name: p.familyName,
		email: s(p.email),
		phone: s(p.phone),
		membership_id: s(m?.id),
		body_slug: s(bodySlug),
		role: s(m?.role),
		organisation_slug: s(organisationSlug),
		start_on: s(m?.startOn),
		end_on: s(m?.endOn),
		public_name: m ? (m.publicName ? 'ja' : 'nee') : '',
		public_name_consent_at: m?.publicNameConsentAt ? m.publicNameConsentAt.toISOString() : '',
		note: s(m?.note)
	}));
}

export type Change = {
	line: number;
	record: 'person' | 'membership';
	action: 'create' | 'update';
	id: string | null;
	/** Who or what, for people reading the preview. */
	label: string;
	/** The fields that change (all for a new record). */
	fields: string[];
};

export type ImportPreview = { changes: Change[]; unchanged: number; errors: RowError[] };

const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) =>
	Object.keys(after).filter(
		(k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)
	);

/** What an import would do, computed from the same validation `applyImport` runs. */
async function plan(
	db: DbOrTx,
	scope: Scope,
	rows: SourceRow[]
): Promise<ImportPreview & { resolved: ResolvedRow[]; before: Map<string, object> }> {
	const loaded = await load(db, rows);
	const { resolved, errors } = validateRows(rows, loaded, scope);
	// (errors is extended below with rules that need the stored record)
	const changes: Change[] = [];
	let unchanged = 0;
	const seen = new Set<string>();
	for (const r of resolved) {
		const name = `${r.person.givenName} ${r.person.familyName}`;
		if (!seen.has(r.personKey)) {
			seen.add(r.personKey);
			const before = r.personId ? loaded.people.get(r.personId) : undefined;
			const fields = before ? changedFields(before, r.person) : Object.keys(r.person);
			if (before?.anonymisedAt && fields.length)
				errors.push({
					line: r.line,
					message: 'Deze persoon is geanonimiseerd: naam en contactgegevens blijven zoals ze zijn.'
				});
			if (fields.length)
				changes.push({
					line: r.line,
					record: 'person',
					action: before ? 'update' : 'create',
					id: r.personId,
					label: name,
					fields
				});
			else unchanged++;
		}
		if (r.membership) {
			const before = r.membershipId ? loaded.memberships.get(r.membershipId) : undefined;
			const fields = before ? changedFields(before, r.membership) : Object.keys(r.membership);
			const label = `${name}: ${r.membership.role} in ${rows.find((x) => x.line === r.line)?.values.body_slug}`;
			if (fields.length)
				changes.push({
					line: r.line,
					record: 'membership',
					action: before ? 'update' : 'create',
					id: r.membershipId,
					label,
					fields
				});
			else unchanged++;
		}
	}
	errors.sort((a, b) => a.line - b.line);
	const before = new Map<string, object>([...loaded.people, ...loaded.memberships]);
	return { changes, unchanged, errors, resolved, before };
}

/** Check a file's rows and say what importing them would change; writes nothing. */
export async function previewImport(
	ctx: ServiceContext,
	rows: SourceRow[],
	scope: ExchangeScope = {}
): Promise<ImportPreview> {
	const resolvedScope = await authorizeScope(ctx, ctx.db, scope);
	const { changes, unchanged, errors } = await plan(ctx.db, resolvedScope, rows);
	return errors.length ? { changes: [], unchanged: 0, errors } : { changes, unchanged, errors };
}

/** Thrown when a file has bad rows: nothing was imported. `errors` lists every one. */
export class ImportRefused extends AppError {
	constructor(readonly errors: RowError[]) {
		super(
			'invalid_input',
			`Er is niets geïmporteerd: ${errors.length} ${errors.length === 1 ? 'fout' : 'fouten'} in het bestand.`,
			Object.fromEntries(
				Object.entries(
					errors.reduce<Record<string, string[]>>((acc, e) => {
						(acc[`regel ${e.line}`] ??= []).push(e.message);
						return acc;
					}, {})
				)
			)
		);
	}
}

/** Field changes for the audit row: before and after of each changed field. */
const auditChanges = (fields: string[], before: object | undefined, after: object) =>
	Object.fromEntries(
		fields.map((f) => [
			f,
			{
				before: (before as Record<string, unknown>)?.[f],
				after: (after as Record<string, unknown>)[f]
			}
		])
	);

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

async function write(
	tx: Tx,
	ctx: ServiceContext,
	resolved: ResolvedRow[],
	changes: Change[],
	before: Map<string, object>
) {
	const ids = new Map<string, string>();
	const audit: (typeof auditEvents.$inferInsert)[] = [];
	const actor = {
		actorType: ctx.actor.type,
		actorId: ctx.actor.id,
		actorLabel: ctx.actor.label,
		requestId: ctx.requestId
	};
	const byLine = new Map(changes.map((c) => [`${c.record}:${c.line}`, c]));
	const newPeople: (typeof people.$inferInsert)[] = [];
	const newMemberships: (typeof memberships.$inferInsert)[] = [];
	for (const r of resolved) {
		const change = byLine.get(`person:${r.line}`);
		if (change?.action === 'create') {
			// Ids made here, so that people and memberships go in as a few multi-row inserts.
			const id = r.personId ?? crypto.randomUUID();
			newPeople.push({ id, ...r.person });
			ids.set(r.personKey, id);
			audit.push({ ...actor, action: 'person.import_create', recordType: 'person', recordId: id });
		} else if (change?.action === 'update' && r.personId) {
			await tx.update(people).set(r.person).where(eq(people.id, r.personId));
			audit.push({
				...actor,
				action: 'person.import_update',
				recordType: 'person',
				recordId: r.personId,
				changes: auditChanges(change.fields, before.get(r.personId), r.person)
			});
		}
		if (!ids.has(r.personKey) && r.personId) ids.set(r.personKey, r.personId);
	}
	for (const r of resolved) {
		const change = byLine.get(`membership:${r.line}`);
		if (!change || !r.membership) continue;
		if (change.action === 'create') {
			const id = r.membershipId ?? crypto.randomUUID();
			newMemberships.push({ id, personId: ids.get(r.personKey)!, ...r.membership });
			audit.push({
				...actor,
				action: 'membership.import_create',
				recordType: 'membership',
				recordId: id
			});
		} else if (r.membershipId) {
			await tx.update(memberships).set(r.membership).where(eq(memberships.id, r.membershipId));
			audit.push({
				...actor,
				action: 'membership.import_update',
				recordType: 'membership',
				recordId: r.membershipId,
				changes: auditChanges(change.fields, before.get(r.membershipId), r.membership)
			});
		}
	}
	await insertChunked(newPeople, (chunk) => tx.insert(people).values(chunk));
	await insertChunked(newMemberships, (chunk) => tx.insert(memberships).values(chunk));
	// One audit row per record, so each person's and membership's trail shows the import.
	await insertChunked(audit, (chunk) => tx.insert(auditEvents).values(chunk));
}

/**
 * Import rows: validate again (the data may have changed since the preview), then create and
 * update every record in one transaction, with an audit row per record plus a summary row.
 */
export async function applyImport(
	ctx: ServiceContext,
	rows: SourceRow[],
	scope: ExchangeScope = {}
) {
	return mutate(ctx, async (tx) => {
		const resolvedScope = await authorizeScope(ctx, tx, scope);
		// Take the same per-body locks as single membership commands (in one order, so two imports
		// cannot deadlock): nothing can slip an overlapping term in between check and write.
		const slugs = [...new Set(rows.map((r) => r.values.body_slug).filter(Boolean))];
		const touched = slugs.length
			? await tx.select({ id: bodies.id }).from(bodies).where(inArray(bodies.slug, slugs))
			: [];
		for (const id of touched.map((b) => b.id).sort()) await lockBody(tx, id);
		const { changes, unchanged, errors, resolved, before } = await plan(tx, resolvedScope, rows);
		if (errors.length) throw new ImportRefused(errors);
		await write(tx, ctx, resolved, changes, before);
		const count = (record: Change['record'], action: Change['action']) =>
			changes.filter((c) => c.record === record && c.action === action).length;
		const summary = {
			peopleCreated: count('person', 'create'),
			peopleUpdated: count('person', 'update'),
			membershipsCreated: count('membership', 'create'),
			membershipsUpdated: count('membership', 'update'),
			unchanged
		};
		return {
			result: summary,
			audit: {
				action: 'exchange.import',
				recordType: resolvedScope.bodyId ? 'body' : 'platform',
				recordId: resolvedScope.bodyId,
				changes: {
					rows: { after: rows.length },
					...Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, { after: v }]))
				}
			}
		};
	});
}
