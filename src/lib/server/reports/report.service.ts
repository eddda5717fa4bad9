/**
 * Generated reports: a standing item of body X bound to body Y carries, on each of X's agendas,
 * what Y did since X's previous meeting — Y's meetings held, their items, decisions and advice.
 *
 * What crosses: Y's public items for everyone; Y's closed items only where Y's secretary shared
 * them with X (agenda_item_shares), and those only for X's members. Every entry carries its
 * `visibility`; `reportFor` filters a report for an audience. Nothing else of Y's closed work
 * (not even that a closed meeting took place) enters the report.
 *
 * A draft agenda shows the report live; publishing the agenda freezes it into the item
 * (`report_snapshot`, with its period), so it stays as it was sent and can be regenerated.
 * Y's plan actions that moved (an owner posted an update) are listed too: those of Y's published
 * plans for everyone, of its other plans for X's members.
 *
 * Generating costs the same few queries whatever the history (asserted in report.spec.ts).
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db';
import {
	adviceHops,
	advices,
	agendaItems,
	bodies,
	decisions,
	itemShares,
	meetings,
	planItems,
	plans,
	planUpdates,
	type AdviceOutcome,
	type AgendaItemKind,
	type DecisionStatus,
	type MeetingStatus,
	type Translatable
} from '../db/schema';
import { numberAgenda, publicItems } from '../meetings/agenda';
import { decisionReference } from '../meetings/decisions.service';

export type Visibility = 'public' | 'members';
export type Audience = Visibility;

/** How far back a report looks when X has no earlier meeting. */
export const FIRST_REPORT_DAYS = 90;

type BodyRef = { id: string; slug: string; name: Translatable };

export type ReportSnapshot = {
	version: 1;
	sourceBody: BodyRef;
	since: string;
	until: string;
	/** X's previous meeting, whose start opens the period; null: X's first meeting. */
	previousMeeting: { id: string; startsAt: string } | null;
	meetings: {
		id: string;
		title: string | null;
		startsAt: string;
		status: MeetingStatus;
		visibility: Visibility;
		items: {
			id: string;
			number: string;
			title: string;
			kind: AgendaItemKind;
			visibility: Visibility;
		}[];
	}[];
	decisions: {
		id: string;
		reference: string;
		title: string;
		status: DecisionStatus;
		meetingId: string;
		visibility: Visibility;
	}[];
	advice: {
		hopId: string;
		adviceId: string;
		title: string;
		/** `sent`: Y sent it on to another body; `settled`: Y gave its outcome on an advice to it. */
		direction: 'sent' | 'settled';
		otherBody: BodyRef;
		outcome: AdviceOutcome | null;
		at: string;
		visibility: Visibility;
	}[];
	/**
	 * Actions of Y's plans with updates in the period: their latest update (absent from reports
	 * frozen before plans existed).
	 */
	actions?: {
		id: string;
		externalId: string;
		title: string;
		planSlug: string;
		planTitle: string;
		/** Updates in the period. */
		updates: number;
		reportedOn: string;
		progress: number | null;
		text: string;
		visibility: Visibility;
	}[];
};

const heldStatuses: MeetingStatus[] = ['held', 'minutes_draft', 'minutes_approved'];

/**
 * The period of a report on X's meeting: from X's previous meeting (not cancelled) to `until`.
 * The previous report was frozen when that meeting's agenda was published, so the period starts
 * there (not at that meeting's start): what happened in between lands in this report, and
 * consecutive reports leave no gap.
 */
export async function reportPeriod(
	db: DbOrTx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	until: Date
) {
	const [previous] = await db
		.select({ id: meetings.id, startsAt: meetings.startsAt, publishedAt: meetings.publishedAt })
		.from(meetings)
		.where(
			and(
				eq(meetings.bodyId, meeting.bodyId),
				ne(meetings.id, meeting.id),
				lt(meetings.startsAt, meeting.startsAt),
				notInArray(meetings.status, ['draft', 'cancelled'])
			)
		)
		.orderBy(sql`${meetings.startsAt} desc`)
		.limit(1);
	const since = previous
		? previous.publishedAt && previous.publishedAt < previous.startsAt
			? previous.publishedAt
			: previous.startsAt
		: new Date(meeting.startsAt.getTime() - FIRST_REPORT_DAYS * 24 * 3600_000);
	return {
		since,
		until,
		previousMeeting: previous
			? { id: previous.id, startsAt: previous.startsAt.toISOString() }
			: null
	};
}

