/**
 * Who may reach each route: one declaration per route id of the tree. hooks.server.ts enforces it
 * (deny by default: an undeclared route answers 403), services check again for body-scoped rules,
 * and the permission-matrix test fails when a route is added without a declaration here.
 */
import type { PlatformPermission } from './permissions';

export type RouteAccess =
	/** Anyone, logged in or not. */
	| 'public'
	/** Login, reset and invitation flows: anyone (they sign in, never reveal data). */
	| 'open'
	/** Logged in with a password, second factor still pending (or being set up). */
	| 'pending'
	/**
	 * A completed login with this platform permission (body-scoped checks happen in services);
	 * form actions that need more name their own permission.
	 */
	| { permission: PlatformPermission; actions?: Record<string, PlatformPermission> };

/** The form action a request posts to (`?/name`, else `default`), or null for other requests. */
export function actionOf(method: string, url: URL): string | null {
	if (method !== 'POST') return null;
	const named = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return named ? named.slice(1) : 'default';
}

/** The platform permission a request needs under a route's rule. */
export function requiredPermission(
	access: Exclude<RouteAccess, string>,
	action: string | null
): PlatformPermission {
	return (action && access.actions?.[action]) || access.permission;
}

export const routeAccess: Record<string, RouteAccess> = {
	'/': 'public',
	'/regio/[slug]': 'public',
	'/organen/[slug]': 'public',
	'/organisaties/[slug]': 'public',
	'/organen/[slug]/vergaderingen.ics': 'public',
	'/vergaderingen': 'public',
	'/vergaderingen.ics': 'public',
	'/vergaderingen/[id]': 'public',
	// Exports of the public face: PDFs of public meetings, their JSON-LD, the register as CSV/XLSX.
	'/vergaderingen/[id]/agenda.pdf': 'public',
	'/vergaderingen/[id]/verslag.pdf': 'public',
	'/vergaderingen/[id]/vergadering.jsonld': 'public',
	'/besluiten/export.csv': 'public',
	'/besluiten/export.xlsx': 'public',
	'/besluiten': 'public',
	'/besluiten/[id]': 'public',
	'/gemeenten/[nisSlug]': 'public',
	// The public monitor: catalogue, indicator pages (series, ranking, map), area profiles, downloads.
	'/monitor': 'public',
	'/monitor/indicatoren/[code]': 'public',
	'/monitor/indicatoren/[code]/gegevens.csv': 'public',
	'/monitor/indicatoren/[code]/gegevens.xlsx': 'public',
	'/monitor/indicatoren/[code]/[chart].svg': 'public',
	'/monitor/gebieden/[nisSlug]': 'public',
	'/monitor/regio/[slug]': 'public',
	// One search over everything public (the workspace has its own: /beheer/zoeken).
	'/zoeken': 'public',
	// Published plans: the list, one plan as a tree with its statuses, and its download.
	'/plannen': 'public',
	'/plannen/[slug]': 'public',
	'/plannen/[slug]/plan.csv': 'public',
	'/plannen/[slug]/plan.xlsx': 'public',
	// The progress report of a published plan (no owner names).
	'/plannen/[slug]/voortgangsrapport.pdf': 'public',
	'/plannen/[slug]/voortgangsrapport.xlsx': 'public',
	'/plannen/[slug]/metingen/[id]': 'public',
	'/plannen/[slug]/metingen/[id]/meting.csv': 'public',
	// Attachments of progress updates: published plans only (plans/attachments.web.ts).
	'/plannen/[slug]/bijlagen/[fileId]': 'public',
	// Published dossiers: the register, one dossier, and its public documents (dossiers/public.web.ts).
	// News and pages (content/public.web.ts): published items only.
	'/nieuws': 'public',
	'/nieuws/[slug]': 'public',
	'/paginas/[slug]': 'public',
	'/dossiers': 'public',
	'/dossiers/[slug]': 'public',
	'/dossiers/[slug]/documenten/[id]': 'public',
	// Contact forms (contact/contact.web.ts) and the public's e-mail alerts (alerts/alerts.web.ts):
	// public POSTs, SvelteKit checks their origin; token pages confirm or unsubscribe only on POST.
	'/contact': 'public',
	'/organen/[slug]/contact': 'public',
	'/organen/[slug]/volgen': 'public',
	'/meldingen/bevestigen/[token]': 'public',
	'/meldingen/uitschrijven/[token]': 'public',
	'/monitor/streekfoto/[slug]': 'public',
	'/monitor/streekfoto/[slug]/streekfoto.pdf': 'public',
	'/open-data': 'public',
	'/open-data/api': 'public',
	'/open-data/streekplatform-open-data.zip': 'public',
	'/organen/[slug]/orgaan.jsonld': 'public',
	'/organisaties/[slug]/organisatie.jsonld': 'public',
	'/privacy': 'public',
	// Discovery: Atom feeds (public records only), the sitemap, robots.txt, accessibility statement.
	'/nieuws/feed.atom': 'public',
	'/besluiten/feed.atom': 'public',
	'/dossiers/feed.atom': 'public',
	'/organen/[slug]/feed.atom': 'public',
	'/sitemap.xml': 'public',
	'/robots.txt': 'public',
	'/toegankelijkheid': 'public',
	'/bestanden/[id]': 'public',
	'/documenten/[id]': 'public',
	'/healthz': 'public',
	'/readyz': 'public',
	// Prometheus: the route itself asks for METRICS_TOKEN or a loopback client (metrics/access.ts).
	'/metrics': 'public',
	'/api/v1/areas': 'public',
	'/api/v1/areas/[id]': 'public',
	'/api/v1/organisations': 'public',
	'/api/v1/organisations/[id]': 'public',
	'/api/v1/bodies': 'public',
	'/api/v1/bodies/[id]': 'public',
	'/api/v1/bodies/[id]/memberships': 'public',
	'/api/v1/meetings': 'public',
	'/api/v1/meetings/[id]': 'public',
	'/api/v1/meetings/[id]/items': 'public',
	'/api/v1/decisions': 'public',
	'/api/v1/decisions/[id]': 'public',
	'/api/v1/indicators': 'public',
	'/api/v1/indicators/[code]': 'public',
	'/api/v1/observations': 'public',
	'/api/v1/plans': 'public',
	'/api/v1/plans/[id]': 'public',
	'/api/v1/measures/[id]': 'public',
	'/api/v1/actions/[id]': 'public',
	'/api/v1/actions/[id]/updates': 'public',
	'/api/v1/news': 'public',
	'/api/v1/news/[slug]': 'public',
	'/api/v1/pages/[slug]': 'public',
	'/api/v1/dossiers': 'public',
	'/api/v1/dossiers/[slug]': 'public',
	'/api/v1/openapi.json': 'public',
	'/api/[...path]': 'public',

	'/beheer/(open)/inloggen': 'open',
	'/beheer/(open)/wachtwoord-vergeten': 'open',
	'/beheer/(open)/wachtwoord-herstellen/[token]': 'open',
	'/beheer/(open)/uitnodiging/[token]': 'open',
	'/beheer/(pending)/tweede-factor': 'pending',
	'/beheer/(pending)/tweestapsverificatie-instellen': 'pending',
	'/beheer/(pending)/uitloggen': 'pending',

	'/beheer/(app)': { permission: 'workspace:enter' },
	'/beheer/(app)/account': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen': { permission: 'workspace:enter' },
	'/beheer/(app)/zoeken': { permission: 'workspace:enter' },
	'/beheer/(app)/account/gegevens': { permission: 'workspace:enter' },
	'/beheer/(app)/regio/[slug]': { permission: 'workspace:enter' },
	'/beheer/(app)/privacy': { permission: 'structure:manage' },
	'/beheer/(app)/organen/[slug]': {
		permission: 'workspace:enter',
		actions: { updateBody: 'structure:manage', archiveBody: 'structure:manage' }
	},
	'/beheer/(app)/organen/[slug]/vernieuwen': { permission: 'workspace:enter' },
	// Meetings, part 2: members read, managers edit (body:read_closed / body:manage in the services).
	'/beheer/(app)/vergaderingen/[id]/agenda': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/aanwezigheid': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/besluiten': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/documenten': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/documenten/opladen': { permission: 'workspace:enter' },
	// Minutes: members read and comment, managers write (checked in the minutes services).
	'/beheer/(app)/vergaderingen/[id]/verslag': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/besluiten': { permission: 'workspace:enter' },
	// Advice between bodies: members read, secretaries forward, place and settle (advice services).
	'/beheer/(app)/vergaderingen/[id]/advies': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/adviezen': { permission: 'workspace:enter' },
	'/beheer/(app)/adviezen/[id]': { permission: 'workspace:enter' },
	// Members' PDFs and register exports (closed parts included): body:read_closed in the services.
	'/beheer/(app)/vergaderingen/[id]/agenda.pdf': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/verslag.pdf': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/besluiten/export.csv': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/besluiten/export.xlsx': { permission: 'workspace:enter' },
	// Meetings of a body (workspace, part 1): the meetings services check body:read_closed/manage.
	'/beheer/(app)/organen/[slug]/vergaderingen': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/vaste-agendapunten': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]': { permission: 'workspace:enter' },
	'/beheer/(app)/vergaderingen/[id]/bewerken': { permission: 'workspace:enter' },
	'/beheer/(app)/regio/[slug]/vernieuwen': { permission: 'structure:manage' },
	'/beheer/(app)/organen': { permission: 'structure:manage' },
	// Staff's cross-body overview: next meetings, open advice, meetings without minutes.
	'/beheer/(app)/overzicht': { permission: 'structure:manage' },
	'/beheer/(app)/organen/nieuw': { permission: 'structure:manage' },
	'/beheer/(app)/organisaties': { permission: 'structure:manage' },
	'/beheer/(app)/organisaties/nieuw': { permission: 'structure:manage' },
	'/beheer/(app)/organisaties/[id]': { permission: 'structure:manage' },
	'/beheer/(app)/personen': { permission: 'structure:manage' },
	'/beheer/(app)/personen/nieuw': { permission: 'structure:manage' },
	'/beheer/(app)/personen/[id]': { permission: 'structure:manage' },
	// Import/export of one body's members: body:manage, checked in the exchange service.
	'/beheer/(app)/organen/[slug]/uitwisseling': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/uitwisseling/export.csv': { permission: 'workspace:enter' },
	'/beheer/(app)/organen/[slug]/uitwisseling/export.xlsx': { permission: 'workspace:enter' },
	'/beheer/(app)/monitor/import': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/import/opladen': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/import/[id]': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/import/[id]/fouten.csv': { permission: 'monitor:manage' },
	'/beheer/(app)/uitwisseling': { permission: 'structure:manage' },
	'/beheer/(app)/monitor/grenzen': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/gebieden': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/streekfoto': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor': { permission: 'monitor:manage' },
	// Plans: every workspace user may open the list and their own actions; a plan that is not
	// published only its keepers and its body's members (checked in plans.web.ts); reporting on
	// an action only its owner or a keeper (updates.service.ts).
	'/beheer/(app)/plannen': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/mijn-acties': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/acties/[id]': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/acties/[id]/bijlagen/[fileId]': { permission: 'workspace:enter' },
	// Keeping a plan: plans:manage, or body:manage of the plan's body (plans.policy.ts).
	'/beheer/(app)/plannen/nieuw': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/bewerken': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/onderdelen/[id]': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/metingen/[id]': { permission: 'workspace:enter' },
	// The progress report with names: who may read the plan (plans.web.ts mayRead).
	'/beheer/(app)/plannen/[slug]/voortgangsrapport.pdf': { permission: 'workspace:enter' },
	'/beheer/(app)/plannen/[slug]/voortgangsrapport.xlsx': { permission: 'workspace:enter' },
	// Dossiers: every workspace user may open the register (the dossiers of their own bodies;
	// staff all) and a dossier they may read (public, or of their body); a new dossier and every
	// form of a dossier only for who runs its body (checked in dossiers/*.web.ts and the service).
	// News and pages: who writes what is checked in content/workspace.web.ts and the service
	// (body:edit_content on the item's body, content:manage for the partnership's own).
	'/beheer/(app)/inhoud': { permission: 'workspace:enter' },
	'/beheer/(app)/inhoud/nieuw': { permission: 'workspace:enter' },
	'/beheer/(app)/inhoud/voorbeeld': { permission: 'workspace:enter' },
	'/beheer/(app)/inhoud/[id]': { permission: 'workspace:enter' },
	'/beheer/(app)/dossiers': { permission: 'workspace:enter' },
	'/beheer/(app)/dossiers/nieuw': { permission: 'workspace:enter' },
	'/beheer/(app)/dossiers/[slug]': { permission: 'workspace:enter' },
	'/beheer/(app)/dossiers/[slug]/documenten/[id]': { permission: 'workspace:enter' },
	// Contact messages: of the bodies the user runs (body:manage) and, with content:manage, the
	// partnership's; checked in contact/contact.service.ts.
	'/beheer/(app)/contact': { permission: 'workspace:enter' },
	'/beheer/(app)/monitor/indicatoren': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/indicatoren/nieuw': { permission: 'monitor:manage' },
	'/beheer/(app)/monitor/indicatoren/[code]': { permission: 'monitor:manage' },
	'/beheer/(app)/uitwisseling/export.csv': { permission: 'structure:manage' },
	'/beheer/(app)/uitwisseling/export.xlsx': { permission: 'structure:manage' },
	'/beheer/(app)/gebruikers': { permission: 'users:read', actions: { invite: 'users:invite' } },
	'/beheer/(app)/gebruikers/[id]': { permission: 'users:read', actions: { role: 'users:manage' } },
	'/beheer/(app)/audit': { permission: 'audit:read' },
	'/beheer/(app)/api-sleutels': { permission: 'tokens:manage' },
	'/beheer/(app)/instellingen': { permission: 'settings:manage' },
	'/beheer/(app)/taken': { permission: 'jobs:read', actions: { run: 'jobs:run' } }
};
