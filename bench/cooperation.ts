/**
 * Scale benchmark of bodies working together (issue 7, "Scale"), on the embedded database.
 *
 * One fresh PGlite database in a temporary folder, migrated and seeded like the app (the real
 * structure and the example meetings). Then 38 generated bodies are added under the seeded ones
 * (taskforces that are part of and report to the Burgemeestersoverleg Oost-Brabant, each with two
 * working groups that advise it, and working groups that advise the Stuurgroep of the
 * Toekomstforum), so 50 bodies, with standing items bound to the bodies that report to them.
 *
 * A world of 10 years of activity is generated in memory (≈ 5,000 meetings, 50,000 agenda items
 * on two levels, public and closed, 10,000 decisions, 2,000 advice hops along the links, closed
 * items shared with the bodies that receive reports) and inserted in two steps:
 *
 *   1. SMALL: the last year of 5 bodies (the Burgemeestersoverleg Oost-Brabant and its Taskforce,
 *      the Themawerkgroep Mobiliteit, the Stuurgroep and the Burgemeestersoverleg Halle-Vilvoorde);
 *      the operations are measured;
 *   2. LARGE: everything else (the other 9 years of those bodies, 10 years of the 45 others); the
 *      same operations are measured again, then once more after ANALYZE.
 *
 * The small set is a part of the large one and no advice crosses from one to the other, so every
 * operation returns the same content in both steps (the decisions register aside: its first page
 * shows other bodies' newer decisions): the ratio large/small shows what the history alone costs.
 * Every generated row is flagged is_example (the database is thrown away anyway).
 *
 * It prints figures; it asserts nothing. See bench/README.md.
 *
 *   npm run bench:cooperation                   7 repetitions per operation
 *   npm run bench:cooperation -- --reps 11
 *   npm run bench:cooperation -- --json         one JSON object instead of the table
 *   npm run bench:cooperation -- --keep DIR     keep the large database in DIR (a new folder) to
 *                                               look at query plans afterwards (DATA_DIR=DIR)
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ServiceContext } from '../src/lib/server/context';
import { rows, type Db } from '../src/lib/server/db/client';
import {
	adviceHops,
	advices,
	agendaItems,
	bodies,
	bodyLinks,
	decisions,
	itemShares,
	meetings,
	standingItems,
	type AdviceOutcome,
	type AgendaItemKind,
	type MeetingStatus,
	type MembershipRole
} from '../src/lib/server/db/schema';
import { getBodyPage } from '../src/lib/server/bodies/bodies.service';
import { adviceInbox, itemTrails } from '../src/lib/server/advice/trail.queries';
import { listDecisions } from '../src/lib/server/meetings/decisions.service';
import { createMeeting, deleteDraftMeeting } from '../src/lib/server/meetings/meetings.service';
import { bodyPublicMeetings, getMeetingWorkspace } from '../src/lib/server/meetings/queries';
import { brusselsInstant, brusselsParts, brusselsYear } from '../src/lib/server/meetings/time';
import {
	generateReport,
	meetingReports,
	reportPeriod,
	type ReportSnapshot
} from '../src/lib/server/reports/report.service';
import { anonymous, system, type Principal } from '../src/lib/server/policy';
import { seedExampleMeetings } from '../src/lib/server/seed/examples';
import { bodyId, seedStructure } from '../src/lib/server/seed/seed.service';
import {
	analyze,
	benchContext,
	machine,
	measure,
	ms,
	note,
	onCleanup,
	openPglite,
	peakRssMB,
	positiveInt,
	runBench,
	setQuiet,
	table,
	usageError,
	type Measure,
	type Operation
} from './support';

// ---------------------------------------------------------------- options

function parseArgs(argv: string[]) {
	const options = { reps: 7, json: false, keep: undefined as string | undefined };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--reps') options.reps = positiveInt(arg, argv[++i], USAGE);
		else if (arg === '--keep') {
			const dir = argv[++i];
			if (!dir || fs.existsSync(dir)) usage('--keep needs a folder that does not exist yet');
			options.keep = path.resolve(dir);
		} else if (arg === '--json') options.json = true;
		else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown argument ${arg}`);
	}
	return options;
}

const USAGE = 'usage: tsx bench/cooperation.ts [--reps N] [--json] [--keep DIR]';
function usage(problem?: string): never {
	return usageError(USAGE, problem);
}

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: the same world on every run. */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = prng(20261127);
const chance = (p: number) => random() < p;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];

