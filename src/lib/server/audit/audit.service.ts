import { and, desc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import { auditEvents, type AuditChanges } from '../db/schema';

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
