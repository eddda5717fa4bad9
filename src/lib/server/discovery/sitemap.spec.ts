/**
 * The sitemap on a real database: well-formed, every address absolute under the configured
 * origin with its nl / en / x-default alternates; the public records listed (structure, public
 * meetings and decisions, published plans, news and pages, public dossiers, the monitor) and
 * nothing closed, drafted, scheduled or archived; robots.txt points to it and keeps crawlers out
 * of the workspace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { buildIndicator, buildPlan } from '../../../../tests/helpers/plans';
import { childText, childrenOf, parseXml } from '../../../../tests/helpers/xml';
import { contentItems, decisions, dossierDecisions, dossiers } from '../db/schema';
import { GET as robotsGet } from '../../../routes/robots.txt/+server';
import { GET as sitemapGet } from '../../../routes/sitemap.xml/+server';
import { renderSitemap, robotsTxt, sitemapEntries } from './sitemap';

const ORIGIN = 'https://streek.example';
beforeAll(() => {
	process.env.ORIGIN = ORIGIN;
});

const t = useTestDatabase();
const day = 86_400_000;
let f: Awaited<ReturnType<typeof build>>;

async function build() {
	const body = await buildBody(t.db, { slug: 'kaart-orgaan' });
	const archived = await buildBody(t.db, { slug: 'gearchiveerd-orgaan', archivedAt: new Date() });
	const open = await buildMeeting(t.db, {
		bodyId: body.id,
		status: 'held',
		startsAt: new Date(Date.now() - 3 * day),
		endsAt: new Date(Date.now() - 3 * day + 3_600_000),
		items: [{ title: 'Open' }, { title: 'Besloten', isPublic: false }]
	});
	const closed = await buildMeeting(t.db, { bodyId: body.id, status: 'held', isPublic: false });
	const draft = await buildMeeting(t.db, { bodyId: body.id });
	const [publicDecision, closedItemDecision, closedMeetingDecision] = await t.db
		.insert(decisions)
		.values([
			{
				bodyId: body.id,
				meetingId: open.meeting.id,
				agendaItemId: open.items[0].id,
				year: 2026,
				number: 1,
				title: 'Open',
				text: 'x'
			},
			{
				bodyId: body.id,
				meetingId: open.meeting.id,
				agendaItemId: open.items[1].id,
				year: 2026,
				number: 2,
				title: 'Dicht',
				text: 'x'
			},
			{
				bodyId: body.id,
				meetingId: closed.meeting.id,
				year: 2026,
				number: 3,
				title: 'Dicht',
				text: 'x'
			}
		])
		.returning();
	const item = (kind: 'news' | 'page', slug: string, publishAt: Date | null) => ({
		kind,
		slug,
		title: { nl: slug },
		body: { nl: 'x' },
		publishAt,
		isExample: true
	});
	await t.db
		.insert(contentItems)
		.values([
			item('news', 'kaart-nieuws', new Date(Date.now() - day)),
			item('news', 'kaart-concept', null),
			item('news', 'kaart-gepland', new Date(Date.now() + day)),
			item('page', 'kaart-pagina', new Date(Date.now() - day))
		]);
	const [shown, hidden] = await t.db
		.insert(dossiers)
		.values([
			{ slug: 'kaart-dossier', bodyId: body.id, title: 'Open', isPublic: true },
			{ slug: 'kaart-besloten', bodyId: body.id, title: 'Dicht', isPublic: false }
		])
		.returning();
	await t.db.insert(dossierDecisions).values([
		{ dossierId: shown.id, decisionId: publicDecision.id },
		{ dossierId: hidden.id, decisionId: publicDecision.id }
	]);
	const plan = await buildPlan(t.db, { slug: 'kaart-plan', bodyId: body.id, isPublic: true });
	const hiddenPlan = await buildPlan(t.db, { slug: 'kaart-verborgen-plan', bodyId: body.id });
	const indicator = await buildIndicator(t.db);
	return {
		body,
		archived,
		open,
		closed,
		draft,
		publicDecision,
		closedItemDecision,
		closedMeetingDecision,
		plan,
		hiddenPlan,
		indicator
	};
}

beforeAll(async () => {
	f = await build();
});

const paths = async () => (await sitemapEntries(t.db)).map((e) => e.path);

describe('sitemap', () => {
	it('lists the public pages of every kind', async () => {
		const list = await paths();
		expect(list).toEqual(
			expect.arrayContaining([
				'/',
				'/vergaderingen',
				'/besluiten',
				'/privacy',
				'/toegankelijkheid',
				'/regio/leuven',
				'/organen/kaart-orgaan',
				'/organisaties/acv',
				'/monitor',
				`/vergaderingen/${f.open.meeting.id}`,
				`/besluiten/${f.publicDecision.id}`,
				'/plannen/kaart-plan',
				'/dossiers/kaart-dossier'
			])
		);
		expect(list.some((p) => /^\/gemeenten\/\d{5}-[a-z-]+$/.test(p))).toBe(true);
		expect(list).toContain(`/monitor/indicatoren/${f.indicator.code}`);
		expect(new Set(list).size).toBe(list.length);
	});

	it('lists news and pages once their routes exist, and only published ones', async () => {
		const list = await paths();
		expect(list).not.toContain('/nieuws/kaart-concept');
		expect(list).not.toContain('/nieuws/kaart-gepland');
		const { routeAccess } = await import('../policy/routes');
		if (routeAccess['/nieuws/[slug]']) expect(list).toContain('/nieuws/kaart-nieuws');
		if (routeAccess['/paginas/[slug]']) expect(list).toContain('/paginas/kaart-pagina');
	});

	it('never names a closed, draft or archived record', async () => {
		const list = await paths();
		for (const hidden of [
			`/vergaderingen/${f.closed.meeting.id}`,
			`/vergaderingen/${f.draft.meeting.id}`,
			`/besluiten/${f.closedItemDecision.id}`,
			`/besluiten/${f.closedMeetingDecision.id}`,
			'/dossiers/kaart-besloten',
			'/plannen/kaart-verborgen-plan',
			'/organen/gearchiveerd-orgaan'
		])
			expect(list).not.toContain(hidden);
		expect(list.filter((p) => p.startsWith('/beheer') || p.startsWith('/api'))).toEqual([]);
	});

	it('is a well-formed sitemap with absolute addresses and hreflang alternates', async () => {
		const res = await sitemapGet({ locals: { db: t.db } } as never);
		expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
		const root = parseXml(await res.text());
		expect(root.name).toBe('urlset');
		expect(root.uri).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		const urls = childrenOf(root, 'url');
		expect(urls.length).toBeGreaterThan(50);
		for (const url of urls) {
			const loc = childText(url, 'loc');
			expect(loc.startsWith(`${ORIGIN}/`)).toBe(true);
			const links = childrenOf(url, 'link');
			expect(links.every((l) => l.uri === 'http://www.w3.org/1999/xhtml')).toBe(true);
			const alternates = Object.fromEntries(
				links.map((l) => [l.attributes.hreflang, l.attributes.href])
			);
			expect(alternates.nl).toBe(loc);
			expect(alternates['x-default']).toBe(loc);
			expect(alternates.en).toBe(
				loc === `${ORIGIN}/` ? `${ORIGIN}/en` : loc.replace(ORIGIN, `${ORIGIN}/en`)
			);
		}
		const body = urls.find((u) => childText(u, 'loc') === `${ORIGIN}/organen/kaart-orgaan`)!;
		expect(childText(body, 'lastmod')).toMatch(/^\d{4}-\d\d-\d\d$/);
	});

	it('escapes what it writes', () => {
		const xml = renderSitemap([{ path: '/a?b=1&c=<2>' }], ORIGIN);
		expect(() => parseXml(xml)).not.toThrow();
		expect(xml).toContain('&amp;');
	});
});

describe('robots.txt', () => {
	it('allows the public site, keeps crawlers out of the workspace and names the sitemap', async () => {
		const res = await robotsGet({} as never);
		expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		const text = await res.text();
		expect(text).toBe(robotsTxt(ORIGIN));
		expect(text).toContain('User-agent: *\nAllow: /\nDisallow: /beheer/\n');
		expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
	});
});