const topics = [
	'bereikbaarheid van de bedrijventerreinen',
	'knelpuntberoepen in de zorg',
	'fietssnelwegen langs de spoorlijn',
	'betaalbaar wonen voor starters',
	'stageplaatsen in het technisch onderwijs',
	'veiligheid rond de schoolpoorten',
	'deelmobiliteit in de kleinere kernen',
	'opvang van kwetsbare jongeren',
	'herbestemming van leegstaande panden',
	'samenwerking met de VDAB',
	'het regionale mobiliteitsplan',
	'de streekfoto arbeidsmarkt',
	'energiezuinige renovatie van scholen',
	'groene ruimte in de dorpskernen'
];
const outcomes: [AdviceOutcome, number][] = [
	['confirmed', 0.4],
	['amended', 0.2],
	['rejected', 0.15],
	['decided', 0.25]
];
function pickOutcome(): AdviceOutcome {
	let r = random();
	for (const [outcome, p] of outcomes) {
		if (r < p) return outcome;
		r -= p;
	}
	return 'confirmed';
}

// ---------------------------------------------------------------- the world

const DAY = 86_400_000;
const YEARS = 10;
const TARGET_HOPS = 2_000;
const MEASURED = 'burgemeestersoverleg-oost-brabant';
const REPORTING = 'taskforce-spitsregio-leuven';
const SMALL_SLUGS = [
	MEASURED,
	REPORTING,
	'themawerkgroep-mobiliteit',
	'stuurgroep-toekomstforum',
	'burgemeestersoverleg-halle-vilvoorde'
];

type Phase = 'small' | 'large';
type MeetingRow = typeof meetings.$inferInsert & { id: string; startsAt: Date; bodyId: string };
type ItemRow = typeof agendaItems.$inferInsert & { id: string };
type DecisionRow = Omit<typeof decisions.$inferInsert, 'number'> & { id: string; number?: number };
type Bucket = {
	meetings: MeetingRow[];
	items: ItemRow[];
	decisions: DecisionRow[];
	advices: (typeof advices.$inferInsert)[];
	hops: (typeof adviceHops.$inferInsert)[];
	shares: (typeof itemShares.$inferInsert)[];
};
const emptyBucket = (): Bucket => ({
	meetings: [],
	items: [],
	decisions: [],
	advices: [],
	hops: [],
	shares: []
});

type BodyInfo = { id: string; slug: string; name: string; partOfId: string | null };
type Standing = typeof standingItems.$inferSelect;

/** Bodies linked as links.ts `linkedBodies` sees them: part of, reports to, advises, either way. */
async function linkGraph(db: Db) {
	const all = await db
		.select({ id: bodies.id, slug: bodies.slug, name: bodies.name, partOfId: bodies.partOfId })
		.from(bodies)
		.where(sql`${bodies.archivedAt} is null`);
	const links = await db
		.select({ from: bodyLinks.fromBodyId, to: bodyLinks.toBodyId })
		.from(bodyLinks);
	const neighbours = new Map<string, Set<string>>(all.map((b) => [b.id, new Set<string>()]));
	const connect = (a: string, b: string) => {
		if (a === b || !neighbours.has(a) || !neighbours.has(b)) return;
		neighbours.get(a)!.add(b);
		neighbours.get(b)!.add(a);
	};
	for (const b of all) if (b.partOfId) connect(b.id, b.partOfId);
	for (const l of links) connect(l.from, l.to);
	const info = new Map<string, BodyInfo>(
		all.map((b) => [b.id, { id: b.id, slug: b.slug, name: b.name.nl, partOfId: b.partOfId }])
	);
	return { info, neighbours };
}