type Period = Awaited<ReturnType<typeof reportPeriod>>;

/** Is an item (by id column) effectively public: meeting public and published, item and parent public. */
const itemIsPublic = (itemId: unknown) => sql<boolean>`coalesce((
	select m.is_public and m.status <> 'draft' and i.is_public and coalesce(p.is_public, true)
	from agenda_items i join meetings m on m.id = i.meeting_id
	left join agenda_items p on p.id = i.parent_id
	where i.id = ${itemId}
), false)`;

/** Is an item (or its parent) shared with the report's target body. */
const itemIsShared = (itemId: unknown, targetBodyId: string) => sql<boolean>`exists (
	select 1 from agenda_items i join agenda_item_shares s
	on s.agenda_item_id in (i.id, i.parent_id) and s.body_id = ${targetBodyId}
	where i.id = ${itemId}
)`;

/** Y's activity for X over a period, as a snapshot. Six queries whatever the history. */
export async function generateReport(
	db: DbOrTx,
	targetBodyId: string,
	sourceBodyId: string,
	period: Period
): Promise<ReportSnapshot> {
	const { since, until } = period;
	const inPeriod = and(
		eq(meetings.bodyId, sourceBodyId),
		inArray(meetings.status, heldStatuses),
		gte(meetings.startsAt, since),
		lt(meetings.startsAt, until)
	);
	const [source] = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name })
		.from(bodies)
		.where(eq(bodies.id, sourceBodyId));
	const held = await db
		.select({
			id: meetings.id,
			title: meetings.title,
			startsAt: meetings.startsAt,
			status: meetings.status,
			isPublic: meetings.isPublic
		})
		.from(meetings)
		.where(inPeriod)
		.orderBy(asc(meetings.startsAt));
	const items = await db
		.select({
			id: agendaItems.id,
			meetingId: agendaItems.meetingId,
			parentId: agendaItems.parentId,
			position: agendaItems.position,
			durationMinutes: agendaItems.durationMinutes,
			title: agendaItems.title,
			kind: agendaItems.kind,
			isPublic: agendaItems.isPublic,
			shared: sql<boolean>`${itemShares.agendaItemId} is not null`
		})
		.from(agendaItems)
		.innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.leftJoin(
			itemShares,
			and(eq(itemShares.agendaItemId, agendaItems.id), eq(itemShares.bodyId, targetBodyId))
		)
		.where(inPeriod);
	const decided = await db
		.select({
			id: decisions.id,
			year: decisions.year,
			number: decisions.number,
			title: decisions.title,
			status: decisions.status,
			meetingId: decisions.meetingId,
			agendaItemId: decisions.agendaItemId
		})
		.from(decisions)
		.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
		.where(inPeriod)
		.orderBy(asc(decisions.year), asc(decisions.number));
	const other = alias(bodies, 'other');
	const hops = await db
		.select({
			hopId: adviceHops.id,
			adviceId: adviceHops.adviceId,
			title: advices.title,
			sent: sql<boolean>`${adviceHops.fromBodyId} = ${sourceBodyId}`,
			sentAt: adviceHops.sentAt,
			settledAt: adviceHops.settledAt,
			outcome: adviceHops.outcome,
			other: { id: other.id, slug: other.slug, name: other.name },
			fromPublic: itemIsPublic(adviceHops.fromItemId),
			fromShared: itemIsShared(adviceHops.fromItemId, targetBodyId),
			placedPublic: itemIsPublic(adviceHops.placedItemId),
			placedShared: itemIsShared(adviceHops.placedItemId, targetBodyId)
		})
		.from(adviceHops)
		.innerJoin(advices, eq(advices.id, adviceHops.adviceId))
		.innerJoin(
			other,
			sql`${other.id} = case when ${adviceHops.fromBodyId} = ${sourceBodyId} then ${adviceHops.toBodyId} else ${adviceHops.fromBodyId} end`
		)
		.where(
			or(
				and(
					eq(adviceHops.fromBodyId, sourceBodyId),
					gte(adviceHops.sentAt, since),
					lt(adviceHops.sentAt, until)
				),
				and(
					eq(adviceHops.toBodyId, sourceBodyId),
					isNotNull(adviceHops.settledAt),
					gte(adviceHops.settledAt, since),
					lt(adviceHops.settledAt, until)
				)
			)
		)
		.orderBy(asc(adviceHops.sentAt));

	// The latest update in the period of each action of Y's plans, and how many there were.
	const moved = await db
		.selectDistinctOn([planUpdates.itemId], {
			id: planItems.id,
			externalId: planItems.externalId,
			title: planItems.title,
			planSlug: plans.slug,
			planTitle: plans.title,
			isPublic: plans.isPublic,
			updates: sql<number>`count(*) over (partition by ${planUpdates.itemId})`.mapWith(Number),
			reportedOn: planUpdates.reportedOn,
			progress: planUpdates.progress,
			text: planUpdates.text
		})
		.from(planUpdates)
		.innerJoin(planItems, eq(planItems.id, planUpdates.itemId))
		.innerJoin(plans, eq(plans.id, planItems.planId))
		.where(
			and(
				eq(plans.bodyId, sourceBodyId),
				gte(planUpdates.createdAt, since),
				lt(planUpdates.createdAt, until)
			)
		)
		.orderBy(
			asc(planUpdates.itemId),
			sql`${planUpdates.reportedOn} desc, ${planUpdates.createdAt} desc`
		);

	// Item visibility: public as on the public site; closed only when shared with X (or its parent).
	const visibilityOf = new Map<string, Visibility>();
	const reportMeetings: ReportSnapshot['meetings'] = [];
	for (const m of held) {
		const own = items.filter((i) => i.meetingId === m.id);
		const open = new Set(publicItems(own, m.isPublic).map((i) => i.id));
		const shared = new Set(own.filter((i) => i.shared).map((i) => i.id));
		const listed: ReportSnapshot['meetings'][number]['items'] = [];
		for (const i of numberAgenda(own, m.startsAt)) {
			const visibility: Visibility | null = open.has(i.id)
				? 'public'
				: shared.has(i.id) || (i.parentId && shared.has(i.parentId))
					? 'members'
					: null;
			if (!visibility) continue;
			visibilityOf.set(i.id, visibility);
			listed.push({ id: i.id, number: i.number, title: i.title, kind: i.kind, visibility });
		}
		// A closed meeting appears only through what was shared of it.
		if (!m.isPublic && listed.length === 0) continue;
		reportMeetings.push({
			id: m.id,
			title: m.title,
			startsAt: m.startsAt.toISOString(),
			status: m.status,
			visibility: m.isPublic ? 'public' : 'members',
			items: listed
		});
	}
	const meetingVisibility = new Map(reportMeetings.map((m) => [m.id, m.visibility]));
	const reportDecisions: ReportSnapshot['decisions'] = [];
	for (const d of decided) {
		const visibility = d.agendaItemId
			? visibilityOf.get(d.agendaItemId)
			: meetingVisibility.get(d.meetingId) === 'public'
				? 'public'
				: undefined;
		if (!visibility) continue;
		reportDecisions.push({
			id: d.id,
			reference: decisionReference(d),
			title: d.title,
			status: d.status,
			meetingId: d.meetingId,
			visibility
		});
	}
	const reportAdvice: ReportSnapshot['advice'] = [];
	for (const h of hops) {
		const [isPublic, isShared] = h.sent
			? [h.fromPublic, h.fromShared]
			: [h.placedPublic, h.placedShared];
		const visibility: Visibility | null = isPublic ? 'public' : isShared ? 'members' : null;
		if (!visibility) continue;
		reportAdvice.push({
			hopId: h.hopId,
			adviceId: h.adviceId,
			title: h.title,
			direction: h.sent ? 'sent' : 'settled',
			otherBody: h.other,
			outcome: h.outcome,
			at: (h.sent ? h.sentAt : h.settledAt!).toISOString(),
			visibility
		});
	}
	return {
		version: 1,
		sourceBody: source,
		since: since.toISOString(),
		until: until.toISOString(),
		previousMeeting: period.previousMeeting,
		meetings: reportMeetings,
		decisions: reportDecisions,
		advice: reportAdvice,
		actions: moved
			.map(({ isPublic, planTitle, ...a }) => ({
				...a,
				planTitle: planTitle.nl,
				visibility: (isPublic ? 'public' : 'members') as Visibility
			}))
			.sort(
				(a, b) => a.planSlug.localeCompare(b.planSlug) || a.externalId.localeCompare(b.externalId)
			)
	};
}

