/**
 * Example meetings for the embedded default, so a fresh start shows the meeting cycle: the
 * Taskforce Spitsregio Leuven and the Burgemeestersoverleg Oost-Brabant (with the standing item
 * "Terugkoppeling Taskforce Spitsregio Leuven"), one meeting held with decisions, one published
 * and one draft. Every row is flagged is_example and every title says "voorbeeld"; dates are
 * relative to the first start. Deterministic ids: seeding twice changes nothing.
 */
import { sql } from 'drizzle-orm';
import { mutate } from '../audit/audit.service';
import { today } from '../clock';
import type { ServiceContext } from '../context';
import {
	agendaItemPolicyDomains,
	agendaItems,
	decisionCounters,
	decisions,
	meetings,
	standingItems,
	type AgendaItemKind,
	type DecisionStatus,
	type MeetingStatus
} from '../db/schema';
import { brusselsInstant, brusselsYear } from '../meetings/time';
import { seededId } from './ids';
import { bodyId, policyDomainId } from './seed.service';

type ItemSeed = {
	key: string;
	title: string;
	kind: AgendaItemKind;
	minutes: number;
	isPublic?: boolean;
	description?: string;
	domains?: string[];
	decision?: {
		title: string;
		text: string;
		status?: DecisionStatus;
		votes?: [number, number, number];
	};
};
type MeetingSeed = {
	key: string;
	body: string;
	title: string;
	days: number;
	status: MeetingStatus;
	location: string;
	items: ItemSeed[];
};

const approval = (minutes = 10): ItemSeed => ({
	key: 'verslag',
	title: 'Goedkeuring verslag vorige vergadering',
	kind: 'decision',
	minutes
});
const varia: ItemSeed = { key: 'varia', title: 'Varia', kind: 'information', minutes: 10 };
const taskforceFeedback: ItemSeed = {
	key: 'terugkoppeling',
	title: 'Terugkoppeling Taskforce Spitsregio Leuven',
	kind: 'information',
	minutes: 20,
	domains: ['werk-en-economie']
};

const templates: Record<string, ItemSeed[]> = {
	'taskforce-spitsregio-leuven': [approval(), varia],
	'burgemeestersoverleg-oost-brabant': [approval(5), taskforceFeedback, varia]
};

const meetingSeeds: MeetingSeed[] = [
	{
		key: 'taskforce-gehouden',
		body: 'taskforce-spitsregio-leuven',
		title: 'Taskforce Spitsregio Leuven — werkvergadering (voorbeeld)',
		days: -35,
		status: 'held',
		location: 'Provinciehuis Leuven (voorbeeld)',
		items: [
			approval(),
			{
				key: 'knelpuntberoepen',
				title: 'Knelpuntberoepen in de Spitsregio: voorstel van actieplan',
				kind: 'decision',
				minutes: 40,
				domains: ['werk-en-economie', 'onderwijs'],
				decision: {
					title: 'Actieplan knelpuntberoepen goedgekeurd',
					text: 'De Taskforce keurt het actieplan knelpuntberoepen goed en legt het voor aan het Burgemeestersoverleg Oost-Brabant. (Voorbeeld.)',
					votes: [14, 0, 2]
				}
			},
			{
				key: 'mobiliteit',
				title: 'Stand van zaken: bereikbaarheid van de bedrijventerreinen',
				kind: 'discussion',
				minutes: 30,
				domains: ['mobiliteit']
			},
			{
				key: 'besloten',
				title: 'Personeel van het secretariaat',
				kind: 'decision',
				minutes: 15,
				isPublic: false,
				decision: {
					title: 'Verlenging detachering secretariaat',
					text: 'Besloten punt: de detachering wordt met een jaar verlengd. (Voorbeeld.)'
				}
			},
			varia
		]
	},
	{
		key: 'taskforce-gepland',
		body: 'taskforce-spitsregio-leuven',
		title: 'Taskforce Spitsregio Leuven — najaarsvergadering (voorbeeld)',
		days: 21,
		status: 'agenda_published',
		location: 'Provinciehuis Leuven (voorbeeld)',
		items: [
			approval(),
			{
				key: 'streekfoto',
				title: 'Streekfoto: de arbeidsmarkt in cijfers',
				kind: 'information',
				minutes: 30,
				domains: ['werk-en-economie']
			},
			varia
		]
	},
	{
		key: 'bgo-gehouden',
		body: 'burgemeestersoverleg-oost-brabant',
		title: 'Burgemeestersoverleg Oost-Brabant (voorbeeld)',
		days: -28,
		status: 'held',
		location: 'Gemeentehuis Bertem (voorbeeld)',
		items: [
			approval(5),
			{
				...taskforceFeedback,
				description: 'De voorzitter van de Taskforce licht het actieplan knelpuntberoepen toe.'
			},
			{
				key: 'actieplan',
				title: 'Actieplan knelpuntberoepen van de Taskforce',
				kind: 'decision',
				minutes: 30,
				domains: ['werk-en-economie'],
				decision: {
					title: 'Steun voor het actieplan knelpuntberoepen',
					text: 'Het Burgemeestersoverleg steunt het actieplan van de Taskforce en vraagt een opvolging op elke vergadering. (Voorbeeld.)'
				}
			},
			varia
		]
	},
	{
		key: 'bgo-gepland',
		body: 'burgemeestersoverleg-oost-brabant',
		title: 'Burgemeestersoverleg Oost-Brabant — volgende vergadering (voorbeeld)',
		days: 28,
		status: 'agenda_published',
		location: 'Gemeentehuis Bertem (voorbeeld)',
		items: [approval(5), taskforceFeedback, varia]
	},
	{
		key: 'bgo-ontwerp',
		body: 'burgemeestersoverleg-oost-brabant',
		title: 'Burgemeestersoverleg Oost-Brabant — ontwerp (voorbeeld)',
		days: 56,
		status: 'draft',
		location: 'Gemeentehuis Bertem (voorbeeld)',
		items: [approval(5), taskforceFeedback, varia]
	}
];

