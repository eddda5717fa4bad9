/**
 * Who is invited, who replied and who was there. Invitees are the people with a membership of the
 * body on the meeting's day (editors write news; they are not invited). Replies come before the
 * meeting; attendance is recorded after it, prefilled from the replies.
 */
import { and, asc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { diff, mutate } from '../audit/audit.service';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import {
	attendance,
	bodies,
	meetingReplies,
	memberships,
	organisations,
	people,
	users,
	type AttendanceStatus,
	type MembershipRole
} from '../db/schema';
import { AppError, invalidInput } from '../errors';
import { formatDateTime } from '../../i18n';
import { today } from '../clock';
import { authorize } from '../policy';
import { attendanceInput, replyInput } from './meetings.schema';
import { loadMeeting, lockMeeting, managedMeeting, recordable, refuse } from './meetings.service';

/** Roles that count for the quorum (observers, experts and support do not vote). */
export const votingRoles: MembershipRole[] = ['chair', 'vice_chair', 'member'];

export type Invitee = {
	personId: string;
	name: string;
	email: string | null;
	userId: string | null;
	mailPreferences: Record<string, boolean> | null;
	roles: MembershipRole[];
	organisation: string | null;
	voting: boolean;
};

/** The people invited to a meeting of `bodyId` on `startsAt`'s day, one row per person. */
export async function invitees(db: DbOrTx, bodyId: string, startsAt: Date): Promise<Invitee[]> {
	const day = today(startsAt);
	const rows = await db
		.select({
			personId: people.id,
			givenName: people.givenName,
			familyName: people.familyName,
			personEmail: people.email,
			userId: users.id,
			userEmail: users.email,
			disabledAt: users.disabledAt,
			mailPreferences: users.mailPreferences,
			role: memberships.role,
			organisation: organisations.name
		})
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.leftJoin(users, eq(users.id, people.userId))
		.leftJoin(organisations, eq(organisations.id, memberships.organisationId))
		.where(
			and(
				eq(memberships.bodyId, bodyId),
				ne(memberships.role, 'editor'),
				isNull(people.anonymisedAt),
				or(isNull(memberships.startOn), lte(memberships.startOn, day)),
				or(isNull(memberships.endOn), gte(memberships.endOn, day))
			)
		)
		.orderBy(asc(people.familyName), asc(people.givenName));
	const byPerson = new Map<string, Invitee>();
	for (const r of rows) {
		const existing = byPerson.get(r.personId);
		if (existing) {
			existing.roles.push(r.role);
			existing.voting ||= votingRoles.includes(r.role);
			continue;
		}
		byPerson.set(r.personId, {
			personId: r.personId,
			name: `${r.givenName} ${r.familyName}`,
			email: r.personEmail ?? (r.disabledAt ? null : r.userEmail) ?? null,
			userId: r.userId,
			mailPreferences: r.mailPreferences,
			roles: [r.role],
			organisation: r.organisation?.nl ?? null,
			voting: votingRoles.includes(r.role)
		});
	}
	return [...byPerson.values()];
}

/** The person linked to the logged-in user, or null. */
async function personOfUser(db: DbOrTx, userId: string) {
	const [row] = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
	return row?.id ?? null;
}

/** A member answers the invitation: attending, or excused with an optional note and substitute. */
export async function replyToMeeting(
	ctx: ServiceContext,
	meetingId: string,
	input: unknown,
	now = new Date()
) {
	const meeting = await loadMeeting(ctx.db, meetingId);
	authorize(ctx.principal, 'body:read_closed', { bodyId: meeting.bodyId }, ctx.requestId);
	if (ctx.principal.kind !== 'user') throw new AppError('forbidden', 'Alleen leden antwoorden.');
	const userId = ctx.principal.userId;
	const parsed = replyInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'Uw antwoord is niet opgeslagen.');
	const data = parsed.data;
	return mutate(ctx, async (tx) => {
		const locked = await lockMeeting(tx, meetingId);
		if (locked.status !== 'agenda_published') {
			refuse('Op deze vergadering kunt u niet (meer) antwoorden: er is geen uitnodiging open.');
		}
		if (locked.startsAt <= now) {
			refuse(
				`De vergadering is al begonnen (${formatDateTime(locked.startsAt, 'nl')}): antwoorden kan niet meer.`
			);
		}
		const personId = await personOfUser(tx, userId);
		const invited = personId
			? (await invitees(tx, locked.bodyId, locked.startsAt)).some((i) => i.personId === personId)
			: false;
		if (!personId || !invited) {
			throw new AppError('forbidden', 'U bent niet uitgenodigd voor deze vergadering.');
		}
		const [before] = await tx
			.select()
			.from(meetingReplies)
			.where(and(eq(meetingReplies.meetingId, meetingId), eq(meetingReplies.personId, personId)));
		const values = {
			response: data.response,
			note: data.note ?? null,
			substitute: data.response === 'excused' ? (data.substitute ?? null) : null,
			repliedByUserId: userId
		};
		const [row] = await tx
			.insert(meetingReplies)
			.values({ meetingId, personId, ...values })
			.onConflictDoUpdate({
				target: [meetingReplies.meetingId, meetingReplies.personId],
				set: { ...values, updatedAt: new Date() }
			})
			.returning();
		return {
			result: row,
			audit: {
				action: 'meeting.reply',
				recordType: 'meeting',
				recordId: meetingId,
				changes: { personId: { after: personId }, ...diff(before, row) }
			}
		};
	});
}

