/**
 * New agendas: the body's standing items as the start of a new meeting's agenda, and copies of
 * earlier meetings (both levels, policy domains; never from another body).
 * Every refusal asserts the Dutch message and that nothing changed (rows and audit trail).
 */
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, meetingCounts } from '../../../../tests/helpers/factories';
import { agendaItemPolicyDomains, agendaItems, auditEvents, policyDomains } from '../db/schema';
import { addItem } from './items.service';
import { addStandingItem, moveStandingItem } from './standing-items.service';
import { createMeeting } from './meetings.service';
import { brusselsParts } from './time';

const t = useTestDatabase();
const DAY = 86400_000;
/** A Brussels date `n` days from now (YYYY-MM-DD). */
const inDays = (n: number) => brusselsParts(new Date(Date.now() + n * DAY)).date;
const form = (over: Record<string, string> = {}) => ({
	date: inDays(14),
	startTime: '14:00',
	endTime: '16:00',
	...over
});
const itemsOf = (meetingId: string) =>
	t.db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.parentId), asc(agendaItems.position));

describe('standing items and copies', () => {
	it('starts a new agenda with the standing items, in template order, with their fields', async () => {
		const body = await buildBody(t.db);
		const ctx = t.ctx();
		const a = await addStandingItem(ctx, body.id, {
			title: 'Verwelkoming',
			kind: 'information',
			durationMinutes: '5',
			isPublic: 'on',
			presenter: 'Voorzitter'
		});
		await addStandingItem(ctx, body.id, {
			title: 'Goedkeuring verslag',
			description: 'Het verslag van de vorige vergadering.',
			kind: 'decision',
			durationMinutes: '10'
		});
		await addStandingItem(ctx, body.id, { title: 'Varia', kind: 'discussion', isPublic: 'on' });
		await moveStandingItem(ctx, a.id, 'down');
		const m = await createMeeting(ctx, body.id, form());
		const items = await itemsOf(m.id);
		expect(
			items.map((i) => ({
				position: i.position,
				parentId: i.parentId,
				title: i.title,
				description: i.description,
				kind: i.kind,
				isPublic: i.isPublic,
				durationMinutes: i.durationMinutes,
				presenter: i.presenter
			}))
		).toEqual([
			{
				position: 0,
				parentId: null,
				title: 'Goedkeuring verslag',
				description: 'Het verslag van de vorige vergadering.',
				kind: 'decision',
				isPublic: false,
				durationMinutes: 10,
				presenter: null
			},
			{
				position: 1,
				parentId: null,
				title: 'Verwelkoming',
				description: null,
				kind: 'information',
				isPublic: true,
				durationMinutes: 5,
				presenter: 'Voorzitter'
			},
			{
				position: 2,
				parentId: null,
				title: 'Varia',
				description: null,
				kind: 'discussion',
				isPublic: true,
				durationMinutes: null,
				presenter: null
			}
		]);
		expect(items[1].standingItemId).toBe(a.id);
	});

	it('refuses a new meeting shorter than its standing items, saving nothing', async () => {
		const body = await buildBody(t.db);
		await addStandingItem(t.ctx(), body.id, {
			title: 'Lange rondvraag',
			kind: 'discussion',
			durationMinutes: '90'
		});
		const before = await meetingCounts(t.db);
		const e = await rejection(createMeeting(t.ctx(), body.id, form({ endTime: '15:00' })));
		expect(e.message).toBe('De vergadering is niet opgeslagen.');
		expect(e.fields?.endTime).toEqual([
			'De geplande duur van de agendapunten (90 min.) is langer dan de vergadering (60 min.).'
		]);
		expect(await meetingCounts(t.db)).toEqual(before);
	});

	it('copies an earlier meeting: both levels, their fields and policy domains', async () => {
		const body = await buildBody(t.db);
		const ctx = t.ctx();
		const domains = await t.db.select().from(policyDomains).orderBy(policyDomains.slug).limit(2);
		expect(domains).toHaveLength(2);
		const source = await createMeeting(ctx, body.id, form({ date: inDays(7) }));
		const mobility = await addItem(ctx, source.id, {
			title: 'Mobiliteit',
			kind: 'discussion',
			durationMinutes: '30',
			isPublic: 'on',
			policyDomainIds: [domains[0].id, domains[1].id]
		});
		await addItem(ctx, source.id, {
			title: 'Fietsroutes',
			kind: 'advice',
			parentId: mobility.id,
			durationMinutes: '10',
			presenter: 'Provincie',
			policyDomainIds: domains[1].id
		});
		await addItem(ctx, source.id, {
			title: 'Busnet',
			kind: 'information',
			parentId: mobility.id,
			isPublic: 'on'
		});
		await addItem(ctx, source.id, { title: 'Besluit begroting', kind: 'decision' });
		const sourceItems = await itemsOf(source.id);

		const copy = await createMeeting(ctx, body.id, {
			...form({ date: inDays(35) }),
			copyOfId: source.id
		});
		expect(copy.copiedFromId).toBe(source.id);
		expect(copy.status).toBe('draft');
		const copied = await itemsOf(copy.id);
		expect(copied).toHaveLength(4);
		const shape = (list: typeof copied) => {
			const byId = new Map(list.map((i) => [i.id, i]));
			return list
				.map((i) => ({
					title: i.title,
					parent: i.parentId ? byId.get(i.parentId)!.title : null,
					position: i.position,
					kind: i.kind,
					isPublic: i.isPublic,
					durationMinutes: i.durationMinutes,
					presenter: i.presenter
				}))
				.sort((x, y) => x.title.localeCompare(y.title));
		};
		expect(shape(copied)).toEqual(shape(sourceItems));
		expect(copied.every((i) => !sourceItems.some((s) => s.id === i.id))).toBe(true);
		const copiedDomains = await t.db
			.select({ title: agendaItems.title, domain: agendaItemPolicyDomains.policyDomainId })
			.from(agendaItemPolicyDomains)
			.innerJoin(agendaItems, eq(agendaItems.id, agendaItemPolicyDomains.agendaItemId))
			.where(eq(agendaItems.meetingId, copy.id))
			.orderBy(agendaItems.title, agendaItemPolicyDomains.policyDomainId);
		expect(copiedDomains).toEqual(
			[
				{ title: 'Fietsroutes', domain: domains[1].id },
				{ title: 'Mobiliteit', domain: domains[0].id },
				{ title: 'Mobiliteit', domain: domains[1].id }
			].sort((x, y) => x.title.localeCompare(y.title) || x.domain.localeCompare(y.domain))
		);
		// The source is untouched.
		expect(await itemsOf(source.id)).toEqual(sourceItems);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.recordType, 'meeting'), eq(auditEvents.recordId, copy.id)));
		expect(audit.action).toBe('meeting.copy');
		expect(audit.changes).toMatchObject({ items: { before: 0, after: 4 } });
	});

	it('refuses to copy a meeting of another body (or one that does not exist)', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const { meeting: foreign } = await buildMeeting(t.db, {
			bodyId: other.id,
			items: [{ title: 'Geheim punt', isPublic: false }]
		});
		const before = await meetingCounts(t.db);
		for (const copyOfId of [foreign.id, crypto.randomUUID()]) {
			const e = await rejection(createMeeting(t.ctx(), body.id, { ...form(), copyOfId }));
			expect(e.message).toBe('De vergadering is niet opgeslagen.');
			expect(e.fields?.copyOfId).toEqual(['Kies een vergadering van dit orgaan om te kopiëren.']);
		}
		const bad = await rejection(createMeeting(t.ctx(), body.id, { ...form(), copyOfId: 'x' }));
		expect(bad.fields?.copyOfId).toEqual(['Kies een vergadering om te kopiëren.']);
		expect(await meetingCounts(t.db)).toEqual(before);
	});
});
