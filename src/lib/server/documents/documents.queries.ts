/**
 * Read side of meeting documents: the list of a meeting with every version, what the public may
 * see, the workspace page, and the file a reader may download. A document is public when its
 * meeting is public and past the draft and, if it belongs to an item, the item is public (the
 * agenda's rule, `publicItems`); otherwise only members of the body (body:read_closed) see it —
 * and the members of a body it was sent to along with an advice.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	adviceHopDocuments,
	adviceHops,
	agendaItems,
	bodies,
	documents,
	documentVersions,
	files,
	meetings,
	users
} from '../db/schema';
import { isUuid } from '../errors';
import { formatBytes, typeLabel } from '../files/purposes';
import { formatDate } from '../../i18n';
import { meetingTitle, numberAgenda, publicItems } from '../meetings/agenda';
import { loadMeeting } from '../meetings/meetings.service';
import { authorize, can, type Principal } from '../policy';
import { config } from '../config';

const MB = 1024 * 1024;

/** The configured limits, in bytes. */
export function documentLimits() {
	const c = config();
	return { maxBytes: c.DOCUMENT_MAX_MB * MB, quotaBytes: c.BODY_DOCUMENT_QUOTA_MB * MB };
}

/** Bytes of all document versions of a body's meetings. */
export async function bodyUsage(db: DbOrTx, bodyId: string): Promise<number> {
	const [row] = await db
		.select({ used: sql<string>`coalesce(sum(${files.size}), 0)` })
		.from(documentVersions)
		.innerJoin(files, eq(files.id, documentVersions.fileId))
		.innerJoin(documents, eq(documents.id, documentVersions.documentId))
		.innerJoin(meetings, eq(meetings.id, documents.meetingId))
		.where(eq(meetings.bodyId, bodyId));
	return Number(row.used);
}

/** Whether the public may see a meeting: the JS twin of `meetingIsPublic` (queries.ts). */
function meetingVisible(m: {
	isPublic: boolean;
	status: string;
	publishedAt: Date | null;
}): boolean {
	return m.isPublic && m.status !== 'draft' && (m.status !== 'cancelled' || m.publishedAt !== null);
}

export type DocumentVersionView = {
	version: number;
	fileId: string;
	size: number;
	mimeType: string;
	typeLabel: string;
	sizeLabel: string;
	originalName: string;
	note: string | null;
	uploadedBy: string | null;
	createdAt: Date;
};

export type DocumentView = {
	id: string;
	title: string;
	agendaItemId: string | null;
	isPublic: boolean;
	/** Newest first. */
	versions: DocumentVersionView[];
};

/**
 * Every document of a meeting with all versions (two queries, plus one for the items), each
 * marked public or not. The caller filters for its reader.
 */
export async function listDocuments(db: DbOrTx, meetingId: string): Promise<DocumentView[]> {
	const [meeting] = await db
		.select({
			isPublic: meetings.isPublic,
			status: meetings.status,
			publishedAt: meetings.publishedAt
		})
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!meeting) return [];
	const docs = await db
		.select()
		.from(documents)
		.where(eq(documents.meetingId, meetingId))
		.orderBy(asc(documents.createdAt), asc(documents.title));
	if (docs.length === 0) return [];
	const items = await db
		.select({ id: agendaItems.id, parentId: agendaItems.parentId, isPublic: agendaItems.isPublic })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId));
	const visible = new Set(publicItems(items, meetingVisible(meeting)).map((i) => i.id));
	const versions = await db
		.select({
			documentId: documentVersions.documentId,
			version: documentVersions.version,
			fileId: documentVersions.fileId,
			note: documentVersions.note,
			createdAt: documentVersions.createdAt,
			size: files.size,
			mimeType: files.mimeType,
			originalName: files.originalName,
			uploadedBy: users.name
		})
		.from(documentVersions)
		.innerJoin(files, eq(files.id, documentVersions.fileId))
		.leftJoin(users, eq(users.id, documentVersions.uploadedByUserId))
		.where(
			inArray(
				documentVersions.documentId,
				docs.map((d) => d.id)
			)
		)
		.orderBy(asc(documentVersions.documentId), asc(documentVersions.version));
	const byDoc = new Map<string, DocumentVersionView[]>();
	for (const v of versions) {
		const list = byDoc.get(v.documentId) ?? [];
		list.unshift({
			version: v.version,
			fileId: v.fileId,
			size: v.size,
			mimeType: v.mimeType,
			typeLabel: typeLabel(v.mimeType),
			sizeLabel: formatBytes(v.size),
			originalName: v.originalName,
			note: v.note,
			uploadedBy: v.uploadedBy,
			createdAt: v.createdAt
		});
		byDoc.set(v.documentId, list);
	}
	const meetingPublic = meetingVisible(meeting);
	return docs.map((d) => ({
		id: d.id,
		title: d.title,
		agendaItemId: d.agendaItemId,
		isPublic: meetingPublic && (d.agendaItemId === null || visible.has(d.agendaItemId)),
		versions: byDoc.get(d.id) ?? []
	}));
}

