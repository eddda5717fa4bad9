/**
 * Meetings of a body and their status machine:
 *
 *   draft → agenda_published → held → minutes_draft → minutes_approved (by a decision of a
 *   later meeting on its standing item "Goedkeuring verslag")
 *   draft | agenda_published → cancelled (with a reason)
 *
 * Publishing mails the invitation with an .ics; a change of time or place after publication mails
 * an update (same UID, higher SEQUENCE); cancelling mails METHOD:CANCEL. Mails go out after the
 * transaction commits, so a refused change never sends anything.
 */
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx, Tx } from '../db';
import {
	agendaItemPolicyDomains,
	agendaItems,
	bodies,
	meetings,
	standingItems,
	type MeetingStatus
} from '../db/schema';
import { AppError, invalidInput, isUuid, notFound } from '../errors';
import { formatDateTime } from '../../i18n';
import { freezeReports } from '../reports/report.service';
import { authorize } from '../policy';
import { durationProblem, meetingMinutes, plannedMinutes } from './agenda';
import { sendMeetingNotices } from './invitations.service';
import { cancelInput, meetingInput, newMeetingInput, type MeetingInput } from './meetings.schema';
import { brusselsInstant } from './time';

export const statusLabels: Record<MeetingStatus, string> = {
	draft: 'Ontwerp',
	agenda_published: 'Agenda gepubliceerd',
	held: 'Gehouden',
	minutes_draft: 'Verslag in opmaak',
	minutes_approved: 'Verslag goedgekeurd',
	cancelled: 'Geannuleerd'
};

/** Statuses in which the agenda (items, times) may still change. */
export const agendaEditable: MeetingStatus[] = ['draft', 'agenda_published'];
/** Statuses in which attendance and decisions are recorded. */
export const recordable: MeetingStatus[] = ['held', 'minutes_draft'];

export function refuse(message: string, fields?: Record<string, string[]>): never {
	throw new AppError('invalid_input', message, fields);
}

export async function loadMeeting(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw notFound('Vergadering niet gevonden.');
	const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
	if (!row) throw notFound('Vergadering niet gevonden.');
	return row;
}

/** The meeting row locked for the rest of the transaction (serialises edits of one meeting). */
export async function lockMeeting(tx: Tx, id: string) {
	const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
	if (!row) throw notFound('Vergadering niet gevonden.');
	return row;
}

/** Load a meeting and require body:manage on its body (403 before any other hint). */
export async function managedMeeting(ctx: ServiceContext, id: string) {
	const meeting = await loadMeeting(ctx.db, id);
	authorize(ctx.principal, 'body:manage', { bodyId: meeting.bodyId }, ctx.requestId);
	return meeting;
}

function times(input: MeetingInput) {
	return {
		startsAt: brusselsInstant(input.date, input.startTime),
		endsAt: brusselsInstant(input.date, input.endTime)
	};
}

function parseMeeting<S extends typeof meetingInput | typeof newMeetingInput>(
	schema: S,
	input: unknown
) {
	const parsed = schema.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De vergadering is niet opgeslagen.');
	return parsed.data as ReturnType<S['parse']>;
}

async function agendaMinutes(db: DbOrTx, meetingId: string) {
	const rows = await db
		.select({ durationMinutes: agendaItems.durationMinutes })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId));
	return { count: rows.length, minutes: plannedMinutes(rows) };
}

/** Copy agenda items (two levels, with policy domains) into another meeting. */
async function copyItems(tx: Tx, fromMeetingId: string, toMeetingId: string) {
	const source = await tx
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, fromMeetingId))
		.orderBy(asc(agendaItems.parentId), asc(agendaItems.position));
	if (source.length === 0) return 0;
	const newIds = new Map(source.map((i) => [i.id, crypto.randomUUID()]));
	// Parents first, so the self-reference holds at every insert.
	const ordered = [...source.filter((i) => !i.parentId), ...source.filter((i) => i.parentId)];
	await tx.insert(agendaItems).values(
		ordered.map((i) => ({
			...i,
			id: newIds.get(i.id)!,
			meetingId: toMeetingId,
			parentId: i.parentId ? newIds.get(i.parentId)! : null,
			// A report is generated afresh for the new meeting.
			reportSnapshot: null,
			isExample: false,
			createdAt: undefined,
			updatedAt: undefined
		}))
	);
	const domains = await tx
		.select()
		.from(agendaItemPolicyDomains)
		.where(
			inArray(
				agendaItemPolicyDomains.agendaItemId,
				source.map((i) => i.id)
			)
		);
	if (domains.length) {
		await tx.insert(agendaItemPolicyDomains).values(
			domains.map((d) => ({
				agendaItemId: newIds.get(d.agendaItemId)!,
				policyDomainId: d.policyDomainId
			}))
		);
	}
	return source.length;
}