/** What an audience may see of a report: the public sees only the public entries. */
export function reportFor(report: ReportSnapshot, audience: Audience): ReportSnapshot {
	if (audience === 'members') return report;
	const open = <T extends { visibility: Visibility }>(list: T[]) =>
		list.filter((e) => e.visibility === 'public');
	return {
		...report,
		meetings: open(report.meetings).map((m) => ({ ...m, items: open(m.items) })),
		decisions: open(report.decisions),
		advice: open(report.advice),
		actions: open(report.actions ?? [])
	};
}

/** Whether a report has anything to say (else the agenda says "nothing to report"). */
export const reportIsEmpty = (r: ReportSnapshot) =>
	r.meetings.length === 0 &&
	r.decisions.length === 0 &&
	r.advice.length === 0 &&
	(r.actions ?? []).length === 0;

type MeetingRef = { id: string; bodyId: string; startsAt: Date };

export type AgendaReport = { report: ReportSnapshot; frozen: boolean };

/**
 * The reports on a meeting's agenda, per item id, each with whether it is frozen: frozen ones as
 * stored, the others generated now (a draft agenda shows the live report).
 */
export async function meetingReportEntries(
	db: DbOrTx,
	meeting: MeetingRef,
	now = new Date()
): Promise<Map<string, AgendaReport>> {
	const bound = await db
		.select({
			id: agendaItems.id,
			reportBodyId: agendaItems.reportBodyId,
			snapshot: agendaItems.reportSnapshot
		})
		.from(agendaItems)
		.where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.reportBodyId)));
	const out = new Map<string, AgendaReport>();
	if (bound.length === 0) return out;
	const live = bound.filter((b) => !b.snapshot);
	const period = live.length ? await reportPeriod(db, meeting, now) : null;
	for (const b of bound) {
		const frozen = b.snapshot as ReportSnapshot | null;
		out.set(
			b.id,
			frozen
				? { report: frozen, frozen: true }
				: {
						report: await generateReport(db, meeting.bodyId, b.reportBodyId!, period!),
						frozen: false
					}
		);
	}
	return out;
}

