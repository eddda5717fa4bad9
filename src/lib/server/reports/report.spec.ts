/**
 * Generated reports (issue 7): what body Y's report on body X's agenda contains for given
 * histories, what each audience sees of it, freezing at publication, regeneration, and a query
 * count that does not grow with the history.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { buildItem, buildPlan } from '../../../../tests/helpers/plans';
import { countQueries } from '../db';
import {
	adviceHops,
	advices,
	agendaItems,
	decisions,
	itemShares,
	meetings,
	planUpdates,
	type MeetingStatus
} from '../db/schema';
import { transitionMeeting } from '../meetings/meetings.service';
import {
	FIRST_REPORT_DAYS,
	generateReport,
	meetingReportEntries,
	meetingReports,
	regenerateReport,
	reportFor,
	reportIsEmpty,
	reportPeriod,
	type ReportSnapshot
} from './report.service';

const t = useTestDatabase();
const DAY = 86400_000;
const BASE = Date.UTC(2030, 2, 1, 13, 0);
/** An instant `days` after the base date (X's previous meeting is on day 0). */
const day = (days: number) => new Date(BASE + days * DAY);

let decisionNumber = 0;

/** X with a held meeting on day 0 and a draft on day 30; Y part of X; Z linked to Y too. */
async function world() {
	const x = await buildBody(t.db);
	const y = await buildBody(t.db, { partOfId: x.id });
	const z = await buildBody(t.db, { partOfId: y.id });
	const previous = await buildMeeting(t.db, {
		bodyId: x.id,
		status: 'held',
		startsAt: day(0),
		endsAt: new Date(day(0).getTime() + 2 * 3600_000),
		items: [{ title: 'Vorig punt van X' }]
	});
	const current = await buildMeeting(t.db, {
		bodyId: x.id,
		status: 'draft',
		startsAt: day(30),
		endsAt: new Date(day(30).getTime() + 2 * 3600_000),
		items: [{ title: 'Terugkoppeling', reportBodyId: y.id }]
	});
	return { x, y, z, previous: previous.meeting, current: current.meeting, item: current.items[0] };
}
type World = Awaited<ReturnType<typeof world>>;

/** A meeting of Y on `d` with items ([title, isPublic]) and their decisions. */
async function yMeeting(
	w: World,
	d: number,
	items: { title: string; isPublic?: boolean; decision?: string; parent?: number }[],
	over: { status?: MeetingStatus; isPublic?: boolean; title?: string } = {}
) {
	const { meeting, items: rows } = await buildMeeting(t.db, {
		bodyId: w.y.id,
		status: over.status ?? 'held',
		isPublic: over.isPublic ?? true,
		title: over.title ?? `Y op dag ${d}`,
		startsAt: day(d),
		endsAt: new Date(day(d).getTime() + 2 * 3600_000),
		items: items
			.filter((i) => i.parent === undefined)
			.map((i) => ({ title: i.title, isPublic: i.isPublic ?? true }))
	});
	for (const [pos, i] of items.entries()) {
		if (i.parent === undefined) continue;
		const [sub] = await t.db
			.insert(agendaItems)
			.values({
				meetingId: meeting.id,
				parentId: rows[i.parent].id,
				position: pos,
				title: i.title,
				isPublic: i.isPublic ?? true,
				isExample: true
			})
			.returning();
		rows.push(sub);
	}
	const byTitle = new Map(rows.map((r) => [r.title, r]));
	for (const i of items.filter((i) => i.decision)) {
		await t.db.insert(decisions).values({
			bodyId: w.y.id,
			year: 2030,
			number: ++decisionNumber,
			meetingId: meeting.id,
			agendaItemId: byTitle.get(i.title)!.id,
			title: i.decision!,
			text: 'Tekst van het besluit.',
			isExample: true
		});
	}
	return { meeting, item: (title: string) => byTitle.get(title)! };
}

const share = (itemId: string, bodyId: string) =>
	t.db.insert(itemShares).values({ agendaItemId: itemId, bodyId, isExample: true });

/** A hop of an advice (inserted directly). */
async function hop(
	values: Partial<typeof adviceHops.$inferInsert> & {
		fromBodyId: string;
		toBodyId: string;
		title: string;
	}
) {
	const { title, ...rest } = values;
	const [advice] = await t.db
		.insert(advices)
		.values({ title, originBodyId: values.fromBodyId, isExample: true })
		.returning();
	await t.db
		.insert(adviceHops)
		.values({ adviceId: advice.id, step: 1, text: title, isExample: true, ...rest });
}