/** 38 bodies under the seeded ones, with their links and standing items (some bound). */
async function addBodies(db: Db) {
	const [bmo, stuurgroep, forum, bmoHv, taskforce, mobiliteit] = [
		MEASURED,
		'stuurgroep-toekomstforum',
		'toekomstforum-halle-vilvoorde',
		'burgemeestersoverleg-halle-vilvoorde',
		REPORTING,
		'themawerkgroep-mobiliteit'
	].map(bodyId);
	const regions = new Map(
		(await db.select({ id: bodies.id, regionId: bodies.regionId }).from(bodies)).map((b) => [
			b.id,
			b.regionId
		])
	);
	const newBodies: (typeof bodies.$inferInsert)[] = [];
	const newLinks: (typeof bodyLinks.$inferInsert)[] = [];
	const bound: [string, string][] = [
		[bmo, taskforce],
		[stuurgroep, mobiliteit],
		[bmoHv, stuurgroep]
	];
	const add = (
		slug: string,
		kind: 'taskforce' | 'working_group',
		name: string,
		parent: string,
		position: number
	) => {
		const id = crypto.randomUUID();
		newBodies.push({
			id,
			slug,
			kind,
			name: { nl: `${name} (voorbeeld)` },
			regionId: regions.get(parent) ?? null,
			partOfId: parent,
			position,
			isExample: true
		});
		regions.set(id, regions.get(parent) ?? null);
		return id;
	};
	for (let t = 1; t <= 8; t++) {
		const tf = add(`bench-taskforce-${t}`, 'taskforce', `Taskforce ${t}`, bmo, 10 + t);
		newLinks.push({ fromBodyId: tf, toBodyId: bmo, kind: 'reports_to', isExample: true });
		for (let w = 1; w <= 2; w++) {
			const wg = add(`bench-werkgroep-${t}-${w}`, 'working_group', `Werkgroep ${t}.${w}`, tf, w);
			newLinks.push({ fromBodyId: wg, toBodyId: tf, kind: 'advises', isExample: true });
			bound.push([tf, wg]);
		}
	}
	for (let w = 1; w <= 14; w++) {
		const wg = add(
			`bench-themawerkgroep-${w}`,
			'working_group',
			`Themawerkgroep ${w}`,
			forum,
			20 + w
		);
		newLinks.push({ fromBodyId: wg, toBodyId: stuurgroep, kind: 'advises', isExample: true });
	}
	await db.insert(bodies).values(newBodies);
	await db.insert(bodyLinks).values(newLinks).onConflictDoNothing();

	// Standing items: approval and varia everywhere (unless the examples gave a body its own), and
	// an item bound to each body that reports to or advises it. The example "Terugkoppeling
	// Taskforce" item of the Burgemeestersoverleg is bound to the Taskforce if it is not yet.
	await db
		.update(standingItems)
		.set({ reportBodyId: taskforce })
		.where(
			and(
				eq(standingItems.bodyId, bmo),
				like(standingItems.title, 'Terugkoppeling Taskforce%'),
				sql`${standingItems.reportBodyId} is null`
			)
		);
	const existing = await db.select().from(standingItems);
	const withTemplate = new Set(existing.map((s) => s.bodyId));
	const { info } = await linkGraph(db);
	const rowsToAdd: (typeof standingItems.$inferInsert)[] = [];
	for (const body of info.values()) {
		if (withTemplate.has(body.id)) continue;
		const mine = bound.filter(([target]) => target === body.id).map(([, source]) => source);
		const titles: [string, AgendaItemKind, number, string | null][] = [
			['Goedkeuring verslag vorige vergadering (voorbeeld)', 'decision', 5, null],
			...mine.map((source): [string, AgendaItemKind, number, string | null] => [
				`Terugkoppeling ${info.get(source)!.name}`,
				'information',
				15,
				source
			]),
			['Varia (voorbeeld)', 'information', 10, null]
		];
		titles.forEach(([title, kind, minutes, reportBodyId], position) =>
			rowsToAdd.push({
				bodyId: body.id,
				position,
				title,
				kind,
				durationMinutes: minutes,
				reportBodyId,
				isExample: true
			})
		);
	}
	await db.insert(standingItems).values(rowsToAdd);
	const boundNow = await db
		.select({ id: standingItems.id })
		.from(standingItems)
		.where(and(eq(standingItems.bodyId, bmo), isNotNull(standingItems.reportBodyId)));
	if (boundNow.length === 0) {
		await db.insert(standingItems).values({
			bodyId: bmo,
			position: 99,
			title: 'Terugkoppeling Taskforce Spitsregio Leuven (voorbeeld)',
			kind: 'information',
			durationMinutes: 20,
			reportBodyId: taskforce,
			isExample: true
		});
	}
	return { bodies: newBodies.length, links: newLinks.length, standingItems: rowsToAdd.length };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Ten years of meetings, items, decisions, shares and advice, split into the two phases. */
async function buildWorld(db: Db, now: Date) {
	const { info, neighbours } = await linkGraph(db);
	const template = new Map<string, Standing[]>();
	for (const s of await db.select().from(standingItems).orderBy(standingItems.position)) {
		template.set(s.bodyId, [...(template.get(s.bodyId) ?? []), s]);
	}
	// Report targets per source body (closed items of the source may be shared with them).
	const targetsOf = new Map<string, string[]>();
	for (const list of template.values())
		for (const s of list)
			if (s.reportBodyId)
				targetsOf.set(s.reportBodyId, [...(targetsOf.get(s.reportBodyId) ?? []), s.bodyId]);

	const smallIds = new Set(SMALL_SLUGS.map(bodyId));
	const measured = bodyId(MEASURED);
	const buckets: Record<Phase, Bucket> = { small: emptyBucket(), large: emptyBucket() };
	const phaseOf = new Map<string, Phase>(); // meeting id → phase
	const meetingsOf = new Map<string, MeetingRow[]>(); // body id → meetings by start
	const nextPosition = new Map<string, number>(); // meeting id → next top-level position
	const yearAgo = new Date(now.getTime() - 365 * DAY);
	const first = new Date(Date.UTC(now.getUTCFullYear() - YEARS, now.getUTCMonth(), 1));
	const months = [1, 2, 3, 4, 5, 6, 9, 10, 11, 12];

	const addItem = (meeting: MeetingRow, item: Omit<ItemRow, 'id' | 'meetingId'>) => {
		const row: ItemRow = { id: crypto.randomUUID(), meetingId: meeting.id, ...item };
		buckets[phaseOf.get(meeting.id)!].items.push(row);
		return row;
	};
	const addDecision = (meeting: MeetingRow, item: ItemRow, title: string) => {
		buckets[phaseOf.get(meeting.id)!].decisions.push({
			id: crypto.randomUUID(),
			bodyId: meeting.bodyId,
			year: brusselsYear(meeting.startsAt),
			meetingId: meeting.id,
			agendaItemId: item.id,
			title,
			text: `Het orgaan beslist over ${title.toLowerCase()}. (Voorbeeld.)`,
			status: chance(0.9) ? 'adopted' : pick(['rejected', 'postponed'] as const),
			isExample: true
		});
		return buckets[phaseOf.get(meeting.id)!].decisions.at(-1)!;
	};
	const held: MeetingStatus[] = ['held', 'minutes_draft', 'minutes_approved'];

	for (const [index, body] of [...info.values()].entries()) {
		const list: MeetingRow[] = [];
		const day = 3 + (index % 22);
		for (let m = 0; m < (YEARS + 1) * 12; m++) {
			const monthStart = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
			if (!months.includes(monthStart.getUTCMonth() + 1)) continue;
			const date = `${monthStart.getUTCFullYear()}-${pad(monthStart.getUTCMonth() + 1)}-${pad(day)}`;
			const startsAt = brusselsInstant(date, '19:00');
			if (startsAt < first) continue;
			// The measured body has no meeting after today: its new draft is its next meeting.
			if (startsAt > new Date(now.getTime() + (body.id === measured ? 0 : 90 * DAY))) break;
			list.push({
				id: crypto.randomUUID(),
				bodyId: body.id,
				title: null,
				startsAt,
				endsAt: brusselsInstant(date, '22:00'),
				location: `Vergaderzaal ${1 + (index % 5)} (voorbeeld)`,
				isPublic: chance(0.85),
				isExample: true
			});
		}
		const past = list.filter((m) => m.startsAt < now);
		past.forEach((m, i) => {
			const fromEnd = past.length - 1 - i;
			m.status = chance(0.02)
				? 'cancelled'
				: fromEnd === 0
					? 'held'
					: fromEnd === 1
						? 'minutes_draft'
						: 'minutes_approved';
			m.publishedAt = new Date(m.startsAt.getTime() - 14 * DAY);
			if (m.status === 'cancelled') m.cancelReason = 'Te weinig agendapunten (voorbeeld).';
		});
		for (const m of list.filter((m) => m.startsAt >= now)) {
			m.status = m.startsAt.getTime() - now.getTime() < 30 * DAY ? 'agenda_published' : 'draft';
			m.publishedAt = m.status === 'draft' ? null : new Date(m.startsAt.getTime() - 14 * DAY);
		}
		meetingsOf.set(body.id, list);
		for (const m of list) {
			const phase: Phase = smallIds.has(body.id) && m.startsAt >= yearAgo ? 'small' : 'large';
			phaseOf.set(m.id, phase);
			buckets[phase].meetings.push(m);

			// The agenda: the standing items (bound ones carry the report), then 3–6 items, some
			// with 1–2 sub-items; two of them are decisions when the meeting was held.
			const standing = template.get(body.id) ?? [];
			standing.forEach((s, position) =>
				addItem(m, {
					position,
					title: s.title,
					kind: s.kind,
					isPublic: s.isPublic,
					durationMinutes: s.durationMinutes,
					standingItemId: s.id,
					reportBodyId: s.reportBodyId,
					reportSnapshot:
						s.reportBodyId && m.status !== 'draft'
							? frozenStub(info.get(s.reportBodyId)!, m.startsAt)
							: null,
					isExample: true
				})
			);
			const count = between(3, 6);
			for (let k = 0; k < count; k++) {
				const topic = pick(topics);
				const isDecision = k < 2;
				const item = addItem(m, {
					position: standing.length + k,
					title: `${isDecision ? 'Voorstel' : 'Bespreking'}: ${topic} (voorbeeld)`,
					description: `Toelichting bij ${topic}.`,
					kind: isDecision ? 'decision' : pick(['information', 'discussion'] as const),
					isPublic: chance(0.8),
					durationMinutes: 15,
					isExample: true
				});
				if (chance(0.35)) {
					const subs = between(1, 2);
					for (let s = 0; s < subs; s++) {
						addItem(m, {
							parentId: item.id,
							position: s,
							title: `Deelpunt ${s + 1}: ${pick(topics)} (voorbeeld)`,
							kind: 'information',
							isPublic: chance(0.85),
							isExample: true
						});
					}
				}
				if (isDecision && held.includes(m.status!)) addDecision(m, item, `Besluit over ${topic}`);
			}
			nextPosition.set(m.id, standing.length + count);
		}
	}

	// Closed items of a body that reports to another, shared with it (a quarter of them).
	for (const phase of ['small', 'large'] as const) {
		const meetingById = new Map(buckets[phase].meetings.map((m) => [m.id, m]));
		const itemById = new Map(buckets[phase].items.map((i) => [i.id, i]));
		for (const item of buckets[phase].items) {
			const meeting = meetingById.get(item.meetingId)!;
			const targets = targetsOf.get(meeting.bodyId);
			if (!targets || meeting.status === 'draft') continue;
			const parent = item.parentId ? itemById.get(item.parentId) : undefined;
			const closed = !meeting.isPublic || !item.isPublic || parent?.isPublic === false;
			if (closed && !parent && chance(0.25)) {
				for (const target of targets)
					buckets[phase].shares.push({ agendaItemId: item.id, bodyId: target, isExample: true });
			}
		}
	}

	// Advice: 1–3 hops along the links, never back to a body already on the trail. An advice that
	// starts in the small set stays in it; one from outside never lands on a small meeting (it
	// stays pending there), so no trail crosses the two phases.
	const firstAfter = (body: string, after: Date) =>
		(meetingsOf.get(body) ?? []).find((m) => m.startsAt > after && m.status !== 'cancelled');
	const origins = [...info.values()].filter((b) => (neighbours.get(b.id)?.size ?? 0) > 0);
	let hopCount = 0;
	let guard = 0;
	while (hopCount < TARGET_HOPS && guard++ < 100_000) {
		// A few advices start in the small set (its five bodies, last year), the others anywhere.
		const inSmall = chance(0.03);
		const origin = inSmall ? info.get(pick([...smallIds]))! : pick(origins);
		const candidates = (meetingsOf.get(origin.id) ?? []).filter(
			(m) =>
				held.includes(m.status!) &&
				m.startsAt < new Date(now.getTime() - 14 * DAY) &&
				(!inSmall || phaseOf.get(m.id) === 'small')
		);
		if (candidates.length === 0) continue;
		const start = pick(candidates);
		const phase = phaseOf.get(start.id)!;
		const trail = [origin.id];
		const length = chance(0.3) ? 1 : chance(0.57) ? 2 : 3;
		const topic = pick(topics);
		const adviceId = crypto.randomUUID();
		const hops: (typeof adviceHops.$inferInsert)[] = [];
		let fromMeeting = start;
		let fromItem = addItem(start, {
			position: nextPosition.get(start.id)!,
			title: `Advies over ${topic} (voorbeeld)`,
			kind: 'advice',
			isPublic: chance(0.85),
			durationMinutes: 15,
			isExample: true
		});
		nextPosition.set(start.id, nextPosition.get(start.id)! + 1);
		let sentAt = new Date(start.startsAt.getTime() + 2 * DAY);
		for (let step = 1; step <= length; step++) {
			const options = [...(neighbours.get(fromMeeting.bodyId) ?? [])].filter(
				(b) => !trail.includes(b) && (phase === 'large' || smallIds.has(b))
			);
			if (options.length === 0) break;
			const to = pick(options);
			trail.push(to);
			const hop: typeof adviceHops.$inferInsert = {
				id: crypto.randomUUID(),
				adviceId,
				step,
				fromBodyId: fromMeeting.bodyId,
				toBodyId: to,
				fromItemId: fromItem.id,
				text: `Advies van ${info.get(fromMeeting.bodyId)!.name} over ${topic}. (Voorbeeld.)`,
				sentAt,
				isExample: true
			};
			hops.push(hop);
			const placed = firstAfter(to, new Date(sentAt.getTime() + 7 * DAY));
			// Pending: no meeting yet, or (an advice from outside) the next one is in the small set.
			if (!placed || phaseOf.get(placed.id) !== phase) break;
			const item = addItem(placed, {
				position: nextPosition.get(placed.id)!,
				title: `Advies van ${info.get(fromMeeting.bodyId)!.name}: ${topic} (voorbeeld)`,
				kind: 'advice',
				isPublic: chance(0.85),
				durationMinutes: 15,
				isExample: true
			});
			nextPosition.set(placed.id, nextPosition.get(placed.id)! + 1);
			hop.placedItemId = item.id;
			hop.placedAt = new Date(Math.max(sentAt.getTime(), placed.startsAt.getTime() - 14 * DAY));
			if (!held.includes(placed.status!)) break; // placed on a coming meeting
			hop.settledAt = new Date(placed.startsAt.getTime() + DAY);
			if (step < length) {
				hop.outcome = 'forwarded';
				fromMeeting = placed;
				fromItem = item;
				sentAt = hop.settledAt;
				continue;
			}
			hop.outcome = pickOutcome();
			if (hop.outcome !== 'confirmed') hop.outcomeText = `Toelichting bij de uitkomst (voorbeeld).`;
			if (hop.outcome === 'decided') {
				hop.outcomeDecisionId = addDecision(placed, item, `Besluit op advies over ${topic}`).id;
			}
		}
		if (hops.length === 0) continue;
		buckets[phase].advices.push({
			id: adviceId,
			title: `Advies over ${topic} (voorbeeld)`,
			originBodyId: origin.id,
			isExample: true,
			createdAt: hops[0].sentAt as Date
		});
		buckets[phase].hops.push(...hops);
		hopCount += hops.length;
	}

	// Decision numbers per body and Brussels year, in order of meeting, after those that exist.
	const existing = await rows<{ body_id: string; year: number; last: number }>(
		db,
		sql`select body_id, year, max(number)::int as last from decisions group by body_id, year`
	);
	const last = new Map(existing.map((e) => [`${e.body_id}/${e.year}`, e.last]));
	const startOf = new Map(
		[...buckets.small.meetings, ...buckets.large.meetings].map((m) => [m.id, m.startsAt.getTime()])
	);
	const allDecisions = [...buckets.small.decisions, ...buckets.large.decisions].sort(
		(a, b) => startOf.get(a.meetingId)! - startOf.get(b.meetingId)!
	);
	for (const d of allDecisions) {
		const key = `${d.bodyId}/${d.year}`;
		d.number = (last.get(key) ?? 0) + 1;
		last.set(key, d.number);
	}
	return { buckets, info };
}

/** A frozen report as stored on a published item (the bench measures live ones; these are filler). */
function frozenStub(source: BodyInfo, until: Date): ReportSnapshot {
	return {
		version: 1,
		sourceBody: { id: source.id, slug: source.slug, name: { nl: source.name } },
		since: new Date(until.getTime() - 30 * DAY).toISOString(),
		until: until.toISOString(),
		previousMeeting: null,
		meetings: [],
		decisions: [],
		advice: []
	};
}

async function insertChunks<T extends PgTable>(
	db: Db,
	table: T,
	values: T['$inferInsert'][],
	size = 1000
) {
	for (let i = 0; i < values.length; i += size) {
		await db.insert(table).values(values.slice(i, i + size) as never);
	}
}

async function insertBucket(db: Db, bucket: Bucket) {
	await insertChunks(db, meetings, bucket.meetings);
	// Parents before their sub-items (the self-reference is checked per statement).
	const items = [
		...bucket.items.filter((i) => !i.parentId),
		...bucket.items.filter((i) => i.parentId)
	];
	await insertChunks(db, agendaItems, items, 800);
	await insertChunks(db, decisions, bucket.decisions as (typeof decisions.$inferInsert)[]);
	await insertChunks(db, advices, bucket.advices);
	await insertChunks(db, adviceHops, bucket.hops);
	await insertChunks(db, itemShares, bucket.shares);
}

async function tableCounts(db: Db) {
	const [row] = await rows<Record<string, number>>(
		db,
		sql`select
			(select count(*)::int from bodies where archived_at is null) as bodies,
			(select count(*)::int from body_links) as "bodyLinks",
			(select count(*)::int from meetings) as meetings,
			(select count(*)::int from agenda_items) as "agendaItems",
			(select count(*)::int from agenda_items where parent_id is not null) as "subItems",
			(select count(*)::int from agenda_items where not is_public) as "closedItems",
			(select count(*)::int from agenda_items where report_body_id is not null) as "reportItems",
			(select count(*)::int from decisions) as decisions,
			(select count(*)::int from advices) as advices,
			(select count(*)::int from advice_hops) as "adviceHops",
			(select count(*)::int from agenda_item_shares) as "itemShares",
			(select count(*)::int from standing_items where report_body_id is not null) as "boundStandingItems"`
	);
	return row;
}

// ---------------------------------------------------------------- the operations

const userPrincipal = (role: 'user' | 'staff', bodyRoles: Record<string, MembershipRole[]>) =>
	({
		kind: 'user',
		userId: crypto.randomUUID(),
		name: 'Bench (voorbeeld)',
		email: 'bench@voorbeeld.be',
		role,
		bodyRoles
	}) satisfies Principal;

const reportSize = (r: ReportSnapshot) =>
	`${r.meetings.length} meetings, ${r.meetings.reduce((n, m) => n + m.items.length, 0)} items, ` +
	`${r.decisions.length} decisions, ${r.advice.length} advice`;

function operations(db: Db, now: Date, trailMeetingId: string, trailBodyId: string): Operation[] {
	const ctx = (principal: Principal): ServiceContext => ({
		db,
		actor: { type: 'cli', label: 'bench' },
		requestId: 'bench',
		locale: 'nl',
		principal
	});
	const measured = bodyId(MEASURED);
	const reporting = bodyId(REPORTING);
	const draftDate = brusselsParts(new Date(now.getTime() + 14 * DAY)).date;
	const draftStart = brusselsInstant(draftDate, '19:00');
	const member = userPrincipal('user', { [measured]: ['member'], [reporting]: ['member'] });
	const secretary = userPrincipal('user', { [trailBodyId]: ['secretary'] });
	const trailMember = userPrincipal('user', { [trailBodyId]: ['member'] });
	let created: string | undefined;

	return [
		{
			name: 'draft agenda: createMeeting + meetingReports',
			run: async () => {
				const meeting = await createMeeting(ctx(system), measured, {
					date: draftDate,
					startTime: '19:00',
					endTime: '22:00',
					isPublic: true
				});
				created = meeting.id;
				const reports = await meetingReports(db, meeting, now);
				return [...reports.values()].map(reportSize).join('; ');
			},
			after: async () => {
				if (created) await db.delete(meetings).where(eq(meetings.id, created));
				created = undefined;
			}
		},
		{
			// Deleting rows that others reference makes PostgreSQL check every referencing column.
			name: 'remove a draft agenda: deleteDraftMeeting',
			before: async () => {
				const meeting = await createMeeting(ctx(system), measured, {
					date: draftDate,
					startTime: '19:00',
					endTime: '22:00'
				});
				created = meeting.id;
			},
			run: async () => {
				await deleteDraftMeeting(ctx(system), created!);
				created = undefined;
				return 'deleted';
			}
		},
		{
			name: 'generateReport, since the previous meeting',
			run: async () => {
				const period = await reportPeriod(
					db,
					{ id: crypto.randomUUID(), bodyId: measured, startsAt: draftStart },
					now
				);
				return reportSize(await generateReport(db, measured, reporting, period));
			}
		},
		{
			name: 'generateReport, last 365 days',
			run: async () =>
				reportSize(
					await generateReport(db, measured, reporting, {
						since: new Date(now.getTime() - 365 * DAY),
						until: now,
						previousMeeting: null
					})
				)
		},
		{
			name: 'body page: getBodyPage + bodyPublicMeetings',
			run: async () => {
				const page = await getBodyPage(db, MEASURED);
				const m = await bodyPublicMeetings(db, page.body.id, now);
				return `${page.parts.length} parts, ${m.upcoming.length} upcoming, ${m.recent.length} recent`;
			}
		},
		{
			name: 'decisions register p. 1, public',
			run: async () => {
				const r = await listDecisions(ctx(anonymous), {});
				return `${r.items.length} of ${r.total}`;
			}
		},
		{
			name: 'decisions register p. 1, member',
			run: async () => {
				const r = await listDecisions(ctx(member), {}, { closed: true });
				return `${r.items.length} of ${r.total}`;
			}
		},
		{
			name: 'decisions register p. 1, one body, member',
			run: async () => {
				const r = await listDecisions(ctx(member), { orgaan: MEASURED }, { closed: true });
				return `${r.items.length} of ${r.total}`;
			}
		},
		{
			name: 'trail view: itemTrails, public',
			run: async () => {
				const trails = await itemTrails(db, await itemIdsOf(db, trailMeetingId), 'public');
				return trailSize(trails);
			}
		},
		{
			name: 'trail view: itemTrails, members',
			run: async () => {
				const trails = await itemTrails(db, await itemIdsOf(db, trailMeetingId), 'members');
				return trailSize(trails);
			}
		},
		{
			name: 'workspace meeting page: getMeetingWorkspace',
			run: async () => {
				const w = await getMeetingWorkspace(ctx(secretary), trailMeetingId);
				return `${w.items.length} items, ${w.decisions.length} decisions`;
			}
		},
		{
			// Not like the others: the inbox lists every hop to or from the body (up to 500), so
			// it grows with the body's own history of advice.
			name: "advice inbox of the meeting's body, member",
			run: async () => {
				const inbox = await adviceInbox(ctx(trailMember), trailBodyId, now);
				return `${inbox.pending.length} pending, ${inbox.placed.length} placed, ${inbox.settled.length} settled, ${inbox.sent.length} sent`;
			}
		}
	];
}

/** The ids of a meeting's items, as the meeting pages pass them to itemTrails (one query). */
async function itemIdsOf(db: Db, meetingId: string) {
	const found = await db
		.select({ id: agendaItems.id })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId));
	return found.map((r) => r.id);
}