/** The reports on a meeting's agenda, per item id (frozen or live, see `meetingReportEntries`). */
export async function meetingReports(
	db: DbOrTx,
	meeting: MeetingRef,
	now = new Date()
): Promise<Map<string, ReportSnapshot>> {
	const entries = await meetingReportEntries(db, meeting, now);
	return new Map([...entries].map(([id, e]) => [id, e.report]));
}

/** Freeze the reports of a meeting's agenda (inside the publish transaction). */
export async function freezeReports(db: DbOrTx, meeting: MeetingRef, now: Date) {
	const bound = await db
		.select({ id: agendaItems.id, reportBodyId: agendaItems.reportBodyId })
		.from(agendaItems)
		.where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.reportBodyId)));
	if (bound.length === 0) return;
	const period = await reportPeriod(db, meeting, now);
	for (const b of bound) {
		const snapshot = await generateReport(db, meeting.bodyId, b.reportBodyId!, period);
		await db.update(agendaItems).set({ reportSnapshot: snapshot }).where(eq(agendaItems.id, b.id));
	}
}

/** Generate a frozen report again over its own period (the same result while history stands). */
export async function regenerateReport(
	db: DbOrTx,
	targetBodyId: string,
	frozen: ReportSnapshot
): Promise<ReportSnapshot> {
	return generateReport(db, targetBodyId, frozen.sourceBody.id, {
		since: new Date(frozen.since),
		until: new Date(frozen.until),
		previousMeeting: frozen.previousMeeting
	});
}
