/**
 * OSLO JSON-LD of bodies and organisations: it expands without the network (inlined context),
 * with the right classes and links, public names only, and unknown or archived is a 404.
 */
import type { RequestEvent } from '@sveltejs/kit';
import jsonld from 'jsonld';
import { describe, expect, it, beforeAll } from 'vitest';
import { useTestDatabase } from '../../../../tests/helpers/db';
import { buildBody, buildMembership } from '../../../../tests/helpers/factories';
import { GET as bodyRoute } from '../../../routes/organen/[slug]/orgaan.jsonld/+server';
import { GET as organisationRoute } from '../../../routes/organisaties/[slug]/organisatie.jsonld/+server';
import { bodyId } from '../seed/seed.service';
import { bodyJsonLd, organisationJsonLd } from './oslo';

const t = useTestDatabase();
const origin = 'https://streek.example';
const BESLUIT = 'http://data.vlaanderen.be/ns/besluit#';
const ORG = 'http://www.w3.org/ns/org#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const FOAF = 'http://xmlns.com/foaf/0.1/';

const noNetwork = async (url: string): Promise<never> => {
	throw new Error(`document loader asked for ${url}`);
};
type Node = Record<string, unknown> & { '@id'?: string; '@type'?: string[] };
const expand = async (doc: object) =>
	(await jsonld.expand(doc as jsonld.JsonLdDocument, {
		documentLoader: noNetwork as never
	})) as Node[];
const byId = (nodes: Node[], id: string) => nodes.find((n) => n['@id'] === id);
const values = (n: Node | undefined, iri: string) =>
	((n?.[iri] as { '@value'?: unknown; '@id'?: string }[] | undefined) ?? []).map(
		(v) => v['@value'] ?? v['@id']
	);

beforeAll(async () => {
	const taskforce = bodyId('taskforce-spitsregio-leuven');
	await buildMembership(t.db, {
		bodyId: taskforce,
		givenName: 'Openbare',
		familyName: 'Voorzitter',
		role: 'chair',
		publicName: true,
		publicNameConsentAt: new Date()
	});
	await buildMembership(t.db, { bodyId: taskforce, familyName: 'Geheimgehouden' });
	await buildBody(t.db, { slug: 'gearchiveerd-orgaan', archivedAt: new Date() });
});

const event = (slug: string) =>
	({
		params: { slug },
		url: new URL(`${origin}/x`),
		locals: { db: t.db }
	}) as unknown as RequestEvent<{ slug: string }>;

describe('OSLO JSON-LD of bodies and organisations', () => {
	it('describes a body as besluit:Bestuursorgaan and org:Organization, with its memberships', async () => {
		const doc = await bodyJsonLd(t.db, 'taskforce-spitsregio-leuven', origin);
		expect(JSON.stringify(doc)).not.toContain('Geheimgehouden');
		const nodes = await expand(doc);
		const self = byId(nodes, `${origin}/organen/taskforce-spitsregio-leuven`);
		expect(self?.['@type']).toEqual(
			expect.arrayContaining([`${BESLUIT}Bestuursorgaan`, `${ORG}Organization`])
		);
		const labels = self?.[`${SKOS}prefLabel`] as { '@language': string }[];
		expect(labels.map((l) => l['@language'])).toContain('nl');
		const memberships = values(self, `${ORG}hasMembership`) as string[];
		expect(memberships.length).toBeGreaterThan(1);
		const organisations = memberships
			.map((id) => byId(nodes, id))
			.flatMap((m) => values(m, `${ORG}member`));
		expect(organisations.some((o) => String(o).startsWith(`${origin}/organisaties/`))).toBe(true);
		const chair = nodes.find(
			(n) => n['@type']?.includes(`${ORG}Membership`) && JSON.stringify(n).includes('Voorzitter')
		);
		expect(values(chair, `${ORG}role`)).toEqual(['chair']);
		expect(JSON.stringify(chair)).toContain(`${FOAF}givenName`);
	});

	it('describes an organisation as org:Organization with the bodies it takes part in', async () => {
		const body = await bodyJsonLd(t.db, 'taskforce-spitsregio-leuven', origin);
		const org = (body['@graph'] as { '@id': string; '@type': unknown }[]).find(
			(n) => n['@type'] === 'Organisatie'
		)!;
		const slug = org['@id'].split('/').pop()!;
		const nodes = await expand(await organisationJsonLd(t.db, slug, origin));
		const self = byId(nodes, org['@id']);
		expect(self?.['@type']).toEqual([`${ORG}Organization`]);
		const memberships = values(self, `${ORG}hasMembership`) as string[];
		const bodies = memberships
			.map((id) => byId(nodes, id))
			.flatMap((m) => values(m, `${ORG}organization`));
		expect(bodies).toContain(`${origin}/organen/taskforce-spitsregio-leuven`);
	});

	it('answers the routes as application/ld+json, and unknown or archived as 404', async () => {
		const res = await bodyRoute(event('taskforce-spitsregio-leuven') as never);
		expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
		const doc = (await res.json()) as { '@context': Record<string, string> };
		expect(doc['@context'].besluit).toBe(BESLUIT);
		for (const slug of ['bestaat-niet', 'gearchiveerd-orgaan', "1' or 1=1"]) {
			await expect(bodyRoute(event(slug) as never)).rejects.toMatchObject({ status: 404 });
			await expect(organisationRoute(event(slug) as never)).rejects.toMatchObject({ status: 404 });
		}
	});
});
