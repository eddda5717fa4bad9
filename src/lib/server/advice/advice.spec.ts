/**
 * Advice that travels: the trail across three bodies (Themawerkgroep Mobiliteit → Stuurgroep →
 * Burgemeestersoverleg Halle-Vilvoorde) as each item and each audience sees it, the bad inputs
 * (each with its Dutch message and nothing changed), concurrent placing, the notifications (a
 * real SMTP server) and the documents sent along.
 */
import { and, count, eq, inArray, notInArray } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { rejection } from '../../../../tests/helpers/errors';
import { buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import { startSmtp } from '../../../../tests/helpers/smtp';
import { countQueries } from '../db';
import {
	adviceHopDocuments,
	adviceHops,
	advices,
	agendaItems,
	auditEvents,
	documents,
	documentVersions,
	files,
	meetings,
	memberships,
	notificationDeliveries
} from '../db/schema';
import { documentFile } from '../documents/documents.queries';
import { createDecision } from '../meetings/decisions.service';
import { anonymous } from '../policy';
import { bodyId } from '../seed/seed.service';
import { forwardAdvice, hopsOf, placeAdvice, recordOutcome } from './advice.service';
import { adviceInbox, adviceTrail, itemTrails } from './trail.queries';

// The SMTP server must be known before anything reads (and caches) the configuration.
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
	smtp = await startSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.MAIL_FROM = 'Streekplatform test <test@voorbeeld.test>';
});
afterAll(async () => {
	await smtp.close();
});
const t = useTestDatabase();

const WG = bodyId('themawerkgroep-mobiliteit');
const SG = bodyId('stuurgroep-toekomstforum');
const BHV = bodyId('burgemeestersoverleg-halle-vilvoorde');
const BOB = bodyId('burgemeestersoverleg-oost-brabant');

const recipient = (mail: ParsedMail) =>
	(Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address!;

/** "Nothing changed" in one value: the advice tables, agenda items, audit rows, notifications. */
async function counts() {
	const tables = {
		advices,
		adviceHops,
		adviceHopDocuments,
		agendaItems,
		auditEvents,
		notificationDeliveries
	};
	const out: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		out[name] = (await t.db.select({ n: count() }).from(table))[0].n;
	}
	return out;
}

const past = (days: number) => {
	const start = new Date(Date.now() - days * 86400_000);
	return { startsAt: start, endsAt: new Date(start.getTime() + 2 * 3600_000) };
};

async function people() {
	return {
		wg: await buildMemberUser(t.db, { bodyId: WG, role: 'secretary' }),
		wgMember: await buildMemberUser(t.db, { bodyId: WG }),
		sg: await buildMemberUser(t.db, { bodyId: SG, role: 'secretary' }),
		sgMember: await buildMemberUser(t.db, { bodyId: SG }),
		bhv: await buildMemberUser(t.db, { bodyId: BHV, role: 'secretary' }),
		outsider: await buildMemberUser(t.db, { bodyId: BOB })
	};
}

const hold = (meetingId: string) =>
	t.db.update(meetings).set({ status: 'held' }).where(eq(meetings.id, meetingId));

/** A held working-group meeting with a public item (and a closed one) to send advice from. */
async function wgMeeting(isPublic = true) {
	return buildMeeting(t.db, {
		bodyId: WG,
		status: 'held',
		isPublic,
		...past(10),
		items: [
			{ title: 'Fietssnelwegen in de Zennevallei', kind: 'decision' },
			{ title: 'Besloten: personeel', isPublic: false }
		]
	});
}

async function forward(
	p: Awaited<ReturnType<typeof people>>,
	overrides: Record<string, unknown> = {}
) {
	const from = await wgMeeting();
	const hop = await forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
		itemId: from.items[0].id,
		toBodyId: SG,
		title: 'Advies fietssnelwegen',
		text: 'De werkgroep adviseert de fietssnelweg F20 voorrang te geven.',
		...overrides
	});
	return { from, hop };
}

