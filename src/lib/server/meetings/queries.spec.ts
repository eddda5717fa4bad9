/**
 * Read models: what the public may see (public meetings past the draft, public items whose
 * parent is public, public decisions), what members see of their own bodies only, and a fixed
 * number of SQL queries per page whatever the amount of data.
 */
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMemberUser,
	meetingCounts
} from '../../../../tests/helpers/factories';
import { getBodyPage } from '../bodies/bodies.service';
import { countQueries } from '../db';
import { agendaItemPolicyDomains, agendaItems, policyDomains } from '../db/schema';
import { anonymous } from '../policy';
import { createDecision, getDecision, listDecisions, meetingDecisions } from './decisions.service';
import { addItem } from './items.service';
import { createMeeting, transitionMeeting } from './meetings.service';
import { replyToMeeting } from './participation.service';
import { publicCalendar } from './public.queries';
import {
	bodyPublicMeetings,
	getMeetingWorkspace,
	getPublicMeeting,
	listMeetings,
	myMeetings,
	workspaceCalendar
} from './queries';

const t = useTestDatabase();
const HOUR = 3600_000;
const decision = (title: string, agendaItemId?: string) => ({
	title,
	text: `Tekst van ${title}`,
	status: 'adopted',
	agendaItemId
});

/**
 * Body A with a held public meeting: item 1 public (1.1 public), item 2 closed (2.1 marked public
 * but under a closed parent), item 3 public; a decision on each of 1, 1.1, 2, 2.1 and one without
 * item. Also a closed held meeting of A, a public draft of A, and a closed meeting of body B.
 */
async function world() {
	const a = await buildBody(t.db);
	const b = await buildBody(t.db);
	const past = (h: number) => new Date(Date.now() - h * HOUR);
	const { meeting: open, items } = await buildMeeting(t.db, {
		bodyId: a.id,
		status: 'held',
		startsAt: past(3),
		endsAt: past(1),
		items: [
			{ title: 'Openbaar 1', durationMinutes: 10 },
			{ title: 'Besloten 2', isPublic: false, durationMinutes: 20 },
			{ title: 'Openbaar 3', durationMinutes: 5 }
		]
	});
	const [sub1, sub2] = await t.db
		.insert(agendaItems)
		.values([
			{ meetingId: open.id, parentId: items[0].id, position: 0, title: 'Openbaar 1.1' },
			{ meetingId: open.id, parentId: items[1].id, position: 0, title: 'Besloten 2.1' }
		])
		.returning();
	const ctx = t.ctx();
	const d = {
		item1: await createDecision(ctx, open.id, decision('Publiek besluit', items[0].id)),
		sub1: await createDecision(ctx, open.id, decision('Publiek subbesluit', sub1.id)),
		item2: await createDecision(ctx, open.id, decision('Besloten besluit', items[1].id)),
		sub2: await createDecision(ctx, open.id, decision('Besloten subbesluit', sub2.id)),
		none: await createDecision(ctx, open.id, decision('Besluit zonder punt'))
	};
	const { meeting: closedA } = await buildMeeting(t.db, {
		bodyId: a.id,
		status: 'held',
		isPublic: false,
		startsAt: past(30),
		endsAt: past(29),
		items: [{ title: 'Punt' }]
	});
	const closedDecisionA = await createDecision(ctx, closedA.id, decision('Besluit besloten A'));
	const { meeting: draftA } = await buildMeeting(t.db, { bodyId: a.id, status: 'draft' });
	const { meeting: closedB } = await buildMeeting(t.db, {
		bodyId: b.id,
		status: 'held',
		isPublic: false,
		startsAt: past(30),
		endsAt: past(29)
	});
	const closedDecisionB = await createDecision(ctx, closedB.id, decision('Besluit besloten B'));
	const member = await buildMemberUser(t.db, { bodyId: a.id });
	return {
		a,
		b,
		open,
		items,
		sub1,
		sub2,
		d,
		closedA,
		closedDecisionA,
		draftA,
		closedB,
		closedDecisionB,
		member
	};
}

