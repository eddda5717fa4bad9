/**
 * What the agenda and minutes PDFs print, as one plain structure: the public variant (public
 * meetings, public items, public decisions; minutes only once approved; attendance names only of
 * members who consented to a public name) and the members' variant (everything, body:read_closed).
 * A fixed number of queries, whatever the size of the agenda.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import type { DbOrTx } from '../db';
import { decisions, memberships, meetings, type AttendanceStatus } from '../db/schema';
import { notFound } from '../errors';
import { tr } from '../../i18n';
import { itemKindLabels } from '../meetings/agenda';
import { decisionReference, decisionStatusLabels } from '../meetings/decisions.service';
import { attendanceSheet } from '../meetings/participation.service';
import { getMeetingWorkspace, getPublicMeeting } from '../meetings/queries';
import { statusLabels } from '../meetings/meetings.service';
import { minutesOfMeeting } from '../minutes/minutes.service';
import { markdownText } from '../minutes/markdown';
import { agendaReports, reportLines, type ReportView } from '../reports/report.views';

export type DocumentKind = 'agenda' | 'minutes';
export type Audience = 'public' | 'members';

export type DocumentDecision = {
	reference: string;
	title: string;
	text: string;
	outcome: string;
	votes: { for: number; against: number; abstain: number } | null;
	closed: boolean;
};

export type DocumentItem = {
	number: string;
	depth: 0 | 1;
	title: string;
	kind: string;
	plannedStart: Date;
	durationMinutes: number | null;
	presenter: string | null;
	description: string | null;
	closed: boolean;
	/** Plain text of the item's minutes (minutes documents only; '' when none were written). */
	minutes: string | null;
	decisions: DocumentDecision[];
	/** The generated report of a bound item, as lines (agenda documents only). */
	report: string[] | null;
};

export type DocumentAttendance = {
	present: string[];
	substitutes: string[];
	excused: string[];
	absent: string[];
	/** Public variant: people counted but not named (no consent to a public name). */
	unnamed: Record<AttendanceStatus, number>;
	quorum: { required: number; present: number; reached: boolean } | null;
};

export type MeetingDocument = {
	kind: DocumentKind;
	audience: Audience;
	meetingId: string;
	title: string;
	bodyName: string;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	onlineUrl: string | null;
	status: string;
	/** A draft agenda or draft minutes: printed with "ONTWERP". */
	draft: boolean;
	items: DocumentItem[];
	closedItems: number;
	/** Decisions without an agenda item. */
	otherDecisions: DocumentDecision[];
	attendance: DocumentAttendance | null;
	approval: { at: Date; reference: string | null } | null;
};

type DecisionRow = {
	year: number;
	number: number;
	title: string;
	text: string;
	status: keyof typeof decisionStatusLabels;
	votesFor: number | null;
	votesAgainst: number | null;
	votesAbstain: number | null;
	agendaItemId: string | null;
	isPublic: boolean;
};

const toDecision = (d: DecisionRow): DocumentDecision => ({
	reference: decisionReference(d),
	title: d.title,
	text: d.text,
	outcome: decisionStatusLabels[d.status],
	votes:
		d.votesFor === null && d.votesAgainst === null && d.votesAbstain === null
			? null
			: { for: d.votesFor ?? 0, against: d.votesAgainst ?? 0, abstain: d.votesAbstain ?? 0 },
	closed: !d.isPublic
});

type ItemRow = {
	id: string;
	number: string;
	depth: 0 | 1;
	title: string;
	kind: keyof typeof itemKindLabels;
	plannedStart: Date;
	durationMinutes: number | null;
	presenter: string | null;
	description: string | null;
};

function documentItems(
	items: (ItemRow & { closed: boolean })[],
	decisionRows: DecisionRow[],
	minutes: Map<string, { body: string }> | null,
	reports: { views: Record<string, ReportView>; targetName: string } | null = null
): DocumentItem[] {
	return items.map((i) => ({
		number: i.number,
		depth: i.depth,
		title: i.title,
		kind: itemKindLabels[i.kind],
		plannedStart: i.plannedStart,
		durationMinutes: i.durationMinutes,
		presenter: i.presenter,
		description: i.description,
		closed: i.closed,
		minutes: minutes ? markdownText(minutes.get(i.id)?.body ?? '') : null,
		decisions: decisionRows.filter((d) => d.agendaItemId === i.id).map(toDecision),
		report:
			reports && reports.views[i.id] ? reportLines(reports.views[i.id], reports.targetName) : null
	}));
}

async function approvalOf(
	db: DbOrTx,
	m: { minutesApprovedAt: Date | null; minutesApprovalDecisionId: string | null }
) {
	if (!m.minutesApprovedAt) return null;
	const [d] = m.minutesApprovalDecisionId
		? await db
				.select({ year: decisions.year, number: decisions.number })
				.from(decisions)
				.where(eq(decisions.id, m.minutesApprovalDecisionId))
		: [];
	return { at: m.minutesApprovedAt, reference: d ? decisionReference(d) : null };
}

type Sheet = NonNullable<Awaited<ReturnType<typeof attendanceSheet>>>;

