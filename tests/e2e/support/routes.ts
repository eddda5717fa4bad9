/**
 * The route tree and a concrete URL for each route: the permission matrix walks every route with
 * them, and the English workspace check every workspace page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seededId } from '../../../src/lib/server/seed/ids';

const routesDir = path.resolve('src/routes');

export type Route = { id: string; actions: string[]; kind: 'page' | 'endpoint' };

/** Every route id of the tree, with the form actions its +page.server.ts exports. */
export function routeTree(dir = routesDir): Route[] {
	const out: Route[] = [];
	const files = fs.readdirSync(dir, { withFileTypes: true });
	const id = '/' + path.relative(routesDir, dir).split(path.sep).join('/');
	const names = files.map((f) => f.name);
	const routeId = id === '/' ? '/' : id;
	if (names.some((n) => /^\+page(\.server)?\.(ts|js|svelte)$/.test(n))) {
		const server = path.join(dir, '+page.server.ts');
		const actions: string[] = [];
		if (fs.existsSync(server)) {
			const source = fs.readFileSync(server, 'utf8');
			const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1] ?? '';
			for (const m of block.matchAll(/^\t(\w+)\s*[:(]/gm)) actions.push(m[1]);
		}
		out.push({ id: routeId, actions, kind: 'page' });
	} else if (names.some((n) => /^\+server\.(ts|js)$/.test(n))) {
		out.push({ id: routeId, actions: [], kind: 'endpoint' });
	}
	for (const f of files) if (f.isDirectory()) out.push(...routeTree(path.join(dir, f.name)));
	return out;
}

/**
 * The Taskforce's published example meeting (scripts/scenario.ts loads the examples): in the
 * future and past its draft, so no empty form posted by the matrix can move it along.
 */
const plannedMeeting = `/beheer/vergaderingen/${seededId('meeting', 'taskforce-gepland')}`;
/** The Taskforce's held example meeting: attendance and decisions are open, the agenda is not. */
const heldMeeting = `/beheer/vergaderingen/${seededId('meeting', 'taskforce-gehouden')}`;

