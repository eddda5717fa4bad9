/**
 * Attachments of progress updates: up to five files per update (PDF, office documents, images —
 * purpose 'plan_update' in files/purposes.ts, 25 MB each, typed by their content, never by their
 * name). They are staged (streamed to temp files and checked) before the update's transaction and
 * recorded inside it (updates.service.ts postUpdate), so a refused file leaves no update, no file
 * row and no attachment row. Who may download one: see findAttachment.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { planItems, planMeasures, plans, planUpdateAttachments, planUpdates } from '../db/schema';
import { AppError, isUuid } from '../errors';
import {
	cleanName,
	commitUpload,
	discardUpload,
	stageUpload,
	type StagedUpload,
	type Upload
} from '../files/files.service';

export const MAX_ATTACHMENTS = 5;
const MAX_TITLE = 200;

/** A file to attach; without a title the attachment is called by the file's name. */
export type AttachmentUpload = Upload & { title?: string };

export type StagedAttachment = { staged: StagedUpload; title: string };

/** The form field the messages belong to. */
export const ATTACHMENTS_FIELD = 'attachments';

/** Remove the temp files of staged attachments (after the commit, or on a refusal). */
export async function discardAttachments(staged: StagedAttachment[]): Promise<void> {
	await Promise.all(staged.map((s) => discardUpload(s.staged)));
}

/**
 * Check and stage every upload. Refused (more than five, a title over 200 characters, a file that
 * is empty, too large or of a type not allowed) → AppError('invalid_input') with one Dutch message
 * per refused file on `attachments`, and no temp file left. The caller must discardAttachments.
 */
export async function stageAttachments(uploads: AttachmentUpload[]): Promise<StagedAttachment[]> {
	const refuse = (messages: string[]) =>
		new AppError('invalid_input', messages[0], { [ATTACHMENTS_FIELD]: messages });
	if (uploads.length > MAX_ATTACHMENTS) {
		throw refuse([`Voeg hoogstens ${MAX_ATTACHMENTS} bijlagen toe (u koos er ${uploads.length}).`]);
	}
	const titles = uploads.map((u) => u.title?.trim() || cleanName(u.name));
	const long = titles.find((title) => title.length > MAX_TITLE);
	if (long !== undefined) {
		throw refuse([`De titel van een bijlage is hoogstens ${MAX_TITLE} tekens lang.`]);
	}
	const staged: StagedAttachment[] = [];
	const problems: string[] = [];
	// One after the other: each streams to its own temp file; every refused file is named.
	for (const [i, upload] of uploads.entries()) {
		try {
			staged.push({
				staged: await stageUpload('plan_update', upload, ATTACHMENTS_FIELD),
				title: titles[i]
			});
		} catch (e) {
			if (!(e instanceof AppError) || e.code !== 'invalid_input') {
				await discardAttachments(staged);
				throw e;
			}
			problems.push(`${cleanName(upload.name)}: ${e.message}`);
		}
	}
	if (problems.length) {
		await discardAttachments(staged);
		throw refuse(problems);
	}
	return staged;
}

/**
 * Record staged attachments of a new update inside its transaction (ctx.db is the tx): a files row
 * (with its audit row) and an attachment row each, the blobs moved into place.
 */
export async function recordAttachments(
	ctx: ServiceContext,
	updateId: string,
	staged: StagedAttachment[]
): Promise<{ fileId: string; title: string }[]> {
	const out: { fileId: string; title: string }[] = [];
	for (const s of staged) {
		const file = await commitUpload(ctx, s.staged);
		out.push({ fileId: file.id, title: s.title });
	}
	if (out.length) {
		await ctx.db
			.insert(planUpdateAttachments)
			.values(out.map((a) => ({ updateId, fileId: a.fileId, title: a.title })));
	}
	return out;
}

export type FoundAttachment = {
	fileId: string;
	title: string;
	itemId: string;
	plan: { id: string; isPublic: boolean; bodyId: string | null };
};

/**
 * The attachment `fileId` of an update in the plan `planSlug` — of the action `itemId` when given
 * (the workspace's action page), else of any action or measure of the plan (the public page, which
 * shows the latest updates). Undefined when there is no such attachment; whether the caller may
 * read the plan is the caller's decision (public: published plans only; workspace: mayRead).
 */
export async function findAttachment(
	db: DbOrTx,
	where: { planSlug: string; fileId: string; itemId?: string }
): Promise<FoundAttachment | undefined> {
	if (!isUuid(where.fileId) || (where.itemId !== undefined && !isUuid(where.itemId))) {
		return undefined;
	}
	const [row] = await db
		.select({
			fileId: planUpdateAttachments.fileId,
			title: planUpdateAttachments.title,
			itemId: planItems.id,
			planId: plans.id,
			isPublic: plans.isPublic,
			bodyId: plans.bodyId
		})
		.from(planUpdateAttachments)
		.innerJoin(planUpdates, eq(planUpdates.id, planUpdateAttachments.updateId))
		.leftJoin(planMeasures, eq(planMeasures.id, planUpdates.measureId))
		.innerJoin(
			planItems,
			eq(planItems.id, sql`coalesce(${planUpdates.itemId}, ${planMeasures.itemId})`)
		)
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(
			and(
				eq(planUpdateAttachments.fileId, where.fileId.toLowerCase()),
				eq(plans.slug, where.planSlug),
				where.itemId ? eq(planUpdates.itemId, where.itemId.toLowerCase()) : undefined
			)
		)
		.limit(1);
	if (!row) return undefined;
	return {
		fileId: row.fileId,
		title: row.title,
		itemId: row.itemId,
		plan: { id: row.planId, isPublic: row.isPublic, bodyId: row.bodyId }
	};
}
