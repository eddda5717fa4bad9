import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import { auditEvents, type AuditChanges } from '../db/schema';
import { invalidInput } from '../errors';
import { authorize } from '../policy';

export type AuditInput = {
	action: string;
	recordType: string;
	recordId?: string;
	changes?: AuditChanges;
};

/** The changed fields between two versions of a record (unchanged fields are left out). */
export function diff(
	before: Record<string, unknown> | undefined,
	after: Record<string, unknown> | undefined,
	ignore: string[] = ['createdAt', 'updatedAt']
): AuditChanges {
	const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
	const out: AuditChanges = {};
	for (const key of keys) {
		if (ignore.includes(key)) continue;
		const a = before?.[key];
		const b = after?.[key];
		if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = { before: a, after: b };
	}
	return out;
}

async function writeAudit(tx: DbOrTx, ctx: ServiceContext, input: AuditInput): Promise<void> {
	await tx.insert(auditEvents).values({
		actorType: ctx.actor.type,
		actorId: ctx.actor.id,
		actorLabel: ctx.actor.label,
		action: input.action,
		recordType: input.recordType,
		recordId: input.recordId,
		changes: input.changes,
		requestId: ctx.requestId
	});
}

/**
 * Run a command in one transaction that also writes its audit row. `fn` returns the result and
 * the audit entry; if anything throws, neither the change nor the audit row remains.
 */
export async function mutate<T>(
	ctx: ServiceContext,
	fn: (tx: Tx) => Promise<{ result: T; audit: AuditInput }>
): Promise<T> {
	return ctx.db.transaction(async (tx) => {
		const { result, audit } = await fn(tx);
		await writeAudit(tx, ctx, audit);
		return result;
	});
}

export async function auditTrail(db: DbOrTx, recordType: string, recordId: string) {
	return db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
		.orderBy(desc(auditEvents.at));
}

const filter = (max: number) => z.string().trim().max(max, `Hoogstens ${max} tekens.`).optional();

export const auditQuery = z.strictObject({
	recordType: filter(60),
	recordId: filter(100),
	actorId: filter(100),
	action: filter(100),
	cursor: z.uuid('Ongeldige cursor.').optional(),
	limit: z.coerce.number().int().min(1).max(200).default(50)
});

/** Browse the audit trail, newest first, filtered per record, per person or per action. */
export async function listAuditEvents(ctx: ServiceContext, input: unknown) {
	authorize(ctx.principal, 'audit:read', undefined, ctx.requestId);
	const parsed = auditQuery.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Ongeldige filter.');
	const q = parsed.data;
	const where: SQL[] = [];
	if (q.recordType) where.push(eq(auditEvents.recordType, q.recordType));
	if (q.recordId) where.push(eq(auditEvents.recordId, q.recordId));
	if (q.actorId) where.push(eq(auditEvents.actorId, q.actorId));
	if (q.action) where.push(ilike(auditEvents.action, `${q.action.replace(/[%_\\]/g, '\\$&')}%`));
	if (q.cursor) {
		// Compare (at, id) with the row itself, at the database's full timestamp precision.
		where.push(
			sql`(${auditEvents.at}, ${auditEvents.id}) < (select a.at, a.id from audit_events a where a.id = ${q.cursor})`
		);
	}
	const rows = await ctx.db
		.select()
		.from(auditEvents)
		.where(and(...where))
		.orderBy(desc(auditEvents.at), desc(auditEvents.id))
		.limit(q.limit + 1);
	const items = rows.slice(0, q.limit);
	const last = items[items.length - 1];
	return {
		items,
		/** The id of the last row shown: the next page starts after it. */
		nextCursor: rows.length > q.limit && last ? last.id : null
	};
}
