/**
 * Open data of a public meeting as JSON-LD in the OSLO "Besluit" vocabulary of the Flemish
 * government (https://data.vlaanderen.be/ns/besluit): the meeting (besluit:Zitting), its body
 * (besluit:Bestuursorgaan), its public agenda items (besluit:Agendapunt), their treatment
 * (besluit:BehandelingVanAgendapunt), the public decisions (besluit:Besluit, with ELI properties)
 * and their votes (besluit:Stemming). Closed items and decisions never appear. The @context is
 * inlined, so a reader needs nothing from elsewhere to expand the document. Ids are the absolute
 * URLs of the public pages, with fragments for items, treatments and votes.
 */
import { today } from '../clock';
import type { DbOrTx } from '../db';
import { tr } from '../../i18n';
import { itemKindLabels } from './agenda';
import { decisionStatusLabels } from './decisions.service';
import { getPublicMeeting } from './queries';

export const JSONLD_TYPE = 'application/ld+json';

/** The inlined context: prefixes and the terms this document uses. */
export const besluitContext = {
	besluit: 'http://data.vlaanderen.be/ns/besluit#',
	eli: 'http://data.europa.eu/eli/ontology#',
	prov: 'http://www.w3.org/ns/prov#',
	dct: 'http://purl.org/dc/terms/',
	skos: 'http://www.w3.org/2004/02/skos/core#',
	schema: 'http://schema.org/',
	xsd: 'http://www.w3.org/2001/XMLSchema#',
	Zitting: 'besluit:Zitting',
	Bestuursorgaan: 'besluit:Bestuursorgaan',
	Agendapunt: 'besluit:Agendapunt',
	BehandelingVanAgendapunt: 'besluit:BehandelingVanAgendapunt',
	Besluit: 'besluit:Besluit',
	Stemming: 'besluit:Stemming',
	geplandeStart: { '@id': 'besluit:geplandeStart', '@type': 'xsd:dateTime' },
	gestartOpTijdstip: { '@id': 'prov:startedAtTime', '@type': 'xsd:dateTime' },
	geeindigdOpTijdstip: { '@id': 'prov:endedAtTime', '@type': 'xsd:dateTime' },
	opLocatie: 'prov:atLocation',
	isGehoudenDoor: { '@id': 'besluit:isGehoudenDoor', '@type': '@id' },
	behandelt: { '@id': 'besluit:behandelt', '@type': '@id' },
	naam: { '@id': 'skos:prefLabel', '@language': 'nl' },
	titel: { '@id': 'dct:title', '@language': 'nl' },
	beschrijving: { '@id': 'dct:description', '@language': 'nl' },
	geplandOpenbaar: { '@id': 'besluit:geplandOpenbaar', '@type': 'xsd:boolean' },
	agendapuntType: { '@id': 'besluit:Agendapunt.type', '@language': 'nl' },
	positie: { '@id': 'schema:position', '@type': 'xsd:integer' },
	nummer: 'dct:identifier',
	onderwerp: { '@id': 'dct:subject', '@type': '@id' },
	openbaar: { '@id': 'besluit:openbaar', '@type': 'xsd:boolean' },
	genereert: { '@id': 'prov:generated', '@type': '@id' },
	heeftStemming: { '@id': 'besluit:heeftStemming', '@type': '@id' },
	eliTitel: { '@id': 'eli:title', '@language': 'nl' },
	eliBeschrijving: { '@id': 'eli:description', '@language': 'nl' },
	inhoud: { '@id': 'prov:value', '@language': 'nl' },
	eliNummer: 'eli:number',
	datumDocument: { '@id': 'eli:date_document', '@type': 'xsd:date' },
	aangenomenDoor: { '@id': 'eli:passed_by', '@type': '@id' },
	gegenereerdDoor: { '@id': 'prov:wasGeneratedBy', '@type': '@id' },
	aantalVoorstanders: { '@id': 'besluit:aantalVoorstanders', '@type': 'xsd:integer' },
	aantalTegenstanders: { '@id': 'besluit:aantalTegenstanders', '@type': 'xsd:integer' },
	aantalOnthouders: { '@id': 'besluit:aantalOnthouders', '@type': 'xsd:integer' },
	gevolg: { '@id': 'besluit:gevolg', '@language': 'nl' },
	pagina: { '@id': 'schema:url', '@type': '@id' }
} as const;