/** The report, as titles and visibilities. */
function summary(r: ReportSnapshot) {
	return {
		meetings: r.meetings.map((m) => ({
			title: m.title,
			visibility: m.visibility,
			items: m.items.map((i) => `${i.number} ${i.title} (${i.visibility})`)
		})),
		decisions: r.decisions.map((d) => `${d.title} (${d.visibility})`),
		advice: r.advice.map((a) => `${a.direction} ${a.title} (${a.visibility})`)
	};
}

async function reportOf(w: World, until = day(30)) {
	return generateReport(t.db, w.x.id, w.y.id, await reportPeriod(t.db, w.current, until));
}

type Expected = ReturnType<typeof summary>;
const none: Expected = { meetings: [], decisions: [], advice: [] };

const cases: {
	name: string;
	history: (w: World) => Promise<void>;
	members: Expected;
	public: Expected;
}[] = [
	{
		name: 'a public meeting: public items listed, closed ones not',
		history: async (w) => {
			await yMeeting(w, 10, [
				{ title: 'Openbaar punt' },
				{ title: 'Besloten punt', isPublic: false },
				{ title: 'Nog een openbaar punt' }
			]);
		},
		members: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: ['1 Openbaar punt (public)', '3 Nog een openbaar punt (public)']
				}
			],
			decisions: [],
			advice: []
		},
		public: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: ['1 Openbaar punt (public)', '3 Nog een openbaar punt (public)']
				}
			],
			decisions: [],
			advice: []
		}
	},
	{
		name: 'a closed item shared with X: for X members only',
		history: async (w) => {
			const m = await yMeeting(w, 10, [
				{ title: 'Openbaar punt' },
				{ title: 'Gedeeld punt', isPublic: false },
				{ title: 'Subpunt van gedeeld', isPublic: false, parent: 1 }
			]);
			await share(m.item('Gedeeld punt').id, w.x.id);
		},
		members: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: [
						'1 Openbaar punt (public)',
						'2 Gedeeld punt (members)',
						'2.1 Subpunt van gedeeld (members)'
					]
				}
			],
			decisions: [],
			advice: []
		},
		public: {
			meetings: [
				{ title: 'Y op dag 10', visibility: 'public', items: ['1 Openbaar punt (public)'] }
			],
			decisions: [],
			advice: []
		}
	},
	{
		name: 'a closed item shared with another body Z: absent',
		history: async (w) => {
			const m = await yMeeting(w, 10, [
				{ title: 'Openbaar punt' },
				{ title: 'Gedeeld met Z', isPublic: false, decision: 'Besluit voor Z' }
			]);
			await share(m.item('Gedeeld met Z').id, w.z.id);
		},
		members: {
			meetings: [
				{ title: 'Y op dag 10', visibility: 'public', items: ['1 Openbaar punt (public)'] }
			],
			decisions: [],
			advice: []
		},
		public: {
			meetings: [
				{ title: 'Y op dag 10', visibility: 'public', items: ['1 Openbaar punt (public)'] }
			],
			decisions: [],
			advice: []
		}
	},
	{
		name: 'a closed meeting with nothing shared: absent entirely',
		history: async (w) => {
			await yMeeting(w, 10, [{ title: 'Geheim', decision: 'Geheim besluit' }], {
				isPublic: false,
				title: 'Besloten vergadering'
			});
		},
		members: none,
		public: none
	},
	{
		name: 'a closed meeting with a shared item: only that item, for members',
		history: async (w) => {
			const m = await yMeeting(
				w,
				10,
				[{ title: 'Geheim' }, { title: 'Gedeeld', decision: 'Gedeeld besluit' }],
				{ isPublic: false, title: 'Besloten vergadering' }
			);
			await share(m.item('Gedeeld').id, w.x.id);
		},
		members: {
			meetings: [
				{ title: 'Besloten vergadering', visibility: 'members', items: ['2 Gedeeld (members)'] }
			],
			decisions: ['Gedeeld besluit (members)'],
			advice: []
		},
		public: none
	},
	{
		name: 'decisions on public, closed and shared items',
		history: async (w) => {
			const m = await yMeeting(w, 10, [
				{ title: 'Openbaar', decision: 'Openbaar besluit' },
				{ title: 'Besloten', isPublic: false, decision: 'Besloten besluit' },
				{ title: 'Gedeeld', isPublic: false, decision: 'Gedeeld besluit' }
			]);
			await share(m.item('Gedeeld').id, w.x.id);
		},
		members: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: ['1 Openbaar (public)', '3 Gedeeld (members)']
				}
			],
			decisions: ['Openbaar besluit (public)', 'Gedeeld besluit (members)'],
			advice: []
		},
		public: {
			meetings: [{ title: 'Y op dag 10', visibility: 'public', items: ['1 Openbaar (public)'] }],
			decisions: ['Openbaar besluit (public)'],
			advice: []
		}
	},
	{
		name: 'meetings outside the period (before X’s previous meeting, after until): absent',
		history: async (w) => {
			await yMeeting(w, -3, [{ title: 'Te vroeg', decision: 'Te vroeg besluit' }], {
				title: 'Voor de periode'
			});
			await yMeeting(w, 12, [{ title: 'Op tijd' }], { title: 'In de periode' });
			await yMeeting(w, 30.5, [{ title: 'Te laat' }], { title: 'Na de periode' });
		},
		members: {
			meetings: [{ title: 'In de periode', visibility: 'public', items: ['1 Op tijd (public)'] }],
			decisions: [],
			advice: []
		},
		public: {
			meetings: [{ title: 'In de periode', visibility: 'public', items: ['1 Op tijd (public)'] }],
			decisions: [],
			advice: []
		}
	},
	{
		name: 'draft, published-not-held and cancelled meetings of Y: absent',
		history: async (w) => {
			await yMeeting(w, 5, [{ title: 'Ontwerp' }], { status: 'draft' });
			await yMeeting(w, 6, [{ title: 'Gepubliceerd' }], { status: 'agenda_published' });
			await yMeeting(w, 7, [{ title: 'Geannuleerd' }], { status: 'cancelled' });
			await yMeeting(w, 8, [{ title: 'Verslag goedgekeurd' }], {
				status: 'minutes_approved',
				title: 'Goedgekeurd'
			});
		},
		members: {
			meetings: [
				{ title: 'Goedgekeurd', visibility: 'public', items: ['1 Verslag goedgekeurd (public)'] }
			],
			decisions: [],
			advice: []
		},
		public: {
			meetings: [
				{ title: 'Goedgekeurd', visibility: 'public', items: ['1 Verslag goedgekeurd (public)'] }
			],
			decisions: [],
			advice: []
		}
	},
	{
		name: 'advice sent and settled by Y in the period, by the visibility of its item',
		history: async (w) => {
			const m = await yMeeting(w, 10, [
				{ title: 'Openbaar advies' },
				{ title: 'Besloten advies', isPublic: false },
				{ title: 'Gedeeld advies', isPublic: false },
				{ title: 'Advies van Z behandeld' }
			]);
			await share(m.item('Gedeeld advies').id, w.x.id);
			const sent = { fromBodyId: w.y.id, toBodyId: w.x.id, sentAt: day(11) };
			await hop({ ...sent, title: 'Advies A', fromItemId: m.item('Openbaar advies').id });
			await hop({ ...sent, title: 'Advies B', fromItemId: m.item('Besloten advies').id });
			await hop({ ...sent, title: 'Advies C', fromItemId: m.item('Gedeeld advies').id });
			await hop({
				...sent,
				title: 'Advies te vroeg',
				fromItemId: m.item('Openbaar advies').id,
				sentAt: day(-1)
			});
			await hop({
				fromBodyId: w.z.id,
				toBodyId: w.y.id,
				title: 'Advies van Z',
				sentAt: day(-20),
				placedItemId: m.item('Advies van Z behandeld').id,
				outcome: 'confirmed',
				settledAt: day(10)
			});
		},
		members: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: [
						'1 Openbaar advies (public)',
						'3 Gedeeld advies (members)',
						'4 Advies van Z behandeld (public)'
					]
				}
			],
			decisions: [],
			advice: ['settled Advies van Z (public)', 'sent Advies A (public)', 'sent Advies C (members)']
		},
		public: {
			meetings: [
				{
					title: 'Y op dag 10',
					visibility: 'public',
					items: ['1 Openbaar advies (public)', '4 Advies van Z behandeld (public)']
				}
			],
			decisions: [],
			advice: ['settled Advies van Z (public)', 'sent Advies A (public)']
		}
	}
];

