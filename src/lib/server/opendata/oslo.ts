/**
 * Bodies and organisations as JSON-LD in the OSLO vocabularies of the Flemish government, like
 * meetings/jsonld.ts does for meetings: a body is a besluit:Bestuursorgaan and an
 * org:Organization (OSLO Organisatie), with its parts, the organisations taking part
 * (org:Membership with org:role) and the members who agreed to a public name (person:Person);
 * an organisation is an org:Organization with the bodies it takes part in. The @context is
 * inlined (nothing to fetch); ids are the absolute URLs of the public pages.
 */
import type { DbOrTx } from '../db';
import { getBodyPage } from '../bodies/bodies.service';
import { getOrganisationPage } from '../organisations/organisations.service';

export const osloContext = {
	besluit: 'http://data.vlaanderen.be/ns/besluit#',
	org: 'http://www.w3.org/ns/org#',
	person: 'http://www.w3.org/ns/person#',
	foaf: 'http://xmlns.com/foaf/0.1/',
	skos: 'http://www.w3.org/2004/02/skos/core#',
	dct: 'http://purl.org/dc/terms/',
	schema: 'http://schema.org/',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	Bestuursorgaan: 'besluit:Bestuursorgaan',
	Organisatie: 'org:Organization',
	Lidmaatschap: 'org:Membership',
	Persoon: 'person:Person',
	naam: { '@id': 'skos:prefLabel', '@container': '@language' },
	alternatieveNaam: 'skos:altLabel',
	beschrijving: { '@id': 'dct:description', '@container': '@language' },
	classificatie: 'dct:type',
	identificator: 'dct:identifier',
	isDeelVan: { '@id': 'org:subOrganizationOf', '@type': '@id' },
	heeftDeel: { '@id': 'org:hasSubOrganization', '@type': '@id' },
	werkingsgebied: { '@id': 'dct:spatial', '@type': '@id' },
	homepage: { '@id': 'foaf:homepage', '@type': '@id' },
	email: 'schema:email',
	lidmaatschap: { '@id': 'org:hasMembership', '@type': '@id' },
	lid: { '@id': 'org:member', '@type': '@id' },
	organisatie: { '@id': 'org:organization', '@type': '@id' },
	rol: 'org:role',
	voornaam: 'foaf:givenName',
	achternaam: 'foaf:familyName',
	gestartOp: { '@id': 'schema:startDate', '@type': 'xsd:date' },
	beeindigdOp: { '@id': 'schema:endDate', '@type': 'xsd:date' },
	pagina: { '@id': 'schema:url', '@type': '@id' }
} as const;

type Names = { nl: string; en?: string };
const names = (n: Names | null | undefined) =>
	n ? Object.fromEntries(Object.entries(n).filter(([, v]) => v)) : undefined;
const defined = (o: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** The JSON-LD of a body that is not archived (404 otherwise). */
export async function bodyJsonLd(db: DbOrTx, slug: string, origin: string) {
	const page = await getBodyPage(db, slug);
	const url = (path: string) => new URL(path, origin).toString();
	const self = url(`/organen/${page.body.slug}`);
	const b = page.body;
	const graph: Record<string, unknown>[] = [
		defined({
			'@id': self,
			'@type': ['Bestuursorgaan', 'Organisatie'],
			naam: names(b.name),
			alternatieveNaam: b.shortName,
			beschrijving: names(b.purpose),
			classificatie: b.kind,
			identificator: b.slug,
			isDeelVan: page.partOf ? url(`/organen/${page.partOf.slug}`) : undefined,
			heeftDeel: page.parts.map((p) => url(`/organen/${p.slug}`)),
			werkingsgebied: page.region ? url(`/regio/${page.region.slug}`) : undefined,
			homepage: b.contact?.website,
			email: b.contact?.email,
			gestartOp: b.startedOn,
			beeindigdOp: b.endedOn,
			lidmaatschap: [
				...page.participants.map((p) => `${self}#deelnemer-${p.participant.id}`),
				...page.members.map((m) => `${self}#lid-${m.id}`)
			],
			pagina: self
		})
	];
	for (const p of page.participants) {
		graph.push(
			defined({
				'@id': `${self}#deelnemer-${p.participant.id}`,
				'@type': 'Lidmaatschap',
				lid: url(`/organisaties/${p.organisation.slug}`),
				organisatie: self,
				rol: p.participant.seatType,
				gestartOp: p.participant.startOn,
				beeindigdOp: p.participant.endOn
			})
		);
		graph.push({
			'@id': url(`/organisaties/${p.organisation.slug}`),
			'@type': 'Organisatie',
			naam: names(p.organisation.name),
			pagina: url(`/organisaties/${p.organisation.slug}`)
		});
	}
	// Only members who agreed to a public name (getBodyPage's rule), with nothing but their name.
	for (const m of page.members) {
		graph.push({
			'@id': `${self}#lid-${m.id}`,
			'@type': 'Lidmaatschap',
			lid: { '@type': 'Persoon', voornaam: m.givenName, achternaam: m.familyName },
			organisatie: self,
			rol: m.role
		});
	}
	return { '@context': osloContext, '@graph': graph };
}

/** The JSON-LD of an organisation (404 when unknown). */
export async function organisationJsonLd(db: DbOrTx, slug: string, origin: string) {
	const page = await getOrganisationPage(db, slug);
	const url = (path: string) => new URL(path, origin).toString();
	const o = page.organisation;
	const self = url(`/organisaties/${o.slug}`);
	const area = page.area
		? url(
				page.area.level === 'regio'
					? `/regio/${page.area.slug}`
					: `/gemeenten/${page.area.nisCode}-${page.area.slug}`
			)
		: undefined;
	const graph: Record<string, unknown>[] = [
		defined({
			'@id': self,
			'@type': 'Organisatie',
			naam: names(o.name),
			alternatieveNaam: o.shortName,
			beschrijving: names(o.description),
			classificatie: o.kind,
			identificator: o.slug,
			werkingsgebied: area,
			homepage: o.website,
			lidmaatschap: page.bodies.map((b) => `${self}#in-${b.slug}`),
			pagina: self
		})
	];
	for (const b of page.bodies) {
		graph.push({
			'@id': `${self}#in-${b.slug}`,
			'@type': 'Lidmaatschap',
			lid: self,
			organisatie: url(`/organen/${b.slug}`),
			rol: b.seatType
		});
		graph.push({
			'@id': url(`/organen/${b.slug}`),
			'@type': ['Bestuursorgaan', 'Organisatie'],
			naam: names(b.name),
			pagina: url(`/organen/${b.slug}`)
		});
	}
	return { '@context': osloContext, '@graph': graph };
}
