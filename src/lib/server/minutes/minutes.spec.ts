/**
 * Minutes: no lost update under 50 parallel saves of one item (each save wins or gets a conflict
 * that carries its own text back), freezing after approval, corrections with their history, and
 * approval by a decision of a later meeting of the same body.
 */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { countQueries } from '../db';
import { auditEvents, itemMinutes, meetings, minutesVersions } from '../db/schema';
import { createDecision } from '../meetings/decisions.service';
import { approvableMinutes, minutesPage, publicMinutes } from './minutes.queries';
import {
	correctItemMinutes,
	minutesHistory,
	minutesOfMeeting,
	MinutesConflict,
	saveItemMinutes
} from './minutes.service';

const t = useTestDatabase();

async function heldMeeting(bodyId: string, startsAt = new Date('2026-03-12T13:00:00Z')) {
	return buildMeeting(t.db, {
		bodyId,
		status: 'held',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
		items: [
			{ title: 'Goedkeuring verslag vorige vergadering' },
			{ title: 'Mobiliteit' },
			{ title: 'Personeel', isPublic: false }
		]
	});
}

const versionsOf = async (itemId: string) =>
	t.db.select().from(minutesVersions).where(eq(minutesVersions.agendaItemId, itemId));

type Outcome =
	| { won: true; version: number; text: string }
	| { won: false; error: MinutesConflict; text: string };
async function attempt(promise: Promise<{ version: number }>, text: string): Promise<Outcome> {
	try {
		return { won: true, version: (await promise).version, text };
	} catch (e) {
		if (e instanceof MinutesConflict) return { won: false, error: e, text };
		throw e;
	}
}

describe('saving minutes concurrently', () => {
	it('gives exactly one winner among 50 first saves, and 49 conflicts that return their text', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		const item = items[1];
		const outcomes = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				attempt(
					saveItemMinutes(t.ctx(), item.id, { body: `Tekst ${i}`, baseVersion: 0 }),
					`Tekst ${i}`
				)
			)
		);
		const winners = outcomes.filter((o) => o.won);
		const losers = outcomes.filter((o) => !o.won);
		expect(winners).toHaveLength(1);
		expect(losers).toHaveLength(49);
		const [stored] = await t.db
			.select()
			.from(itemMinutes)
			.where(eq(itemMinutes.agendaItemId, item.id));
		expect(stored.version).toBe(1);
		expect(stored.body).toBe(winners[0].text);
		for (const l of losers) {
			expect(l.error.code).toBe('conflict');
			expect(l.error.yours).toBe(l.text);
			expect(l.error.current).toMatchObject({ version: 1, body: winners[0].text });
			expect(l.error.message).toContain('versie 1');
		}
		expect(await versionsOf(item.id)).toHaveLength(1);
		// The first save turned the held meeting's minutes into a draft.
		const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(m.status).toBe('minutes_draft');
	});

	it('loses nothing when 50 writers each save from the version they read', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		const item = items[1];
		await saveItemMinutes(t.ctx(), item.id, { body: 'Begin', baseVersion: 0 });
		const outcomes = await Promise.all(
			Array.from({ length: 50 }, async (_, i) => {
				// Each writer opens the page (reads the current version), then saves.
				await new Promise((r) => setTimeout(r, i % 7));
				const read = (await minutesOfMeeting(t.db, meeting.id)).get(item.id)!;
				const text = `Schrijver ${i} op basis van versie ${read.version}`;
				return attempt(
					saveItemMinutes(t.ctx(), item.id, { body: text, baseVersion: read.version }),
					text
				);
			})
		);
		const winners = outcomes.filter((o) => o.won);
		const losers = outcomes.filter((o) => !o.won);
		expect(winners.length + losers.length).toBe(50);
		expect(winners.length).toBeGreaterThanOrEqual(1);
		const [stored] = await t.db
			.select()
			.from(itemMinutes)
			.where(eq(itemMinutes.agendaItemId, item.id));
		expect(stored.version).toBe(1 + winners.length);
		const versions = await versionsOf(item.id);
		expect(versions).toHaveLength(1 + winners.length);
		expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
		// Every winner's text is kept at its version; every loser got its own text back.
		for (const w of winners) {
			expect(versions.find((v) => v.version === w.version)?.body).toBe(w.text);
		}
		for (const l of losers) {
			expect(l.error.yours).toBe(l.text);
			expect(versions.some((v) => v.body === l.text)).toBe(false);
		}
		// Winners are numbered 2..1+n without gaps.
		expect(winners.map((w) => (w.won ? w.version : 0)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: winners.length }, (_, i) => i + 2)
		);
	});

	it('refuses invalid input and other bodies’ managers, without writing anything', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const { items } = await heldMeeting(body.id);
		const outsider = await buildMemberUser(t.db, { bodyId: other.id, role: 'secretary' });
		const member = await buildMemberUser(t.db, { bodyId: body.id, role: 'member' });
		const before = await versionsOf(items[1].id);
		for (const principal of [outsider.principal, member.principal]) {
			const e = await rejection(
				saveItemMinutes(t.ctx({ principal }), items[1].id, { body: 'x', baseVersion: 0 })
			);
			expect(e.code).toBe('forbidden');
		}
		const invalid = await rejection(
			saveItemMinutes(t.ctx(), items[1].id, { body: 'x'.repeat(100_001), baseVersion: 0 })
		);
		expect(invalid.code).toBe('invalid_input');
		expect(invalid.fields?.body?.[0]).toContain('Hoogstens');
		expect(await versionsOf(items[1].id)).toEqual(before);
	});
});

