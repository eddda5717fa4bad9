/**
 * News items and pages: the reads. The public sees an item once its `publish_at` has passed
 * (`isPublished`, the SQL twin of status.ts); drafts and scheduled items are "not found" for it,
 * and editors preview them in the workspace. Every read is a fixed number of queries whatever the
 * data (asserted in content.queries.spec.ts): the body's name comes with a join.
 */
import { and, desc, eq, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { bodies, contentItems, type ContentKind } from '../db/schema';
import { AppError } from '../errors';
import { can, type Principal } from '../policy';
import { contentStatus } from './status';

/** Published at `now`: the one public rule (feeds and the API use it too). */
// Through the column (lte), so the Date is mapped for both drivers (postgres.js refuses a raw Date).
export const isPublished = (now: Date): SQL =>
	and(isNotNull(contentItems.publishAt), lte(contentItems.publishAt, now))!;

const listColumns = {
	id: contentItems.id,
	kind: contentItems.kind,
	slug: contentItems.slug,
	title: contentItems.title,
	summary: contentItems.summary,
	imageFileId: contentItems.imageFileId,
	imageAlt: contentItems.imageAlt,
	publishAt: contentItems.publishAt,
	areaId: contentItems.areaId,
	organisationId: contentItems.organisationId,
	policyDomainId: contentItems.policyDomainId,
	isExample: contentItems.isExample,
	body: { id: bodies.id, slug: bodies.slug, name: bodies.name }
};

export type NewsFilter = { bodyId?: string; areaId?: string; policyDomainId?: string };

/** Items of a region: attached to it, or of a body of it. */
const ofRegion = (areaId: string) =>
	or(
		eq(contentItems.areaId, areaId),
		sql`${contentItems.bodyId} in (select ${bodies.id} from ${bodies} where ${bodies.regionId} = ${areaId})`
	);

function filterOf(filter: NewsFilter): SQL[] {
	const out: SQL[] = [];
	if (filter.bodyId) out.push(eq(contentItems.bodyId, filter.bodyId));
	if (filter.areaId) out.push(ofRegion(filter.areaId)!);
	if (filter.policyDomainId) out.push(eq(contentItems.policyDomainId, filter.policyDomainId));
	return out;
}

/** Cursor of a news list: the last item's publication instant and id (newest first). */
export function newsCursor(row: { publishAt: Date | null; id: string }): string {
	return Buffer.from(`${row.publishAt!.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function decodeNewsCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
	if (!cursor) return undefined;
	const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
	const date = new Date(at ?? '');
	if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(date.getTime())) {
		throw new AppError('invalid_input', 'Ongeldige cursor.', { cursor: ['Ongeldige cursor.'] });
	}
	return { at: date, id };
}

/** Published news, newest first, one page after `cursor`: one query. */
export async function publishedNews(
	db: DbOrTx,
	filter: NewsFilter,
	page: { cursor?: string; limit: number },
	now = new Date()
) {
	const after = decodeNewsCursor(page.cursor);
	const rows = await db
		.select(listColumns)
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(
			and(
				eq(contentItems.kind, 'news'),
				isPublished(now),
				...filterOf(filter),
				after
					? or(
							lt(contentItems.publishAt, after.at),
							and(eq(contentItems.publishAt, after.at), lt(contentItems.id, after.id))
						)
					: undefined
			)
		)
		.orderBy(desc(contentItems.publishAt), desc(contentItems.id))
		.limit(page.limit + 1);
	const items = rows.slice(0, page.limit);
	return {
		items,
		nextCursor: rows.length > page.limit ? newsCursor(items[items.length - 1]) : null
	};
}

/** The latest `n` published news of a body or a region (their public pages): one query. */
export async function latestNews(db: DbOrTx, filter: NewsFilter, n = 3, now = new Date()) {
	return (await publishedNews(db, filter, { limit: n }, now)).items;
}

/** Published pages of a body or a region ("Lees meer"), by title: one query. */
export async function publishedPages(db: DbOrTx, filter: NewsFilter, now = new Date()) {
	return db
		.select({ id: contentItems.id, slug: contentItems.slug, title: contentItems.title })
		.from(contentItems)
		.where(and(eq(contentItems.kind, 'page'), isPublished(now), ...filterOf(filter)))
		.orderBy(sql`${contentItems.title}->>'nl'`);
}

/** One published item by kind and slug (undefined for drafts, scheduled and unknown): one query. */
export async function publishedItem(db: DbOrTx, kind: ContentKind, slug: string, now = new Date()) {
	const [row] = await db
		.select({ item: contentItems, body: { id: bodies.id, slug: bodies.slug, name: bodies.name } })
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(and(eq(contentItems.kind, kind), eq(contentItems.slug, slug), isPublished(now)));
	return row;
}

/** One item by id with its body, whatever its state (the workspace checks who may edit it). */
export async function itemById(db: DbOrTx, id: string) {
	const [row] = await db
		.select({ item: contentItems, body: { id: bodies.id, slug: bodies.slug, name: bodies.name } })
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(eq(contentItems.id, id));
	return row;
}

/** May the principal write this item (same rule as the service's authorizeContent)? */
export const mayEditContent = (principal: Principal, item: { bodyId: string | null }) =>
	item.bodyId
		? can(principal, 'body:edit_content', { bodyId: item.bodyId })
		: can(principal, 'content:manage');

/** The bodies whose content the principal writes (all for staff), for choices and the list. */
export function editableBodyIds(principal: Principal): string[] | 'all' {
	if (can(principal, 'body:edit_content', { bodyId: '00000000-0000-0000-0000-000000000000' })) {
		return 'all';
	}
	if (principal.kind !== 'user') return [];
	return Object.keys(principal.bodyRoles).filter((bodyId) =>
		can(principal, 'body:edit_content', { bodyId })
	);
}

/** The workspace list: every item the principal may edit, newest change first: one query. */
export async function workspaceContent(db: DbOrTx, principal: Principal, now = new Date()) {
	const bodyIds = editableBodyIds(principal);
	const own = can(principal, 'content:manage');
	if (bodyIds !== 'all' && !bodyIds.length && !own) return [];
	const scope =
		bodyIds === 'all'
			? undefined
			: or(
					own ? sql`${contentItems.bodyId} is null` : undefined,
					bodyIds.length
						? sql`${contentItems.bodyId} in (${sql.join(
								bodyIds.map((id) => sql`${id}::uuid`),
								sql`, `
							)})`
						: undefined
				);
	const rows = await db
		.select({ ...listColumns, updatedAt: contentItems.updatedAt })
		.from(contentItems)
		.leftJoin(bodies, eq(bodies.id, contentItems.bodyId))
		.where(scope)
		.orderBy(desc(contentItems.updatedAt), desc(contentItems.id));
	return rows.map((r) => ({ ...r, status: contentStatus(r.publishAt, now) }));
}