describe('the trail across three bodies', () => {
	it('forward, place, forwarded, place, confirmed: every item shows the whole trail; the public only the public hops', async () => {
		const p = await people();
		const { from, hop } = await forward(p);
		const sgCtx = t.ctx({ principal: p.sg.principal });

		// The Stuurgroep places it on a (public) meeting, which is then held.
		const sgMeeting = await buildMeeting(t.db, { bodyId: SG, status: 'agenda_published' });
		const placed = await placeAdvice(sgCtx, hop.id, { meetingId: sgMeeting.meeting.id });
		expect(placed.item).toMatchObject({
			kind: 'advice',
			isPublic: true,
			title: 'Advies fietssnelwegen'
		});
		await hold(sgMeeting.meeting.id);
		const decision = await createDecision(sgCtx, sgMeeting.meeting.id, {
			agendaItemId: placed.item.id,
			title: 'Advies fietssnelwegen bekrachtigd',
			text: 'De stuurgroep bekrachtigt het advies.',
			status: 'adopted'
		});
		const out = await recordOutcome(sgCtx, hop.id, {
			outcome: 'forwarded',
			outcomeText: 'Bekrachtigd en doorgestuurd naar de burgemeesters.',
			decisionId: decision.id,
			toBodyId: BHV
		});
		expect(out.nextHop).toMatchObject({
			step: 2,
			fromBodyId: SG,
			toBodyId: BHV,
			fromItemId: placed.item.id
		});

		// The mayors place it on a closed meeting and confirm it.
		const bhvCtx = t.ctx({ principal: p.bhv.principal });
		const bhvMeeting = await buildMeeting(t.db, { bodyId: BHV, status: 'draft', isPublic: false });
		const placed2 = await placeAdvice(bhvCtx, out.nextHop!.id, {
			meetingId: bhvMeeting.meeting.id
		});
		await hold(bhvMeeting.meeting.id);
		await recordOutcome(bhvCtx, out.nextHop!.id, { outcome: 'confirmed' });

		const hops = await hopsOf(t.db, hop.adviceId);
		expect(hops.map((h) => [h.step, h.outcome])).toEqual([
			[1, 'forwarded'],
			[2, 'confirmed']
		]);

		// Members: the same whole trail on each of the three items.
		const itemIds = [from.items[0].id, placed.item.id, placed2.item.id];
		const members = await itemTrails(t.db, itemIds, 'members');
		for (const id of itemIds) {
			const trail = members.get(id)!;
			expect(trail.title).toBe('Advies fietssnelwegen');
			expect(
				trail.hops.map((h) => [
					h.step,
					h.from.slug,
					h.to.slug,
					h.status,
					h.outcomeLabel,
					h.visibility
				])
			).toEqual([
				[
					1,
					'themawerkgroep-mobiliteit',
					'stuurgroep-toekomstforum',
					'settled',
					'Doorgestuurd',
					'public'
				],
				[
					2,
					'stuurgroep-toekomstforum',
					'burgemeestersoverleg-halle-vilvoorde',
					'settled',
					'Bevestigd',
					'closed'
				]
			]);
			expect(trail.hops[0].placed).toMatchObject({
				id: placed.item.id,
				number: '1',
				meetingId: sgMeeting.meeting.id
			});
			expect(trail.hops[0].fromItem).toMatchObject({
				number: '1',
				title: 'Fietssnelwegen in de Zennevallei'
			});
			expect(trail.hops[1].text).toBe('Bekrachtigd en doorgestuurd naar de burgemeesters.');
		}
		expect(members.has(from.items[1].id)).toBe(false);

		// The public: the first hop in full, the second (treated in a closed meeting) without text.
		const open = await itemTrails(t.db, itemIds, 'public');
		const trail = open.get(from.items[0].id)!;
		expect(trail.title).toBe('Advies fietssnelwegen');
		expect(trail.hops[0]).toMatchObject({ visibility: 'public', outcomeLabel: 'Doorgestuurd' });
		expect(trail.hops[1]).toMatchObject({
			visibility: 'closed',
			statusLabel: 'Besloten behandeld',
			text: null,
			placed: null,
			fromItem: null,
			outcome: null,
			outcomeText: null
		});
		expect(JSON.stringify(trail.hops[1])).not.toContain('Bekrachtigd');

		// The trail page: members of any body on it, and nobody else.
		const page = await adviceTrail(t.ctx({ principal: p.wgMember.principal }), hop.adviceId);
		expect(page.trail.hops).toHaveLength(2);
		expect(
			(await rejection(adviceTrail(t.ctx({ principal: p.outsider.principal }), hop.adviceId))).code
		).toBe('forbidden');
		expect((await rejection(adviceTrail(t.ctx(), 'geen-uuid'))).code).toBe('not_found');
	});

	it('shows nothing to the public of an advice whose items are all closed', async () => {
		const p = await people();
		const from = await wgMeeting(false);
		await forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
			itemId: from.items[0].id,
			toBodyId: SG,
			title: 'Besloten advies over personeel',
			text: 'Geheim.'
		});
		expect((await itemTrails(t.db, [from.items[0].id], 'public')).size).toBe(0);
		expect(
			(await itemTrails(t.db, [from.items[0].id], 'members')).get(from.items[0].id)?.title
		).toBe('Besloten advies over personeel');
	});

	it('makes the same number of queries for one item as for many, with many hops', async () => {
		const p = await people();
		const one = await forward(p);
		const ids = [one.from.items[0].id];
		for (let i = 0; i < 4; i++) {
			const more = await forward(p);
			const m = await buildMeeting(t.db, { bodyId: SG, status: 'agenda_published' });
			const placed = await placeAdvice(t.ctx({ principal: p.sg.principal }), more.hop.id, {
				meetingId: m.meeting.id
			});
			ids.push(more.from.items[0].id, placed.item.id);
		}
		const small = await countQueries(() => itemTrails(t.db, [ids[0]], 'public'));
		const large = await countQueries(() => itemTrails(t.db, ids, 'public'));
		expect(large.result.size).toBe(ids.length);
		expect(large.queries).toBe(small.queries);
		expect(small.queries).toBe(3);
	});
});

