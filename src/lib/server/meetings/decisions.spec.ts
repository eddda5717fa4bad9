/**
 * Decisions: numbered per body and Brussels calendar year without duplicates or gaps (also under
 * 50 concurrent creations, and when one is refused), corrections, and the register's filters.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import {
	buildBody,
	buildMeeting,
	buildMemberUser,
	meetingCounts
} from '../../../../tests/helpers/factories';
import { decisionCounters, decisions, meetings } from '../db/schema';
import {
	createDecision,
	decisionReference,
	getDecision,
	listDecisions,
	updateDecision
} from './decisions.service';
import { transitionMeeting } from './meetings.service';

const t = useTestDatabase();
const decision = (title: string, over: Record<string, unknown> = {}) => ({
	title,
	text: `De vergadering besluit: ${title}.`,
	status: 'adopted',
	...over
});
async function heldMeeting(bodyId: string, startsAt = new Date('2026-03-12T13:00:00Z')) {
	return buildMeeting(t.db, {
		bodyId,
		status: 'held',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
		items: [{ title: 'Begroting' }, { title: 'Mobiliteit' }]
	});
}

describe('decision numbers', () => {
	it('are exactly 1..50 after 50 concurrent creations on one body and year', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		// Three meetings of the same year: the meeting's row lock alone does not serialise them.
		const others = [
			await heldMeeting(body.id, new Date('2026-04-02T08:00:00Z')),
			await heldMeeting(body.id, new Date('2026-11-20T18:00:00Z'))
		];
		const made = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				i % 3 === 0
					? createDecision(
							t.ctx(),
							meeting.id,
							decision(`Besluit ${i + 1}`, { agendaItemId: items[i % 2].id })
						)
					: createDecision(t.ctx(), others[i % 3 === 1 ? 0 : 1].meeting.id, decision(`B ${i}`))
			)
		);
		const numbers = made.map((d) => d.number).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		expect(new Set(made.map((d) => d.id)).size).toBe(50);
		expect(made.every((d) => d.year === 2026 && d.bodyId === body.id)).toBe(true);
		const [counter] = await t.db
			.select()
			.from(decisionCounters)
			.where(and(eq(decisionCounters.bodyId, body.id), eq(decisionCounters.year, 2026)));
		expect(counter.last).toBe(50);

		// A refused decision does not take a number: the next one is 51.
		const { items: foreignItems } = await heldMeeting(body.id);
		const before = await meetingCounts(t.db);
		const refused = await rejection(
			createDecision(t.ctx(), meeting.id, decision('Fout', { agendaItemId: foreignItems[0].id }))
		);
		expect(refused.message).toBe('Het besluit is niet opgeslagen.');
		expect(refused.fields?.agendaItemId).toEqual(['Kies een agendapunt van deze vergadering.']);
		const unknown = await rejection(
			createDecision(t.ctx(), meeting.id, decision('Fout', { agendaItemId: crypto.randomUUID() }))
		);
		expect(unknown.fields?.agendaItemId).toEqual(['Kies een agendapunt van deze vergadering.']);
		expect(await meetingCounts(t.db)).toEqual(before);
		const next = await createDecision(t.ctx(), meeting.id, decision('Volgende'));
		expect(next.number).toBe(51);
		expect(decisionReference(next)).toBe('2026/051');
	});

	it('restart every Brussels year and run separately per body', async () => {
		const a = await buildBody(t.db);
		const b = await buildBody(t.db);
		const { meeting: a2025 } = await heldMeeting(a.id, new Date('2025-06-01T08:00:00Z'));
		// 31 December 23:30 UTC is already 1 January in Brussels.
		const { meeting: aNewYear } = await heldMeeting(a.id, new Date('2025-12-31T23:30:00Z'));
		const { meeting: b2025 } = await heldMeeting(b.id, new Date('2025-06-02T08:00:00Z'));
		const ref = async (meetingId: string) => {
			const d = await createDecision(t.ctx(), meetingId, decision('X'));
			return `${d.bodyId === a.id ? 'A' : 'B'} ${decisionReference(d)}`;
		};
		expect([
			await ref(a2025.id),
			await ref(a2025.id),
			await ref(aNewYear.id),
			await ref(b2025.id),
			await ref(a2025.id),
			await ref(aNewYear.id)
		]).toEqual([
			'A 2025/001',
			'A 2025/002',
			'A 2026/001',
			'B 2025/001',
			'A 2025/003',
			'A 2026/002'
		]);
	});
});

describe('recording and correcting decisions', () => {
	it('records decisions of held meetings only, with all three vote counts or none', async () => {
		const body = await buildBody(t.db);
		const { meeting: draft } = await buildMeeting(t.db, { bodyId: body.id, status: 'draft' });
		const { meeting } = await heldMeeting(body.id);
		const before = await meetingCounts(t.db);
		const early = await rejection(createDecision(t.ctx(), draft.id, decision('Te vroeg')));
		expect(early.message).toBe('Besluiten worden genoteerd zodra de vergadering gehouden is.');
		const votes = await rejection(
			createDecision(t.ctx(), meeting.id, decision('Stemming', { votesFor: '5' }))
		);
		expect(votes.fields?.votesFor).toEqual([
			'Vul de drie aantallen van de stemming in (voor, tegen, onthouding) of geen.'
		]);
		const negative = await rejection(
			createDecision(
				t.ctx(),
				meeting.id,
				decision('Stemming', { votesFor: '-1', votesAgainst: '0', votesAbstain: '0' })
			)
		);
		expect(negative.fields?.votesFor).toEqual(['Een aantal stemmen is niet negatief.']);
		const empty = await rejection(
			createDecision(t.ctx(), meeting.id, { title: '', text: '', status: 'adopted' })
		);
		expect(empty.fields).toMatchObject({
			title: ['Geef het besluit een titel.'],
			text: ['Schrijf de tekst van het besluit.']
		});
		const member = await buildMemberUser(t.db, { bodyId: body.id });
		const forbidden = await rejection(
			createDecision(t.ctx({ principal: member.principal }), meeting.id, decision('X'))
		);
		expect(forbidden.code).toBe('forbidden');
		expect(await meetingCounts(t.db)).toEqual(before);

		const d = await createDecision(
			t.ctx(),
			meeting.id,
			decision('Stemming', { votesFor: '7', votesAgainst: '2', votesAbstain: '1' })
		);
		expect(d).toMatchObject({ number: 1, votesFor: 7, votesAgainst: 2, votesAbstain: 1 });
	});

	it('corrects a decision while the minutes are open; the number never changes', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		await createDecision(t.ctx(), meeting.id, decision('Eerste'));
		const d = await createDecision(t.ctx(), meeting.id, decision('Tweede'));
		const fixed = await updateDecision(
			t.ctx(),
			d.id,
			decision('Tweede, verbeterd', { status: 'postponed', agendaItemId: items[1].id })
		);
		expect(fixed).toMatchObject({
			number: 2,
			title: 'Tweede, verbeterd',
			status: 'postponed',
			agendaItemId: items[1].id
		});
		await transitionMeeting(t.ctx(), meeting.id, 'startMinutes');
		await updateDecision(t.ctx(), d.id, decision('Tweede, definitief'));
		// Approved by a later meeting's decision (see minutes.spec.ts): here set directly.
		await t.db
			.update(meetings)
			.set({ status: 'minutes_approved' })
			.where(eq(meetings.id, meeting.id));
		const before = await meetingCounts(t.db);
		const late = await rejection(updateDecision(t.ctx(), d.id, decision('Te laat')));
		expect(late.message).toBe('Dit besluit kan niet meer wijzigen: het verslag is goedgekeurd.');
		expect(await meetingCounts(t.db)).toEqual(before);
		const [stored] = await t.db.select().from(decisions).where(eq(decisions.id, d.id));
		expect(stored).toMatchObject({ number: 2, title: 'Tweede, definitief', agendaItemId: null });
		expect((await rejection(updateDecision(t.ctx(), 'x', decision('X')))).code).toBe('not_found');
	});
});

describe('the decisions register', () => {
	it('filters by body, year and status, searches title and text, and pages by 25', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const { meeting: m2025 } = await heldMeeting(body.id, new Date('2025-05-05T08:00:00Z'));
		const { meeting: m2026 } = await heldMeeting(body.id, new Date('2026-05-05T08:00:00Z'));
		const { meeting: elsewhere } = await heldMeeting(other.id);
		for (let i = 1; i <= 28; i++) {
			await createDecision(
				t.ctx(),
				m2026.id,
				decision(`Subsidie ${i}`, { status: i % 4 === 0 ? 'rejected' : 'adopted' })
			);
		}
		await createDecision(t.ctx(), m2025.id, decision('Fietsplan', { text: 'Korting van 50% ok' }));
		await createDecision(t.ctx(), m2025.id, decision('Busplan', { text: 'Korting van 50 euro' }));
		await createDecision(t.ctx(), elsewhere.id, decision('Subsidie elders'));
		const list = (q: Record<string, string>) => listDecisions(t.ctx(), { orgaan: body.slug, ...q });

		const page1 = await list({});
		expect(page1).toMatchObject({ total: 30, page: 1, pages: 2 });
		expect(page1.items).toHaveLength(25);
		expect(page1.items[0].reference).toBe('2026/028');
		expect(page1.items.every((d) => d.bodySlug === body.slug)).toBe(true);
		const page2 = await list({ pagina: '2' });
		// The last page tells the total without a count; beyond the last page, the count does.
		expect(page2).toMatchObject({ total: 30, page: 2, pages: 2 });
		expect(await list({ pagina: '3' })).toMatchObject({ total: 30, items: [] });
		expect(page2.items.map((d) => d.reference)).toEqual([
			'2026/003',
			'2026/002',
			'2026/001',
			'2025/002',
			'2025/001'
		]);
		expect((await list({ jaar: '2025' })).items.map((d) => d.title)).toEqual([
			'Busplan',
			'Fietsplan'
		]);
		const rejected = await list({ status: 'rejected' });
		expect(rejected.total).toBe(7);
		expect(rejected.items.every((d) => d.status === 'rejected')).toBe(true);
		expect((await list({ q: 'subsidie 2' })).items.map((d) => d.title)).toEqual([
			'Subsidie 28',
			'Subsidie 27',
			'Subsidie 26',
			'Subsidie 25',
			'Subsidie 24',
			'Subsidie 23',
			'Subsidie 22',
			'Subsidie 21',
			'Subsidie 20',
			'Subsidie 2'
		]);
		// Search text is literal: "%" matches a percent sign, not anything.
		expect((await list({ q: '50%' })).items.map((d) => d.title)).toEqual(['Fietsplan']);
		expect((await list({ q: 'korting' })).total).toBe(2);
		// Unknown filter values fall back instead of failing; an unknown body lists nothing.
		expect((await list({ status: 'vernietigd', jaar: 'ooit' })).total).toBe(30);
		expect((await listDecisions(t.ctx(), { orgaan: 'bestaat-niet' })).total).toBe(0);
		const bad = await rejection(listDecisions(t.ctx(), { q: 'x'.repeat(201) }));
		expect(bad.message).toBe('Ongeldige filter.');
		expect(bad.fields?.q).toEqual(['Hoogstens 200 tekens.']);
	});

	it('shows one decision with its meeting, item and body', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		const d = await createDecision(
			t.ctx(),
			meeting.id,
			decision('Begroting 2027', { agendaItemId: items[0].id })
		);
		const shown = await getDecision(t.ctx(), d.id);
		expect(shown).toMatchObject({
			reference: '2026/001',
			isPublic: true,
			item: { id: items[0].id, title: 'Begroting' },
			body: { id: body.id, slug: body.slug },
			meeting: { id: meeting.id, status: 'held' }
		});
	});
});
