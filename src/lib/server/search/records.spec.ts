/**
 * The search over meeting records (moved here from the workspace's minutes search): Dutch
 * stemming, who finds what (members of a body, others, anonymous, staff; the public view whoever
 * asks), snippets that highlight without ever carrying markup, ranking, pages and a fixed number
 * of queries.
 */
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting, buildMemberUser } from '../../../../tests/helpers/factories';
import Highlighted from '../../components/search/Highlighted.svelte';
import { countQueries, type Db } from '../db';
import { decisions, itemMinutes, users } from '../db/schema';
import { saveItemMinutes } from '../minutes/minutes.service';
import { anonymous, type Principal } from '../policy';
import { segments, type Segment } from './highlight';
import { PAGE_SIZE } from './search.schema';
import { search as searchAll, type SearchOutcome } from './search.service';

const t = useTestDatabase();
const day = 86_400_000;
const ago = (days: number) => {
	const d = new Date(Date.now() - days * day);
	d.setUTCHours(13, 0, 0, 0);
	return { startsAt: d, endsAt: new Date(d.getTime() + 2 * 3600_000) };
};

let numbers = 0;
async function decision(
	db: Db,
	v: { bodyId: string; meetingId: string; title: string; text: string; agendaItemId?: string }
) {
	const [row] = await db
		.insert(decisions)
		.values({ ...v, year: 2026, number: ++numbers, isExample: true })
		.returning();
	return row;
}

async function minutes(db: Db, item: { id: string; meetingId: string }, body: string) {
	await db
		.insert(itemMinutes)
		.values({ agendaItemId: item.id, meetingId: item.meetingId, body, version: 1 });
}

const text = (s: Segment[]) => s.map((x) => x.text).join('');
const marked = (s: Segment[]) => s.filter((x) => x.mark).map((x) => x.text.toLowerCase());
const group = (r: SearchOutcome, kind: 'verslagen' | 'besluiten') =>
	r.groups.find((g) => g.kind === kind);
const hits = (r: SearchOutcome, kind: 'verslagen' | 'besluiten') => group(r, kind)?.hits ?? [];
const total = (r: SearchOutcome, kind: 'verslagen' | 'besluiten') => group(r, kind)?.total ?? 0;
/** A hit's title without the decision's reference ("2026/001 "). */
const plain = (h: { title: Segment[] }) => text(h.title).replace(/^\d{4}\/\d{3} /, '');
const minutesTitles = (r: SearchOutcome) => hits(r, 'verslagen').map(plain);
const decisionTitles = (r: SearchOutcome) => hits(r, 'besluiten').map(plain);
const soort = { verslag: 'verslagen', besluit: 'besluiten' } as const;

let f: Awaited<ReturnType<typeof fixture>>;