/** The body's standing items as the first items of a new meeting, in their template order. */
async function copyStandingItems(tx: Tx, bodyId: string, meetingId: string) {
	const template = await tx
		.select()
		.from(standingItems)
		.where(eq(standingItems.bodyId, bodyId))
		.orderBy(asc(standingItems.position));
	if (template.length === 0) return 0;
	await tx.insert(agendaItems).values(
		template.map((s, i) => ({
			meetingId,
			position: i,
			title: s.title,
			description: s.description,
			kind: s.kind,
			isPublic: s.isPublic,
			durationMinutes: s.durationMinutes,
			presenter: s.presenter,
			standingItemId: s.id,
			reportBodyId: s.reportBodyId
		}))
	);
	return template.length;
}

/**
 * A new meeting of a body, in draft: its agenda starts from the body's standing items, or — with
 * `copyOfId` — as a copy of the agenda of an earlier meeting of the same body.
 */
export async function createMeeting(ctx: ServiceContext, bodyId: string, input: unknown) {
	if (!isUuid(bodyId)) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:manage', { bodyId }, ctx.requestId);
	const data = parseMeeting(newMeetingInput, input);
	const when = times(data);
	return mutate(ctx, async (tx) => {
		const [body] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.id, bodyId));
		if (!body) throw notFound('Orgaan niet gevonden.');
		let copied: { id: string; minutes: number } | undefined;
		if (data.copyOfId) {
			const [source] = await tx
				.select({ id: meetings.id, bodyId: meetings.bodyId })
				.from(meetings)
				.where(eq(meetings.id, data.copyOfId));
			if (!source || source.bodyId !== bodyId) {
				refuse('De vergadering is niet opgeslagen.', {
					copyOfId: ['Kies een vergadering van dit orgaan om te kopiëren.']
				});
			}
			copied = { id: source.id, minutes: (await agendaMinutes(tx, source.id)).minutes };
		}
		const [row] = await tx
			.insert(meetings)
			.values({
				bodyId,
				title: data.title ?? null,
				...when,
				location: data.location ?? null,
				onlineUrl: data.onlineUrl ?? null,
				isPublic: data.isPublic ?? false,
				copiedFromId: copied?.id ?? null
			})
			.returning();
		const items = copied
			? await copyItems(tx, copied.id, row.id)
			: await copyStandingItems(tx, bodyId, row.id);
		const problem = durationProblem((await agendaMinutes(tx, row.id)).minutes, meetingMinutes(row));
		if (problem) refuse('De vergadering is niet opgeslagen.', { endTime: [problem] });
		return {
			result: row,
			audit: {
				action: copied ? 'meeting.copy' : 'meeting.create',
				recordType: 'meeting',
				recordId: row.id,
				changes: { ...diff(undefined, row), items: { before: 0, after: items } }
			}
		};
	});
}

/** Change when, where or visibility. After publication the invitees get an updated .ics. */
export async function updateMeeting(ctx: ServiceContext, id: string, input: unknown) {
	await managedMeeting(ctx, id);
	const data = parseMeeting(meetingInput, input);
	const when = times(data);
	const { meeting, notify } = await mutate(ctx, async (tx) => {
		const before = await lockMeeting(tx, id);
		if (!agendaEditable.includes(before.status)) {
			refuse(`Een vergadering met status „${statusLabels[before.status]}” kan niet meer wijzigen.`);
		}
		const problem = durationProblem((await agendaMinutes(tx, id)).minutes, meetingMinutes(when));
		if (problem) refuse('De vergadering is niet opgeslagen.', { endTime: [problem] });
		const next = {
			title: data.title ?? null,
			...when,
			location: data.location ?? null,
			onlineUrl: data.onlineUrl ?? null,
			isPublic: data.isPublic ?? false
		};
		const changes = diff(
			{ ...before, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() },
			{
				...before,
				...next,
				startsAt: next.startsAt.toISOString(),
				endsAt: next.endsAt.toISOString()
			}
		);
		// Invitees hear of changes to what their calendar holds: time, place, link, title.
		const sent = ['startsAt', 'endsAt', 'location', 'onlineUrl', 'title'].some((k) => k in changes);
		const notify = before.status === 'agenda_published' && sent;
		const [row] = await tx
			.update(meetings)
			.set({ ...next, sequence: notify ? before.sequence + 1 : before.sequence })
			.where(eq(meetings.id, id))
			.returning();
		return {
			result: { meeting: row, notify },
			audit: { action: 'meeting.update', recordType: 'meeting', recordId: id, changes }
		};
	});
	if (notify) await sendMeetingNotices(ctx, meeting.id, 'REQUEST');
	return meeting;
}

type Transition = {
	from: MeetingStatus[];
	to: MeetingStatus;
	/** Refuse with a message, checked inside the transaction on the locked row. */
	check?: (tx: Tx, meeting: typeof meetings.$inferSelect, now: Date) => Promise<void>;
};

