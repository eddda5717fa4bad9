/**
 * News items and pages: the write side. A body's items are written by its chair, secretary and
 * editors (body:edit_content; staff everywhere), the partnership's own items (no body) by staff
 * (content:manage). Every command authorises first — on the stored item's body and on the body
 * the input names — before it reads the rest of the input, then writes in one transaction with its
 * audit row. Refused input changes nothing (no row, no audit, no file):
 *   - a slug already used by an item of the same kind;
 *   - Markdown with an image without alt text or a javascript:/vbscript:/data: link (schema);
 *   - a lead image without alt text, or an upload that is not a PNG/JPEG/WebP image;
 *   - a stale revision (ContentConflict returns what is stored now);
 *   - a schedule in the past.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diff, mutate } from '../audit/audit.service';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import { areas, bodies, contentItems, organisations, policyDomains } from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { commitUpload, discardUpload, stageUpload, type Upload } from '../files/files.service';
import { authorize, can } from '../policy';
import { slugify } from '../seed/ids';
import {
	contentInput,
	contentMessages,
	contentUpdate,
	revisionInput,
	scheduleInput,
	type ContentInput,
	type ContentUpdate
} from './content.schema';

export type ContentItem = typeof contentItems.$inferSelect;

/** A stale edit: the stored item goes back to the writer (their own text is in the form). */
export class ContentConflict extends AppError {
	constructor(readonly current: ContentItem) {
		super('conflict', contentMessages.conflict);
	}
}

function refuse(message: string, fields?: Record<string, string[]>): never {
	throw new AppError('invalid_input', message, fields);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error);
	return parsed.data;
}

export const contentNotFound = () => notFound('Bericht niet gevonden.');

/** With a body: body:edit_content on it; without: content:manage (the partnership's own). */
export function authorizeContent(ctx: ServiceContext, item: { bodyId: string | null }): void {
	if (item.bodyId) authorize(ctx.principal, 'body:edit_content', { bodyId: item.bodyId });
	else authorize(ctx.principal, 'content:manage');
}

/** The body an unparsed input names: authorised before the rest is read (403 before 400). */
function authorizeNamedBody(ctx: ServiceContext, input: unknown) {
	const raw = (input ?? {}) as Record<string, unknown>;
	const bodyId = typeof raw.bodyId === 'string' && raw.bodyId.trim() ? raw.bodyId.trim() : null;
	if (bodyId && !isUuid(bodyId)) refuse('Ongeldig orgaan.', { bodyId: ['Ongeldig orgaan.'] });
	// A body's writer who names no body must choose one (the partnership's own is for staff).
	if (!bodyId && !can(ctx.principal, 'content:manage') && editsSomeBody(ctx)) {
		refuse(contentMessages.chooseBody, { bodyId: [contentMessages.chooseBody] });
	}
	authorizeContent(ctx, { bodyId });
}

const editsSomeBody = (ctx: ServiceContext) =>
	ctx.principal.kind === 'user' &&
	Object.keys(ctx.principal.bodyRoles).some((bodyId) =>
		can(ctx.principal, 'body:edit_content', { bodyId })
	);

/** The item, authorised for writing. */
export async function keptContent(ctx: ServiceContext, id: string): Promise<ContentItem> {
	if (!isUuid(id)) throw contentNotFound();
	const [row] = await ctx.db.select().from(contentItems).where(eq(contentItems.id, id));
	if (!row) throw contentNotFound();
	authorizeContent(ctx, row);
	return row;
}

async function locked(tx: Tx, id: string): Promise<ContentItem> {
	const [row] = await tx.select().from(contentItems).where(eq(contentItems.id, id)).for('update');
	if (!row) throw contentNotFound();
	return row;
}