describe('the inbox', () => {
	it('groups incoming hops and offers the meetings and outcome choices to managers only', async () => {
		const p = await people();
		const { hop } = await forward(p);
		const future = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
		await buildMeeting(t.db, { bodyId: SG, status: 'held', ...past(3) });
		let inbox = await adviceInbox(t.ctx({ principal: p.sg.principal }), SG);
		expect(inbox.pending.map((e) => e.hop.id)).toContain(hop.id);
		expect(inbox.meetings.map((m) => m.value)).toContain(future.meeting.id);
		expect(inbox.meetings.every((m) => m.value !== undefined)).toBe(true);

		const placed = await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, {
			meetingId: future.meeting.id
		});
		await hold(future.meeting.id);
		inbox = await adviceInbox(t.ctx({ principal: p.sg.principal }), SG);
		expect(inbox.placed.map((e) => e.hop.id)).toContain(hop.id);
		const form = inbox.outcomeForms[hop.id];
		// Forward to the mayors or the Toekomstforum, never back to the working group.
		expect(form.bodies.map((b) => b.value)).toContain(BHV);
		expect(form.bodies.map((b) => b.value)).not.toContain(WG);
		expect(placed.item.id).toBeTruthy();

		const member = await adviceInbox(t.ctx({ principal: p.sgMember.principal }), SG);
		expect(member.manage).toBe(false);
		expect(member.meetings).toEqual([]);
		expect(member.outcomeForms).toEqual({});
		const sent = await adviceInbox(t.ctx({ principal: p.wg.principal }), WG);
		expect(sent.sent.map((e) => e.hop.id)).toContain(hop.id);
		expect(
			(await rejection(adviceInbox(t.ctx({ principal: p.outsider.principal }), SG))).code
		).toBe('forbidden');
	});
});