async function fixture(db: Db) {
	const a = await buildBody(db, { name: { nl: 'Zoekorgaan A' } });
	const b = await buildBody(db, { name: { nl: 'Zoekorgaan B' } });
	// A: an approved public meeting (public and closed item), a meeting with draft minutes.
	const approved = await buildMeeting(db, {
		bodyId: a.id,
		status: 'minutes_approved',
		...ago(40),
		items: [
			{ title: 'Mobiliteitsplan' },
			{ title: 'Personeelszaken', isPublic: false },
			{ title: 'Openbare punt over scholen' }
		]
	});
	await minutes(
		db,
		approved.items[0],
		'De **vergadering** bespreekt het mobiliteitsplan en de fietsverbindingen.'
	);
	await minutes(db, approved.items[1], 'Vertrouwelijk: de vergadering bespreekt een aanwerving.');
	await minutes(db, approved.items[2], 'Scholen en <script>alert(1)</script> vergadering.');
	const drafting = await buildMeeting(db, {
		bodyId: a.id,
		status: 'held',
		...ago(5),
		items: [{ title: 'Rondvraag' }]
	});
	const a1 = await buildMemberUser(db, { bodyId: a.id });
	const secretary = await buildMemberUser(db, { bodyId: a.id, role: 'secretary' });
	// Draft minutes saved through the service (the meeting moves to minutes_draft).
	await saveItemMinutes(t.ctx({ principal: secretary.principal }), drafting.items[0].id, {
		body: 'Ontwerp: de vergaderingen van de werkgroep fietssnelwegen.',
		baseVersion: 0
	});
	// B: a closed meeting with minutes and a decision.
	const closedB = await buildMeeting(db, {
		bodyId: b.id,
		status: 'minutes_approved',
		isPublic: false,
		...ago(30),
		items: [{ title: 'Besloten mobiliteitsplan B' }]
	});
	await minutes(db, closedB.items[0], 'Geheime vergadering van orgaan B over het mobiliteitsplan.');
	const b1 = await buildMemberUser(db, { bodyId: b.id });

	const publicDecision = await decision(db, {
		bodyId: a.id,
		meetingId: approved.meeting.id,
		agendaItemId: approved.items[0].id,
		title: 'Mobiliteitsplan goedgekeurd',
		text: 'Het mobiliteitsplan wordt goedgekeurd; het mobiliteitsplan gaat naar de gemeenten.'
	});
	const closedDecision = await decision(db, {
		bodyId: a.id,
		meetingId: approved.meeting.id,
		agendaItemId: approved.items[1].id,
		title: 'Aanwerving projectleider',
		text: 'Een projectleider voor knelpuntberoepen en het mobiliteitsplan wordt aangeworven.'
	});
	const bDecision = await decision(db, {
		bodyId: b.id,
		meetingId: closedB.meeting.id,
		title: 'Besluit van orgaan B',
		text: 'Orgaan B keurt zijn mobiliteitsplan goed; knelpuntberoepen.'
	});
	const xss = await decision(db, {
		bodyId: a.id,
		meetingId: approved.meeting.id,
		title: 'Besluit met <b>opmaak</b> en <script>alert("titel")</script> scholen',
		text: [
			'<script>alert(1)</script> scholen',
			'<img src=x onerror=alert(2)> scholen',
			'"><svg onload=alert(3)> scholen',
			'<a href="javascript:alert(4)">klik</a> scholen',
			'<iframe srcdoc="<script>alert(5)</script>"></iframe> scholen'
		].join(' ')
	});
	const [staffUser] = await db
		.insert(users)
		.values({ email: `staf-${crypto.randomUUID()}@voorbeeld.test`, name: 'Staf', role: 'staff' })
		.returning();
	const staff: Principal = {
		kind: 'user',
		userId: staffUser.id,
		name: staffUser.name,
		email: staffUser.email,
		role: 'staff',
		bodyRoles: {}
	};
	return {
		a,
		b,
		approved,
		drafting,
		closedB,
		a1,
		b1,
		staff,
		publicDecision,
		closedDecision,
		bDecision,
		xss
	};
}

/** The workspace search (the public one for anonymous callers), in the old page's terms. */
const search = (
	principal: Principal,
	input: { q?: string; soort?: 'verslag' | 'besluit' | string; pagina?: number | string }
) =>
	searchAll(t.db, {
		view: principal.kind === 'anonymous' ? 'public' : 'workspace',
		principal,
		locale: 'nl',
		params: {
			q: input.q,
			soort:
				input.soort === 'verslag' || input.soort === 'besluit' ? soort[input.soort] : input.soort,
			pagina: input.pagina === undefined ? undefined : String(input.pagina)
		}
	});

beforeAll(async () => {
	f = await fixture(t.db);
});