/** The public documents of a public meeting (for its public page). */
export async function publicDocuments(db: DbOrTx, meetingId: string) {
	return (await listDocuments(db, meetingId)).filter((d) => d.isPublic && d.versions.length);
}

/** The workspace page of a meeting's documents: members read, managers upload. */
export async function documentsPage(ctx: ServiceContext, meetingId: string) {
	const meeting = await loadMeeting(ctx.db, meetingId);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, meeting.bodyId));
	const items = await ctx.db.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
	const manage = can(ctx.principal, 'body:manage', { bodyId: meeting.bodyId });
	const { maxBytes, quotaBytes } = documentLimits();
	return {
		meeting: {
			...meeting,
			displayTitle: meetingTitle(meeting, body.name.nl, (d) => formatDate(d, 'nl', 'long'))
		},
		body,
		items: numberAgenda(items, meeting.startsAt).map((i) => ({
			id: i.id,
			number: i.number,
			title: i.title
		})),
		documents: await listDocuments(ctx.db, meetingId),
		can: { manage },
		limits: {
			maxLabel: formatBytes(maxBytes),
			quotaLabel: formatBytes(quotaBytes),
			usedLabel: manage ? formatBytes(await bodyUsage(ctx.db, meeting.bodyId)) : null
		}
	};
}

/**
 * Whether the document was sent along with an advice to a body the principal is a member of
 * (advice_hop_documents): the receiving body's members read it like their own.
 */
async function sentAlongTo(db: DbOrTx, principal: Principal, documentId: string) {
	if (principal.kind !== 'user') return false;
	const hops = await db
		.select({ toBodyId: adviceHops.toBodyId })
		.from(adviceHopDocuments)
		.innerJoin(adviceHops, eq(adviceHops.id, adviceHopDocuments.hopId))
		.where(eq(adviceHopDocuments.documentId, documentId));
	return hops.some((h) => can(principal, 'body:read_closed', { bodyId: h.toBodyId }));
}

/**
 * The file of a document version for a reader, or null when it does not exist or the reader may
 * not see it (the route answers 404 either way, so closed documents do not reveal themselves).
 */
export async function documentFile(
	db: DbOrTx,
	principal: Principal,
	documentId: string,
	version?: number
): Promise<{ fileId: string; mimeType: string; isPublic: boolean; name: string } | null> {
	if (!isUuid(documentId)) return null;
	const [doc] = await db
		.select({
			id: documents.id,
			title: documents.title,
			meetingId: documents.meetingId,
			agendaItemId: documents.agendaItemId,
			bodyId: meetings.bodyId
		})
		.from(documents)
		.innerJoin(meetings, eq(meetings.id, documents.meetingId))
		.where(eq(documents.id, documentId));
	if (!doc) return null;
	const all = await listDocuments(db, doc.meetingId);
	const view = all.find((d) => d.id === doc.id);
	if (!view) return null;
	if (
		!view.isPublic &&
		!can(principal, 'body:read_closed', { bodyId: doc.bodyId }) &&
		!(await sentAlongTo(db, principal, doc.id))
	)
		return null;
	const chosen =
		version === undefined ? view.versions[0] : view.versions.find((v) => v.version === version);
	if (!chosen) return null;
	return {
		fileId: chosen.fileId,
		mimeType: chosen.mimeType,
		isPublic: view.isPublic,
		name: chosen.originalName
	};
}