const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** Load the example meetings (once; rows that exist are left alone). Returns rows inserted. */
export async function seedExampleMeetings(ctx: ServiceContext, now = new Date()) {
	return mutate(ctx, async (tx) => {
		const inserted = { standingItems: 0, meetings: 0, agendaItems: 0, decisions: 0 };
		for (const [slug, items] of Object.entries(templates)) {
			const rows = await tx
				.insert(standingItems)
				.values(
					items.map((s, i) => ({
						id: seededId('standing-item', `${slug}>${s.key}`),
						bodyId: bodyId(slug),
						position: i,
						title: s.title,
						kind: s.kind,
						durationMinutes: s.minutes,
						isPublic: s.isPublic ?? true,
						isExample: true
					}))
				)
				.onConflictDoNothing()
				.returning();
			inserted.standingItems += rows.length;
		}
		for (const m of meetingSeeds) {
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
					endsAt: brusselsInstant(date, '16:30'),
					location: m.location,
					status: m.status,
					isPublic: true,
					publishedAt: m.status === 'draft' ? null : new Date(startsAt.getTime() - 14 * 86400_000),
					isExample: true
				})
				.onConflictDoNothing()
				.returning();
			if (!meeting) continue;
			inserted.meetings++;
			for (const [position, item] of m.items.entries()) {
				const itemId = seededId('agenda-item', `${m.key}>${item.key}`);
				await tx.insert(agendaItems).values({
					id: itemId,
					meetingId: id,
					position,
					title: item.title,
					description: item.description ?? null,
					kind: item.kind,
					durationMinutes: item.minutes,
					isPublic: item.isPublic ?? true,
					standingItemId: templates[m.body].some((s) => s.key === item.key)
						? seededId('standing-item', `${m.body}>${item.key}`)
						: null,
					isExample: true
				});
				inserted.agendaItems++;
				if (item.domains?.length) {
					await tx
						.insert(agendaItemPolicyDomains)
						.values(
							item.domains.map((d) => ({ agendaItemId: itemId, policyDomainId: policyDomainId(d) }))
						);
				}
				if (item.decision && m.status !== 'draft' && m.status !== 'agenda_published') {
					const year = brusselsYear(startsAt);
					const [counter] = await tx
						.insert(decisionCounters)
						.values({ bodyId: bodyId(m.body), year, last: 1 })
						.onConflictDoUpdate({
							target: [decisionCounters.bodyId, decisionCounters.year],
							set: { last: sql`${decisionCounters.last} + 1` }
						})
						.returning({ last: decisionCounters.last });
					const [votesFor, votesAgainst, votesAbstain] = item.decision.votes ?? [];
					await tx.insert(decisions).values({
						id: seededId('decision', `${m.key}>${item.key}`),
						bodyId: bodyId(m.body),
						year,
						number: counter.last,
						meetingId: id,
						agendaItemId: itemId,
						title: item.decision.title,
						text: item.decision.text,
						status: item.decision.status ?? 'adopted',
						votesFor: votesFor ?? null,
						votesAgainst: votesAgainst ?? null,
						votesAbstain: votesAbstain ?? null,
						isExample: true
					});
					inserted.decisions++;
				}
			}
		}
		return {
			result: inserted,
			audit: {
				action: 'seed.example_meetings',
				recordType: 'seed',
				recordId: 'examples',
				changes: { inserted: { after: inserted } }
			}
		};
	});
}

/** The id an example meeting has in every database (for tests and links). */
export const exampleMeetingId = (key: string) => seededId('meeting', key);