describe('generated report: content per history and audience', () => {
	it.each(cases)('$name', async (c) => {
		const w = await world();
		await c.history(w);
		const report = await reportOf(w);
		expect(report.sourceBody.id).toBe(w.y.id);
		expect(report.previousMeeting).toEqual({
			id: w.previous.id,
			startsAt: day(0).toISOString()
		});
		expect(report.since).toBe(day(0).toISOString());
		expect(summary(reportFor(report, 'members'))).toEqual(c.members);
		expect(summary(reportFor(report, 'public'))).toEqual(c.public);
		expect(reportIsEmpty(reportFor(report, 'public'))).toBe(
			c.public.meetings.length === 0 && c.public.decisions.length === 0
		);
	});

	it("X's first meeting: no previous meeting, the last FIRST_REPORT_DAYS days", async () => {
		const x = await buildBody(t.db);
		const y = await buildBody(t.db, { partOfId: x.id });
		const { meeting } = await buildMeeting(t.db, {
			bodyId: x.id,
			status: 'draft',
			startsAt: day(100),
			endsAt: new Date(day(100).getTime() + 3600_000)
		});
		// X's cancelled and draft meetings do not count as a previous meeting.
		for (const status of ['cancelled', 'draft'] as const) {
			await buildMeeting(t.db, { bodyId: x.id, status, startsAt: day(50), endsAt: day(50.1) });
		}
		const w = { x, y } as World;
		await yMeeting(w, 100 - FIRST_REPORT_DAYS - 1, [{ title: 'Te oud' }], { title: 'Oud' });
		await yMeeting(w, 100 - FIRST_REPORT_DAYS + 1, [{ title: 'Recent' }], { title: 'Recent' });
		const period = await reportPeriod(t.db, meeting, day(99));
		expect(period.previousMeeting).toBeNull();
		expect(period.since.toISOString()).toBe(day(100 - FIRST_REPORT_DAYS).toISOString());
		const report = await generateReport(t.db, x.id, y.id, period);
		expect(report.previousMeeting).toBeNull();
		expect(report.meetings.map((m) => m.title)).toEqual(['Recent']);
	});

	it("starts where the previous report stopped: at the publication of X's previous agenda", async () => {
		const x = await buildBody(t.db);
		const y = await buildBody(t.db, { partOfId: x.id });
		// X's previous meeting on day 50, its agenda (and report) published on day 36.
		const previous = await buildMeeting(t.db, {
			bodyId: x.id,
			status: 'held',
			startsAt: day(50),
			endsAt: day(50.1),
			publishedAt: day(36)
		});
		const { meeting } = await buildMeeting(t.db, {
			bodyId: x.id,
			status: 'draft',
			startsAt: day(100),
			endsAt: day(100.1)
		});
		const w = { x, y } as World;
		// Y met between that publication and X's previous meeting: not in the previous report.
		await yMeeting(w, 40, [{ title: 'Tussendoor' }], { title: 'Tussendoor' });
		await yMeeting(w, 30, [{ title: 'Eerder' }], { title: 'Eerder' });
		const period = await reportPeriod(t.db, meeting, day(99));
		expect(period.previousMeeting?.id).toBe(previous.meeting.id);
		expect(period.since.toISOString()).toBe(day(36).toISOString());
		const report = await generateReport(t.db, x.id, y.id, period);
		expect(report.meetings.map((m) => m.title)).toEqual(['Tussendoor']);
	});

	it('says nothing when Y did nothing', async () => {
		const w = await world();
		const report = await reportOf(w);
		expect(reportIsEmpty(report)).toBe(true);
		expect(summary(report)).toEqual(none);
	});
});

