/**
 * One search over the platform: Dutch word forms across kinds, typos in names, visibility (the
 * public view whoever asks; the workspace adds what the principal may read, from the domains'
 * policy), the indexes of migration 0015 in use, bad input (SQL in the words, too long, unknown
 * kind, empty) and a number of queries that does not grow with the data.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildHeldDecision } from '../../../../tests/helpers/dossiers';
import { buildBody, buildMemberUser } from '../../../../tests/helpers/factories';
import { buildIndicator, buildItem, buildPlan } from '../../../../tests/helpers/plans';
import type { Locale } from '../../i18n';
import { countQueries, rows, type Db } from '../db';
import { bodies, contentItems, decisions, dossierDecisions, dossiers } from '../db/schema';
import { anonymous, type Principal } from '../policy';
import type { Segment } from './highlight';
import { searchKinds, type SearchKind } from './search.schema';
import { search, type SearchOutcome } from './search.service';
import { vectors } from './vectors';

const t = useTestDatabase();

const text = (s: Segment[]) => s.map((x) => x.text).join('');
const hitsOf = (r: SearchOutcome, kind: SearchKind) =>
	r.groups.find((g) => g.kind === kind)?.hits ?? [];
const titles = (r: SearchOutcome, kind: SearchKind) => hitsOf(r, kind).map((h) => text(h.title));

const find = (
	params: Record<string, string | undefined>,
	opts: { view?: 'public' | 'workspace'; principal?: Principal; locale?: Locale } = {}
) =>
	search(t.db, {
		view: opts.view ?? 'public',
		principal: opts.principal ?? anonymous,
		locale: opts.locale ?? 'nl',
		params
	});

const hour = 3_600_000;
let seq = 0;
async function news(
	db: Db,
	v: {
		title: string;
		body?: string;
		publishAt: Date | null;
		bodyId?: string;
		kind?: 'news' | 'page';
	}
) {
	const [row] = await db
		.insert(contentItems)
		.values({
			kind: v.kind ?? 'news',
			slug: `zoektest-${++seq}`,
			title: { nl: v.title },
			body: { nl: v.body ?? 'Tekst.' },
			publishAt: v.publishAt,
			bodyId: v.bodyId,
			isExample: true
		})
		.returning();
	return row;
}

async function dossier(db: Db, v: { bodyId: string; title: string; isPublic: boolean }) {
	const [row] = await db
		.insert(dossiers)
		.values({ ...v, slug: `zoekdossier-${++seq}`, position: 'Het standpunt.', isExample: true })
		.returning();
	return row;
}

let f: Awaited<ReturnType<typeof fixture>>;

async function fixture(db: Db) {
	const body = await buildBody(db, { name: { nl: 'Zoekwerkgroep Klimaat' } });
	const other = await buildBody(db, { name: { nl: 'Zoekwerkgroep Wonen' } });
	const member = await buildMemberUser(db, { bodyId: body.id });
	const editor = await buildMemberUser(db, { bodyId: body.id, role: 'editor' });
	const published = await news(db, {
		title: 'Verslag van de vergaderingen over windenergie',
		publishAt: new Date(Date.now() - hour),
		bodyId: body.id
	});
	const page = await news(db, {
		kind: 'page',
		title: 'Over de besluiten van het forum',
		publishAt: new Date(Date.now() - hour)
	});
	const draft = await news(db, {
		title: 'Concept over windenergie',
		publishAt: null,
		bodyId: body.id
	});
	const scheduled = await news(db, {
		title: 'Gepland bericht over windenergie',
		publishAt: new Date(Date.now() + 24 * hour),
		bodyId: body.id
	});
	// A held public meeting's decision on a closed item: never public.
	const open = await buildHeldDecision(db, body.id);
	await db
		.update(decisions)
		.set({ title: 'Windenergie: de besluiten over windturbines', text: 'Openbaar.' })
		.where(sql`${decisions.id} = ${open.id}`);
	const closed = await buildHeldDecision(db, body.id);
	await db
		.update(decisions)
		.set({ title: 'Besloten aankoop windturbines', text: 'Vertrouwelijk.' })
		.where(sql`${decisions.id} = ${closed.id}`);
	await db.execute(
		sql`update agenda_items set is_public = false where id = (select agenda_item_id from decisions where id = ${closed.id})`
	);
	await db.execute(sql`update meetings set is_public = false where id = ${closed.meetingId}`);
	const publicPlan = await buildPlan(db, {
		bodyId: body.id,
		title: { nl: 'Klimaatplan windturbines' },
		isPublic: true
	});
	const theme = await buildItem(db, { planId: publicPlan.id, kind: 'theme' });
	const objective = await buildItem(db, {
		planId: publicPlan.id,
		kind: 'objective',
		parentId: theme.id
	});
	await buildItem(db, {
		planId: publicPlan.id,
		kind: 'action',
		parentId: objective.id,
		title: 'Windturbines plaatsen langs de snelweg'
	});
	const hiddenPlan = await buildPlan(db, {
		bodyId: body.id,
		title: { nl: 'Ontwerpplan windturbines' },
		isPublic: false
	});
	const adopted = await dossier(db, {
		bodyId: body.id,
		title: 'Memorandum windturbines',
		isPublic: true
	});
	await db.insert(dossierDecisions).values({ dossierId: adopted.id, decisionId: open.id });
	const draftDossier = await dossier(db, {
		bodyId: body.id,
		title: 'Ontwerpmemorandum windturbines',
		isPublic: true
	});
	const indicator = await buildIndicator(db, {
		name: { nl: 'Aandeel windturbines in de energie' }
	});
	return {
		body,
		other,
		member,
		editor,
		published,
		page,
		draft,
		scheduled,
		open,
		closed,
		publicPlan,
		hiddenPlan,
		adopted,
		draftDossier,
		indicator
	};
}

beforeAll(async () => {
	f = await fixture(t.db);
});

describe('search', () => {
	it('finds Dutch word forms: "vergadering" finds "vergaderingen", "besluit" finds "besluiten"', async () => {
		const r = await find({ q: 'vergadering' });
		expect(titles(r, 'nieuws')).toContain('Verslag van de vergaderingen over windenergie');
		const marks = hitsOf(r, 'nieuws')[0]
			.title.filter((s) => s.mark)
			.map((s) => s.text);
		expect(marks).toEqual(['vergaderingen']);
		const b = await find({ q: 'besluit' });
		expect(titles(b, 'paginas')).toEqual(['Over de besluiten van het forum']);
		expect(titles(b, 'besluiten').join()).toContain('Windenergie: de besluiten over windturbines');
		expect(hitsOf(b, 'paginas')[0].href).toBe(`/paginas/${f.page.slug}`);
	});

	it('finds every kind, grouped, with counts', async () => {
		const r = await find({ q: 'windturbines' });
		const kinds = r.groups.map((g) => g.kind);
		expect(kinds).toEqual(['besluiten', 'plannen', 'acties', 'dossiers', 'indicatoren']);
		expect(r.total).toBe(r.groups.reduce((n, g) => n + g.total, 0));
		expect(hitsOf(r, 'acties')[0].href).toBe(`/plannen/${f.publicPlan.slug}`);
		expect(hitsOf(r, 'indicatoren')[0].href).toBe(`/monitor/indicatoren/${f.indicator.code}`);
		expect(hitsOf(r, 'dossiers').map((h) => h.href)).toEqual([`/dossiers/${f.adopted.slug}`]);
		// Exact words rank above names that are only alike ("Themawerkgroep …").
		const organen = await find({ q: 'zoekwerkgroep' });
		expect(titles(organen, 'organen').slice(0, 2).sort()).toEqual([
			'Zoekwerkgroep Klimaat',
			'Zoekwerkgroep Wonen'
		]);
	});

	it('forgives typos in names: "Halle-Vilvorde" finds Halle-Vilvoorde', async () => {
		const r = await find({ q: 'Halle-Vilvorde' });
		expect(titles(r, 'gemeenten')).toContain('Regio Halle-Vilvoorde');
		expect(titles(r, 'organen').join(' ')).toContain('Halle-Vilvoorde');
		const leuven = await find({ q: 'Leuvn' });
		expect(titles(leuven, 'gemeenten')).toContain('Leuven');
		const m = hitsOf(leuven, 'gemeenten').find((h) => text(h.title) === 'Leuven')!;
		expect(m.href).toMatch(/^\/gemeenten\/24062-leuven$/);
	});

	it('shows the public only what the public pages show, whoever asks', async () => {
		for (const principal of [anonymous, f.member.principal, f.editor.principal]) {
			const r = await find({ q: 'windturbines' }, { principal });
			expect(titles(r, 'besluiten').join()).not.toContain('Besloten aankoop windturbines');
			expect(titles(r, 'plannen')).toEqual(['Klimaatplan windturbines']);
			expect(titles(r, 'dossiers')).toEqual(['Memorandum windturbines']);
			const w = await find({ q: 'windenergie' }, { principal });
			expect(titles(w, 'nieuws')).toEqual(['Verslag van de vergaderingen over windenergie']);
			expect(r.groups.flatMap((g) => g.hits).every((h) => !h.restricted)).toBe(true);
		}
	});

	it('adds in the workspace what the principal may read, by the same policy', async () => {
		const member = await find(
			{ q: 'windturbines' },
			{ view: 'workspace', principal: f.member.principal }
		);
		const closed = hitsOf(member, 'besluiten').find((h) => h.id === f.closed.id)!;
		expect(closed.restricted).toBe(true);
		expect(titles(member, 'plannen').sort()).toEqual([
			'Klimaatplan windturbines',
			'Ontwerpplan windturbines'
		]);
		expect(titles(member, 'dossiers').sort()).toEqual([
			'Memorandum windturbines',
			'Ontwerpmemorandum windturbines'
		]);
		// A member reads the body's drafts of meetings but edits no news: no drafts for them.
		const news = await find(
			{ q: 'windenergie' },
			{ view: 'workspace', principal: f.member.principal }
		);
		expect(titles(news, 'nieuws')).toEqual(['Verslag van de vergaderingen over windenergie']);
		// The body's editor finds its draft and scheduled news too.
		const edits = await find(
			{ q: 'windenergie' },
			{ view: 'workspace', principal: f.editor.principal }
		);
		expect(titles(edits, 'nieuws').sort()).toEqual([
			'Concept over windenergie',
			'Gepland bericht over windenergie',
			'Verslag van de vergaderingen over windenergie'
		]);
		expect(hitsOf(edits, 'nieuws').filter((h) => h.restricted)).toHaveLength(2);
		// A member of another body sees none of it.
		const stranger = await buildMemberUser(t.db, { bodyId: f.other.id });
		const s = await find(
			{ q: 'windturbines' },
			{ view: 'workspace', principal: stranger.principal }
		);
		expect(hitsOf(s, 'besluiten').map((h) => h.id)).not.toContain(f.closed.id);
		expect(titles(s, 'plannen')).toEqual(['Klimaatplan windturbines']);
	});

	it('uses the GIN indexes of migration 0015 (the queries repeat their expressions)', async () => {
		const cases = [
			['content_items', vectors.content, 'content_items_fts_idx'],
			['organisations', vectors.organisations, 'organisations_fts_idx'],
			['meetings', vectors.meetings, 'meetings_fts_idx'],
			['plans', vectors.plans, 'plans_fts_idx'],
			['plan_items', vectors.planItems, 'plan_items_fts_idx'],
			['dossiers', vectors.dossiers, 'dossiers_fts_idx'],
			['indicators', vectors.indicators, 'indicators_fts_idx'],
			['bodies', vectors.bodies, 'bodies_fts_idx'],
			['decisions', vectors.decisions, 'decisions_fts_idx']
		] as const;
		await t.db.transaction(async (tx) => {
			await tx.execute(sql`set local enable_seqscan = off`);
			for (const [table, vector, index] of cases) {
				const plan = await rows<{ 'QUERY PLAN': string }>(
					tx,
					sql`explain select 1 from ${sql.identifier(table)} where ${vector} @@ websearch_to_tsquery('dutch', 'wind')`
				);
				expect(plan.map((p) => p['QUERY PLAN']).join('\n'), table).toContain(index);
			}
		});
	});
});

describe('search: bad input', () => {
	const tables = ['bodies', 'decisions', 'content_items', 'meetings', 'plans', 'dossiers'];
	const counts = async () =>
		Object.fromEntries(
			await Promise.all(
				tables.map(async (name) => {
					const [row] = await rows<{ n: number }>(
						t.db,
						sql`select count(*)::int as n from ${sql.identifier(name)}`
					);
					return [name, row.n] as const;
				})
			)
		);

	it("finds nothing harmful in `'); DROP TABLE bodies; --` and leaves every table intact", async () => {
		const before = await counts();
		for (const q of [
			"'); DROP TABLE bodies; --",
			"x' or 1=1; delete from bodies; --",
			'%_\\*:&|!'
		]) {
			for (const view of ['public', 'workspace'] as const) {
				const r = await find({ q }, { view, principal: f.member.principal });
				expect(r.searched).toBe(true);
				expect(r.error).toBe(null);
			}
		}
		expect(await counts()).toEqual(before);
		const [body] = await t.db.select({ id: bodies.id }).from(bodies).limit(1);
		expect(body).toBeDefined();
	});

	it('refuses a search over 200 characters with a clear message, without a query', async () => {
		const long = 'windturbines '.repeat(20);
		const { result, queries } = await countQueries(() => find({ q: long }));
		expect(queries).toBe(0);
		expect(result).toMatchObject({
			searched: false,
			groups: [],
			error: 'Uw zoekvraag is te lang: hoogstens 200 tekens.'
		});
		const en = await find({ q: long }, { locale: 'en' });
		expect(en.error).toBe('Your search is too long: at most 200 characters.');
		// A 10,000-character search is refused the same way.
		expect((await find({ q: 'a'.repeat(10_000) })).error).toContain('hoogstens 200');
		// 200 exactly is searched.
		expect((await find({ q: 'a'.repeat(200) })).searched).toBe(true);
	});

	it('names an unknown kind and searches all kinds instead', async () => {
		const r = await find({ q: 'windturbines', soort: 'raketten' });
		expect(r.notes).toEqual(['Onbekende soort „raketten”: we zoeken in alles.']);
		expect(r.request.kind).toBe(null);
		expect(r.groups.length).toBeGreaterThan(1);
		const en = await find({ q: 'windturbines', soort: 'rockets' }, { locale: 'en' });
		expect(en.notes).toEqual(['Unknown kind “rockets”: we search everything.']);
	});

	it('shows the form only for an empty query, and a hint for one letter', async () => {
		for (const q of [undefined, '', '   ']) {
			const { result, queries } = await countQueries(() => find({ q }));
			expect(queries).toBe(0);
			expect(result).toMatchObject({ searched: false, groups: [], notes: [], error: null });
		}
		expect((await find({ q: 'w' })).notes).toEqual(['Typ minstens 2 tekens om te zoeken.']);
	});
});

describe('search: queries', () => {
	it('does not grow with the data', async () => {
		const all = () =>
			find({ q: 'zonnecollectoren' }, { view: 'workspace', principal: f.member.principal });
		const few = await countQueries(all);
		for (let i = 0; i < 8; i++) {
			await news(t.db, { title: `Zonnecollectoren ${i}`, publishAt: new Date(Date.now() - hour) });
			await buildBody(t.db, { name: { nl: `Werkgroep zonnecollectoren ${i}` } });
			const plan = await buildPlan(t.db, {
				bodyId: f.body.id,
				title: { nl: `Plan zonnecollectoren ${i}` },
				isPublic: true
			});
			await dossier(t.db, { bodyId: f.body.id, title: `Zonnecollectoren ${i}`, isPublic: false });
			void plan;
		}
		const many = await countQueries(all);
		expect(many.result.groups.find((g) => g.kind === 'nieuws')!.total).toBe(8);
		expect(many.result.groups.find((g) => g.kind === 'nieuws')!.hits).toHaveLength(5);
		expect(many.queries).toBe(few.queries);
		// One query per kind (and the dossier register's own few, twice in the workspace).
		expect(searchKinds.length).toBe(12);
		expect(many.queries).toBeLessThanOrEqual(12 + 10);
	});
});