/** A concrete URL for each route id (parameters filled in). */
const samples: Record<string, string> = {
	'/beheer/(app)/organen/[slug]/vergaderingen':
		'/beheer/organen/taskforce-spitsregio-leuven/vergaderingen',
	'/beheer/(app)/organen/[slug]/vaste-agendapunten':
		'/beheer/organen/taskforce-spitsregio-leuven/vaste-agendapunten',
	'/beheer/(app)/vergaderingen/[id]': plannedMeeting,
	'/beheer/(app)/vergaderingen/[id]/bewerken': `${plannedMeeting}/bewerken`,
	'/beheer/(app)/vergaderingen/[id]/agenda': `${heldMeeting}/agenda`,
	'/beheer/(app)/vergaderingen/[id]/aanwezigheid': `${heldMeeting}/aanwezigheid`,
	'/beheer/(app)/vergaderingen/[id]/besluiten': `${heldMeeting}/besluiten`,
	'/beheer/(app)/vergaderingen/[id]/documenten': `${heldMeeting}/documenten`,
	'/beheer/(app)/vergaderingen/[id]/documenten/opladen': `${heldMeeting}/documenten/opladen`,
	'/beheer/(app)/vergaderingen/[id]/verslag': `${heldMeeting}/verslag`,
	'/beheer/(app)/organen/[slug]/besluiten': '/beheer/organen/taskforce-spitsregio-leuven/besluiten',
	'/beheer/(app)/vergaderingen/[id]/advies': `${heldMeeting}/advies`,
	'/beheer/(app)/organen/[slug]/adviezen': '/beheer/organen/taskforce-spitsregio-leuven/adviezen',
	// The example advice: working group → Stuurgroep → Burgemeestersoverleg Halle-Vilvoorde.
	'/beheer/(app)/adviezen/[id]': `/beheer/adviezen/${seededId('advice', 'fietssnelwegen')}`,
	'/beheer/(app)/vergaderingen/[id]/agenda.pdf': `${heldMeeting}/agenda.pdf`,
	'/beheer/(app)/vergaderingen/[id]/verslag.pdf': `${heldMeeting}/verslag.pdf`,
	'/beheer/(app)/organen/[slug]/besluiten/export.csv':
		'/beheer/organen/taskforce-spitsregio-leuven/besluiten/export.csv',
	'/beheer/(app)/organen/[slug]/besluiten/export.xlsx':
		'/beheer/organen/taskforce-spitsregio-leuven/besluiten/export.xlsx',
	'/vergaderingen/[id]/agenda.pdf': `/vergaderingen/${seededId('meeting', 'taskforce-gehouden')}/agenda.pdf`,
	'/vergaderingen/[id]/verslag.pdf': `/vergaderingen/${seededId('meeting', 'taskforce-gehouden')}/verslag.pdf`,
	'/vergaderingen/[id]/vergadering.jsonld': `/vergaderingen/${seededId('meeting', 'taskforce-gehouden')}/vergadering.jsonld`,
	'/regio/[slug]': '/regio/leuven',
	'/organen/[slug]': '/organen/taskforce-spitsregio-leuven',
	'/organen/[slug]/vergaderingen.ics': '/organen/taskforce-spitsregio-leuven/vergaderingen.ics',
	'/organen/[slug]/orgaan.jsonld': '/organen/taskforce-spitsregio-leuven/orgaan.jsonld',
	'/organisaties/[slug]/organisatie.jsonld': '/organisaties/acv/organisatie.jsonld',
	'/organen/[slug]/feed.atom': '/organen/taskforce-spitsregio-leuven/feed.atom',
	'/vergaderingen/[id]': `/vergaderingen/${seededId('meeting', 'taskforce-gehouden')}`,
	'/besluiten/[id]': `/besluiten/${seededId('decision', 'taskforce-gehouden>knelpuntberoepen')}`,
	'/api/v1/meetings/[id]': `/api/v1/meetings/${seededId('meeting', 'taskforce-gehouden')}`,
	'/api/v1/meetings/[id]/items': `/api/v1/meetings/${seededId('meeting', 'taskforce-gehouden')}/items`,
	'/api/v1/decisions/[id]': `/api/v1/decisions/${seededId('decision', 'taskforce-gehouden>knelpuntberoepen')}`,
	// The example plan (scripts/scenario.ts loads it): its id, an action and a measure of it.
	'/api/v1/plans/[id]': `/api/v1/plans/${seededId('plan', 'voorbeeld-actieplan-spitsregio-leuven')}`,
	'/api/v1/actions/[id]': `/api/v1/actions/${seededId('plan-item', 'voorbeeld-actieplan-spitsregio-leuven>A1.1.1')}`,
	'/api/v1/actions/[id]/updates': `/api/v1/actions/${seededId('plan-item', 'voorbeeld-actieplan-spitsregio-leuven>A1.1.1')}/updates`,
	'/api/v1/measures/[id]': `/api/v1/measures/${seededId('plan-measure', 'voorbeeld-actieplan-spitsregio-leuven>M1')}`,
	'/organisaties/[slug]': '/organisaties/acv',
	'/beheer/(app)/monitor/indicatoren/[code]': '/beheer/monitor/indicatoren/bevolking',
	'/gemeenten/[nisSlug]': '/gemeenten/23106-pajottegem',
	// An unknown indicator answers 404 for everyone: the matrix checks access, not content.
	'/monitor/indicatoren/[code]': '/monitor/indicatoren/bestaat-niet',
	'/monitor/indicatoren/[code]/gegevens.csv': '/monitor/indicatoren/bestaat-niet/gegevens.csv',
	'/monitor/indicatoren/[code]/gegevens.xlsx': '/monitor/indicatoren/bestaat-niet/gegevens.xlsx',
	'/monitor/indicatoren/[code]/[chart].svg': '/monitor/indicatoren/bestaat-niet/reeks.svg',
	'/monitor/gebieden/[nisSlug]': '/monitor/gebieden/24062-leuven',
	'/monitor/regio/[slug]': '/monitor/regio/leuven',
	'/plannen/[slug]': '/plannen/voorbeeld-actieplan-spitsregio-leuven',
	'/beheer/(app)/plannen/[slug]': '/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven',
	'/beheer/(app)/plannen/[slug]/acties/[id]': `/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/acties/${seededId('plan-item', 'voorbeeld-actieplan-spitsregio-leuven>A1.1.1')}`,
	'/beheer/(app)/plannen/[slug]/bewerken':
		'/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/bewerken',
	'/beheer/(app)/plannen/[slug]/onderdelen/[id]': `/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/onderdelen/${seededId('plan-item', 'voorbeeld-actieplan-spitsregio-leuven>A1.1.1')}`,
	'/beheer/(app)/plannen/[slug]/metingen/[id]': `/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/metingen/${seededId('plan-measure', 'voorbeeld-actieplan-spitsregio-leuven>M1')}`,
	'/plannen/[slug]/plan.csv': '/plannen/voorbeeld-actieplan-spitsregio-leuven/plan.csv',
	'/plannen/[slug]/plan.xlsx': '/plannen/voorbeeld-actieplan-spitsregio-leuven/plan.xlsx',
	'/plannen/[slug]/voortgangsrapport.pdf':
		'/plannen/voorbeeld-actieplan-spitsregio-leuven/voortgangsrapport.pdf',
	'/plannen/[slug]/voortgangsrapport.xlsx':
		'/plannen/voorbeeld-actieplan-spitsregio-leuven/voortgangsrapport.xlsx',
	'/beheer/(app)/plannen/[slug]/voortgangsrapport.pdf':
		'/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/voortgangsrapport.pdf',
	'/beheer/(app)/plannen/[slug]/voortgangsrapport.xlsx':
		'/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/voortgangsrapport.xlsx',
	'/plannen/[slug]/metingen/[id]': `/plannen/voorbeeld-actieplan-spitsregio-leuven/metingen/${seededId('plan-measure', 'voorbeeld-actieplan-spitsregio-leuven>M1')}`,
	'/plannen/[slug]/metingen/[id]/meting.csv': `/plannen/voorbeeld-actieplan-spitsregio-leuven/metingen/${seededId('plan-measure', 'voorbeeld-actieplan-spitsregio-leuven>M1')}/meting.csv`,
	// The seed has no attachments: an id that does not exist (404 for whoever gets that far).
	'/plannen/[slug]/bijlagen/[fileId]':
		'/plannen/voorbeeld-actieplan-spitsregio-leuven/bijlagen/00000000-0000-4000-8000-000000000000',
	'/beheer/(app)/plannen/[slug]/acties/[id]/bijlagen/[fileId]': `/beheer/plannen/voorbeeld-actieplan-spitsregio-leuven/acties/${seededId('plan-item', 'voorbeeld-actieplan-spitsregio-leuven>A1.1.1')}/bijlagen/00000000-0000-4000-8000-000000000000`,
	// The example dossier of the Burgemeestersoverleg Halle-Vilvoorde (public): every workspace
	// user reads it; only staff and admins keep it among the personas (none runs that body).
	'/beheer/(app)/dossiers/[slug]': '/beheer/dossiers/voorbeeld-memorandum-schoolinfrastructuur',
	'/beheer/(app)/dossiers/[slug]/documenten/[id]':
		'/beheer/dossiers/voorbeeld-memorandum-schoolinfrastructuur/documenten/00000000-0000-4000-8000-000000000000',
	'/monitor/streekfoto/[slug]': '/monitor/streekfoto/leuven',
	'/monitor/streekfoto/[slug]/streekfoto.pdf': '/monitor/streekfoto/leuven/streekfoto.pdf',
	'/bestanden/[id]': '/bestanden/00000000-0000-4000-8000-000000000000',
	'/documenten/[id]': '/documenten/00000000-0000-4000-8000-000000000000',
	'/api/v1/areas/[id]': '/api/v1/areas/00000000-0000-4000-8000-000000000000',
	'/api/v1/organisations/[id]': '/api/v1/organisations/00000000-0000-4000-8000-000000000000',
	'/api/v1/bodies/[id]': '/api/v1/bodies/00000000-0000-4000-8000-000000000000',
	'/api/v1/bodies/[id]/memberships':
		'/api/v1/bodies/00000000-0000-4000-8000-000000000000/memberships',
	'/api/v1/indicators/[code]': '/api/v1/indicators/bevolking',
	// The public face of the example dossier; its documents: an id that does not exist (404).
	'/api/v1/dossiers/[slug]': '/api/v1/dossiers/voorbeeld-memorandum-schoolinfrastructuur',
	'/dossiers/[slug]': '/dossiers/voorbeeld-memorandum-schoolinfrastructuur',
	// The example news item of the Taskforce (its secretary writes it) and the example page.
	'/beheer/(app)/inhoud/[id]': `/beheer/inhoud/${seededId('content', 'voorbeeld-taskforce-start-werkgroep-fietssnelwegen')}`,
	'/nieuws/[slug]': '/nieuws/voorbeeld-taskforce-start-werkgroep-fietssnelwegen',
	'/paginas/[slug]': '/paginas/voorbeeld-over-de-taskforce',
	'/api/v1/news/[slug]': '/api/v1/news/voorbeeld-taskforce-start-werkgroep-fietssnelwegen',
	'/api/v1/pages/[slug]': '/api/v1/pages/voorbeeld-over-de-taskforce',
	'/organen/[slug]/contact': '/organen/taskforce-spitsregio-leuven/contact',
	'/organen/[slug]/volgen': '/organen/taskforce-spitsregio-leuven/volgen',
	'/meldingen/bevestigen/[token]': '/meldingen/bevestigen/onbekende-link-0000000000000000',
	'/meldingen/uitschrijven/[token]': '/meldingen/uitschrijven/onbekende-link-0000000000000000',
	'/dossiers/[slug]/documenten/[id]':
		'/dossiers/voorbeeld-memorandum-schoolinfrastructuur/documenten/00000000-0000-4000-8000-000000000000',
	'/api/[...path]': '/api/v1/bestaat-niet',
	'/beheer/(open)/wachtwoord-herstellen/[token]': '/beheer/wachtwoord-herstellen/' + 'a'.repeat(43),
	'/beheer/(open)/uitnodiging/[token]': '/beheer/uitnodiging/' + 'a'.repeat(43),
	'/beheer/(app)/organen/[slug]': '/beheer/organen/taskforce-spitsregio-leuven',
	'/beheer/(app)/regio/[slug]': '/beheer/regio/halle-vilvoorde',
	'/beheer/(app)/organen/[slug]/vernieuwen':
		'/beheer/organen/taskforce-spitsregio-leuven/vernieuwen',
	'/beheer/(app)/regio/[slug]/vernieuwen': '/beheer/regio/leuven/vernieuwen',
	'/beheer/(app)/organisaties/[id]': '/beheer/organisaties/00000000-0000-4000-8000-000000000000',
	'/beheer/(app)/personen/[id]': '/beheer/personen/00000000-0000-4000-8000-000000000000',
	'/beheer/(app)/organen/[slug]/uitwisseling':
		'/beheer/organen/taskforce-spitsregio-leuven/uitwisseling',
	'/beheer/(app)/organen/[slug]/uitwisseling/export.csv':
		'/beheer/organen/taskforce-spitsregio-leuven/uitwisseling/export.csv',
	'/beheer/(app)/organen/[slug]/uitwisseling/export.xlsx':
		'/beheer/organen/taskforce-spitsregio-leuven/uitwisseling/export.xlsx',
	'/beheer/(app)/gebruikers/[id]': '/beheer/gebruikers/00000000-0000-4000-8000-000000000000',
	'/beheer/(app)/monitor/import/[id]':
		'/beheer/monitor/import/00000000-0000-4000-8000-000000000000',
	'/beheer/(app)/monitor/import/[id]/fouten.csv':
		'/beheer/monitor/import/00000000-0000-4000-8000-000000000000/fouten.csv'
};

export function urlOf(id: string): string {
	if (samples[id]) return samples[id];
	if (/\[/.test(id)) throw new Error(`Add a sample URL for ${id} in tests/e2e/support/routes.ts`);
	return id.replace(/\/\([^)]+\)/g, '') || '/';
}