describe('bad input: a clear message and nothing changed', () => {
	type Case = {
		name: string;
		message: RegExp;
		run: (p: Awaited<ReturnType<typeof people>>) => Promise<() => Promise<unknown>>;
	};
	const cases: Case[] = [
		{
			name: 'forwarding to a body with no link',
			message: /^Een advies kan alleen naar een orgaan gaan dat met dit orgaan verbonden is/,
			run: async (p) => {
				const from = await wgMeeting();
				return () =>
					forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
						itemId: from.items[0].id,
						toBodyId: BOB,
						title: 'Naar Oost-Brabant',
						text: 'Niet verbonden.'
					});
			}
		},
		{
			name: 'forwarding in a cycle (the Stuurgroep sends it back to the working group)',
			message:
				/^Dit advies kwam al langs Themawerkgroep Mobiliteit: het daarheen terugsturen zou een kring maken/,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
				await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, {
					meetingId: m.meeting.id
				});
				await hold(m.meeting.id);
				return () =>
					recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, {
						outcome: 'forwarded',
						toBodyId: WG
					});
			}
		},
		{
			name: 'an outcome on an advice already settled',
			message: /^Over dit advies is al beslist: bevestigd op /,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
				await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, {
					meetingId: m.meeting.id
				});
				await hold(m.meeting.id);
				await recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, { outcome: 'confirmed' });
				return () =>
					recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, {
						outcome: 'rejected',
						outcomeText: 'Toch niet.'
					});
			}
		},
		{
			name: 'an outcome before the meeting is held',
			message: /^De uitkomst wordt genoteerd nadat de vergadering gehouden is\.$/,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: SG, status: 'agenda_published' });
				await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, {
					meetingId: m.meeting.id
				});
				return () =>
					recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, { outcome: 'confirmed' });
			}
		},
		{
			name: 'an outcome before the advice is placed',
			message: /^Zet het advies eerst op de agenda van een vergadering/,
			run: async (p) => {
				const { hop } = await forward(p);
				return () =>
					recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, { outcome: 'confirmed' });
			}
		},
		{
			name: "placing on another body's meeting",
			message: /^Kies een vergadering van het orgaan dat het advies ontving\.$/,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: BHV, status: 'draft' });
				return () =>
					placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, { meetingId: m.meeting.id });
			}
		},
		{
			name: 'placing on a meeting that was already held',
			message: /^De agenda van een vergadering met status „Gehouden” kan niet meer wijzigen/,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: SG, status: 'held', ...past(2) });
				return () =>
					placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, { meetingId: m.meeting.id });
			}
		},
		{
			name: 'an amended outcome without the amended text',
			message: /^De uitkomst is niet bewaard\.$/,
			run: async (p) => {
				const { hop } = await forward(p);
				const m = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
				await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, {
					meetingId: m.meeting.id
				});
				await hold(m.meeting.id);
				return () =>
					recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, { outcome: 'amended' });
			}
		},
		{
			name: 'forwarding an advice without a title',
			message: /^Het advies is niet doorgestuurd\.$/,
			run: async (p) => {
				const from = await wgMeeting();
				return () =>
					forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
						itemId: from.items[0].id,
						toBodyId: SG,
						title: '  ',
						text: 'Tekst.'
					});
			}
		}
	];
	it.each(cases)('$name', async ({ run, message }) => {
		const p = await people();
		const attempt = await run(p);
		const before = await counts();
		const e = await rejection(attempt());
		expect(e.code).toBe('invalid_input');
		expect(e.message).toMatch(message);
		expect(await counts()).toEqual(before);
	});

	it('a member who is no secretary cannot forward, place or settle (403, nothing changed)', async () => {
		const p = await people();
		const { hop, from } = await forward(p);
		const m = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
		const before = await counts();
		const tries = [
			forwardAdvice(t.ctx({ principal: p.wgMember.principal }), from.meeting.id, {
				itemId: from.items[0].id,
				toBodyId: SG,
				title: 'x',
				text: 'y'
			}),
			placeAdvice(t.ctx({ principal: p.sgMember.principal }), hop.id, { meetingId: m.meeting.id }),
			recordOutcome(t.ctx({ principal: p.sgMember.principal }), hop.id, { outcome: 'confirmed' })
		];
		for (const e of await Promise.all(tries.map((p) => rejection(p))))
			expect(e.code).toBe('forbidden');
		expect(await counts()).toEqual(before);
	});

	it('two secretaries placing the same advice on two meetings at once: one agenda item, one refusal', async () => {
		const p = await people();
		const second = await buildMemberUser(t.db, { bodyId: SG, role: 'secretary' });
		const { hop } = await forward(p);
		const a = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
		const b = await buildMeeting(t.db, { bodyId: SG, status: 'agenda_published' });
		const before = await counts();
		const results = await Promise.allSettled([
			placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, { meetingId: a.meeting.id }),
			placeAdvice(t.ctx({ principal: second.principal }), hop.id, { meetingId: b.meeting.id })
		]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.filter((r) => r.status === 'rejected');
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(1);
		expect((refused[0] as PromiseRejectedResult).reason.message).toMatch(
			/^Dit advies staat al op de agenda van de vergadering van /
		);
		const after = await counts();
		expect(after.agendaItems).toBe(before.agendaItems + 1);
		expect(after.auditEvents).toBe(before.auditEvents + 1);
		const items = await t.db
			.select({ n: count() })
			.from(agendaItems)
			.where(eq(agendaItems.kind, 'advice'));
		const [row] = await t.db.select().from(adviceHops).where(eq(adviceHops.id, hop.id));
		expect(row.placedItemId).toBeTruthy();
		expect(items[0].n).toBeGreaterThan(0);
	});
});

