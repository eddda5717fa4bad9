/**
 * Uploads: stream to a temp file, sniff the type from the content, check the purpose's limits,
 * then (in the caller's transaction) write one `files` row and move the blob to its content
 * address. A refused or failed upload leaves neither a blob nor a row.
 *
 * Authorisation is the caller's: a domain command (e.g. setSiteLogo) authorises its own action
 * and calls stageUpload + commitUpload, or storeFile.
 */
import { eq } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { files } from '../db/schema';
import { AppError } from '../errors';
import {
	allowedTypesText,
	formatBytes,
	purposeRule,
	typeLabel,
	type FilePurpose,
	type PurposeRule
} from './purposes';
import {
	discardStaged,
	placeBlob,
	sniffType,
	stageBlob,
	TooLargeError,
	type StagedBlob,
	type UploadSource
} from './storage';

export type StoredFile = typeof files.$inferSelect;

export type Upload = {
	/** The name the browser sent: kept for display and downloads, never used on disk. */
	name: string;
	data: UploadSource;
};

export type StagedUpload = StagedBlob & { purpose: FilePurpose; mimeType: string; name: string };

function refused(field: string, message: string): AppError {
	return new AppError('invalid_input', message, { [field]: [message] });
}

export function tooLargeMessage(rule: PurposeRule): string {
	return `Het bestand is groter dan ${formatBytes(rule.maxBytes)}, de grens voor ${rule.label}.`;
}

function ruleOf(purpose: FilePurpose): PurposeRule {
	const rule = purposeRule(purpose);
	if (!rule) throw new Error(`unknown file purpose ${purpose}`);
	return rule;
}

/** Keep a display name: no path, no control characters, at most 200 characters. */
export function cleanName(name: string): string {
	const base = name.split(/[/\\]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return (clean || 'bestand').slice(0, 200);
}

/**
 * Stream an upload to a temp file and check it against its purpose. Refused (too large, empty,
 * wrong type) → AppError('invalid_input') with a Dutch message on `field`, and nothing stays on
 * disk. The caller must commitUpload or discardUpload the result.
 */
export async function stageUpload(
	purpose: FilePurpose,
	upload: Upload,
	field = 'file'
): Promise<StagedUpload> {
	const rule = ruleOf(purpose);
	let staged: StagedBlob;
	try {
		staged = await stageBlob(upload.data, rule.maxBytes);
	} catch (e) {
		if (e instanceof TooLargeError) throw refused(field, tooLargeMessage(rule));
		throw e;
	}
	try {
		if (staged.size === 0) throw refused(field, 'Het bestand is leeg.');
		const mimeType = await sniffType(staged.tmpPath);
		if (!mimeType || !rule.types.includes(mimeType)) {
			const found = mimeType ? `een ${typeLabel(mimeType)}-bestand` : 'geen bekend bestandstype';
			throw refused(
				field,
				`Dit bestand is ${found}. Voor ${rule.label} zijn alleen ${allowedTypesText(rule)} toegestaan.`
			);
		}
		return { ...staged, purpose, mimeType, name: cleanName(upload.name) };
	} catch (e) {
		await discardStaged(staged);
		throw e;
	}
}

export const discardUpload = (staged: StagedUpload | undefined) => discardStaged(staged);

/**
 * Record a staged upload inside the caller's transaction (ctx.db may be a tx): one row plus its
 * audit row, then the blob moved into place. If the transaction later rolls back, the row goes
 * and the blob (content-addressed, harmless) may stay for a later sweep.
 */
export async function commitUpload(ctx: ServiceContext, staged: StagedUpload): Promise<StoredFile> {
	return mutate(ctx, async (tx) => {
		const [row] = await tx
			.insert(files)
			.values({
				sha256: staged.sha256,
				size: staged.size,
				mimeType: staged.mimeType,
				originalName: staged.name,
				purpose: staged.purpose,
				createdBy: ctx.actor.type === 'user' ? ctx.actor.id : undefined
			})
			.returning();
		await placeBlob(staged);
		return {
			result: row,
			audit: {
				action: 'file.upload',
				recordType: 'file',
				recordId: row.id,
				changes: {
					purpose: { after: row.purpose },
					mimeType: { after: row.mimeType },
					size: { after: row.size },
					sha256: { after: row.sha256 },
					originalName: { after: row.originalName }
				}
			}
		};
	});
}

/** Stage, check and record an upload in one go (the caller has authorised it). */
export async function storeFile(
	ctx: ServiceContext,
	purpose: FilePurpose,
	upload: Upload,
	field = 'file'
): Promise<StoredFile> {
	const staged = await stageUpload(purpose, upload, field);
	try {
		return await commitUpload(ctx, staged);
	} finally {
		await discardUpload(staged);
	}
}

export async function getFile(db: DbOrTx, id: string): Promise<StoredFile | undefined> {
	const [row] = await db.select().from(files).where(eq(files.id, id));
	return row;
}