describe('public and closed', () => {
	it('keeps closed meetings, drafts, closed items and their decisions from the public', async () => {
		const w = await world();
		const pub = await getPublicMeeting(t.db, w.open.id);
		// Numbers and planned starts come from the whole agenda: item 3 stays number 3.
		expect(pub.items.map((i) => `${i.number} ${i.title}`)).toEqual([
			'1 Openbaar 1',
			'1.1 Openbaar 1.1',
			'3 Openbaar 3'
		]);
		expect(pub.items[2].plannedStart.getTime() - w.open.startsAt.getTime()).toBe(30 * 60_000);
		expect(pub.closedItems).toBe(2);
		expect(pub.decisions.map((d) => d.title).sort()).toEqual([
			'Besluit zonder punt',
			'Publiek besluit',
			'Publiek subbesluit'
		]);
		expect(JSON.stringify(pub)).not.toContain('Besloten');

		for (const id of [w.closedA.id, w.draftA.id, w.closedB.id, 'geen-uuid']) {
			expect((await rejection(getPublicMeeting(t.db, id))).code).toBe('not_found');
		}
		const lists = [
			await listMeetings(t.db, { bodyId: w.a.id, closedScope: [] }),
			...Object.values(await bodyPublicMeetings(t.db, w.a.id))
		];
		expect(lists[0].map((m) => m.id)).toEqual([w.open.id]);
		expect(lists.flat().every((m) => m.id === w.open.id)).toBe(true);
		expect((await bodyPublicMeetings(t.db, w.a.id)).recent.map((m) => m.id)).toEqual([w.open.id]);

		const register = await listDecisions(t.ctx({ principal: anonymous }), { orgaan: w.a.slug });
		expect(register.items.map((d) => d.title).sort()).toEqual([
			'Besluit zonder punt',
			'Publiek besluit',
			'Publiek subbesluit'
		]);
		expect(register.items.every((d) => d.isPublic)).toBe(true);
		// Without `closed`, even staff and members get the public register only.
		expect((await listDecisions(t.ctx(), { orgaan: w.a.slug })).total).toBe(3);
		for (const d of [w.d.item2, w.d.sub2, w.closedDecisionA, w.closedDecisionB]) {
			const e = await rejection(getDecision(t.ctx({ principal: anonymous }), d.id));
			expect(e.code).toBe('not_found');
		}
		expect((await getDecision(t.ctx({ principal: anonymous }), w.d.sub1.id)).isPublic).toBe(true);
	});

	it('shows a member the closed records of her own body, not of another', async () => {
		const w = await world();
		const member = t.ctx({ principal: w.member.principal });
		const ids = async (q: Record<string, string>) =>
			(await listDecisions(member, q, { closed: true })).items.map((d) => d.id);
		const inA = await ids({ orgaan: w.a.slug });
		expect(inA.sort()).toEqual(
			[w.d.item1, w.d.sub1, w.d.item2, w.d.sub2, w.d.none, w.closedDecisionA]
				.map((d) => d.id)
				.sort()
		);
		expect(await ids({ orgaan: w.b.slug })).toEqual([]);
		expect((await ids({})).includes(w.closedDecisionB.id)).toBe(false);
		expect((await listDecisions(member, { orgaan: w.a.slug })).total).toBe(3);
		expect((await getDecision(member, w.d.sub2.id)).isPublic).toBe(false);
		expect((await rejection(getDecision(member, w.closedDecisionB.id))).code).toBe('not_found');
		// Staff see everything with `closed`.
		expect((await listDecisions(t.ctx(), { orgaan: w.b.slug }, { closed: true })).total).toBe(1);

		const workspace = await getMeetingWorkspace(member, w.open.id);
		expect(
			workspace.items.map((i) => `${i.number} ${i.title} ${i.effectivelyPublic ? 'o' : 'b'}`)
		).toEqual([
			'1 Openbaar 1 o',
			'1.1 Openbaar 1.1 o',
			'2 Besloten 2 b',
			'2.1 Besloten 2.1 b',
			'3 Openbaar 3 o'
		]);
		expect(workspace.decisions).toHaveLength(5);
		expect(workspace.can).toEqual({ manage: false, editAgenda: false, record: false });
		expect((await rejection(getMeetingWorkspace(member, w.closedB.id))).code).toBe('forbidden');
		expect(
			(await rejection(getMeetingWorkspace(t.ctx({ principal: anonymous }), w.open.id))).code
		).toBe('unauthenticated');

		const from = new Date(Date.now() - 48 * HOUR);
		const to = new Date(Date.now() + 48 * HOUR);
		const seen = (await workspaceCalendar(member, from, to)).map((m) => m.id);
		expect(seen).toEqual(expect.arrayContaining([w.open.id, w.closedA.id, w.draftA.id]));
		expect(seen).not.toContain(w.closedB.id);
		const mine = (await myMeetings(member, from)).map((m) => m.id);
		expect(mine).toEqual(expect.arrayContaining([w.open.id, w.closedA.id]));
		expect(mine).not.toContain(w.closedB.id);
		expect(await meetingDecisions(t.db, w.closedA.id, false)).toEqual([]);
	});
});