const transitions = {
	publish: {
		from: ['draft'],
		to: 'agenda_published',
		async check(tx, meeting, now) {
			const agenda = await agendaMinutes(tx, meeting.id);
			if (agenda.count === 0) {
				refuse('Een agenda zonder punten kan niet gepubliceerd worden. Voeg eerst een punt toe.');
			}
			const problem = durationProblem(agenda.minutes, meetingMinutes(meeting));
			if (problem) refuse(problem);
			if (meeting.startsAt <= now) {
				refuse('Deze vergadering is al begonnen: een uitnodiging kan niet meer verstuurd worden.');
			}
		}
	},
	hold: {
		from: ['agenda_published'],
		to: 'held',
		async check(_tx, meeting, now) {
			if (meeting.startsAt > now) {
				refuse(
					`De vergadering is nog niet begonnen (begint op ${formatDateTime(meeting.startsAt, 'nl')}).`
				);
			}
		}
	},
	startMinutes: { from: ['held'], to: 'minutes_draft' },
	// Approval is not a transition of its own: a decision of a later meeting approves the minutes
	// (decisions.service.ts, `approvesMinutesOfId`).
	cancel: { from: ['draft', 'agenda_published'], to: 'cancelled' }
} satisfies Record<string, Transition>;
export type TransitionName = keyof typeof transitions;

/** Move a meeting along its status machine. `cancel` needs `{ reason }`. */
export async function transitionMeeting(
	ctx: ServiceContext,
	id: string,
	name: TransitionName,
	input: unknown = {},
	now = new Date()
) {
	await managedMeeting(ctx, id);
	const t: Transition = transitions[name];
	let reason: string | null = null;
	if (name === 'cancel') {
		const parsed = cancelInput.safeParse(input);
		if (!parsed.success) throw invalidInput(parsed.error, 'De vergadering is niet geannuleerd.');
		reason = parsed.data.reason;
	}
	const { meeting, mail } = await mutate(ctx, async (tx) => {
		const before = await lockMeeting(tx, id);
		if (!t.from.includes(before.status)) {
			refuse(`Dat kan niet bij een vergadering met status „${statusLabels[before.status]}”.`);
		}
		await t.check?.(tx, before, now);
		const wasSent = before.status === 'agenda_published';
		const [row] = await tx
			.update(meetings)
			.set({
				status: t.to,
				...(name === 'publish' ? { publishedAt: now } : {}),
				...(name === 'cancel'
					? { cancelReason: reason, sequence: before.sequence + (wasSent ? 1 : 0) }
					: {})
			})
			.where(eq(meetings.id, id))
			.returning();
		// The generated reports on the agenda are frozen as sent.
		if (name === 'publish') await freezeReports(tx, row, now);
		const mail =
			name === 'publish'
				? ('REQUEST' as const)
				: name === 'cancel' && wasSent
					? ('CANCEL' as const)
					: null;
		return {
			result: { meeting: row, mail },
			audit: {
				action: `meeting.${name}`,
				recordType: 'meeting',
				recordId: id,
				changes: diff(
					{ status: before.status, cancelReason: before.cancelReason },
					{ status: row.status, cancelReason: row.cancelReason }
				)
			}
		};
	});
	if (mail) await sendMeetingNotices(ctx, meeting.id, mail);
	return meeting;
}

/** A draft that was never published may be removed altogether. */
export async function deleteDraftMeeting(ctx: ServiceContext, id: string) {
	await managedMeeting(ctx, id);
	return mutate(ctx, async (tx) => {
		const before = await lockMeeting(tx, id);
		if (before.status !== 'draft') {
			refuse('Alleen een ontwerp kan verwijderd worden; annuleer een gepubliceerde vergadering.');
		}
		await tx.delete(meetings).where(eq(meetings.id, id));
		return {
			result: before,
			audit: {
				action: 'meeting.delete',
				recordType: 'meeting',
				recordId: id,
				changes: diff(before, undefined)
			}
		};
	});
}

/** The latest meetings of a body, to copy from (newest first). */
export async function copyCandidates(db: DbOrTx, bodyId: string) {
	return db
		.select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.bodyId, bodyId))
		.orderBy(sql`${meetings.startsAt} desc`)
		.limit(20);
}

/** Next free position among siblings. */
export async function nextPosition(tx: DbOrTx, meetingId: string, parentId: string | null) {
	const [row] = await tx
		.select({ last: max(agendaItems.position) })
		.from(agendaItems)
		.where(
			and(
				eq(agendaItems.meetingId, meetingId),
				parentId ? eq(agendaItems.parentId, parentId) : sql`${agendaItems.parentId} is null`
			)
		);
	return (row?.last ?? -1) + 1;
}