/** Approve the minutes of `target` by a decision of a later meeting of the same body. */
async function approve(bodyId: string, targetId: string, status = 'adopted') {
	const later = await heldMeeting(bodyId, new Date('2026-04-09T13:00:00Z'));
	const decision = await createDecision(t.ctx(), later.meeting.id, {
		agendaItemId: later.items[0].id,
		title: 'Goedkeuring verslag',
		text: 'Het verslag van de vorige vergadering wordt goedgekeurd.',
		status,
		approvesMinutesOfId: targetId
	});
	return { later, decision };
}

describe('approval and freezing', () => {
	it('approves by an adopted decision of a later meeting; then saves are refused and nothing changes', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		await saveItemMinutes(t.ctx(), items[1].id, { body: 'Het **verslag**.', baseVersion: 0 });
		expect(
			(
				await approvableMinutes(
					t.db,
					{ bodyId: body.id, startsAt: new Date('2026-04-09T13:00:00Z') },
					'X'
				)
			).map((m) => m.value)
		).toContain(meeting.id);
		const { decision } = await approve(body.id, meeting.id);
		const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(m.status).toBe('minutes_approved');
		expect(m.minutesApprovalDecisionId).toBe(decision.id);
		expect(m.minutesApprovedAt).toBeInstanceOf(Date);

		const [audits] = await t.db.select({ n: count() }).from(auditEvents);
		const e = await rejection(
			saveItemMinutes(t.ctx(), items[1].id, { body: 'Stiekem gewijzigd', baseVersion: 1 })
		);
		expect(e.code).toBe('invalid_input');
		expect(e.message).toContain('goedgekeurd en kan niet meer gewijzigd worden');
		const [stored] = await t.db
			.select()
			.from(itemMinutes)
			.where(eq(itemMinutes.agendaItemId, items[1].id));
		expect(stored).toMatchObject({ body: 'Het **verslag**.', version: 1 });
		expect(await versionsOf(items[1].id)).toHaveLength(1);
		expect((await t.db.select({ n: count() }).from(auditEvents))[0].n).toBe(audits.n);

		// The public sees the minutes of public items only, rendered.
		const pub = await publicMinutes(t.db, meeting.id, [items[1].id]);
		expect(pub?.html[items[1].id]).toContain('<strong>verslag</strong>');
		expect(pub?.html[items[2].id]).toBeUndefined();
	});

	it('refuses an earlier meeting, another body’s meeting, and minutes already approved', async () => {
		const body = await buildBody(t.db);
		const other = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id, new Date('2026-05-07T13:00:00Z'));
		await saveItemMinutes(t.ctx(), items[1].id, { body: 'Tekst', baseVersion: 0 });
		// An earlier meeting cannot approve a later meeting's minutes.
		const earlier = await heldMeeting(body.id, new Date('2026-02-05T13:00:00Z'));
		const input = (approves: string) => ({
			title: 'Goedkeuring verslag',
			text: 'Goedgekeurd.',
			status: 'adopted',
			approvesMinutesOfId: approves
		});
		const e1 = await rejection(createDecision(t.ctx(), earlier.meeting.id, input(meeting.id)));
		expect(e1.fields?.approvesMinutesOfId?.[0]).toBe(
			'Kies een eerdere vergadering van dit orgaan.'
		);
		// Another body's later meeting cannot either.
		const foreign = await heldMeeting(other.id, new Date('2026-06-04T13:00:00Z'));
		const e2 = await rejection(createDecision(t.ctx(), foreign.meeting.id, input(meeting.id)));
		expect(e2.fields?.approvesMinutesOfId?.[0]).toBe(
			'Kies een eerdere vergadering van dit orgaan.'
		);
		// A held meeting without draft minutes has nothing to approve.
		const empty = await heldMeeting(body.id, new Date('2026-01-08T13:00:00Z'));
		const later = await heldMeeting(body.id, new Date('2026-06-11T13:00:00Z'));
		const e3 = await rejection(createDecision(t.ctx(), later.meeting.id, input(empty.meeting.id)));
		expect(e3.fields?.approvesMinutesOfId?.[0]).toBe(
			'Die vergadering heeft nog geen ontwerpverslag.'
		);
		// Approved once; a second approval is refused.
		await createDecision(t.ctx(), later.meeting.id, input(meeting.id));
		const e4 = await rejection(createDecision(t.ctx(), later.meeting.id, input(meeting.id)));
		expect(e4.fields?.approvesMinutesOfId?.[0]).toBe(
			'Het verslag van die vergadering is al goedgekeurd.'
		);
	});

	it('leaves the minutes a draft when the approving decision is rejected', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		await saveItemMinutes(t.ctx(), items[1].id, { body: 'Tekst', baseVersion: 0 });
		const { decision } = await approve(body.id, meeting.id, 'rejected');
		expect(decision.approvesMinutesOfId).toBe(meeting.id);
		const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(m.status).toBe('minutes_draft');
		expect(m.minutesApprovedAt).toBeNull();
		expect(await publicMinutes(t.db, meeting.id, [items[1].id])).toBeNull();
		// Still writable.
		await saveItemMinutes(t.ctx(), items[1].id, { body: 'Tekst 2', baseVersion: 1 });
	});
});

