/**
 * Decisions (besluiten): first-class records numbered per body and calendar year (Brussels) of
 * the meeting. The number comes from a counter row incremented in the decision's own
 * transaction: concurrent creations queue on that row, and a refused decision rolls its number
 * back, so numbers have neither duplicates nor gaps.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	agendaItems,
	bodies,
	decisionCounters,
	decisionStatuses,
	decisions,
	meetings,
	type DecisionStatus
} from '../db/schema';
import { invalidInput, isUuid, notFound } from '../errors';
import { can, type Principal } from '../policy';
import { decisionInput } from './meetings.schema';
import { lockMeeting, managedMeeting, recordable, refuse } from './meetings.service';
import { brusselsYear } from './time';

const NOT_SAVED = 'Het besluit is niet opgeslagen.';

export const decisionStatusLabels: Record<DecisionStatus, string> = {
	adopted: 'Aangenomen',
	rejected: 'Verworpen',
	postponed: 'Uitgesteld',
	withdrawn: 'Ingetrokken'
};

/** "2026/007": the reference people cite. */
export const decisionReference = (d: { year: number; number: number }) =>
	`${d.year}/${String(d.number).padStart(3, '0')}`;

/** The decisions of a meeting, or of some agenda items, by number: for choices in forms. */
export function decisionsFor(db: DbOrTx, of: { meetingId: string } | { agendaItemIds: string[] }) {
	return db
		.select({
			id: decisions.id,
			agendaItemId: decisions.agendaItemId,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title
		})
		.from(decisions)
		.where(
			'meetingId' in of
				? eq(decisions.meetingId, of.meetingId)
				: inArray(decisions.agendaItemId, of.agendaItemIds)
		)
		.orderBy(asc(decisions.number));
}

function parse(input: unknown) {
	const parsed = decisionInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, NOT_SAVED);
	return parsed.data;
}

const votesOf = (d: z.infer<typeof decisionInput>) => ({
	votesFor: d.votesFor ?? null,
	votesAgainst: d.votesAgainst ?? null,
	votesAbstain: d.votesAbstain ?? null
});

async function checkItem(tx: DbOrTx, meetingId: string, itemId: string | undefined) {
	if (!itemId) return null;
	const [item] = await tx
		.select({ meetingId: agendaItems.meetingId })
		.from(agendaItems)
		.where(eq(agendaItems.id, itemId));
	if (!item || item.meetingId !== meetingId) {
		refuse(NOT_SAVED, { agendaItemId: ['Kies een agendapunt van deze vergadering.'] });
	}
	return itemId;
}

/**
 * The earlier meeting of the same body whose draft minutes a decision approves (locked), or a
 * refusal that says why not.
 */
async function minutesToApprove(
	tx: Tx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	targetId: string
) {
	const [target] = await tx
		.select({
			id: meetings.id,
			bodyId: meetings.bodyId,
			startsAt: meetings.startsAt,
			status: meetings.status
		})
		.from(meetings)
		.where(eq(meetings.id, targetId))
		.for('update');
	const field = (message: string): never => refuse(NOT_SAVED, { approvesMinutesOfId: [message] });
	if (!target || target.bodyId !== meeting.bodyId || target.startsAt >= meeting.startsAt) {
		field('Kies een eerdere vergadering van dit orgaan.');
	}
	if (target.status !== 'minutes_draft') {
		field(
			target.status === 'minutes_approved'
				? 'Het verslag van die vergadering is al goedgekeurd.'
				: 'Die vergadering heeft nog geen ontwerpverslag.'
		);
	}
	return target.id;
}

