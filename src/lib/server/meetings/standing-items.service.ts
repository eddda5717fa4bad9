/**
 * The standing items of a body (its agenda template): copied into every new meeting in their
 * place. Add, edit, remove and move; positions stay dense under concurrent edits (the body row
 * is locked first).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { Tx } from '../db';
import { bodies, standingItems } from '../db/schema';
import { invalidInput, isUuid, notFound } from '../errors';
import { requireLinked } from '../bodies/links';
import { authorize } from '../policy';
import { standingItemInput } from './meetings.schema';

function parseStanding(input: unknown) {
	const parsed = standingItemInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Het vaste agendapunt is niet opgeslagen.');
	return parsed.data;
}

/** A bound standing item reports on a body linked to its own (reports to, part of, advises). */
async function checkReportBody(tx: Tx, bodyId: string, reportBodyId: string | undefined) {
	if (!reportBodyId) return;
	await requireLinked(
		tx,
		bodyId,
		reportBodyId,
		'Een vast agendapunt kan alleen rapporteren over een orgaan dat met dit orgaan verbonden is (rapporteert aan, maakt deel uit van of adviseert). Het vaste agendapunt is niet opgeslagen.'
	);
}

/** Lock the body row: concurrent template edits of one body queue, so positions stay dense. */
async function lockBody(tx: Tx, bodyId: string) {
	const [body] = await tx
		.select({ id: bodies.id })
		.from(bodies)
		.where(eq(bodies.id, bodyId))
		.for('update');
	if (!body) throw notFound('Orgaan niet gevonden.');
}

async function loadStanding(ctx: ServiceContext, id: string) {
	if (!isUuid(id)) throw notFound('Vast agendapunt niet gevonden.');
	const [row] = await ctx.db.select().from(standingItems).where(eq(standingItems.id, id));
	if (!row) throw notFound('Vast agendapunt niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: row.bodyId }, ctx.requestId);
	return row;
}

export async function listStandingItems(ctx: ServiceContext, bodyId: string) {
	authorize(ctx.principal, 'body:read_closed', { bodyId }, ctx.requestId);
	return ctx.db
		.select()
		.from(standingItems)
		.where(eq(standingItems.bodyId, bodyId))
		.orderBy(asc(standingItems.position));
}

export async function addStandingItem(ctx: ServiceContext, bodyId: string, input: unknown) {
	if (!isUuid(bodyId)) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	const data = parseStanding(input);
	return mutate(ctx, async (tx) => {
		await lockBody(tx, bodyId);
		await checkReportBody(tx, bodyId, data.reportBodyId);
		const [{ n }] = await tx
			.select({ n: sql<number>`coalesce(max(${standingItems.position}) + 1, 0)::int` })
			.from(standingItems)
			.where(eq(standingItems.bodyId, bodyId));
		const [row] = await tx
			.insert(standingItems)
			.values({ ...data, isPublic: data.isPublic ?? false, bodyId, position: n })
			.returning();
		return {
			result: row,
			audit: {
				action: 'standing_item.create',
				recordType: 'standing_item',
				recordId: row.id,
				changes: diff(undefined, row)
			}
		};
	});
}

export async function updateStandingItem(ctx: ServiceContext, id: string, input: unknown) {
	const before = await loadStanding(ctx, id);
	const data = parseStanding(input);
	return mutate(ctx, async (tx) => {
		await checkReportBody(tx, before.bodyId, data.reportBodyId);
		const [row] = await tx
			.update(standingItems)
			.set({
				...data,
				reportBodyId: data.reportBodyId ?? null,
				description: data.description ?? null,
				durationMinutes: data.durationMinutes ?? null,
				presenter: data.presenter ?? null,
				isPublic: data.isPublic ?? false
			})
			.where(eq(standingItems.id, id))
			.returning();
		return {
			result: row,
			audit: {
				action: 'standing_item.update',
				recordType: 'standing_item',
				recordId: id,
				changes: diff(before, row)
			}
		};
	});
}

export async function deleteStandingItem(ctx: ServiceContext, id: string) {
	const before = await loadStanding(ctx, id);
	return mutate(ctx, async (tx) => {
		await lockBody(tx, before.bodyId);
		await tx.delete(standingItems).where(eq(standingItems.id, id));
		const rest = await tx
			.select({ id: standingItems.id })
			.from(standingItems)
			.where(eq(standingItems.bodyId, before.bodyId))
			.orderBy(asc(standingItems.position));
		for (const [i, s] of rest.entries()) {
			await tx.update(standingItems).set({ position: i }).where(eq(standingItems.id, s.id));
		}
		return {
			result: before,
			audit: {
				action: 'standing_item.delete',
				recordType: 'standing_item',
				recordId: id,
				changes: diff(before, undefined)
			}
		};
	});
}

export async function moveStandingItem(ctx: ServiceContext, id: string, direction: 'up' | 'down') {
	const item = await loadStanding(ctx, id);
	return mutate(ctx, async (tx) => {
		await lockBody(tx, item.bodyId);
		const rows = await tx
			.select({ id: standingItems.id })
			.from(standingItems)
			.where(eq(standingItems.bodyId, item.bodyId))
			.orderBy(asc(standingItems.position))
			.for('update');
		const ids = rows.map((r) => r.id);
		const from = ids.indexOf(id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (from >= 0 && to >= 0 && to < ids.length) [ids[from], ids[to]] = [ids[to], ids[from]];
		for (const [i, sid] of ids.entries()) {
			await tx.update(standingItems).set({ position: i }).where(eq(standingItems.id, sid));
		}
		return {
			result: ids,
			audit: {
				action: 'standing_item.move',
				recordType: 'standing_item',
				recordId: id,
				changes: { position: { before: from, after: ids.indexOf(id) } }
			}
		};
	});
}