/** The attendance lists; `named` limits the names shown (public: consented public names). */
function attendanceOf(sheet: Sheet, named: (personId: string) => boolean): DocumentAttendance {
	const out: DocumentAttendance = {
		present: [],
		substitutes: [],
		excused: [],
		absent: [],
		unnamed: { present: 0, substitute: 0, excused: 0, absent: 0 },
		quorum: sheet.quorum
	};
	for (const r of sheet.rows) {
		if (!named(r.personId)) {
			out.unnamed[r.status]++;
			continue;
		}
		const label = r.organisation ? `${r.name} (${r.organisation})` : r.name;
		if (r.status === 'present') out.present.push(label);
		else if (r.status === 'excused') out.excused.push(label);
		else if (r.status === 'absent') out.absent.push(label);
		else out.substitutes.push(r.substitute ? `${label}, vervangen door ${r.substitute}` : label);
	}
	return out;
}

/** People of the body who consented to their name being public. */
async function publicNames(db: DbOrTx, bodyId: string, personIds: string[]) {
	if (personIds.length === 0) return new Set<string>();
	const rows = await db
		.select({ personId: memberships.personId, consent: memberships.publicNameConsentAt })
		.from(memberships)
		.where(
			and(
				eq(memberships.bodyId, bodyId),
				eq(memberships.publicName, true),
				inArray(memberships.personId, personIds)
			)
		);
	return new Set(rows.filter((r) => r.consent).map((r) => r.personId));
}

/**
 * The public agenda or minutes of a public meeting. The minutes exist for the public only once
 * approved (before that: 404, as if they did not exist).
 */
export async function publicMeetingDocument(
	db: DbOrTx,
	id: string,
	kind: DocumentKind
): Promise<MeetingDocument> {
	const page = await getPublicMeeting(db, id, 'nl');
	const [row] = await db.select().from(meetings).where(eq(meetings.id, page.meeting.id));
	if (kind === 'minutes' && row.status !== 'minutes_approved') {
		throw notFound('Het verslag van deze vergadering is nog niet goedgekeurd.');
	}
	const minutes = kind === 'minutes' ? await minutesOfMeeting(db, id) : null;
	let attendance: DocumentAttendance | null = null;
	if (kind === 'minutes') {
		const sheet = await attendanceSheet(db, row);
		const named = await publicNames(
			db,
			row.bodyId,
			sheet.rows.map((r) => r.personId)
		);
		attendance = sheet.recorded ? attendanceOf(sheet, (p) => named.has(p)) : null;
	}
	const m = page.meeting;
	return {
		kind,
		audience: 'public',
		meetingId: m.id,
		title: m.displayTitle,
		bodyName: tr(m.bodyName, 'nl'),
		startsAt: m.startsAt,
		endsAt: m.endsAt,
		location: m.location,
		onlineUrl: m.onlineUrl,
		status: statusLabels[m.status],
		draft: false,
		items: documentItems(
			page.items.map((i) => ({ ...i, closed: false })),
			page.decisions,
			minutes,
			kind === 'agenda'
				? {
						views: await agendaReports(
							db,
							row,
							'public',
							page.items.map((i) => i.id)
						),
						targetName: tr(m.bodyName, 'nl')
					}
				: null
		),
		closedItems: page.closedItems,
		otherDecisions: page.decisions.filter((d) => !d.agendaItemId).map(toDecision),
		attendance,
		approval: kind === 'minutes' ? await approvalOf(db, row) : null
	};
}

/** The members' agenda or minutes: every item and decision (body:read_closed). */
export async function workspaceMeetingDocument(
	ctx: ServiceContext,
	id: string,
	kind: DocumentKind
): Promise<MeetingDocument> {
	const view = await getMeetingWorkspace(ctx, id);
	const m = view.meeting;
	if (kind === 'minutes' && !['held', 'minutes_draft', 'minutes_approved'].includes(m.status)) {
		throw notFound('Deze vergadering heeft nog geen verslag: ze is nog niet gehouden.');
	}
	const minutes = kind === 'minutes' ? await minutesOfMeeting(ctx.db, id) : null;
	return {
		kind,
		audience: 'members',
		meetingId: m.id,
		title: m.displayTitle,
		bodyName: tr(view.body.name, 'nl'),
		startsAt: m.startsAt,
		endsAt: m.endsAt,
		location: m.location,
		onlineUrl: m.onlineUrl,
		status: statusLabels[m.status],
		draft: kind === 'agenda' ? m.status === 'draft' : m.status !== 'minutes_approved',
		items: documentItems(
			view.items.map((i) => ({ ...i, closed: !i.effectivelyPublic })),
			view.decisions,
			minutes,
			kind === 'agenda'
				? {
						views: await agendaReports(ctx.db, m, 'members'),
						targetName: tr(view.body.name, 'nl')
					}
				: null
		),
		closedItems: 0,
		otherDecisions: view.decisions.filter((d) => !d.agendaItemId).map(toDecision),
		attendance:
			kind === 'minutes' && view.attendance?.recorded
				? attendanceOf(view.attendance, () => true)
				: null,
		approval: kind === 'minutes' ? await approvalOf(ctx.db, m) : null
	};
}