describe('frozen at publication', () => {
	it('keeps the frozen report while the live draft follows Y, and regenerates it identically', async () => {
		const w = await world();
		const first = await yMeeting(w, 10, [{ title: 'Eerste punt', decision: 'Eerste besluit' }]);
		// The draft shows the live report.
		const live = (await meetingReports(t.db, w.current, day(20))).get(w.item.id)!;
		expect(live.meetings.map((m) => m.title)).toEqual(['Y op dag 10']);
		expect((await meetingReportEntries(t.db, w.current, day(20))).get(w.item.id)?.frozen).toBe(
			false
		);

		await transitionMeeting(t.ctx(), w.current.id, 'publish', {}, day(20));
		const [stored] = await t.db
			.select({ snapshot: agendaItems.reportSnapshot })
			.from(agendaItems)
			.where(eq(agendaItems.id, w.item.id));
		const frozen = stored.snapshot as ReportSnapshot;
		expect(frozen.until).toBe(day(20).toISOString());
		expect(summary(frozen)).toEqual(summary(live));
		expect(await regenerateReport(t.db, w.x.id, frozen)).toEqual(frozen);

		// Later changes in Y: a new meeting in the period, an item closed, a title changed.
		await yMeeting(w, 15, [{ title: 'Later toegevoegd' }], { title: 'Nagekomen' });
		await t.db
			.update(decisions)
			.set({ title: 'Gewijzigd besluit' })
			.where(eq(decisions.meetingId, first.meeting.id));
		const published = await meetingReportEntries(t.db, w.current, day(25));
		expect(published.get(w.item.id)).toEqual({ report: frozen, frozen: true });

		// Another draft of X (after the published one) shows the live state of Y.
		const { meeting: next, items } = await buildMeeting(t.db, {
			bodyId: w.x.id,
			status: 'draft',
			startsAt: day(60),
			endsAt: day(60.1),
			items: [{ title: 'Terugkoppeling', reportBodyId: w.y.id }]
		});
		await t.db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, w.current.id));
		await yMeeting(w, 40, [{ title: 'Na de vorige' }], { title: 'Y op dag 40' });
		const nextReport = (await meetingReports(t.db, next, day(50))).get(items[0].id)!;
		expect(nextReport.previousMeeting?.id).toBe(w.current.id);
		expect(nextReport.meetings.map((m) => m.title)).toEqual(['Y op dag 40']);
		// The regenerated frozen report now differs: history changed.
		expect(summary(await regenerateReport(t.db, w.x.id, frozen))).not.toEqual(summary(frozen));
	});
});