describe('a cancelled draft', () => {
	it('stays out of public view: it was never announced', async () => {
		const body = await buildBody(t.db);
		const date = new Date(Date.now() + 9 * 86400_000).toISOString().slice(0, 10);
		const m = await createMeeting(t.ctx(), body.id, {
			date,
			startTime: '10:00',
			endTime: '11:00',
			isPublic: 'on',
			title: 'Nooit aangekondigd'
		});
		await addItem(t.ctx(), m.id, { title: 'Openbaar punt', kind: 'discussion', isPublic: 'on' });
		await transitionMeeting(t.ctx(), m.id, 'cancel', { reason: 'Interne reden' });
		expect((await rejection(getPublicMeeting(t.db, m.id))).code).toBe('not_found');
		expect(await listMeetings(t.db, { bodyId: body.id, closedScope: [] })).toEqual([]);
		const feed = await publicCalendar(t.db, { origin: 'https://x.test', bodyId: body.id });
		expect(feed).toEqual([]);
		// Its members still see it (as cancelled) in the workspace.
		const [mine] = await listMeetings(t.db, { bodyId: body.id, closedScope: [body.id] });
		expect(mine).toMatchObject({ id: m.id, status: 'cancelled', public: false });

		// Cancelled after publication, it is shown as cancelled.
		const n = await createMeeting(t.ctx(), body.id, {
			date,
			startTime: '14:00',
			endTime: '15:00',
			isPublic: 'on'
		});
		await addItem(t.ctx(), n.id, { title: 'Punt', kind: 'discussion', isPublic: 'on' });
		await transitionMeeting(t.ctx(), n.id, 'publish');
		await transitionMeeting(t.ctx(), n.id, 'cancel', { reason: 'Ziekte' });
		expect((await getPublicMeeting(t.db, n.id)).meeting.status).toBe('cancelled');
		expect(
			(await listMeetings(t.db, { bodyId: body.id, closedScope: [] })).map((x) => x.id)
		).toEqual([n.id]);
	});
});

describe('query counts do not grow with the data', () => {
	it('public body page, public meeting, workspace meeting and the register', async () => {
		const body = await buildBody(t.db);
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const ctx = t.ctx({ principal: member.principal });
		const future = new Date(Date.now() + 5 * 86400_000);
		const { meeting: upcoming, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published',
			startsAt: future,
			endsAt: new Date(future.getTime() + 8 * HOUR),
			items: [{ title: 'Eerste punt' }]
		});
		const { meeting: held } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			startsAt: new Date(Date.now() - 3 * HOUR),
			endsAt: new Date(Date.now() - 1 * HOUR),
			items: [{ title: 'Punt' }]
		});
		await createDecision(t.ctx(), held.id, decision('Eerste besluit'));
		const measure = async () => ({
			bodyPage: (
				await countQueries(async () => {
					const page = await getBodyPage(t.db, body.slug);
					return bodyPublicMeetings(t.db, page.body.id);
				})
			).queries,
			publicMeeting: (await countQueries(() => getPublicMeeting(t.db, upcoming.id))).queries,
			publicHeld: (await countQueries(() => getPublicMeeting(t.db, held.id))).queries,
			workspace: (await countQueries(() => getMeetingWorkspace(ctx, upcoming.id))).queries,
			workspaceHeld: (await countQueries(() => getMeetingWorkspace(ctx, held.id))).queries,
			feed: (
				await countQueries(() =>
					publicCalendar(t.db, { origin: 'https://x.test', bodyId: body.id })
				)
			).queries,
			register: (await countQueries(() => listDecisions(ctx, { orgaan: body.slug }))).queries,
			registerClosed: (
				await countQueries(() => listDecisions(ctx, { orgaan: body.slug }, { closed: true }))
			).queries
		});
		const small = await measure();

		// Many more meetings, items (two levels, with domains), replies, attendance and decisions.
		const domains = await t.db.select().from(policyDomains).limit(3);
		for (let i = 0; i < 12; i++) {
			const start = new Date(Date.now() + (i % 2 ? 1 : -1) * (i + 2) * 86400_000);
			await buildMeeting(t.db, {
				bodyId: body.id,
				status: i % 2 ? 'agenda_published' : 'held',
				isPublic: i % 3 !== 0,
				startsAt: start,
				endsAt: new Date(start.getTime() + HOUR),
				items: [{ title: `Punt ${i}` }, { title: `Besloten ${i}`, isPublic: false }]
			});
		}
		for (const meeting of [upcoming, held]) {
			const parents = await t.db
				.insert(agendaItems)
				.values(
					Array.from({ length: 15 }, (_, i) => ({
						meetingId: meeting.id,
						position: i + 1,
						title: `Hoofdpunt ${i}`,
						isPublic: i % 2 === 0,
						durationMinutes: 5
					}))
				)
				.returning();
			const children = await t.db
				.insert(agendaItems)
				.values(
					parents.flatMap((p) =>
						[0, 1].map((j) => ({
							meetingId: meeting.id,
							parentId: p.id,
							position: j,
							title: `${p.title}.${j}`
						}))
					)
				)
				.returning();
			await t.db
				.insert(agendaItemPolicyDomains)
				.values(
					[...parents, ...children].flatMap((item) =>
						domains.map((d) => ({ agendaItemId: item.id, policyDomainId: d.id }))
					)
				);
			if (meeting.id === held.id) {
				for (const [i, item] of children.slice(0, 20).entries()) {
					await createDecision(t.ctx(), held.id, decision(`Besluit ${i}`, item.id));
				}
			}
		}
		for (let i = 0; i < 6; i++) await buildMemberUser(t.db, { bodyId: body.id });
		await replyToMeeting(ctx, upcoming.id, { response: 'excused', substitute: 'Collega' });
		expect(items).toHaveLength(1);
		const counts = await meetingCounts(t.db);
		expect(counts.decisions).toBeGreaterThan(20);

		const large = await measure();
		expect(large).toEqual(small);
	});
});
