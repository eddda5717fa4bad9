/**
 * Minutes per agenda item, written by the body's managers once the meeting is held. Every save
 * names the version it started from (optimistic concurrency): a save based on an older version
 * is refused with a conflict (both texts go back to the writer, nothing is overwritten). Saves of
 * one item queue on the item's row, so 50 parallel saves give one winner per version and
 * conflicts for the rest. Every version is kept (minutes_versions, append-only). After approval
 * the minutes are frozen: a change is then a recorded correction with a reason.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mutate } from '../audit/audit.service';
import { userIdOf, type ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	agendaItems,
	itemMinutes,
	meetings,
	minutesVersions,
	type MeetingStatus
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { authorize } from '../policy';

/** Statuses in which minutes are written (held: the first save moves it to minutes_draft). */
export const minutesWritable: MeetingStatus[] = ['held', 'minutes_draft'];

const MAX = 100_000;
const saveInput = z.strictObject({
	body: z.string('Schrijf het verslag.').max(MAX, `Hoogstens ${MAX} tekens.`),
	baseVersion: z.coerce.number('Ongeldige versie.').int().min(0)
});
const correctionInput = z.strictObject({
	body: z.string('Schrijf het verslag.').max(MAX, `Hoogstens ${MAX} tekens.`),
	baseVersion: z.coerce.number('Ongeldige versie.').int().min(0),
	reason: z
		.string('Geef de reden van de correctie.')
		.trim()
		.min(1, 'Geef de reden van de correctie.')
		.max(1000, 'Hoogstens 1000 tekens.')
});

/** The conflict of a stale save: what is stored now (the writer's own text is in their form). */
export class MinutesConflict extends AppError {
	constructor(
		readonly current: { body: string; version: number; updatedAt: Date | null },
		readonly yours: string
	) {
		super(
			'conflict',
			`Iemand anders bewaarde intussen een nieuwere versie (versie ${current.version}) van dit verslag. Uw tekst is niet bewaard: voeg beide versies samen en bewaar opnieuw.`
		);
	}
}

/** The item, its meeting, and body:manage on the meeting's body (403 before anything else). */
async function managedItem(ctx: ServiceContext, itemId: string) {
	if (!isUuid(itemId)) throw notFound('Agendapunt niet gevonden.');
	const [row] = await ctx.db
		.select({ item: agendaItems, meeting: meetings })
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaItems.id, itemId));
	if (!row) throw notFound('Agendapunt niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId: row.meeting.bodyId }, ctx.requestId);
	return row;
}

type SaveKind = 'edit' | 'correction';

/** The shared write: lock the item, compare versions, write the row and the version. */
async function write(
	ctx: ServiceContext,
	itemId: string,
	data: { body: string; baseVersion: number; reason?: string },
	kind: SaveKind,
	allowed: MeetingStatus[],
	refusal: (status: MeetingStatus) => string
) {
	return mutate(ctx, async (tx) => {
		// The item row is the queue: saves of one item run one after the other.
		const [item] = await tx
			.select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
			.from(agendaItems)
			.where(eq(agendaItems.id, itemId))
			.for('update');
		if (!item) throw notFound('Agendapunt niet gevonden.');
		const [meeting] = await tx
			.select({ status: meetings.status })
			.from(meetings)
			.where(eq(meetings.id, item.meetingId));
		if (!allowed.includes(meeting.status)) {
			throw new AppError('invalid_input', refusal(meeting.status));
		}
		const [current] = await tx
			.select()
			.from(itemMinutes)
			.where(eq(itemMinutes.agendaItemId, itemId));
		const currentVersion = current?.version ?? 0;
		if (data.baseVersion !== currentVersion) {
			throw new MinutesConflict(
				{
					body: current?.body ?? '',
					version: currentVersion,
					updatedAt: current?.updatedAt ?? null
				},
				data.body
			);
		}
		const version = currentVersion + 1;
		const values = {
			body: data.body,
			version,
			updatedByUserId: userIdOf(ctx),
			updatedAt: new Date()
		};
		if (current) {
			await tx.update(itemMinutes).set(values).where(eq(itemMinutes.agendaItemId, itemId));
		} else {
			await tx
				.insert(itemMinutes)
				.values({ agendaItemId: itemId, meetingId: item.meetingId, ...values });
		}
		await tx.insert(minutesVersions).values({
			agendaItemId: itemId,
			meetingId: item.meetingId,
			version,
			body: data.body,
			kind,
			reason: data.reason ?? null,
			authorUserId: userIdOf(ctx)
		});
		// The first words written turn a held meeting's minutes into a draft.
		if (kind === 'edit' && meeting.status === 'held') {
			await tx
				.update(meetings)
				.set({ status: 'minutes_draft' })
				.where(eq(meetings.id, item.meetingId));
		}
		return {
			result: { version, meetingId: item.meetingId },
			audit: {
				action: kind === 'edit' ? 'minutes.save' : 'minutes.correct',
				recordType: 'agenda_item',
				recordId: itemId,
				changes: {
					version: { before: currentVersion, after: version },
					...(data.reason ? { reason: { after: data.reason } } : {})
				}
			}
		};
	});
}

/** Save the draft minutes of an item, from `baseVersion` (0 for the first save). */
export async function saveItemMinutes(ctx: ServiceContext, itemId: string, input: unknown) {
	await managedItem(ctx, itemId);
	const parsed = saveInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Het verslag is niet bewaard.');
	return write(ctx, itemId, parsed.data, 'edit', minutesWritable, (status) =>
		status === 'minutes_approved'
			? 'Het verslag is goedgekeurd en kan niet meer gewijzigd worden. Een wijziging kan alleen nog als correctie, met een reden.'
			: 'Het verslag wordt geschreven nadat de vergadering gehouden is.'
	);
}

/** Correct approved minutes: a new version with its reason, kept in the history. */
export async function correctItemMinutes(ctx: ServiceContext, itemId: string, input: unknown) {
	await managedItem(ctx, itemId);
	const parsed = correctionInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De correctie is niet bewaard.');
	return write(
		ctx,
		itemId,
		parsed.data,
		'correction',
		['minutes_approved'],
		() => 'Een correctie kan alleen op een goedgekeurd verslag; pas het ontwerp gewoon aan.'
	);
}

/** The current minutes of every item of a meeting (one query). */
export async function minutesOfMeeting(db: DbOrTx, meetingId: string) {
	const rows = await db.select().from(itemMinutes).where(eq(itemMinutes.meetingId, meetingId));
	return new Map(rows.map((r) => [r.agendaItemId, r]));
}

/** The versions of one item's minutes, oldest first (members of the body). */
export async function minutesHistory(ctx: ServiceContext, itemId: string) {
	if (!isUuid(itemId)) throw notFound('Agendapunt niet gevonden.');
	const [row] = await ctx.db
		.select({ bodyId: meetings.bodyId })
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaItems.id, itemId));
	if (!row) throw notFound('Agendapunt niet gevonden.');
	authorize(ctx.principal, 'body:read_closed', { bodyId: row.bodyId }, ctx.requestId);
	return ctx.db
		.select()
		.from(minutesVersions)
		.where(and(eq(minutesVersions.agendaItemId, itemId)))
		.orderBy(asc(minutesVersions.version));
}
