/**
 * Open data of the structure: bodies (not archived), the organisations taking part in them, and
 * the memberships whose person agreed to a public name — the same rule as a body's public page
 * (bodies/memberships.api.ts): `public_name` set, the person not anonymised, the term running today.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { publicMemberships } from '../bodies/memberships.api';
import { areas, bodies, organisations, participants } from '../db/schema';
import { exampleColumn, table, translated, type Column } from './columns';

const region = alias(areas, 'region');
const parent = alias(bodies, 'parent');
const organiser = alias(organisations, 'organiser');

type BodyRow = {
	body: typeof bodies.$inferSelect;
	regionSlug: string | null;
	parentSlug: string | null;
	organiserSlug: string | null;
};

const bodyColumns: Column<BodyRow>[] = [
	{
		name: 'id',
		type: 'uuid',
		description: 'Id of the body (as in the API).',
		value: (r) => r.body.id
	},
	{
		name: 'slug',
		type: 'text',
		description: 'Short name in the URL: /organen/{slug}.',
		value: (r) => r.body.slug
	},
	{
		name: 'kind',
		type: 'text',
		description:
			'Kind of body: mayors_consultation, taskforce, forum, steering_group, executive, working_group or other.',
		value: (r) => r.body.kind
	},
	...translated<BodyRow>('name', 'Name of the body', (r) => r.body.name),
	{
		name: 'short_name',
		type: 'text',
		description: 'Abbreviation, when it has one.',
		value: (r) => r.body.shortName
	},
	...translated<BodyRow>('purpose', 'What the body is for', (r) => r.body.purpose),
	{
		name: 'region_slug',
		type: 'text',
		description: 'Slug of the platform region it works for (areas of level regio).',
		value: (r) => r.regionSlug
	},
	{
		name: 'part_of_slug',
		type: 'text',
		description: 'Slug of the body it is part of (e.g. a working group of a taskforce).',
		value: (r) => r.parentSlug
	},
	{
		name: 'organiser_slug',
		type: 'text',
		description: 'Slug of the organisation that runs its secretariat.',
		value: (r) => r.organiserSlug
	},
	{
		name: 'email',
		type: 'text',
		description: "The secretariat's public e-mail address.",
		value: (r) => r.body.contact?.email
	},
	{
		name: 'website',
		type: 'text',
		description: 'Website of the body.',
		value: (r) => r.body.contact?.website
	},
	{
		name: 'started_on',
		type: 'date',
		description: 'Day the body started (YYYY-MM-DD).',
		value: (r) => r.body.startedOn
	},
	{
		name: 'ended_on',
		type: 'date',
		description: 'Day the body ended; empty while it runs.',
		value: (r) => r.body.endedOn
	},
	{
		name: 'updated_at',
		type: 'datetime',
		description: 'Last change of the record (ISO 8601, UTC).',
		value: (r) => r.body.updatedAt
	},
	{ ...exampleColumn(), value: (r) => r.body.isExample }
];

export const bodiesTable = table<BodyRow>({
	file: 'bodies.csv',
	description: 'The consultation bodies of the partnership, archived ones left out.',
	columns: bodyColumns,
	rows: (db) =>
		db
			.select({
				body: bodies,
				regionSlug: region.slug,
				parentSlug: parent.slug,
				organiserSlug: organiser.slug
			})
			.from(bodies)
			.leftJoin(region, eq(region.id, bodies.regionId))
			.leftJoin(parent, eq(parent.id, bodies.partOfId))
			.leftJoin(organiser, eq(organiser.id, bodies.organiserId))
			.where(isNull(bodies.archivedAt))
			.orderBy(asc(bodies.slug))
});

type ParticipantRow = {
	participant: typeof participants.$inferSelect;
	bodySlug: string;
	organisation: typeof organisations.$inferSelect;
};

export const participantsTable = table<ParticipantRow>({
	file: 'participants.csv',
	description:
		'Organisations taking part in a body, with their seat and term (past terms included), for bodies that are not archived.',
	columns: [
		{
			name: 'id',
			type: 'uuid',
			description: 'Id of the participation.',
			value: (r) => r.participant.id
		},
		{
			name: 'body_slug',
			type: 'text',
			description: 'Slug of the body (bodies.csv).',
			value: (r) => r.bodySlug
		},
		{
			name: 'organisation_id',
			type: 'uuid',
			description: 'Id of the organisation (as in the API).',
			value: (r) => r.organisation.id
		},
		{
			name: 'organisation_slug',
			type: 'text',
			description: 'Slug of the organisation: /organisaties/{slug}.',
			value: (r) => r.organisation.slug
		},
		...translated<ParticipantRow>(
			'organisation_name',
			'Name of the organisation',
			(r) => r.organisation.name
		),
		{
			name: 'organisation_kind',
			type: 'text',
			description:
				'Kind of organisation: municipality, union, employers_organisation, province, government, parliament, agency, knowledge_institution, intermunicipal_association or other.',
			value: (r) => r.organisation.kind
		},
		{
			name: 'seat_type',
			type: 'text',
			description: 'Seat: member, observer, expert or secretariat.',
			value: (r) => r.participant.seatType
		},
		{
			name: 'start_on',
			type: 'date',
			description: 'First day of the participation; empty when not recorded.',
			value: (r) => r.participant.startOn
		},
		{
			name: 'end_on',
			type: 'date',
			description: 'Last day of the participation; empty while it runs.',
			value: (r) => r.participant.endOn
		},
		{ ...exampleColumn(), value: (r) => r.participant.isExample }
	],
	rows: (db) =>
		db
			.select({ participant: participants, bodySlug: bodies.slug, organisation: organisations })
			.from(participants)
			.innerJoin(bodies, eq(bodies.id, participants.bodyId))
			.innerJoin(organisations, eq(organisations.id, participants.organisationId))
			.where(isNull(bodies.archivedAt))
			.orderBy(asc(bodies.slug), asc(organisations.slug), asc(participants.id))
});

type MembershipRow = Awaited<ReturnType<typeof publicMemberships>>[number];

export const membershipsTable = table<MembershipRow>({
	file: 'memberships.csv',
	description:
		"Current members of bodies who agreed that their name is shown in public (the same people as on the bodies' public pages); nobody else is in the file.",
	columns: [
		{ name: 'id', type: 'uuid', description: 'Id of the membership.', value: (r) => r.id },
		{
			name: 'body_slug',
			type: 'text',
			description: 'Slug of the body (bodies.csv).',
			value: (r) => r.bodySlug
		},
		{
			name: 'role',
			type: 'text',
			description:
				'Role: chair, vice_chair, secretary, member, observer, expert, support or editor.',
			value: (r) => r.role
		},
		{
			name: 'given_name',
			type: 'text',
			description: 'Given name of the member.',
			value: (r) => r.givenName
		},
		{
			name: 'family_name',
			type: 'text',
			description: 'Family name of the member.',
			value: (r) => r.familyName
		},
		{
			name: 'organisation_slug',
			type: 'text',
			description: 'Slug of the organisation the member represents, if any.',
			value: (r) => r.organisationSlug
		},
		{
			name: 'start_on',
			type: 'date',
			description: 'First day of the term; empty when not recorded.',
			value: (r) => r.startOn
		},
		{
			name: 'end_on',
			type: 'date',
			description: 'Last day of the term; empty when open-ended.',
			value: (r) => r.endOn
		},
		exampleColumn<MembershipRow>()
	],
	rows: (db) => publicMemberships(db)
});
