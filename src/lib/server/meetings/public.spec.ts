/**
 * The public face of meetings: the iCalendar feeds (parsed back with ical.js) carry public
 * meetings only, public agenda lines only, cancellations as STATUS:CANCELLED; the public calendar
 * and decisions hide closed data; the number of queries does not grow with the data.
 */
import type { RequestEvent } from '@sveltejs/kit';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { rejection } from '../../../../tests/helpers/errors';
import { monthGrid, monthOf, monthWindow, parseMonth } from '../../calendar';
import { countQueries, type Db } from '../db';
import { agendaItems, decisions } from '../db/schema';
import { anonymous } from '../policy';
import { listDecisions } from './decisions.service';
import { calendar } from './ical';
import { publicCalendar, publicCalendarPage, publicDecision } from './public.queries';
import { GET as allFeed } from '../../../routes/vergaderingen.ics/+server';
import { GET as bodyFeed } from '../../../routes/organen/[slug]/vergaderingen.ics/+server';

const t = useTestDatabase();
const origin = 'https://streek.example';
const day = 86_400_000;

async function fixture(db: Db) {
	const body = await buildBody(db);
	const other = await buildBody(db);
	const soon = new Date(Date.now() + 3 * day);
	const open = await buildMeeting(db, {
		bodyId: body.id,
		title: 'Open vergadering',
		status: 'agenda_published',
		startsAt: soon,
		endsAt: new Date(soon.getTime() + 2 * 3600_000),
		items: [
			{ title: 'Openbaar punt', durationMinutes: 20 },
			{ title: 'Geheim personeelsdossier', isPublic: false, durationMinutes: 10 },
			{ title: 'Slotpunt', durationMinutes: 10 }
		]
	});
	// A public sub-item under a closed parent stays closed.
	const [, closedParent] = open.items;
	await db.insert(agendaItems).values({
		meetingId: open.meeting.id,
		parentId: closedParent.id,
		position: 0,
		title: 'Deelpunt onder besloten punt',
		isPublic: true,
		isExample: true
	});
	const closed = await buildMeeting(db, {
		bodyId: body.id,
		title: 'Besloten vergadering',
		isPublic: false,
		status: 'agenda_published',
		items: [{ title: 'Punt van een besloten vergadering' }]
	});
	const draft = await buildMeeting(db, {
		bodyId: body.id,
		title: 'Ontwerpvergadering',
		status: 'draft'
	});
	const cancelled = await buildMeeting(db, {
		bodyId: body.id,
		title: 'Geannuleerde vergadering',
		status: 'cancelled',
		cancelReason: 'Te weinig agendapunten',
		sequence: 1,
		// Cancelled after its publication (a cancelled draft is never public).
		publishedAt: new Date(Date.now() - 7 * 86400_000)
	});
	const elsewhere = await buildMeeting(db, {
		bodyId: other.id,
		title: 'Vergadering van een ander orgaan',
		status: 'agenda_published'
	});
	const held = await buildMeeting(db, {
		bodyId: body.id,
		title: 'Gehouden vergadering',
		status: 'held',
		startsAt: new Date(Date.now() - 3 * day),
		endsAt: new Date(Date.now() - 3 * day + 3600_000),
		items: [{ title: 'Openbaar besluitpunt' }, { title: 'Besloten besluitpunt', isPublic: false }]
	});
	const [publicDec, closedDec] = await db
		.insert(decisions)
		.values([
			{
				bodyId: body.id,
				year: 2026,
				number: 901,
				meetingId: held.meeting.id,
				agendaItemId: held.items[0].id,
				title: 'Openbaar besluit',
				text: 'Tekst.',
				status: 'adopted',
				votesFor: 10,
				votesAgainst: 1,
				votesAbstain: 0
			},
			{
				bodyId: body.id,
				year: 2026,
				number: 902,
				meetingId: held.meeting.id,
				agendaItemId: held.items[1].id,
				title: 'Geheim besluit',
				text: 'Geheime tekst.',
				status: 'adopted'
			}
		])
		.returning();
	return { body, other, open, closed, draft, cancelled, elsewhere, held, publicDec, closedDec };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;
let f: Fixture;

function events(ics: string) {
	const vcalendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	return vcalendar.getAllSubcomponents('vevent').map((e) => ({
		uid: String(e.getFirstPropertyValue('uid')),
		summary: String(e.getFirstPropertyValue('summary')),
		status: String(e.getFirstPropertyValue('status')),
		description: String(e.getFirstPropertyValue('description') ?? ''),
		url: String(e.getFirstPropertyValue('url') ?? ''),
		sequence: Number(e.getFirstPropertyValue('sequence') ?? 0)
	}));
}

const feedEvent = (slug?: string) =>
	({
		locals: { db: t.db, requestId: 'test', locale: 'nl', principal: anonymous },
		params: slug ? { slug } : {},
		url: new URL('http://localhost/vergaderingen.ics')
	}) as unknown as RequestEvent<never, never>;

describe('iCalendar feeds', () => {
	it('carry public meetings with their public agenda lines only', async () => {
		f = await fixture(t.db);
		const meetings = await publicCalendar(t.db, { origin, bodyId: f.body.id });
		const ids = meetings.map((m) => m.id);
		expect(ids).toContain(f.open.meeting.id);
		expect(ids).toContain(f.cancelled.meeting.id);
		expect(ids).toContain(f.held.meeting.id);
		for (const hidden of [f.closed, f.draft, f.elsewhere])
			expect(ids).not.toContain(hidden.meeting.id);
		const open = meetings.find((m) => m.id === f.open.meeting.id)!;
		// Numbers come from the whole agenda: the closed item keeps its place (2).
		expect(open.agenda).toEqual(['1. Openbaar punt', '3. Slotpunt']);
		expect(open.url).toBe(`${origin}/vergaderingen/${f.open.meeting.id}`);

		const parsed = events(calendar(meetings, origin, { name: 'Test', method: 'PUBLISH' }));
		const text = JSON.stringify(parsed);
		expect(text).not.toContain('Geheim personeelsdossier');
		expect(text).not.toContain('Deelpunt onder besloten punt');
		expect(text).not.toContain('Besloten vergadering');
		expect(text).not.toContain('Ontwerpvergadering');
		const cancelled = parsed.find((e) => e.uid.startsWith(f.cancelled.meeting.id))!;
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.sequence).toBe(1);
		expect(cancelled.description).toContain('Te weinig agendapunten');
		const confirmed = parsed.find((e) => e.uid.startsWith(f.open.meeting.id))!;
		expect(confirmed.status).toBe('CONFIRMED');
		expect(confirmed.uid).toBe(`${f.open.meeting.id}@streek.example`);
		expect(confirmed.url).toBe(open.url);
	});

	it('are served as text/calendar, all public meetings and per body (unknown body 404)', async () => {
		const all = await allFeed(feedEvent());
		expect(all.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const allEvents = events(await all.text());
		const summaries = allEvents.map((e) => e.summary);
		expect(summaries).toContain('Vergadering van een ander orgaan');
		expect(summaries).not.toContain('Besloten vergadering');
		expect(summaries).toContain('Geannuleerd: Geannuleerde vergadering');

		const one = await bodyFeed(feedEvent(f.body.slug));
		const oneSummaries = events(await one.text()).map((e) => e.summary);
		expect(oneSummaries).toContain('Open vergadering');
		expect(oneSummaries).not.toContain('Vergadering van een ander orgaan');

		const refused = await Promise.resolve(bodyFeed(feedEvent('bestaat-niet'))).then(
			() => null,
			(e: unknown) => e as { status: number }
		);
		expect(refused?.status).toBe(404);
	});

	it('load a fixed number of queries, whatever the number of meetings', async () => {
		const before = await countQueries(() => publicCalendar(t.db, { origin }));
		await fixture(t.db);
		const after = await countQueries(() => publicCalendar(t.db, { origin }));
		expect(after.result.length).toBeGreaterThan(before.result.length);
		expect(after.queries).toBe(before.queries);
	});
});

describe('public calendar and decisions', () => {
	it('shows public meetings of the month only, filtered by body', async () => {
		const month = monthOf(f.open.meeting.startsAt);
		const page = await publicCalendarPage(t.db, { month, orgaan: f.body.slug, locale: 'nl' });
		const ids = page.meetings.map((m) => m.id);
		expect(ids).toContain(f.open.meeting.id);
		expect(ids).not.toContain(f.closed.meeting.id);
		expect(ids).not.toContain(f.draft.meeting.id);
		expect(ids).not.toContain(f.elsewhere.meeting.id);
		const e = await rejection(
			publicCalendarPage(t.db, { month, orgaan: 'bestaat-niet', locale: 'nl' })
		);
		expect(e.status).toBe(404);
	});

	it('lists and shows public decisions only, also to a logged-in member', async () => {
		const member = t.ctx({
			principal: {
				kind: 'user',
				userId: '00000000-0000-4000-8000-000000000001',
				name: 'Lid',
				email: 'lid@voorbeeld.test',
				role: 'user',
				bodyRoles: { [f.body.id]: ['member'] }
			}
		});
		const list = await listDecisions(member, { orgaan: f.body.slug });
		expect(list.items.map((d) => d.title)).toEqual(['Openbaar besluit']);
		expect((await publicDecision(member, f.publicDec.id)).reference).toBe('2026/901');
		expect((await rejection(publicDecision(member, f.closedDec.id))).status).toBe(404);
	});
});

describe('month arithmetic (Europe/Brussels)', () => {
	it('windows a month at Brussels midnight and lays it out Monday first', () => {
		const { from, to } = monthWindow({ year: 2026, month: 3 });
		expect(from.toISOString()).toBe('2026-02-28T23:00:00.000Z');
		// Summer time starts on 29 March 2026: April begins at 22:00 UTC.
		expect(to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
		const grid = monthGrid({ year: 2026, month: 3 });
		expect(grid[0][0].date).toBe('2026-02-23');
		expect(grid[0][6].date).toBe('2026-03-01');
		expect(grid.at(-1)!.at(-1)!.date).toBe('2026-04-05');
		expect(parseMonth('2026-13', new Date('2026-11-27T12:00:00Z'))).toEqual({
			year: 2026,
			month: 11
		});
		// 23:30 UTC on 31 December is already January in Brussels.
		expect(monthOf(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2027, month: 1 });
	});
});