/** The attachments must exist (a region is an area of level `regio`): one query. */
async function checkAttachments(db: DbOrTx, data: ContentInput | ContentUpdate) {
	const [found] = await db
		.select({
			body: data.bodyId
				? sql<boolean>`exists (select 1 from ${bodies} where ${bodies.id} = ${data.bodyId})`
				: sql<boolean>`true`,
			area: data.areaId
				? sql<boolean>`exists (select 1 from ${areas} where ${areas.id} = ${data.areaId} and ${areas.level} = 'regio')`
				: sql<boolean>`true`,
			organisation: data.organisationId
				? sql<boolean>`exists (select 1 from ${organisations} where ${organisations.id} = ${data.organisationId})`
				: sql<boolean>`true`,
			policyDomain: data.policyDomainId
				? sql<boolean>`exists (select 1 from ${policyDomains} where ${policyDomains.id} = ${data.policyDomainId})`
				: sql<boolean>`true`
		})
		.from(sql`(select 1) as one`);
	const fields: Record<string, string[]> = {};
	if (!found.body) fields.bodyId = ['Dat orgaan bestaat niet.'];
	if (!found.area) fields.areaId = ['Die regio bestaat niet.'];
	if (!found.organisation) fields.organisationId = ['Die organisatie bestaat niet.'];
	if (!found.policyDomain) fields.policyDomainId = ['Dat beleidsdomein bestaat niet.'];
	if (Object.keys(fields).length) refuse(Object.values(fields)[0][0], fields);
}

/** A lead image needs its alt text (checked before the upload is read). */
function checkImageAlt(hasImage: boolean, data: ContentInput | ContentUpdate) {
	if (hasImage && !data.imageAltNl) {
		refuse(contentMessages.imageAlt, { imageAltNl: [contentMessages.imageAlt] });
	}
}

/** Workspace paths beside the item pages. */
const reservedSlugs = ['nieuw', 'feed', 'feed-atom'];

/** The slug asked for (refused when taken), or one made from the title. */
async function slugFor(
	tx: Tx,
	kind: ContentItem['kind'],
	data: { slug?: string; titleNl: string },
	except?: string
) {
	const taken = async (slug: string) =>
		reservedSlugs.includes(slug) ||
		(
			await tx
				.select({ id: contentItems.id })
				.from(contentItems)
				.where(
					and(
						eq(contentItems.kind, kind),
						eq(contentItems.slug, slug),
						except ? ne(contentItems.id, except) : undefined
					)
				)
		).length > 0;
	if (data.slug) {
		if (await taken(data.slug)) {
			const message = contentMessages.slugTaken(kind);
			refuse(message, { slug: [message] });
		}
		return data.slug;
	}
	const base = slugify(data.titleNl).slice(0, 80).replace(/-+$/, '') || 'bericht';
	if (!(await taken(base))) return base;
	for (let n = 2; ; n++) if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
}

const textOf = (nl: string | undefined, en: string | undefined) =>
	nl ? { nl, ...(en ? { en } : {}) } : null;

/** The columns an input sets (slug and image apart). */
function columns(data: ContentInput | ContentUpdate) {
	return {
		title: { nl: data.titleNl, ...(data.titleEn ? { en: data.titleEn } : {}) },
		summary: textOf(data.summaryNl, data.summaryEn),
		body: { nl: data.bodyNl, ...(data.bodyEn ? { en: data.bodyEn } : {}) },
		imageAlt: textOf(data.imageAltNl, data.imageAltEn),
		bodyId: data.bodyId ?? null,
		areaId: data.areaId ?? null,
		organisationId: data.organisationId ?? null,
		policyDomainId: data.policyDomainId ?? null
	};
}

/** Run `fn` with the staged upload (if any), never leaving a temp file behind. */
async function withImage<T>(
	image: Upload | undefined,
	fn: (staged: Awaited<ReturnType<typeof stageUpload>> | undefined) => Promise<T>
) {
	const staged = image ? await stageUpload('content_image', image, 'image') : undefined;
	try {
		return await fn(staged);
	} finally {
		await discardUpload(staged);
	}
}

