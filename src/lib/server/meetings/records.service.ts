/**
 * What a meeting leaves behind, for the workspace: attendance, its decisions, and a body's
 * decisions register. Reading needs body:read_closed; writing body:manage, checked on the meeting
 * in the URL first (so a member gets 403 whatever else the request names).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { bodies, decisionStatuses, decisions } from '../db/schema';
import { isUuid, notFound } from '../errors';
import { authorize, can } from '../policy';
import { decisionStatusLabels, listDecisions, updateDecision } from './decisions.service';
import { managedMeeting, statusLabels } from './meetings.service';
import { attendanceFromForm, recordAttendance } from './participation.service';
import { getMeetingWorkspace } from './queries';

export const attendanceLabels = {
	present: 'Aanwezig',
	excused: 'Verontschuldigd',
	absent: 'Afwezig',
	substitute: 'Vervangen'
} as const;

/** The attendance sheet of a meeting (null before it is held) and who may record it. */
export async function attendancePage(ctx: ServiceContext, id: string) {
	const view = await getMeetingWorkspace(ctx, id);
	return {
		meeting: view.meeting,
		body: view.body,
		attendance: view.attendance,
		can: view.can,
		statusLabel: statusLabels[view.meeting.status],
		attendanceLabels
	};
}

/** Save the attendance form (`status.<personId>`, `substitute.<personId>`). */
export async function saveAttendance(
	ctx: ServiceContext,
	meetingId: string,
	values: Record<string, unknown>
) {
	return recordAttendance(ctx, meetingId, attendanceFromForm(values));
}

/** A meeting's decisions and the items they may belong to. */
export async function decisionsPage(ctx: ServiceContext, id: string) {
	const view = await getMeetingWorkspace(ctx, id);
	return {
		meeting: view.meeting,
		body: view.body,
		decisions: view.decisions,
		items: view.items.map((i) => ({ id: i.id, number: i.number, title: i.title })),
		can: view.can,
		statusLabel: statusLabels[view.meeting.status],
		decisionStatusLabels,
		decisionStatuses
	};
}

/** Correct a decision of the meeting in the URL (its number never changes). */
export async function updateMeetingDecision(
	ctx: ServiceContext,
	meetingId: string,
	decisionId: unknown,
	input: unknown
) {
	await managedMeeting(ctx, meetingId);
	if (!isUuid(decisionId)) {
		throw notFound('Besluit niet gevonden.');
	}
	const [row] = await ctx.db
		.select({ meetingId: decisions.meetingId })
		.from(decisions)
		.where(eq(decisions.id, decisionId));
	if (!row || row.meetingId !== meetingId) throw notFound('Besluit niet gevonden.');
	return updateDecision(ctx, decisionId, input);
}

/** A body's decisions register for its members: closed decisions included. */
export async function bodyDecisionRegister(ctx: ServiceContext, slug: string, query: unknown) {
	const [body] = await ctx.db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(and(eq(bodies.slug, slug), isNull(bodies.archivedAt)));
	if (!body) throw notFound('Orgaan niet gevonden.');
	authorize(ctx.principal, 'body:read_closed', { bodyId: body.id }, ctx.requestId);
	const filters = typeof query === 'object' && query !== null ? query : {};
	const register = await listDecisions(ctx, { ...filters, orgaan: slug }, { closed: true });
	return {
		body,
		...register,
		manage: can(ctx.principal, 'body:manage', { bodyId: body.id }),
		decisionStatusLabels,
		decisionStatuses
	};
}
