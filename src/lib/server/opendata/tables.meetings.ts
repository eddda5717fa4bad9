/**
 * Open data of meetings: public meetings past their draft (meetings/queries.ts
 * `meetingIsPublic`), their public agenda items (meetings/agenda.ts `publicItems`, numbered on
 * the whole agenda like the public page) and public decisions (`decisionIsPublic`).
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { agendaItems, bodies, decisions, meetings } from '../db/schema';
import { numberAgenda, publicItems } from '../meetings/agenda';
import { decisionIsPublic, decisionReference } from '../meetings/decisions.service';
import { meetingIsPublic } from '../meetings/queries';
import { exampleColumn, table, type Column } from './columns';

type MeetingRow = typeof meetings.$inferSelect & { bodySlug: string };

const meetingColumns: Column<MeetingRow>[] = [
	{
		name: 'id',
		type: 'uuid',
		description: 'Id of the meeting: /vergaderingen/{id}.',
		value: (r) => r.id
	},
	{
		name: 'body_slug',
		type: 'text',
		description: 'Slug of the body that meets (bodies.csv).',
		value: (r) => r.bodySlug
	},
	{
		name: 'title',
		type: 'text',
		description: "The meeting's own title; empty when it is named after its body and date.",
		value: (r) => r.title
	},
	{
		name: 'starts_at',
		type: 'datetime',
		description: 'Start (ISO 8601, UTC).',
		value: (r) => r.startsAt
	},
	{
		name: 'ends_at',
		type: 'datetime',
		description: 'Planned end (ISO 8601, UTC).',
		value: (r) => r.endsAt
	},
	{
		name: 'location',
		type: 'text',
		description: 'Where the meeting takes place.',
		value: (r) => r.location
	},
	{
		name: 'status',
		type: 'text',
		description:
			'agenda_published (announced), held, minutes_draft (minutes being written), minutes_approved or cancelled.',
		value: (r) => r.status
	},
	{
		name: 'cancel_reason',
		type: 'text',
		description: 'Why a cancelled meeting was cancelled.',
		value: (r) => r.cancelReason
	},
	{
		name: 'minutes_approved_at',
		type: 'datetime',
		description: 'When its minutes were approved; empty before.',
		value: (r) => r.minutesApprovedAt
	},
	{
		name: 'updated_at',
		type: 'datetime',
		description: 'Last change of the record (ISO 8601, UTC).',
		value: (r) => r.updatedAt
	},
	exampleColumn<MeetingRow>()
];

async function publicMeetings(db: DbOrTx): Promise<MeetingRow[]> {
	const rows = await db
		.select({ meeting: meetings, bodySlug: bodies.slug })
		.from(meetings)
		.innerJoin(bodies, eq(bodies.id, meetings.bodyId))
		.where(meetingIsPublic)
		.orderBy(asc(meetings.startsAt), asc(meetings.id));
	return rows.map((r) => ({ ...r.meeting, bodySlug: r.bodySlug }));
}

export const meetingsTable = table<MeetingRow>({
	file: 'meetings.csv',
	description:
		'Public meetings of the bodies, once announced (drafts and closed meetings left out; cancelled ones included).',
	columns: meetingColumns,
	rows: publicMeetings
});

type ItemRow = typeof agendaItems.$inferSelect & { number: string; plannedStart: Date };

export const agendaItemsTable = table<ItemRow>({
	file: 'agenda_items.csv',
	description:
		'The public agenda items of the public meetings in meetings.csv; closed items (and the sub-items of closed items) are left out, but numbers are those of the whole agenda.',
	columns: [
		{ name: 'id', type: 'uuid', description: 'Id of the agenda item.', value: (r) => r.id },
		{
			name: 'meeting_id',
			type: 'uuid',
			description: 'Id of its meeting (meetings.csv).',
			value: (r) => r.meetingId
		},
		{
			name: 'number',
			type: 'text',
			description: 'Number on the agenda: "3", or "3.2" for a sub-item.',
			value: (r) => r.number
		},
		{
			name: 'parent_id',
			type: 'uuid',
			description: 'Id of the item this is a sub-item of; empty for a main item.',
			value: (r) => r.parentId
		},
		{ name: 'title', type: 'text', description: 'Title of the item.', value: (r) => r.title },
		{
			name: 'description',
			type: 'text',
			description: 'Explanation of the item (Markdown).',
			value: (r) => r.description
		},
		{
			name: 'kind',
			type: 'text',
			description: 'information, discussion, decision or advice.',
			value: (r) => r.kind
		},
		{
			name: 'duration_minutes',
			type: 'integer',
			description: 'Planned duration in minutes.',
			value: (r) => r.durationMinutes
		},
		{
			name: 'planned_start',
			type: 'datetime',
			description: "Planned start: the meeting's start plus the earlier items' durations (UTC).",
			value: (r) => r.plannedStart
		},
		exampleColumn<ItemRow>()
	],
	rows: async (db) => {
		const meetingRows = await publicMeetings(db);
		if (meetingRows.length === 0) return [];
		const items = await db
			.select()
			.from(agendaItems)
			.where(
				inArray(
					agendaItems.meetingId,
					meetingRows.map((m) => m.id)
				)
			)
			.orderBy(asc(agendaItems.position));
		const byMeeting = new Map<string, (typeof items)[number][]>();
		for (const i of items) byMeeting.set(i.meetingId, [...(byMeeting.get(i.meetingId) ?? []), i]);
		return meetingRows.flatMap((m) =>
			publicItems(numberAgenda(byMeeting.get(m.id) ?? [], m.startsAt), true)
		);
	}
});

type DecisionRow = typeof decisions.$inferSelect & { bodySlug: string; meetingStartsAt: Date };

export const decisionsTable = table<DecisionRow>({
	file: 'decisions.csv',
	description:
		'Public decisions: taken at a public meeting on a public agenda item (or on none); the same register as /besluiten.',
	columns: [
		{
			name: 'id',
			type: 'uuid',
			description: 'Id of the decision: /besluiten/{id}.',
			value: (r) => r.id
		},
		{
			name: 'reference',
			type: 'text',
			description:
				'Reference people cite: year/number, e.g. 2026/007 (numbered per body and year).',
			value: (r) => decisionReference(r)
		},
		{ name: 'year', type: 'integer', description: 'Year of the reference.', value: (r) => r.year },
		{
			name: 'number',
			type: 'integer',
			description: 'Number of the reference within the body and year.',
			value: (r) => r.number
		},
		{
			name: 'body_slug',
			type: 'text',
			description: 'Slug of the body that decided (bodies.csv).',
			value: (r) => r.bodySlug
		},
		{
			name: 'meeting_id',
			type: 'uuid',
			description: 'Meeting where it was decided (meetings.csv).',
			value: (r) => r.meetingId
		},
		{
			name: 'meeting_starts_at',
			type: 'datetime',
			description: 'Start of that meeting (UTC).',
			value: (r) => r.meetingStartsAt
		},
		{
			name: 'agenda_item_id',
			type: 'uuid',
			description: 'Agenda item it was decided on (agenda_items.csv); empty when none.',
			value: (r) => r.agendaItemId
		},
		{ name: 'title', type: 'text', description: 'Title of the decision.', value: (r) => r.title },
		{
			name: 'text',
			type: 'text',
			description: 'The text of the decision (Markdown).',
			value: (r) => r.text
		},
		{
			name: 'status',
			type: 'text',
			description: 'Outcome: adopted, rejected, postponed or withdrawn.',
			value: (r) => r.status
		},
		{
			name: 'votes_for',
			type: 'integer',
			description: 'Votes in favour; empty when no vote was recorded.',
			value: (r) => r.votesFor
		},
		{
			name: 'votes_against',
			type: 'integer',
			description: 'Votes against; empty when no vote was recorded.',
			value: (r) => r.votesAgainst
		},
		{
			name: 'votes_abstain',
			type: 'integer',
			description: 'Abstentions; empty when no vote was recorded.',
			value: (r) => r.votesAbstain
		},
		exampleColumn<DecisionRow>()
	],
	rows: async (db) => {
		const rows = await db
			.select({ decision: decisions, bodySlug: bodies.slug, meetingStartsAt: meetings.startsAt })
			.from(decisions)
			.innerJoin(meetings, eq(meetings.id, decisions.meetingId))
			.innerJoin(bodies, eq(bodies.id, decisions.bodyId))
			.where(decisionIsPublic)
			.orderBy(desc(decisions.year), asc(bodies.slug), asc(decisions.number));
		return rows.map((r) => ({
			...r.decision,
			bodySlug: r.bodySlug,
			meetingStartsAt: r.meetingStartsAt
		}));
	}
});