/** Record a decision of a held meeting; it gets the next number of its body and year. */
export async function createDecision(ctx: ServiceContext, meetingId: string, input: unknown) {
	await managedMeeting(ctx, meetingId);
	const data = parse(input);
	return mutate(ctx, async (tx) => {
		const meeting = await lockMeeting(tx, meetingId);
		if (!recordable.includes(meeting.status)) {
			refuse('Besluiten worden genoteerd zodra de vergadering gehouden is.');
		}
		const agendaItemId = await checkItem(tx, meetingId, data.agendaItemId);
		const approves = data.approvesMinutesOfId
			? await minutesToApprove(tx, meeting, data.approvesMinutesOfId)
			: null;
		const year = brusselsYear(meeting.startsAt);
		const [counter] = await tx
			.insert(decisionCounters)
			.values({ bodyId: meeting.bodyId, year, last: 1 })
			.onConflictDoUpdate({
				target: [decisionCounters.bodyId, decisionCounters.year],
				set: { last: sql`${decisionCounters.last} + 1` }
			})
			.returning({ last: decisionCounters.last });
		const [row] = await tx
			.insert(decisions)
			.values({
				bodyId: meeting.bodyId,
				year,
				number: counter.last,
				meetingId,
				agendaItemId,
				title: data.title,
				text: data.text,
				status: data.status,
				...votesOf(data),
				approvesMinutesOfId: approves
			})
			.returning();
		if (approves && row.status === 'adopted') {
			// The approved minutes are frozen and published from now on.
			await tx
				.update(meetings)
				.set({
					status: 'minutes_approved',
					minutesApprovedAt: new Date(),
					minutesApprovalDecisionId: row.id
				})
				.where(eq(meetings.id, approves));
		}
		return {
			result: row,
			audit: {
				action: 'decision.create',
				recordType: 'decision',
				recordId: row.id,
				changes: diff(undefined, row)
			}
		};
	});
}

/** Correct a decision while its meeting's minutes are open; the number never changes. */
export async function updateDecision(ctx: ServiceContext, id: string, input: unknown) {
	if (!isUuid(id)) throw notFound('Besluit niet gevonden.');
	const [existing] = await ctx.db.select().from(decisions).where(eq(decisions.id, id));
	if (!existing) throw notFound('Besluit niet gevonden.');
	await managedMeeting(ctx, existing.meetingId);
	const data = parse(input);
	return mutate(ctx, async (tx) => {
		const meeting = await lockMeeting(tx, existing.meetingId);
		if (!recordable.includes(meeting.status)) {
			refuse('Dit besluit kan niet meer wijzigen: het verslag is goedgekeurd.');
		}
		const agendaItemId = await checkItem(tx, meeting.id, data.agendaItemId);
		const [before] = await tx.select().from(decisions).where(eq(decisions.id, id));
		const [row] = await tx
			.update(decisions)
			.set({
				agendaItemId,
				title: data.title,
				text: data.text,
				status: data.status,
				...votesOf(data)
			})
			.where(eq(decisions.id, id))
			.returning();
		return {
			result: row,
			audit: {
				action: 'decision.update',
				recordType: 'decision',
				recordId: id,
				changes: diff(before, row)
			}
		};
	});
}

/**
 * SQL: the decision is public — its meeting is public and published, and its item (and that
 * item's parent) is public, or it has no item.
 */
export const decisionIsPublic = sql`(
	${meetings.isPublic} and ${meetings.status} not in ('draft')
	and (${decisions.agendaItemId} is null or exists (
		select 1 from agenda_items i left join agenda_items p on p.id = i.parent_id
		where i.id = ${decisions.agendaItemId} and i.is_public and coalesce(p.is_public, true)
	))
)`;

/** What a list of decisions shows of each. */
const decisionColumns = {
	id: decisions.id,
	year: decisions.year,
	number: decisions.number,
	title: decisions.title,
	text: decisions.text,
	status: decisions.status,
	votesFor: decisions.votesFor,
	votesAgainst: decisions.votesAgainst,
	votesAbstain: decisions.votesAbstain
};

/** The bodies whose closed decisions the principal may read: all (null) or a list. */
export function closedBodyScope(principal: Principal): string[] | null {
	if (can(principal, 'body:read_closed')) return null;
	if (principal.kind !== 'user') return [];
	return Object.keys(principal.bodyRoles).filter((bodyId) =>
		can(principal, 'body:read_closed', { bodyId })
	);
}

export const registerQuery = z.strictObject({
	orgaan: z.string().trim().max(100).optional(),
	q: z.string().trim().max(200, 'Hoogstens 200 tekens.').optional(),
	jaar: z.coerce.number().int().min(1900).max(2200).optional().catch(undefined),
	status: z.enum(decisionStatuses).optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(10_000).default(1).catch(1)
});
export type RegisterQuery = z.infer<typeof registerQuery>;
const PAGE = 25;
/** The most rows one export holds (far beyond any body's decisions in a lifetime). */
export const EXPORT_MAX = 100_000;

