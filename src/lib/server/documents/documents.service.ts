/**
 * Documents of a meeting or of one of its agenda items. Each document is a title plus versions;
 * each version is a stored file (purpose 'document': PDF, office formats, PNG/JPEG, typed by its
 * content). An upload streams to a temp file under the per-file limit, is sniffed, and only then
 * — in one transaction that first locks the body row, so parallel uploads cannot pass the quota
 * together — becomes a files row, a document (or its next version) and their audit rows. Any
 * refusal leaves no row, no blob and no temp file.
 * Who may read them: documents.queries.ts.
 */
import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import { config } from '../config';
import type { ServiceContext } from '../context';
import { agendaItems, bodies, documents, documentVersions } from '../db/schema';
import { AppError, notFound } from '../errors';
import { cleanName, commitUpload, type StagedUpload, type Upload } from '../files/files.service';
import { filePurposes } from '../files/purposes';
import { discardStaged, sniffType, stageBlob, TooLargeError } from '../files/storage';
import { managedMeeting } from '../meetings/meetings.service';
import { bodyUsage, documentLimits } from './documents.queries';

/**
 * Why an upload was refused. The codes travel in redirects (?fout=<code>) and map to fixed
 * Dutch messages here, so no user input is ever reflected.
 */
export const refusalCodes = [
	'te-groot',
	'type',
	'quotum',
	'leeg',
	'geen-bestand',
	'gegevens',
	'formulier'
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export function refusalMessage(code: RefusalCode): string {
	const c = config();
	switch (code) {
		case 'te-groot':
			return `Het bestand is groter dan ${c.DOCUMENT_MAX_MB} MB.`;
		case 'type':
			return 'Dit bestand is geen PDF, Word-, Excel-, OpenDocument- of afbeeldingsbestand (herkend aan de inhoud, niet aan de naam).';
		case 'quotum':
			return `Het orgaan heeft zijn opslagruimte van ${c.BODY_DOCUMENT_QUOTA_MB} MB bereikt: dit bestand past er niet meer bij. Vraag de beheerders van het platform om meer ruimte.`;
		case 'leeg':
			return 'Het bestand is leeg.';
		case 'geen-bestand':
			return 'Kies een bestand.';
		case 'gegevens':
			return 'Controleer de titel, het agendapunt en de notitie van het document.';
		case 'formulier':
			return 'Het formulier kon niet gelezen worden. Kies het bestand opnieuw.';
	}
}

export const isRefusalCode = (v: unknown): v is RefusalCode =>
	typeof v === 'string' && (refusalCodes as readonly string[]).includes(v);

/** A refused upload: invalid input with a code for redirects and JSON clients. */
export class DocumentRefused extends AppError {
	constructor(
		readonly reason: RefusalCode,
		message = refusalMessage(reason),
		fields: Record<string, string[]> = { file: [message] }
	) {
		super('invalid_input', message, fields);
	}
}

const optionalId = z
	.union([z.literal(''), z.uuid('Ongeldige keuze.')])
	.optional()
	.transform((v) => v || undefined);

const uploadInput = z.object({
	title: z
		.string()
		.trim()
		.max(200, 'Hoogstens 200 tekens.')
		.optional()
		.transform((v) => v || undefined),
	agendaItemId: optionalId,
	documentId: optionalId,
	note: z
		.string()
		.trim()
		.max(1000, 'Hoogstens 1000 tekens.')
		.optional()
		.transform((v) => v || undefined)
});

function refuseFields(fields: Record<string, string[]>): never {
	throw new DocumentRefused('gegevens', refusalMessage('gegevens'), fields);
}

/** Stream to a temp file under the configured limit and check the type by content. */
async function stageDocument(upload: Upload): Promise<StagedUpload> {
	const { maxBytes } = documentLimits();
	let staged;
	try {
		staged = await stageBlob(upload.data, maxBytes);
	} catch (e) {
		if (e instanceof TooLargeError) throw new DocumentRefused('te-groot');
		throw e;
	}
	try {
		if (staged.size === 0) throw new DocumentRefused('leeg');
		const mimeType = await sniffType(staged.tmpPath);
		if (!mimeType || !(filePurposes.document.types as readonly string[]).includes(mimeType)) {
			throw new DocumentRefused('type');
		}
		return { ...staged, purpose: 'document', mimeType, name: cleanName(upload.name) };
	} catch (e) {
		await discardStaged(staged);
		throw e;
	}
}

export type UploadResult = {
	documentId: string;
	version: number;
	fileId: string;
	meetingId: string;
};

/**
 * Upload a new document, or (with documentId) the next version of one. body:manage on the
 * meeting's body; the input is checked before a byte of the file is read.
 */
export async function uploadDocument(
	ctx: ServiceContext,
	meetingId: string,
	input: unknown,
	upload: Upload
): Promise<UploadResult> {
	const meeting = await managedMeeting(ctx, meetingId);
	const parsed = uploadInput.safeParse(input ?? {});
	if (!parsed.success) {
		const fields: Record<string, string[]> = {};
		for (const issue of parsed.error.issues)
			(fields[String(issue.path[0] ?? '_')] ??= []).push(issue.message);
		refuseFields(fields);
	}
	const data = parsed.data;
	let existing: typeof documents.$inferSelect | undefined;
	if (data.documentId) {
		[existing] = await ctx.db.select().from(documents).where(eq(documents.id, data.documentId));
		if (!existing || existing.meetingId !== meeting.id) {
			refuseFields({ documentId: ['Dit document hoort niet bij deze vergadering.'] });
		}
	} else {
		if (!data.title) refuseFields({ title: ['Geef de titel van het document.'] });
		if (data.agendaItemId) {
			const [item] = await ctx.db
				.select({ meetingId: agendaItems.meetingId })
				.from(agendaItems)
				.where(eq(agendaItems.id, data.agendaItemId));
			if (!item || item.meetingId !== meeting.id) {
				refuseFields({ agendaItemId: ['Kies een agendapunt van deze vergadering.'] });
			}
		}
	}

	const staged = await stageDocument(upload);
	try {
		return await mutate(ctx, async (tx) => {
			// The body row is the queue: uploads of one body check the quota one after the other.
			await tx
				.select({ id: bodies.id })
				.from(bodies)
				.where(eq(bodies.id, meeting.bodyId))
				.for('update');
			const { quotaBytes } = documentLimits();
			if ((await bodyUsage(tx, meeting.bodyId)) + staged.size > quotaBytes) {
				throw new DocumentRefused('quotum');
			}
			let documentId: string;
			let version = 1;
			if (existing) {
				const [locked] = await tx
					.select({ id: documents.id })
					.from(documents)
					.where(eq(documents.id, existing.id))
					.for('update');
				if (!locked) throw notFound('Document niet gevonden.');
				const [last] = await tx
					.select({ n: max(documentVersions.version) })
					.from(documentVersions)
					.where(eq(documentVersions.documentId, existing.id));
				version = (last?.n ?? 0) + 1;
				documentId = existing.id;
				await tx
					.update(documents)
					.set({ title: data.title ?? existing.title, updatedAt: new Date() })
					.where(eq(documents.id, existing.id));
			} else {
				const [doc] = await tx
					.insert(documents)
					.values({
						meetingId: meeting.id,
						agendaItemId: data.agendaItemId ?? null,
						title: data.title!
					})
					.returning({ id: documents.id });
				documentId = doc.id;
			}
			const file = await commitUpload({ ...ctx, db: tx }, staged);
			await tx.insert(documentVersions).values({
				documentId,
				version,
				fileId: file.id,
				note: data.note ?? null,
				uploadedByUserId: ctx.principal.kind === 'user' ? ctx.principal.userId : null
			});
			return {
				result: { documentId, version, fileId: file.id, meetingId: meeting.id },
				audit: {
					action: version === 1 ? 'document.create' : 'document.version',
					recordType: 'document',
					recordId: documentId,
					changes: {
						version: { after: version },
						fileId: { after: file.id },
						...(version === 1
							? {
									title: { after: data.title },
									meetingId: { after: meeting.id },
									agendaItemId: { after: data.agendaItemId ?? null }
								}
							: {})
					}
				}
			};
		});
	} finally {
		await discardStaged(staged);
	}
}