/** Items are treated (and decisions taken) once the meeting has been held. */
const treated = ['held', 'minutes_draft', 'minutes_approved'];

const hasVotes = (d: {
	votesFor: number | null;
	votesAgainst: number | null;
	votesAbstain: number | null;
}) => d.votesFor !== null || d.votesAgainst !== null || d.votesAbstain !== null;

/** The JSON-LD document of a public meeting (404 for anything the public may not see). */
export async function meetingJsonLd(db: DbOrTx, id: string, origin: string) {
	const page = await getPublicMeeting(db, id, 'nl');
	const m = page.meeting;
	const url = (path: string) => new URL(path, origin).toString();
	const zitting = url(`/vergaderingen/${m.id}`);
	const orgaan = url(`/organen/${m.bodySlug}`);
	const item = (itemId: string) => `${zitting}#agendapunt-${itemId}`;
	const behandeling = (itemId: string) => `${zitting}#behandeling-${itemId}`;
	const besluit = (decisionId: string) => url(`/besluiten/${decisionId}`);
	const held = treated.includes(m.status);
	const byItem = new Map(
		page.decisions.filter((d) => d.agendaItemId).map((d) => [d.agendaItemId!, d])
	);

	const graph: Record<string, unknown>[] = [
		{
			'@id': orgaan,
			'@type': 'Bestuursorgaan',
			naam: tr(m.bodyName, 'nl'),
			pagina: orgaan
		},
		{
			'@id': zitting,
			'@type': 'Zitting',
			titel: m.displayTitle,
			geplandeStart: m.startsAt.toISOString(),
			...(held
				? {
						gestartOpTijdstip: m.startsAt.toISOString(),
						geeindigdOpTijdstip: m.endsAt.toISOString()
					}
				: {}),
			...(m.location ? { opLocatie: m.location } : {}),
			isGehoudenDoor: orgaan,
			behandelt: page.items.map((i) => item(i.id)),
			pagina: zitting
		}
	];
	page.items.forEach((i, index) => {
		graph.push({
			'@id': item(i.id),
			'@type': 'Agendapunt',
			titel: i.title,
			...(i.description ? { beschrijving: i.description } : {}),
			nummer: i.number,
			positie: index + 1,
			geplandOpenbaar: true,
			agendapuntType: itemKindLabels[i.kind]
		});
		if (!held) return;
		const decision = byItem.get(i.id);
		graph.push({
			'@id': behandeling(i.id),
			'@type': 'BehandelingVanAgendapunt',
			onderwerp: item(i.id),
			openbaar: true,
			...(decision ? { genereert: besluit(decision.id) } : {}),
			...(decision && hasVotes(decision)
				? { heeftStemming: `${besluit(decision.id)}#stemming` }
				: {})
		});
	});
	for (const d of page.decisions) {
		graph.push({
			'@id': besluit(d.id),
			'@type': 'Besluit',
			eliTitel: d.title,
			eliBeschrijving: d.text,
			inhoud: d.text,
			eliNummer: d.reference,
			nummer: d.reference,
			datumDocument: today(m.startsAt),
			aangenomenDoor: orgaan,
			...(d.agendaItemId ? { gegenereerdDoor: behandeling(d.agendaItemId) } : {}),
			pagina: besluit(d.id)
		});
		if (hasVotes(d) && d.agendaItemId) {
			graph.push({
				'@id': `${besluit(d.id)}#stemming`,
				'@type': 'Stemming',
				aantalVoorstanders: d.votesFor ?? 0,
				aantalTegenstanders: d.votesAgainst ?? 0,
				aantalOnthouders: d.votesAbstain ?? 0,
				gevolg: decisionStatusLabels[d.status]
			});
		}
	}
	return { '@context': besluitContext, '@graph': graph };
}