/** A new news item or page, as a draft. */
export async function createContent(
	ctx: ServiceContext,
	input: unknown,
	image?: Upload
): Promise<ContentItem> {
	authorizeNamedBody(ctx, input);
	const data = parse(contentInput, input);
	checkImageAlt(!!image, data);
	await checkAttachments(ctx.db, data);
	return withImage(image, (staged) =>
		mutate(ctx, async (tx) => {
			const slug = await slugFor(tx, data.kind, data);
			const file = staged ? await commitUpload({ ...ctx, db: tx }, staged) : undefined;
			const [row] = await tx
				.insert(contentItems)
				.values({
					kind: data.kind,
					slug,
					...columns(data),
					imageFileId: file?.id ?? null,
					createdBy: userIdOf(ctx)
				})
				.returning();
			return {
				result: row,
				audit: {
					action: 'content.create',
					recordType: 'content_item',
					recordId: row.id,
					changes: diff(undefined, row)
				}
			};
		})
	);
}

/** Save an edit against the revision the form was loaded with. */
export async function updateContent(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	image?: Upload
): Promise<ContentItem> {
	const stored = await keptContent(ctx, id);
	authorizeNamedBody(ctx, input);
	const data = parse(contentUpdate, input);
	const keepsImage = !data.removeImage && !!stored.imageFileId;
	checkImageAlt(!!image || keepsImage, data);
	await checkAttachments(ctx.db, data);
	return withImage(image, (staged) =>
		mutate(ctx, async (tx) => {
			const before = await locked(tx, id);
			if (before.revision !== data.revision) throw new ContentConflict(before);
			const slug = await slugFor(tx, before.kind, data, id);
			const file = staged ? await commitUpload({ ...ctx, db: tx }, staged) : undefined;
			const [row] = await tx
				.update(contentItems)
				.set({
					slug,
					...columns(data),
					imageFileId: file ? file.id : data.removeImage ? null : before.imageFileId,
					revision: before.revision + 1,
					updatedAt: new Date()
				})
				.where(eq(contentItems.id, id))
				.returning();
			return {
				result: row,
				audit: {
					action: 'content.update',
					recordType: 'content_item',
					recordId: id,
					changes: diff(before, row)
				}
			};
		})
	);
}

export async function deleteContent(ctx: ServiceContext, id: string): Promise<void> {
	await keptContent(ctx, id);
	await mutate(ctx, async (tx) => {
		const [before] = await tx.delete(contentItems).where(eq(contentItems.id, id)).returning();
		if (!before) throw contentNotFound();
		return {
			result: undefined,
			audit: {
				action: 'content.delete',
				recordType: 'content_item',
				recordId: id,
				changes: diff(before, undefined)
			}
		};
	});
}

/** Set (or clear) the publication moment: one audited change of `publish_at`. */
async function setPublishAt(
	ctx: ServiceContext,
	id: string,
	revision: number,
	publishAt: Date | null,
	action: string
) {
	return mutate(ctx, async (tx) => {
		const before = await locked(tx, id);
		if (before.revision !== revision) throw new ContentConflict(before);
		const [row] = await tx
			.update(contentItems)
			.set({ publishAt, revision: before.revision + 1, updatedAt: new Date() })
			.where(eq(contentItems.id, id))
			.returning();
		return {
			result: row,
			audit: {
				action,
				recordType: 'content_item',
				recordId: id,
				changes: { publishAt: { before: before.publishAt, after: publishAt } }
			}
		};
	});
}

/** Publish now (against the revision the page showed: a bare post publishes nothing). */
export async function publishContent(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	now = new Date()
) {
	await keptContent(ctx, id);
	const { revision } = parse(revisionInput, input);
	return setPublishAt(ctx, id, revision, now, 'content.publish');
}

/** Publish at a moment in the future (Brussels wall-clock in the form). */
export async function scheduleContent(
	ctx: ServiceContext,
	id: string,
	input: unknown,
	now = new Date()
) {
	await keptContent(ctx, id);
	const { publishAt, revision } = parse(scheduleInput, input);
	if (publishAt.getTime() <= now.getTime()) {
		refuse(contentMessages.publishAtPast, { publishAt: [contentMessages.publishAtPast] });
	}
	return setPublishAt(ctx, id, revision, publishAt, 'content.schedule');
}

/** Back to draft: the public no longer sees it. */
export async function unpublishContent(ctx: ServiceContext, id: string, input: unknown) {
	await keptContent(ctx, id);
	const { revision } = parse(revisionInput, input);
	return setPublishAt(ctx, id, revision, null, 'content.unpublish');
}