describe('plan actions in the report', () => {
	it('lists the actions of Y’s plans updated in the period: published plans for all, others for members', async () => {
		const w = await world();
		const action = async (isPublic: boolean, title: string) => {
			const plan = await buildPlan(t.db, { bodyId: w.y.id, isPublic });
			const theme = await buildItem(t.db, { planId: plan.id, kind: 'theme' });
			const objective = await buildItem(t.db, {
				planId: plan.id,
				kind: 'objective',
				parentId: theme.id
			});
			return buildItem(t.db, { planId: plan.id, kind: 'action', parentId: objective.id, title });
		};
		const open = await action(true, 'Fietssnelweg');
		const closed = await action(false, 'Intern dossier');
		const quiet = await action(true, 'Niets gemeld');
		const update = (itemId: string, d: number, progress: number) =>
			t.db.insert(planUpdates).values({
				itemId,
				reportedOn: day(d).toISOString().slice(0, 10),
				createdAt: day(d),
				text: `Stand op dag ${d}`,
				progress,
				isExample: true
			});
		await update(open.id, 5, 20);
		await update(open.id, 12, 35);
		await update(closed.id, 8, 50);
		await update(quiet.id, -10, 10); // before X's previous meeting: not in the period
		await update(open.id, 45, 90); // after the report's end

		const report = await reportOf(w);
		expect(report.actions).toHaveLength(2);
		expect(report.actions).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					id: open.id,
					title: 'Fietssnelweg',
					updates: 2,
					progress: 35,
					text: 'Stand op dag 12',
					visibility: 'public'
				}),
				expect.objectContaining({ id: closed.id, updates: 1, progress: 50, visibility: 'members' })
			])
		);
		expect(reportFor(report, 'public').actions?.map((a) => a.title)).toEqual(['Fietssnelweg']);
		expect(reportIsEmpty(reportFor(report, 'public'))).toBe(false);
	});
});

describe('query count', () => {
	it('does not grow with the history of Y', async () => {
		const w = await world();
		const measure = async () => ({
			generate: (await countQueries(() => reportOf(w))).queries,
			agenda: (await countQueries(() => meetingReports(t.db, w.current, day(30)))).queries
		});
		const history = async (from: number, n: number) => {
			for (let i = 0; i < n; i++) {
				const m = await yMeeting(
					w,
					1 + ((from + i) % 28) + i / 100,
					[
						{ title: `Punt ${i}a`, decision: `Besluit ${from + i}a` },
						{ title: `Punt ${i}b`, isPublic: false, decision: `Besluit ${from + i}b` },
						{ title: `Punt ${i}c`, parent: 0 }
					],
					{ isPublic: i % 3 !== 0 }
				);
				if (i % 2) await share(m.item(`Punt ${i}b`).id, w.x.id);
				await hop({
					fromBodyId: w.y.id,
					toBodyId: w.x.id,
					title: `Advies ${from + i}`,
					sentAt: day(2 + (i % 20)),
					fromItemId: m.item(`Punt ${i}a`).id
				});
			}
		};
		await history(0, 2);
		const small = await measure();
		const smallReport = await reportOf(w);
		await history(2, 38);
		const large = await measure();
		const largeReport = await reportOf(w);
		expect(largeReport.meetings.length).toBeGreaterThan(smallReport.meetings.length * 10);
		expect(largeReport.decisions.length).toBeGreaterThan(30);
		expect(large).toEqual(small);
		expect(small).toEqual({ generate: 7, agenda: 8 });
	});
});