describe('search: meeting records', () => {
	it('stems Dutch: "vergaderingen" finds "vergadering", "besluiten" finds "besluit"', async () => {
		const r = await search(f.staff, { q: 'vergaderingen', soort: 'verslag' });
		expect(minutesTitles(r)).toEqual(
			expect.arrayContaining(['Mobiliteitsplan', 'Rondvraag', 'Openbare punt over scholen'])
		);
		const hit = hits(r, 'verslagen').find((i) => plain(i) === 'Mobiliteitsplan')!;
		expect(marked(hit.snippet)).toContain('vergadering');
		// Markdown emphasis is not part of the snippet.
		expect(text(hit.snippet)).not.toContain('**');

		const d = await search(f.staff, { q: 'besluiten', soort: 'besluit' });
		expect(decisionTitles(d)).toContain('Besluit van orgaan B');
		expect(marked(hits(d, 'besluiten')[0].title)).toContain('besluit');

		const m = await search(f.staff, { q: 'mobiliteitsplan' });
		expect(minutesTitles(m)).toContain('Mobiliteitsplan');
		expect(decisionTitles(m)).toContain('Mobiliteitsplan goedgekeurd');
	});

	it('shows a member of A the closed decisions and draft minutes of A, not those of B', async () => {
		const r = await search(f.a1.principal, { q: 'mobiliteitsplan' });
		expect(decisionTitles(r)).toEqual(
			expect.arrayContaining(['Mobiliteitsplan goedgekeurd', 'Aanwerving projectleider'])
		);
		expect(decisionTitles(r)).not.toContain('Besluit van orgaan B');
		expect(minutesTitles(r)).not.toContain('Besloten mobiliteitsplan B');

		const v = await search(f.a1.principal, { q: 'vergadering', soort: 'verslag' });
		expect(minutesTitles(v)).toEqual(
			expect.arrayContaining(['Rondvraag', 'Personeelszaken', 'Mobiliteitsplan'])
		);
		expect(hits(v, 'verslagen').find((i) => plain(i) === 'Rondvraag')!.href).toBe(
			`/beheer/vergaderingen/${f.drafting.meeting.id}/verslag#punt-${f.drafting.items[0].id}`
		);

		// The singular finds the plural in the text.
		const k = await search(f.a1.principal, { q: 'knelpuntberoep' });
		expect(decisionTitles(k)).toEqual(['Aanwerving projectleider']);
	});

	it('shows others and anonymous callers only public decisions and approved public minutes', async () => {
		for (const principal of [anonymous, f.b1.principal]) {
			const r = await search(principal, { q: 'vergadering', soort: 'verslag' });
			const titles = minutesTitles(r);
			expect(titles).toEqual(expect.arrayContaining(['Mobiliteitsplan']));
			expect(titles).not.toContain('Personeelszaken');
			expect(titles).not.toContain('Rondvraag');
			const d = await search(principal, { q: 'mobiliteitsplan', soort: 'besluit' });
			expect(decisionTitles(d)).toContain('Mobiliteitsplan goedgekeurd');
			expect(decisionTitles(d)).not.toContain('Aanwerving projectleider');
		}
		const anon = await search(anonymous, { q: 'mobiliteitsplan' });
		expect(minutesTitles(anon)).not.toContain('Besloten mobiliteitsplan B');
		expect(decisionTitles(anon)).not.toContain('Besluit van orgaan B');
		expect(
			hits(anon, 'verslagen').every((i) => !i.restricted && i.href.startsWith('/vergaderingen/'))
		).toBe(true);
		// B's member sees B's own closed records.
		const own = await search(f.b1.principal, { q: 'mobiliteitsplan' });
		expect(minutesTitles(own)).toContain('Besloten mobiliteitsplan B');
		expect(decisionTitles(own)).toContain('Besluit van orgaan B');
		expect(total(await search(anonymous, { q: 'knelpuntberoepen' }), 'besluiten')).toBe(0);
	});

	it('returns snippets as text segments that render inert', async () => {
		const r = await search(f.staff, { q: 'scholen' });
		const hit = hits(r, 'besluiten').find((i) => i.id === f.xss.id)!;
		const minutesHit = hits(r, 'verslagen').find((i) => plain(i) === 'Openbare punt over scholen')!;
		for (const parts of [hit.title, hit.snippet, minutesHit.snippet]) {
			expect(marked(parts)).toContain('scholen');
			const { body } = render(Highlighted, { props: { segments: parts } });
			expect(body).toContain('<mark>');
			expect(body).not.toMatch(/<(script|img|svg|iframe|a|b)[\s>]/i);
			// Only <mark> elements are markup; everything else is escaped text.
			expect(body.replace(/<\/?mark>|<!--[^>]*-->/g, '')).not.toMatch(/<[a-z/!]/i);
		}
		// Markers cannot be forged: the control characters are stripped from the text first.
		const forged = await decision(t.db, {
			bodyId: f.a.id,
			meetingId: f.approved.meeting.id,
			title: 'Vervalst \u0002teken\u0003 scholen',
			text: 'scholen'
		});
		const again = await search(f.staff, { q: 'scholen', soort: 'besluit' });
		const forgedHit = hits(again, 'besluiten').find((i) => i.id === forged.id)!;
		expect(marked(forgedHit.title)).toEqual(['scholen']);
		expect(plain(forgedHit)).toBe('Vervalst teken scholen');
	});

	it('shows a short text whole and a long one as fragments around the hits', async () => {
		const filler = (w: string) => Array.from({ length: 80 }, (_, i) => `${w}${i}`).join(' ');
		const long = await decision(t.db, {
			bodyId: f.a.id,
			meetingId: f.approved.meeting.id,
			title: 'Lange tekst',
			text: `${filler('begin')} over deelfietsen hier. ${filler('midden')} einde.`
		});
		const r = await search(f.staff, { q: 'deelfietsen', soort: 'besluit' });
		const snippet = text(hits(r, 'besluiten').find((i) => i.id === long.id)!.snippet);
		expect(snippet).toMatch(/^… .*deelfietsen.* …$/);
		expect(snippet).not.toContain('begin0 ');
		expect(snippet.length).toBeLessThan(600);
		const short = await search(f.staff, { q: 'gemeenten', soort: 'besluit' });
		expect(text(hits(short, 'besluiten')[0].snippet)).toBe(f.publicDecision.text);
	});

	it('ranks records where the words occur more and in the title first', async () => {
		const r = await search(f.staff, { q: 'mobiliteitsplan', soort: 'besluit' });
		expect(plain(hits(r, 'besluiten')[0])).toBe('Mobiliteitsplan goedgekeurd');
		const ranks = hits(r, 'besluiten').map((i) => i.rank);
		expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
		const body = await buildBody(t.db);
		const { items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'minutes_approved',
			...ago(50),
			items: [{ title: 'Varia' }, { title: 'Windmolens' }, { title: 'Rondvraag' }]
		});
		await minutes(t.db, items[0], 'Ook over windmolens gesproken, en over vele andere dingen.');
		await minutes(t.db, items[1], 'Windmolens langs de snelweg: twee windmolens erbij.');
		await minutes(t.db, items[2], 'De windmolens komen er.');
		const m = await search(f.staff, { q: 'windmolens', soort: 'verslag' });
		expect(minutesTitles(m)[0]).toBe('Windmolens');
		expect(minutesTitles(m)).toHaveLength(3);
	});

	it('searches one kind, and explains empty, short and long queries', async () => {
		const v = await search(f.staff, { q: 'mobiliteitsplan', soort: 'verslag' });
		expect(v.groups.map((g) => g.kind)).toEqual(['verslagen']);
		const d = await search(f.staff, { q: 'mobiliteitsplan', soort: 'besluit' });
		expect(d.groups.map((g) => g.kind)).toEqual(['besluiten']);
		expect(await search(f.staff, { q: 'x' })).toMatchObject({
			searched: false,
			notes: ['Typ minstens 2 tekens om te zoeken.']
		});
		expect(await search(f.staff, {})).toMatchObject({ searched: false, groups: [], notes: [] });
		expect(await search(f.staff, { q: 'a'.repeat(201) })).toMatchObject({
			searched: false,
			error: 'Uw zoekvraag is te lang: hoogstens 200 tekens.'
		});
		// Stop words only, or search syntax only: a search without results, no error.
		for (const q of ['de het een', '"(&|!:*', "' or 1=1 --", 'ab\u0000\u0002']) {
			const none = await search(f.staff, { q });
			expect(none.searched).toBe(true);
			expect(total(none, 'verslagen') + total(none, 'besluiten')).toBe(0);
		}
		// Control characters are no words (NUL would be a database error).
		expect(await search(f.staff, { q: '\u0000\u0000' })).toMatchObject({ searched: false });
		// Bad pages fall back to the first.
		expect(
			(await search(f.staff, { q: 'plan', soort: 'besluit', pagina: '-3' })).request
		).toMatchObject({
			kind: 'besluiten',
			page: 1
		});
	});

	it('pages through many results with a fixed number of queries', async () => {
		const body = await buildBody(t.db);
		const { meeting, items } = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'minutes_approved',
			...ago(60),
			items: Array.from({ length: 3 }, (_, i) => ({ title: `Punt ${i}` }))
		});
		const few = await countQueries(() => search(f.staff, { q: 'zonnepanelen' }));
		for (const item of items) await minutes(t.db, item, 'Zonnepanelen op de daken.');
		for (let i = 0; i < PAGE_SIZE + 3; i++) {
			await decision(t.db, {
				bodyId: body.id,
				meetingId: meeting.id,
				title: `Zonnepanelen ${i}`,
				text: 'Zonnepanelen op scholen.'
			});
		}
		const many = await countQueries(() => search(f.staff, { q: 'zonnepanelen' }));
		expect(total(many.result, 'besluiten')).toBe(PAGE_SIZE + 3);
		expect(total(many.result, 'verslagen')).toBe(3);
		expect(many.queries).toBe(few.queries);
		const first = await countQueries(() =>
			search(f.staff, { q: 'zonnepanelen', soort: 'besluit' })
		);
		expect(hits(first.result, 'besluiten')).toHaveLength(PAGE_SIZE);
		expect(first.result.pages).toBe(2);
		expect(first.queries).toBe(1);
		const second = await search(f.staff, { q: 'zonnepanelen', soort: 'besluit', pagina: 2 });
		expect(hits(second, 'besluiten')).toHaveLength(3);
	});
});

describe('segments', () => {
	it('splits a headline at its markers', () => {
		expect(segments('a \u0002b\u0003 c')).toEqual([
			{ text: 'a ', mark: false },
			{ text: 'b', mark: true },
			{ text: ' c', mark: false }
		]);
		expect(segments('')).toEqual([]);
	});
});