describe('notifications', () => {
	it("mails the receiving body's members once when an advice arrives, and the sending secretary once when the outcome returns", async () => {
		const p = await people();
		const quiet = await buildMemberUser(t.db, { bodyId: SG, mailPreferences: { advice: false } });
		// Only this test's people are members now (earlier tests added others to the same bodies).
		const current = [p.sg, p.sgMember, quiet, p.wg, p.wgMember].map((x) => x.membership.id);
		await t.db
			.update(memberships)
			.set({ endOn: '2000-12-31', startOn: '2000-01-01' })
			.where(and(inArray(memberships.bodyId, [SG, WG]), notInArray(memberships.id, current)));
		const start = smtp.received.length;
		const { hop } = await forward(p);
		// The Stuurgroep's secretary and member (not the one who turned advice mail off).
		const arrived = (await smtp.waitFor(start + 2)).slice(start);
		expect(arrived.map(recipient).sort()).toEqual([p.sg.user.email, p.sgMember.user.email].sort());
		expect(arrived[0].subject).toMatch(
			/^Nieuw advies van Themawerkgroep Mobiliteit: Advies fietssnelwegen/
		);
		expect(arrived.map(recipient)).not.toContain(quiet.user.email);

		const m = await buildMeeting(t.db, { bodyId: SG, status: 'draft' });
		await placeAdvice(t.ctx({ principal: p.sg.principal }), hop.id, { meetingId: m.meeting.id });
		await hold(m.meeting.id);
		const mid = smtp.received.length;
		await recordOutcome(t.ctx({ principal: p.sg.principal }), hop.id, { outcome: 'confirmed' });
		const outcome = (await smtp.waitFor(mid + 1)).slice(mid);
		expect(outcome.map(recipient)).toEqual([p.wg.user.email]);
		expect(outcome[0].subject).toMatch(
			/^Uitkomst van uw advies „Advies fietssnelwegen”: bevestigd/
		);
		expect(outcome[0].text).toContain(`/beheer/adviezen/${hop.adviceId}`);

		// Sent once: a second attempt (another instance, a retry) sends nothing.
		const { notifyAdviceArrived, notifyAdviceOutcome } =
			await import('../notifications/advice.notifications');
		expect((await notifyAdviceArrived(t.ctx(), hop.id)).sent).toBe(0);
		expect((await notifyAdviceOutcome(t.ctx(), hop.id)).sent).toBe(0);
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.received.length).toBe(mid + 1);
	});
});

describe('documents sent along', () => {
	it("are readable by the receiving body's members, not by others", async () => {
		const p = await people();
		const from = await wgMeeting(false);
		const [file] = await t.db
			.insert(files)
			.values({
				sha256: 'x'.repeat(64),
				size: 10,
				mimeType: 'application/pdf',
				originalName: 'nota.pdf',
				purpose: 'document'
			})
			.returning();
		const [doc] = await t.db
			.insert(documents)
			.values({
				meetingId: from.meeting.id,
				agendaItemId: from.items[0].id,
				title: 'Nota fietssnelwegen'
			})
			.returning();
		await t.db.insert(documentVersions).values({ documentId: doc.id, version: 1, fileId: file.id });
		const sees = async (principal: typeof anonymous) =>
			(await documentFile(t.db, principal, doc.id)) !== null;
		expect(await sees(p.sgMember.principal)).toBe(false);

		await forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
			itemId: from.items[0].id,
			toBodyId: SG,
			title: 'Advies met nota',
			text: 'Zie de nota.',
			documentIds: [doc.id]
		});
		expect(await sees(p.sgMember.principal)).toBe(true);
		expect(await sees(p.wgMember.principal)).toBe(true);
		expect(await sees(p.outsider.principal)).toBe(false);
		expect(await sees(anonymous)).toBe(false);
	});

	it('only documents of the same meeting can go along (nothing changed)', async () => {
		const p = await people();
		const from = await wgMeeting();
		const other = await wgMeeting();
		const [doc] = await t.db
			.insert(documents)
			.values({ meetingId: other.meeting.id, title: 'Andere nota' })
			.returning();
		const before = await counts();
		const e = await rejection(
			forwardAdvice(t.ctx({ principal: p.wg.principal }), from.meeting.id, {
				itemId: from.items[0].id,
				toBodyId: SG,
				title: 'Advies',
				text: 'Tekst',
				documentIds: doc.id
			})
		);
		expect(e.message).toBe('Alleen stukken van deze vergadering kunnen met het advies mee.');
		expect(await counts()).toEqual(before);
	});
});
