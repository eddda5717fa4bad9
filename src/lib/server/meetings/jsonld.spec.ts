/**
 * The OSLO JSON-LD of a public meeting: it expands with a document loader that refuses every
 * URL (so the inlined context is all a reader needs and nothing is fetched), it holds the six
 * Besluit classes for the held example meeting, and nothing of its closed item or decision.
 */
import type { RequestEvent } from '@sveltejs/kit';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMeeting } from '../../../../tests/helpers/factories';
import { seedExampleMeetings } from '../seed/examples';
import { seededId } from '../seed/ids';
import { meetingJsonLd } from './jsonld';
import { GET as negotiated } from '../../../routes/vergaderingen/[id]/+server';

const t = useTestDatabase();
const origin = 'https://streek.example';
const held = seededId('meeting', 'taskforce-gehouden');

const B = 'http://data.vlaanderen.be/ns/besluit#';
const ELI = 'http://data.europa.eu/eli/ontology#';
const PROV = 'http://www.w3.org/ns/prov#';

/** Any URL at all is refused: expansion must not need the network. */
const noNetwork = async (url: string): Promise<never> => {
	throw new Error(`document loader asked for ${url}`);
};

type Node = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };

async function expanded(doc: object): Promise<Node[]> {
	return (await jsonld.expand(doc as jsonld.JsonLdDocument, {
		documentLoader: noNetwork as never
	})) as Node[];
}

const ofType = (nodes: Node[], cls: string) =>
	nodes.filter((n) => n['@type']?.includes(`${B}${cls}`));
const values = (n: Node, iri: string) =>
	((n[iri] as { '@value'?: unknown; '@id'?: string }[] | undefined) ?? []).map(
		(v) => v['@value'] ?? v['@id']
	);

beforeAll(async () => {
	await seedExampleMeetings(t.ctx());
});

describe('meeting JSON-LD (OSLO Besluit)', () => {
	it('expands without the network and holds the six classes, linked', async () => {
		const doc = await meetingJsonLd(t.db, held, origin);
		const nodes = await expanded(doc);
		for (const cls of [
			'Zitting',
			'Agendapunt',
			'BehandelingVanAgendapunt',
			'Besluit',
			'Bestuursorgaan',
			'Stemming'
		]) {
			expect(ofType(nodes, cls).length, cls).toBeGreaterThan(0);
		}
		const [zitting] = ofType(nodes, 'Zitting');
		expect(zitting['@id']).toBe(`${origin}/vergaderingen/${held}`);
		expect(values(zitting, `${B}isGehoudenDoor`)).toEqual([
			`${origin}/organen/taskforce-spitsregio-leuven`
		]);
		expect(values(zitting, `${B}geplandeStart`)).toHaveLength(1);
		expect(values(zitting, `${PROV}startedAtTime`)).toHaveLength(1);
		const items = ofType(nodes, 'Agendapunt');
		expect(values(zitting, `${B}behandelt`).sort()).toEqual(items.map((i) => i['@id']).sort());

		const besluit = ofType(nodes, 'Besluit').find(
			(n) =>
				n['@id'] ===
				`${origin}/besluiten/${seededId('decision', 'taskforce-gehouden>knelpuntberoepen')}`
		)!;
		expect(values(besluit, `${ELI}title`)).toEqual(['Actieplan knelpuntberoepen goedgekeurd']);
		expect(values(besluit, `${ELI}passed_by`)).toEqual([
			`${origin}/organen/taskforce-spitsregio-leuven`
		]);
		expect(values(besluit, `${ELI}number`)[0]).toMatch(/^\d{4}\/\d{3}$/);
		const behandeling = ofType(nodes, 'BehandelingVanAgendapunt').find((n) =>
			values(n, `${PROV}generated`).includes(besluit['@id'])
		)!;
		expect(values(behandeling, `${B}openbaar`)).toEqual([true]);
		const [stemming] = ofType(nodes, 'Stemming');
		expect(values(behandeling, `${B}heeftStemming`)).toEqual([stemming['@id']]);
		expect(values(stemming, `${B}aantalVoorstanders`)).toEqual([14]);
		expect(values(stemming, `${B}aantalTegenstanders`)).toEqual([0]);
		expect(values(stemming, `${B}aantalOnthouders`)).toEqual([2]);
		expect(values(stemming, `${B}gevolg`)).toEqual(['Aangenomen']);
	});

	it('leaves out the closed item and its decision', async () => {
		const doc = await meetingJsonLd(t.db, held, origin);
		const text = JSON.stringify(doc);
		expect(text).not.toContain('Personeel van het secretariaat');
		expect(text).not.toContain('detachering');
		expect(text).not.toContain(seededId('agenda-item', 'taskforce-gehouden>besloten'));
		expect(text).not.toContain(seededId('decision', 'taskforce-gehouden>besloten'));
	});

	it('a meeting not yet held has items but no treatments; a closed meeting does not exist', async () => {
		const body = await buildBody(t.db);
		const planned = await buildMeeting(t.db, {
			bodyId: body.id,
			status: 'agenda_published',
			publishedAt: new Date(),
			items: [{ title: 'Punt één' }, { title: 'Geheim', isPublic: false }]
		});
		const nodes = await expanded(await meetingJsonLd(t.db, planned.meeting.id, origin));
		expect(ofType(nodes, 'Agendapunt')).toHaveLength(1);
		expect(ofType(nodes, 'BehandelingVanAgendapunt')).toHaveLength(0);
		const closed = await buildMeeting(t.db, {
			bodyId: body.id,
			isPublic: false,
			status: 'agenda_published'
		});
		await expect(meetingJsonLd(t.db, closed.meeting.id, origin)).rejects.toMatchObject({
			code: 'not_found'
		});
	});

	it('is what /vergaderingen/[id] answers to Accept: application/ld+json', async () => {
		const url = new URL(`/vergaderingen/${held}`, origin);
		const response = await negotiated({
			params: { id: held },
			url,
			request: new Request(url, { headers: { accept: 'application/ld+json' } }),
			locals: { db: t.db }
		} as unknown as RequestEvent<{ id: string }, '/vergaderingen/[id]'>);
		expect(response.headers.get('content-type')).toMatch(/^application\/ld\+json/);
		expect(response.headers.get('vary')).toBe('Accept');
		const nodes = await expanded(await response.json());
		expect(ofType(nodes, 'Zitting')).toHaveLength(1);
	});
});
