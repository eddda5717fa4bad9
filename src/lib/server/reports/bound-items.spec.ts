/**
 * Standing items bound to a linked body: the binding is refused for a body without a link (message,
 * nothing changed), and each new meeting's copy carries it (its report is generated live).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, meetingCounts } from '../../../../tests/helpers/factories';
import { agendaItems, auditEvents, itemShares, standingItems } from '../db/schema';
import { createMeeting } from '../meetings/meetings.service';
import { addStandingItem, updateStandingItem } from '../meetings/standing-items.service';
import { brusselsParts } from '../meetings/time';
import { meetingReports } from './report.service';
import { meetingShares, setItemShare } from './shares.service';

const t = useTestDatabase();
const date = brusselsParts(new Date(Date.now() + 14 * 86400_000)).date;
const refusal =
	'Een vast agendapunt kan alleen rapporteren over een orgaan dat met dit orgaan verbonden is (rapporteert aan, maakt deel uit van of adviseert). Het vaste agendapunt is niet opgeslagen.';

describe('standing items bound to a body', () => {
	it('refuses a body that is not linked, on add and on edit, changing nothing', async () => {
		const x = await buildBody(t.db);
		const stranger = await buildBody(t.db);
		const item = await addStandingItem(t.ctx(), x.id, {
			title: 'Terugkoppeling',
			kind: 'information'
		});
		const before = await meetingCounts(t.db);

		const added = await rejection(
			addStandingItem(t.ctx(), x.id, {
				title: 'Verslag van een vreemde',
				kind: 'information',
				reportBodyId: stranger.id
			})
		);
		expect(added.code).toBe('invalid_input');
		expect(added.message).toBe(refusal);
		const edited = await rejection(
			updateStandingItem(t.ctx(), item.id, {
				title: 'Terugkoppeling',
				kind: 'information',
				reportBodyId: stranger.id
			})
		);
		expect(edited.message).toBe(refusal);
		const notAnId = await rejection(
			addStandingItem(t.ctx(), x.id, { title: 'X', kind: 'information', reportBodyId: 'abc' })
		);
		expect(notAnId.fields?.reportBodyId).toEqual(['Kies een orgaan waarover gerapporteerd wordt.']);

		expect(await meetingCounts(t.db)).toEqual(before);
		const [row] = await t.db.select().from(standingItems).where(eq(standingItems.id, item.id));
		expect(row.reportBodyId).toBeNull();
	});

	it('copies the binding into a new meeting, whose item then carries a live report', async () => {
		const x = await buildBody(t.db);
		const y = await buildBody(t.db, { partOfId: x.id });
		const bound = await addStandingItem(t.ctx(), x.id, {
			title: 'Terugkoppeling werkgroep',
			kind: 'information',
			reportBodyId: y.id
		});
		expect(bound.reportBodyId).toBe(y.id);
		// Unbinding is an edit with an empty choice.
		const plain = await addStandingItem(t.ctx(), x.id, {
			title: 'Varia',
			kind: 'information',
			reportBodyId: y.id
		});
		const unbound = await updateStandingItem(t.ctx(), plain.id, {
			title: 'Varia',
			kind: 'information',
			reportBodyId: ''
		});
		expect(unbound.reportBodyId).toBeNull();

		const meeting = await createMeeting(t.ctx(), x.id, {
			date,
			startTime: '14:00',
			endTime: '16:00'
		});
		const items = await t.db
			.select()
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id))
			.orderBy(agendaItems.position);
		expect(items.map((i) => [i.title, i.reportBodyId, i.reportSnapshot])).toEqual([
			['Terugkoppeling werkgroep', y.id, null],
			['Varia', null, null]
		]);
		const reports = await meetingReports(t.db, meeting);
		expect([...reports.keys()]).toEqual([items[0].id]);
		expect(reports.get(items[0].id)?.sourceBody.id).toBe(y.id);
	});

	it('shares a closed item with a linked body only; unsharing removes it', async () => {
		const x = await buildBody(t.db);
		const y = await buildBody(t.db, { partOfId: x.id });
		const stranger = await buildBody(t.db);
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: y.id,
			items: [{ title: 'Besloten', isPublic: false }]
		});
		const count = async () => ({
			shares: (await t.db.select().from(itemShares)).length,
			audit: (await t.db.select().from(auditEvents)).length
		});
		const before = await count();
		const e = await rejection(
			setItemShare(t.ctx(), meeting.id, {
				itemId: items[0].id,
				bodyId: stranger.id,
				shared: true
			})
		);
		expect(e.message).toBe(
			'Een punt kan alleen gedeeld worden met een orgaan dat met dit orgaan verbonden is.'
		);
		expect(await count()).toEqual(before);

		await setItemShare(t.ctx(), meeting.id, { itemId: items[0].id, bodyId: x.id, shared: true });
		await setItemShare(t.ctx(), meeting.id, { itemId: items[0].id, bodyId: x.id, shared: true });
		let shares = await meetingShares(t.db, meeting);
		expect([...(shares.byItem.get(items[0].id) ?? [])]).toEqual([x.id]);
		expect(shares.linked.map((b) => b.id)).toContain(x.id);
		await setItemShare(t.ctx(), meeting.id, { itemId: items[0].id, bodyId: x.id, shared: false });
		shares = await meetingShares(t.db, meeting);
		expect(shares.byItem.size).toBe(0);
	});
});