describe('corrections', () => {
	it('need approved minutes and a reason; they add a version of kind correction and keep the rest', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await heldMeeting(body.id);
		const item = items[1];
		await saveItemMinutes(t.ctx(), item.id, { body: 'Eerste', baseVersion: 0 });
		await saveItemMinutes(t.ctx(), item.id, { body: 'Tweede', baseVersion: 1 });
		const early = await rejection(
			correctItemMinutes(t.ctx(), item.id, { body: 'X', baseVersion: 2, reason: 'Tikfout' })
		);
		expect(early.message).toContain('alleen op een goedgekeurd verslag');
		await approve(body.id, meeting.id);

		const noReason = await rejection(
			correctItemMinutes(t.ctx(), item.id, { body: 'Derde', baseVersion: 2, reason: '  ' })
		);
		expect(noReason.fields?.reason?.[0]).toBe('Geef de reden van de correctie.');
		const stale = await rejection(
			correctItemMinutes(t.ctx(), item.id, { body: 'Derde', baseVersion: 1, reason: 'Tikfout' })
		);
		expect(stale).toBeInstanceOf(MinutesConflict);

		await correctItemMinutes(t.ctx(), item.id, {
			body: 'Tweede, verbeterd',
			baseVersion: 2,
			reason: 'Naam van de spreker verbeterd'
		});
		const history = await minutesHistory(t.ctx(), item.id);
		expect(history.map((v) => [v.version, v.kind, v.body, v.reason])).toEqual([
			[1, 'edit', 'Eerste', null],
			[2, 'edit', 'Tweede', null],
			[3, 'correction', 'Tweede, verbeterd', 'Naam van de spreker verbeterd']
		]);
		const [m] = await t.db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(m.status).toBe('minutes_approved');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'minutes.correct'), eq(auditEvents.recordId, item.id)));
		expect(audit.changes).toMatchObject({ reason: { after: 'Naam van de spreker verbeterd' } });
	});
});

describe('the minutes page', () => {
	it('loads with the same number of queries whatever the number of items, versions and comments', async () => {
		const body = await buildBody(t.db);
		const small = await heldMeeting(body.id);
		const big = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'held',
			items: Array.from({ length: 12 }, (_, i) => ({ title: `Punt ${i + 1}` }))
		});
		for (const item of big.items) {
			await saveItemMinutes(t.ctx(), item.id, { body: `Tekst ${item.title}`, baseVersion: 0 });
			await saveItemMinutes(t.ctx(), item.id, { body: `Tekst ${item.title} (2)`, baseVersion: 1 });
		}
		const a = await countQueries(() => minutesPage(t.ctx(), small.meeting.id));
		const b = await countQueries(() => minutesPage(t.ctx(), big.meeting.id));
		expect(b.queries).toBe(a.queries);
		const page = b.result;
		expect(page.items).toHaveLength(12);
		expect(page.items[0]).toMatchObject({ number: '1', minutes: { version: 2 } });
		expect(page.items[0].versions.map((v) => v.version)).toEqual([1, 2]);
		expect(page.can).toMatchObject({ write: true, review: true, correct: false });
	});
});