function trailSize(trails: Map<string, { adviceId: string; hops: { visibility: string }[] }>) {
	const distinct = new Map([...trails.values()].map((t) => [t.adviceId, t]));
	const hops = [...distinct.values()].flatMap((t) => t.hops);
	return `${trails.size} items, ${distinct.size} trails, ${hops.length} hops (${hops.filter((h) => h.visibility === 'public').length} public)`;
}

// ---------------------------------------------------------------- main

async function main() {
	const options = parseArgs(process.argv.slice(2));
	setQuiet(options.json);
	const before = machine();
	const now = new Date();
	if (options.keep) fs.mkdirSync(options.keep, { recursive: true });
	const t0 = performance.now();
	const { database } = await openPglite('bench/cooperation', options.keep);
	onCleanup(() => database.close());
	const db = database.db;
	const seedCtx = benchContext(db);
	await database.migrate();
	await seedStructure(seedCtx);
	await seedExampleMeetings(seedCtx, now);
	const added = await addBodies(db);
	const openMs = performance.now() - t0;
	note(
		`database: opened, migrated, seeded, ${added.bodies} bodies added (${Math.round(openMs)} ms)\n`
	);

	const t1 = performance.now();
	const { buckets, info } = await buildWorld(db, now);
	const buildMs = performance.now() - t1;

	// The meeting for the trail and workspace rows: the small meeting most touched by advice.
	const touches = new Map<string, number>();
	const meetingOfItem = new Map(buckets.small.items.map((i) => [i.id, i.meetingId]));
	for (const h of buckets.small.hops)
		for (const itemId of [h.fromItemId, h.placedItemId])
			if (itemId && meetingOfItem.has(itemId)) {
				const m = meetingOfItem.get(itemId)!;
				touches.set(m, (touches.get(m) ?? 0) + 1);
			}
	const [trailMeetingId] = [...touches.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
	if (!trailMeetingId) throw new Error('no advice in the small set (change the seed)');
	const trailBodyId = buckets.small.meetings.find((m) => m.id === trailMeetingId)!.bodyId;

	const t2 = performance.now();
	await insertBucket(db, buckets.small);
	const smallInsertMs = performance.now() - t2;
	const smallCounts = await tableCounts(db);
	note(`small set inserted (${Math.round(smallInsertMs)} ms); measuring `);
	const ops = operations(db, now, trailMeetingId, trailBodyId);
	const small = await measure(ops, options.reps);

	const t3 = performance.now();
	await insertBucket(db, buckets.large);
	const largeInsertMs = performance.now() - t3;
	const largeCounts = await tableCounts(db);
	note(`\nlarge set inserted (${Math.round(largeInsertMs)} ms); measuring `);
	const large = await measure(ops, options.reps);
	const analyzeMs = await analyze(db);
	note(`\nANALYZE (${Math.round(analyzeMs)} ms); measuring `);
	const analyzed = await measure(ops, options.reps);
	note('\n');

	const result = {
		machine: before,
		reps: options.reps,
		generation: {
			openMigrateSeedMs: Math.round(openMs),
			buildInMemoryMs: Math.round(buildMs),
			insertSmallMs: Math.round(smallInsertMs),
			insertLargeMs: Math.round(largeInsertMs),
			analyzeMs: Math.round(analyzeMs),
			peakRssMB: peakRssMB()
		},
		counts: { small: smallCounts, large: largeCounts },
		trailMeeting: {
			id: trailMeetingId,
			body: info.get(trailBodyId)!.slug,
			adviceTouches: touches.get(trailMeetingId)
		},
		operations: ops.map((op, i) => ({
			name: op.name,
			small: small[i],
			large: large[i],
			analyzed: analyzed[i],
			ratio: large[i].ms / small[i].ms
		}))
	};
	if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
	else printTable(result);
}

type Result = {
	machine: ReturnType<typeof machine>;
	reps: number;
	generation: Record<string, number>;
	counts: { small: Record<string, number>; large: Record<string, number> };
	trailMeeting: { id: string; body: string; adviceTouches?: number };
	operations: {
		name: string;
		small: Measure;
		large: Measure;
		analyzed: Measure;
		ratio: number;
	}[];
};

function printTable(r: Result) {
	const m = r.machine;
	const g = r.generation;
	const lines = [
		`Streekplatform: bodies working together at scale (embedded PGlite), median of ${r.reps}, ${m.date}`,
		`machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; load average (1 min) before: ${m.loadAverage}`,
		`generation: open+migrate+seed ${g.openMigrateSeedMs} ms, world in memory ${g.buildInMemoryMs} ms, ` +
			`insert small ${g.insertSmallMs} ms, insert large ${g.insertLargeMs} ms, ANALYZE ${g.analyzeMs} ms; peak RSS ${g.peakRssMB} MB`,
		'',
		...table(
			[
				['rows', 'small', 'large'],
				...Object.keys(r.counts.large).map((k) => [
					k,
					String(r.counts.small[k]),
					String(r.counts.large[k])
				])
			],
			1
		),
		'',
		`trail and workspace rows: meeting ${r.trailMeeting.id} of ${r.trailMeeting.body} (${r.trailMeeting.adviceTouches} advice hops touch its items)`,
		'',
		...table(
			[
				[
					'operation',
					'queries S',
					'queries L',
					'small ms',
					'large ms',
					'ratio',
					'large+ANALYZE ms'
				],
				...r.operations.map((o) => [
					o.name,
					String(o.small.queries),
					String(o.large.queries),
					ms(o.small.ms),
					ms(o.large.ms),
					o.ratio.toFixed(2),
					ms(o.analyzed.ms)
				])
			],
			1
		),
		'',
		'what each returned (small | large):',
		...r.operations.map((o) => `  ${o.name}: ${o.small.result} | ${o.large.result}`)
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

runBench(main);
