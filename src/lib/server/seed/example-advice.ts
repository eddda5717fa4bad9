/**
 * An example advice for the embedded default, so a fresh start shows a trail: the Themawerkgroep
 * Mobiliteit adopts an advice in a held meeting and sends it to the Stuurgroep of the
 * Toekomstforum; the Stuurgroep confirms it with an addition in its own held meeting and forwards
 * it to the Burgemeestersoverleg Halle-Vilvoorde, where it is on the agenda of the next meeting
 * (outcome pending). Every row is flagged is_example and every title says "voorbeeld"; dates are
 * relative to `now`; deterministic ids, so seeding twice changes nothing.
 */
import { sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { today } from '../clock';
import type { ServiceContext } from '../context';
import type { Tx } from '../db';
import {
	adviceHops,
	advices,
	agendaItemPolicyDomains,
	agendaItems,
	decisionCounters,
	decisions,
	meetings,
	type AgendaItemKind,
	type MeetingStatus
} from '../db/schema';
import { brusselsInstant, brusselsYear } from '../meetings/time';
import { seededId } from './ids';
import { bodyId, policyDomainId } from './seed.service';

const WG = 'themawerkgroep-mobiliteit';
const SG = 'stuurgroep-toekomstforum';
const BHV = 'burgemeestersoverleg-halle-vilvoorde';

const ADVICE_TITLE = 'Advies: voorrang voor de fietssnelwegen in Halle-Vilvoorde (voorbeeld)';
const ADVICE_TEXT =
	'De themawerkgroep Mobiliteit adviseert de burgemeesters om de fietssnelwegen F20 (Halle–Brussel) en F28 (Vilvoorde–Mechelen) voorrang te geven in de meerjarenplanning, en om per gemeente één aanspreekpunt aan te duiden. (Voorbeeld.)';
const AMENDED_TEXT = `${ADVICE_TEXT}\n\nAanvulling van de stuurgroep: de werkgroep Werk en Economie bekijkt samen met de bedrijventerreinen langs de routes hoe werkgevers het fietsen naar het werk aanmoedigen. (Voorbeeld.)`;

export type ExampleMeeting = {
	key: string;
	body: string;
	title: string;
	days: number;
	status: MeetingStatus;
	item: {
		key: string;
		title: string;
		kind: AgendaItemKind;
		description?: string;
		/** Policy domain slug (default: mobiliteit). */
		domain?: string;
	};
	decision?: { title: string; text: string };
};

const exampleMeetings: ExampleMeeting[] = [
	{
		key: 'wg-mobiliteit-gehouden',
		body: WG,
		title: 'Themawerkgroep Mobiliteit — werkvergadering (voorbeeld)',
		days: -42,
		status: 'held',
		item: {
			key: 'fietssnelwegen',
			title: 'Fietssnelwegen in Halle-Vilvoorde (voorbeeld)',
			kind: 'decision',
			description: 'Voorstel van advies aan de stuurgroep over de fietssnelwegen. (Voorbeeld.)'
		},
		decision: {
			title: 'Advies fietssnelwegen aan de stuurgroep (voorbeeld)',
			text: 'De werkgroep keurt het advies over de fietssnelwegen goed en bezorgt het aan de stuurgroep. (Voorbeeld.)'
		}
	},
	{
		key: 'stuurgroep-gehouden',
		body: SG,
		title: 'Stuurgroep Toekomstforum (voorbeeld)',
		days: -21,
		status: 'held',
		item: {
			key: 'advies-fietssnelwegen',
			title: ADVICE_TITLE,
			kind: 'advice',
			description: `Advies van Themawerkgroep Mobiliteit:\n\n${ADVICE_TEXT}`
		},
		decision: {
			title: 'Advies fietssnelwegen bekrachtigd en aangevuld (voorbeeld)',
			text: 'De stuurgroep bekrachtigt het advies met een aanvulling en legt het voor aan het burgemeestersoverleg. (Voorbeeld.)'
		}
	},
	{
		key: 'bhv-gepland',
		body: BHV,
		title: 'Burgemeestersoverleg Halle-Vilvoorde (voorbeeld)',
		days: 24,
		status: 'agenda_published',
		item: {
			key: 'advies-fietssnelwegen',
			title: ADVICE_TITLE,
			kind: 'advice',
			description: `Advies van Stuurgroep Toekomstforum:\n\n${AMENDED_TEXT}`
		}
	}
];

const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

const itemId = (m: ExampleMeeting) => seededId('agenda-item', `${m.key}>${m.item.key}`);
export const decisionId = (m: ExampleMeeting) => seededId('decision', `${m.key}>${m.item.key}`);

/** One example meeting with its one item (and decision); false when it already existed. */
export async function insertMeeting(tx: Tx, m: ExampleMeeting, now: Date) {
	const id = seededId('meeting', m.key);
	const date = addDays(today(now), m.days);
	const startsAt = brusselsInstant(date, '14:00');
	const [meeting] = await tx
		.insert(meetings)
		.values({
			id,
			bodyId: bodyId(m.body),
			title: m.title,
			startsAt,
			endsAt: brusselsInstant(date, '16:00'),
			location: 'Provinciehuis Vlaams-Brabant, Leuven (voorbeeld)',
			status: m.status,
			isPublic: true,
			publishedAt: new Date(startsAt.getTime() - 14 * 86400_000),
			isExample: true
		})
		.onConflictDoNothing()
		.returning();
	if (!meeting) return { inserted: false, startsAt };
	await tx.insert(agendaItems).values({
		id: itemId(m),
		meetingId: id,
		position: 0,
		title: m.item.title,
		description: m.item.description ?? null,
		kind: m.item.kind,
		durationMinutes: 30,
		isPublic: true,
		isExample: true
	});
	await tx.insert(agendaItemPolicyDomains).values({
		agendaItemId: itemId(m),
		policyDomainId: policyDomainId(m.item.domain ?? 'mobiliteit')
	});
	if (m.decision) {
		const year = brusselsYear(startsAt);
		const [counter] = await tx
			.insert(decisionCounters)
			.values({ bodyId: bodyId(m.body), year, last: 1 })
			.onConflictDoUpdate({
				target: [decisionCounters.bodyId, decisionCounters.year],
				set: { last: sql`${decisionCounters.last} + 1` }
			})
			.returning({ last: decisionCounters.last });
		await tx.insert(decisions).values({
			id: decisionId(m),
			bodyId: bodyId(m.body),
			year,
			number: counter.last,
			meetingId: id,
			agendaItemId: itemId(m),
			title: m.decision.title,
			text: m.decision.text,
			status: 'adopted',
			isExample: true
		});
	}
	return { inserted: true, startsAt };
}

/** The id the example advice has in every database (for tests and links). */
export const exampleAdviceId = seededId('advice', 'fietssnelwegen');

/** Load the example advice and its meetings (once). Returns the rows inserted. */
export async function seedExampleAdvice(ctx: ServiceContext, now = new Date()) {
	return mutate(ctx, async (tx) => {
		const inserted = { adviceMeetings: 0, advices: 0, adviceHops: 0 };
		const starts: Date[] = [];
		for (const m of exampleMeetings) {
			const made = await insertMeeting(tx, m, now);
			if (made.inserted) inserted.adviceMeetings++;
			starts.push(made.startsAt);
		}
		const [wg, sg, bhv] = exampleMeetings;
		const day = 86400_000;
		const rows = await tx
			.insert(advices)
			.values({
				id: exampleAdviceId,
				title: ADVICE_TITLE,
				originBodyId: bodyId(WG),
				isExample: true
			})
			.onConflictDoNothing()
			.returning();
		inserted.advices += rows.length;
		const hops = await tx
			.insert(adviceHops)
			.values([
				{
					id: seededId('advice-hop', 'fietssnelwegen>1'),
					adviceId: exampleAdviceId,
					step: 1,
					fromBodyId: bodyId(WG),
					toBodyId: bodyId(SG),
					fromItemId: itemId(wg),
					fromDecisionId: decisionId(wg),
					text: ADVICE_TEXT,
					sentAt: new Date(starts[0].getTime() + 2 * day),
					placedItemId: itemId(sg),
					placedAt: new Date(starts[0].getTime() + 5 * day),
					outcome: 'forwarded',
					outcomeText: AMENDED_TEXT,
					outcomeDecisionId: decisionId(sg),
					settledAt: new Date(starts[1].getTime() + 3 * 3600_000),
					isExample: true
				},
				{
					id: seededId('advice-hop', 'fietssnelwegen>2'),
					adviceId: exampleAdviceId,
					step: 2,
					fromBodyId: bodyId(SG),
					toBodyId: bodyId(BHV),
					fromItemId: itemId(sg),
					fromDecisionId: decisionId(sg),
					text: AMENDED_TEXT,
					sentAt: new Date(starts[1].getTime() + 3 * 3600_000),
					placedItemId: itemId(bhv),
					placedAt: new Date(starts[1].getTime() + 2 * day),
					isExample: true
				}
			])
			.onConflictDoNothing()
			.returning();
		inserted.adviceHops += hops.length;
		return {
			result: inserted,
			audit: {
				action: 'seed.example_advice',
				recordType: 'seed',
				recordId: 'examples',
				changes: { inserted: { after: inserted } }
			}
		};
	});
}