/**
 * The decisions register: searchable and filtered by body, year and status. Everyone sees
 * public decisions; members (and staff) also their bodies' closed ones. Two queries (the page,
 * and the total when the page is full or not the first), whatever the number of decisions; the
 * public rule is written with joins here, so the planner does not run a sub-select per
 * decision (bench/README.md: the register at 10 years of 50 bodies).
 */
export async function listDecisions(
	ctx: ServiceContext,
	input: unknown,
	/** `all`: every row, no page (the register exports). */
	opts: { closed?: boolean; all?: boolean } = {}
) {
	const parsed = registerQuery.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige filter.');
	const q = parsed.data;
	const parentItem = alias(agendaItems, 'parent_item');
	const isPublic = sql<boolean>`(${meetings.isPublic} and ${meetings.status} <> 'draft'
		and (${decisions.agendaItemId} is null
			or (${agendaItems.isPublic} and coalesce(${parentItem.isPublic}, true))))`;
	const where: SQL[] = [];
	const scope = opts.closed ? closedBodyScope(ctx.principal) : [];
	if (scope === null) {
		// everything
	} else if (scope.length) {
		where.push(or(isPublic, inArray(decisions.bodyId, scope))!);
	} else {
		where.push(isPublic);
	}
	if (q.orgaan) where.push(eq(bodies.slug, q.orgaan));
	if (q.jaar) where.push(eq(decisions.year, q.jaar));
	if (q.status) where.push(eq(decisions.status, q.status));
	if (q.q) {
		const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
		where.push(or(ilike(decisions.title, like), ilike(decisions.text, like))!);
	}
	const base = <Q extends PgSelect>(query: Q) =>
		query
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
			.leftJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
			.leftJoin(parentItem, eq(parentItem.id, agendaItems.parentId))
			.where(and(...where));
	const offset = opts.all ? 0 : (q.pagina - 1) * PAGE;
	const limit = opts.all ? EXPORT_MAX : PAGE;
	const rows = await base(
		ctx.db
			.select({
				...decisionColumns,
				meetingId: decisions.meetingId,
				meetingStartsAt: meetings.startsAt,
				agendaItemId: decisions.agendaItemId,
				itemTitle: agendaItems.title,
				bodyId: bodies.id,
				bodySlug: bodies.slug,
				bodyName: bodies.name,
				isPublic
			})
			.from(decisions)
			.$dynamic()
	)
		.orderBy(desc(decisions.year), desc(decisions.number), desc(bodies.slug))
		.limit(limit)
		.offset(offset);
	// The total needs its own count only when this page does not tell it.
	const total =
		rows.length < limit && (rows.length > 0 || offset === 0)
			? offset + rows.length
			: (await base(ctx.db.select({ n: count() }).from(decisions).$dynamic()))[0].n;
	return {
		query: q,
		items: rows.map((r) => ({ ...r, reference: decisionReference(r) })),
		total,
		page: q.pagina,
		pages: Math.max(1, Math.ceil(total / PAGE))
	};
}

export async function getDecision(ctx: ServiceContext, id: string) {
	if (!isUuid(id)) throw notFound('Besluit niet gevonden.');
	const [row] = await ctx.db
		.select({
			decision: decisions,
			meeting: {
				id: meetings.id,
				title: meetings.title,
				startsAt: meetings.startsAt,
				status: meetings.status
			},
			item: { id: agendaItems.id, title: agendaItems.title },
			body: { id: bodies.id, slug: bodies.slug, name: bodies.name },
			isPublic: sql<boolean>`${decisionIsPublic}`
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
		.leftJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
		.where(eq(decisions.id, id));
	if (!row) throw notFound('Besluit niet gevonden.');
	if (!row.isPublic && !can(ctx.principal, 'body:read_closed', { bodyId: row.body.id })) {
		// A closed decision does not exist for those who may not read it.
		throw notFound('Besluit niet gevonden.');
	}
	return { ...row, reference: decisionReference(row.decision) };
}

/** The decisions of one meeting (for its pages), public ones only unless `closed`. */
export async function meetingDecisions(db: DbOrTx, meetingId: string, closed: boolean) {
	const rows = await db
		.select({
			...decisionColumns,
			agendaItemId: decisions.agendaItemId,
			isPublic: sql<boolean>`${decisionIsPublic}`
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(and(eq(decisions.meetingId, meetingId), closed ? undefined : decisionIsPublic))
		.orderBy(decisions.number);
	return rows.map((r) => ({ ...r, reference: decisionReference(r) }));
}