/** The current user's reply, if they are invited (null when not). */
export async function myReply(ctx: ServiceContext, meetingId: string) {
	if (ctx.principal.kind !== 'user') return null;
	const personId = await personOfUser(ctx.db, ctx.principal.userId);
	if (!personId) return null;
	const [row] = await ctx.db
		.select()
		.from(meetingReplies)
		.where(and(eq(meetingReplies.meetingId, meetingId), eq(meetingReplies.personId, personId)));
	return { personId, reply: row ?? null };
}

const fromReply = (
	r: { response: string; substitute: string | null } | undefined
): AttendanceStatus =>
	!r ? 'absent' : r.response === 'attending' ? 'present' : r.substitute ? 'substitute' : 'excused';

/** Every invitee with their reply and their attendance (recorded, or prefilled from the reply). */
export async function attendanceSheet(
	db: DbOrTx,
	meeting: { id: string; bodyId: string; startsAt: Date }
) {
	const [people_, replies, recorded, [body]] = await Promise.all([
		invitees(db, meeting.bodyId, meeting.startsAt),
		db.select().from(meetingReplies).where(eq(meetingReplies.meetingId, meeting.id)),
		db.select().from(attendance).where(eq(attendance.meetingId, meeting.id)),
		db.select({ quorum: bodies.quorum }).from(bodies).where(eq(bodies.id, meeting.bodyId))
	]);
	const replyOf = new Map(replies.map((r) => [r.personId, r]));
	const recordedOf = new Map(recorded.map((a) => [a.personId, a]));
	const rows = people_.map((p) => {
		const reply = replyOf.get(p.personId);
		const rec = recordedOf.get(p.personId);
		return {
			personId: p.personId,
			name: p.name,
			organisation: p.organisation,
			roles: p.roles,
			voting: p.voting,
			reply: reply
				? { response: reply.response, note: reply.note, substitute: reply.substitute }
				: null,
			recorded: !!rec,
			status: rec?.status ?? fromReply(reply),
			substitute: rec ? rec.substitute : (reply?.substitute ?? null)
		};
	});
	const present = rows.filter(
		(r) => r.recorded && r.voting && (r.status === 'present' || r.status === 'substitute')
	).length;
	return {
		rows,
		recorded: recorded.length > 0,
		quorum: body?.quorum
			? { required: body.quorum, present, reached: present >= body.quorum }
			: null
	};
}

/** Record who was there. Every invitee must get a status; others cannot be recorded. */
export async function recordAttendance(ctx: ServiceContext, meetingId: string, input: unknown) {
	await managedMeeting(ctx, meetingId);
	const parsed = attendanceInput.safeParse(input);
	if (!parsed.success) throw invalidInput(parsed.error, 'De aanwezigheid is niet opgeslagen.');
	const entries = parsed.data;
	return mutate(ctx, async (tx) => {
		const meeting = await lockMeeting(tx, meetingId);
		if (!recordable.includes(meeting.status)) {
			refuse('De aanwezigheid wordt genoteerd nadat de vergadering gehouden is.');
		}
		const invited = new Set(
			(await invitees(tx, meeting.bodyId, meeting.startsAt)).map((i) => i.personId)
		);
		const fields: Record<string, string[]> = {};
		for (const personId of Object.keys(entries)) {
			if (!invited.has(personId)) fields[personId] = ['Deze persoon is geen lid van het orgaan.'];
		}
		for (const personId of invited) {
			if (!entries[personId]) fields[personId] = ['Kies een status voor elk lid.'];
		}
		if (Object.keys(fields).length) refuse('De aanwezigheid is niet opgeslagen.', fields);
		const before = await tx.select().from(attendance).where(eq(attendance.meetingId, meetingId));
		await tx.delete(attendance).where(eq(attendance.meetingId, meetingId));
		const values = Object.entries(entries).map(([personId, e]) => ({
			meetingId,
			personId,
			status: e.status,
			substitute: e.status === 'substitute' ? (e.substitute ?? null) : null
		}));
		if (values.length) await tx.insert(attendance).values(values);
		const summarise = (rows: { personId: string; status: string }[]) =>
			Object.fromEntries(rows.map((r) => [r.personId, r.status]));
		return {
			result: values,
			audit: {
				action: 'meeting.attendance',
				recordType: 'meeting',
				recordId: meetingId,
				changes: diff(summarise(before), summarise(values), [])
			}
		};
	});
}

/** Form fields `status.<personId>` / `substitute.<personId>` as the service input. */
export function attendanceFromForm(values: Record<string, unknown>) {
	const out: Record<string, { status: unknown; substitute?: unknown }> = {};
	for (const [key, value] of Object.entries(values)) {
		const m = /^(status|substitute)\.(.+)$/.exec(key);
		if (!m) continue;
		const entry = (out[m[2]] ??= { status: undefined });
		if (m[1] === 'status') entry.status = value;
		else entry.substitute = value;
	}
	return out;
}
