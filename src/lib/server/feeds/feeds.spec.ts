/**
 * The Atom feeds on a real database: every feed is well-formed XML with the Atom essentials
 * (id, title, updated, self and alternate links, an author), holds what the public pages show
 * and nothing else — no draft or scheduled news, no closed meeting, item or decision, no dossier
 * that is not public or not adopted — speaks English under /en, and answers through its route
 * with the Atom content type (an unknown body: 404).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { childText, childrenOf, parseXml, type XmlNode } from '../../../../tests/helpers/xml';
import { contentItems, decisions, dossierDecisions, dossiers } from '../db/schema';
import { anonymous } from '../policy';
import { GET as bodyFeedGet } from '../../../routes/organen/[slug]/feed.atom/+server';
import { GET as newsFeedGet } from '../../../routes/nieuws/feed.atom/+server';
import { FEED_SIZE, renderAtom } from './atom';
import { bodyFeed, decisionsFeed, dossiersFeed, newsFeed, type FeedSite } from './feeds.queries';

const ORIGIN = 'https://streek.example';
beforeAll(() => {
	process.env.ORIGIN = ORIGIN;
});

const t = useTestDatabase();
const site: FeedSite = { name: 'Streekplatform Test', origin: ORIGIN };
const ATOM = 'http://www.w3.org/2005/Atom';
const day = 86_400_000;

let f: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db, {
		slug: 'feed-orgaan',
		name: { nl: 'Feedorgaan', en: 'Feed body' }
	});
	const other = await buildBody(t.db, { slug: 'ander-orgaan', name: { nl: 'Ander orgaan' } });
	const held = await buildMeeting(t.db, {
		bodyId: body.id,
		title: 'Openbare zitting',
		status: 'held',
		publishedAt: new Date(Date.now() - 20 * day),
		startsAt: new Date(Date.now() - 10 * day),
		endsAt: new Date(Date.now() - 10 * day + 7_200_000),
		location: 'Provinciehuis',
		items: [{ title: 'Open punt' }, { title: 'Besloten punt', isPublic: false }]
	});
	const closed = await buildMeeting(t.db, {
		bodyId: body.id,
		title: 'Besloten zitting',
		status: 'held',
		isPublic: false,
		startsAt: new Date(Date.now() - 5 * day),
		endsAt: new Date(Date.now() - 5 * day + 7_200_000)
	});
	const draft = await buildMeeting(t.db, { bodyId: body.id, title: 'Conceptzitting' });
	const decision = (meetingId: string, n: number, title: string, agendaItemId?: string) => ({
		bodyId: body.id,
		meetingId,
		agendaItemId,
		year: 2026,
		number: n,
		title,
		text: `Tekst van ${title}.`
	});
	const [open, , , noItem] = await t.db
		.insert(decisions)
		.values([
			decision(held.meeting.id, 1, 'Openbaar besluit', held.items[0].id),
			decision(held.meeting.id, 2, 'Besluit over besloten punt', held.items[1].id),
			decision(closed.meeting.id, 3, 'Besluit van besloten zitting'),
			decision(held.meeting.id, 4, 'Besluit zonder punt'),
			decision(draft.meeting.id, 5, 'Besluit van concept')
		])
		.returning();
	const now = Date.now();
	const news = (slug: string, title: string, publishAt: Date | null, bodyId?: string) => ({
		kind: 'news' as const,
		slug,
		title: { nl: title, en: `EN ${title}` },
		summary: { nl: `Samenvatting ${title}` },
		body: { nl: `Tekst van **${title}**.` },
		publishAt,
		bodyId,
		isExample: true
	});
	await t.db
		.insert(contentItems)
		.values([
			news('gepubliceerd', 'Gepubliceerd bericht', new Date(now - day), body.id),
			news('concept', 'Conceptbericht', null, body.id),
			news('gepland', 'Gepland bericht', new Date(now + day), body.id),
			news('partnerschap', 'Bericht van het partnerschap', new Date(now - 2 * day)),
			news('ander', 'Bericht van ander orgaan', new Date(now - 3 * day), other.id),
			news('lastig', 'Tom & Jerry <script>alert(1)</script>\u0001 ]]>', new Date(now - 4 * day)),
			{ ...news('een-pagina', 'Een pagina', new Date(now - day)), kind: 'page' as const }
		]);
	const [shown, hidden, unadopted] = await t.db
		.insert(dossiers)
		.values([
			{ slug: 'open-dossier', bodyId: body.id, title: 'Open dossier', isPublic: true },
			{ slug: 'besloten-dossier', bodyId: body.id, title: 'Besloten dossier', isPublic: false },
			{ slug: 'ontwerp-dossier', bodyId: body.id, title: 'Ontwerpdossier', isPublic: true }
		])
		.returning();
	await t.db.insert(dossierDecisions).values([
		{ dossierId: shown.id, decisionId: open.id },
		{ dossierId: hidden.id, decisionId: open.id }
	]);
	return { body, other, held, open, noItem, unadopted };
}

beforeAll(async () => {
	f = await build();
});

const closedWords = [
	'Besloten',
	'besloten',
	'Concept',
	'concept',
	'Gepland',
	'Ontwerp',
	'Een pagina'
];

/** Parses the feed and checks the Atom essentials (RFC 4287 §4.1.1, §4.1.2). */
function atom(xml: string): { root: XmlNode; entries: XmlNode[]; titles: string[] } {
	const root = parseXml(xml);
	expect(root.name).toBe('feed');
	expect(root.uri).toBe(ATOM);
	expect(childText(root, 'id')).toMatch(/^https:\/\/streek\.example\//);
	expect(childText(root, 'title')).not.toBe('');
	expect(childText(root, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	const links = childrenOf(root, 'link').map((l) => l.attributes.rel);
	expect(links).toEqual(expect.arrayContaining(['self', 'alternate']));
	expect(childText(childrenOf(root, 'author')[0], 'name')).not.toBe('');
	const entries = childrenOf(root, 'entry');
	expect(entries.length).toBeLessThanOrEqual(FEED_SIZE);
	for (const e of entries) {
		expect(childText(e, 'id')).toMatch(/^https:\/\/streek\.example\//);
		expect(childText(e, 'title')).not.toBe('');
		expect(childText(e, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const link = childrenOf(e, 'link')[0].attributes;
		expect(link.rel).toBe('alternate');
		expect(link.href).toMatch(/^https:\/\/streek\.example\//);
	}
	return { root, entries, titles: entries.map((e) => childText(e, 'title')) };
}

const closedIn = (titles: string[]) =>
	titles.filter((title) => closedWords.some((w) => title.includes(w)));

describe('news feed', () => {
	it('holds published news of every body and the partnership, never drafts, scheduled items or pages', async () => {
		const { titles, entries } = atom(renderAtom(await newsFeed(t.db, site, 'nl')));
		expect(titles).toEqual([
			'Gepubliceerd bericht',
			'Bericht van het partnerschap',
			'Bericht van ander orgaan',
			'Tom & Jerry <script>alert(1)</script> ]]>'
		]);
		expect(closedIn(titles)).toEqual([]);
		expect(childrenOf(entries[0], 'link')[0].attributes.href).toBe(`${ORIGIN}/nieuws/gepubliceerd`);
		expect(childText(entries[0], 'summary')).toBe('Samenvatting Gepubliceerd bericht');
		expect(childText(childrenOf(entries[0], 'author')[0], 'name')).toBe('Feedorgaan');
	});

	it('escapes markup and drops characters XML forbids, so the script is text', async () => {
		const xml = renderAtom(await newsFeed(t.db, site, 'nl'));
		expect(xml).not.toContain('<script>');
		expect(xml).toContain('Tom &amp; Jerry &lt;script&gt;');
		expect(xml).not.toContain('\u0001');
	});

	it('speaks English under /en: English titles and links', async () => {
		const { root, titles, entries } = atom(renderAtom(await newsFeed(t.db, site, 'en')));
		expect(root.attributes['xml:lang']).toBe('en');
		expect(childText(root, 'title')).toBe('News — Streekplatform Test');
		expect(titles[0]).toBe('EN Gepubliceerd bericht');
		expect(childrenOf(entries[0], 'link')[0].attributes.href).toBe(
			`${ORIGIN}/en/nieuws/gepubliceerd`
		);
		const self = childrenOf(root, 'link').find((l) => l.attributes.rel === 'self');
		expect(self?.attributes.href).toBe(`${ORIGIN}/en/nieuws/feed.atom`);
	});

	it('keeps the newest 50', async () => {
		await t.db.insert(contentItems).values(
			Array.from({ length: FEED_SIZE + 5 }, (_, i) => ({
				kind: 'news' as const,
				slug: `veel-${i}`,
				title: { nl: `Veel ${i}` },
				body: { nl: 'Tekst.' },
				publishAt: new Date(Date.now() - (10 + i) * day),
				isExample: true
			}))
		);
		const { entries } = atom(renderAtom(await newsFeed(t.db, site, 'nl')));
		expect(entries).toHaveLength(FEED_SIZE);
		expect(childText(entries[0], 'title')).toBe('Gepubliceerd bericht');
	});
});

describe('decisions feed', () => {
	it('holds public decisions only: not of a closed item, a closed meeting or a draft', async () => {
		const { titles } = atom(renderAtom(await decisionsFeed(t.db, site, 'nl')));
		expect(titles).toContain('2026/001 Openbaar besluit');
		expect(titles).toContain('2026/004 Besluit zonder punt');
		expect(titles.filter((x) => /2026\/00[235] /.test(x))).toEqual([]);
		expect(closedIn(titles)).toEqual([]);
	});
});

describe('dossiers feed', () => {
	it('holds the public register: public and adopted dossiers only', async () => {
		const { titles, entries } = atom(renderAtom(await dossiersFeed(t.db, site, 'nl')));
		expect(titles).toContain('Open dossier');
		expect(closedIn(titles)).toEqual([]);
		const open = entries.find((e) => childText(e, 'title') === 'Open dossier')!;
		expect(childrenOf(open, 'link')[0].attributes.href).toBe(`${ORIGIN}/dossiers/open-dossier`);
	});
});

describe("a body's feed", () => {
	it('holds its news, public meetings and public decisions, and nothing of other bodies', async () => {
		const { titles, root } = atom(renderAtom(await bodyFeed(t.db, site, 'feed-orgaan', 'nl')));
		expect(childText(root, 'title')).toBe('Feedorgaan: nieuws, vergaderingen en besluiten');
		expect(titles).toEqual(
			expect.arrayContaining([
				'Gepubliceerd bericht',
				'Openbare zitting',
				'2026/001 Openbaar besluit',
				'2026/004 Besluit zonder punt'
			])
		);
		expect(titles).toHaveLength(4);
		expect(closedIn(titles)).toEqual([]);
	});

	it('names the meeting’s date, time and place in Brussels time', async () => {
		const { entries } = atom(renderAtom(await bodyFeed(t.db, site, 'feed-orgaan', 'en')));
		const meeting = entries.find((e) => childText(e, 'title') === 'Openbare zitting')!;
		expect(childText(meeting, 'summary')).toContain('Provinciehuis');
		expect(childrenOf(meeting, 'link')[0].attributes.href).toBe(
			`${ORIGIN}/en/vergaderingen/${f.held.meeting.id}`
		);
	});

	it('answers through its route as Atom; an unknown body is a 404', async () => {
		const event = (slug: string, locale: 'nl' | 'en' = 'nl') =>
			({
				locals: { db: t.db, requestId: 'test', locale, principal: anonymous },
				params: { slug },
				url: new URL(`http://localhost/organen/${slug}/feed.atom`)
			}) as never;
		const res = await bodyFeedGet(event('feed-orgaan'));
		expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		atom(await res.text());
		const missing = await Promise.resolve(bodyFeedGet(event('bestaat-niet'))).catch(
			(e: { status: number }) => e
		);
		expect((missing as { status: number }).status).toBe(404);
		const news = await newsFeedGet(event('', 'en'));
		expect(atom(await news.text()).root.attributes['xml:lang']).toBe('en');
	});
});
