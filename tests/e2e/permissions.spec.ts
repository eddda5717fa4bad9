/**
 * The permission matrix. It enumerates every route and form action from the route tree, so a new
 * route cannot escape it: a route without a declared access rule (src/lib/server/policy/routes.ts)
 * or without a sample URL here fails the test. For anonymous, a member of another body, a member,
 * a secretary, staff and admin it asserts the expected outcome of a GET and of every action.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	requiredPermission,
	routeAccess,
	type RouteAccess
} from '../../src/lib/server/policy/routes';
import { can, type Principal } from '../../src/lib/server/policy';
import { scenario, type PersonaKey } from './support/scenario';
import { routeTree, urlOf, type Route } from './support/routes';

const personas: (PersonaKey | 'anonymous')[] = [
	'anonymous',
	'otherMember',
	'member',
	'secretary',
	'staff',
	'admin'
];
const platformRole: Record<PersonaKey, 'admin' | 'staff' | 'user'> = {
	admin: 'admin',
	adminB: 'admin',
	staff: 'staff',
	secretary: 'user',
	member: 'user',
	otherMember: 'user',
	wgSecretary: 'user',
	stuurgroepSecretary: 'user',
	mayorsSecretary: 'user'
};

/** Body-scoped routes: who may, beyond the platform permission the hook checks. */
const bodyScoped: Record<string, PersonaKey[]> = {
	'/beheer/(app)/organen/[slug]': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/vernieuwen': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/uitwisseling': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/uitwisseling/export.csv': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/uitwisseling/export.xlsx': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/vergaderingen': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/vaste-agendapunten': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/bewerken': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/agenda': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/aanwezigheid': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/besluiten': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/documenten': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/verslag': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/besluiten': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/agenda.pdf': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/verslag.pdf': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/besluiten/export.csv': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/besluiten/export.xlsx': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/vergaderingen/[id]/advies': ['member', 'secretary', 'staff', 'admin'],
	'/beheer/(app)/organen/[slug]/adviezen': ['member', 'secretary', 'staff', 'admin'],
	// Keeping plans: the example plan is the Taskforce's (its secretary), staff and admins.
	'/beheer/(app)/plannen/nieuw': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/plannen/[slug]/bewerken': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/plannen/[slug]/onderdelen/[id]': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/plannen/[slug]/metingen/[id]': ['secretary', 'staff', 'admin'],
	// A new dossier: whoever runs some body (the Taskforce's secretary), staff and admins.
	'/beheer/(app)/dossiers/nieuw': ['secretary', 'staff', 'admin'],
	// News and pages: writers of some body (the Taskforce's secretary), staff and admins; one item
	// for the writers of its body (the example is the Taskforce's).
	'/beheer/(app)/inhoud/nieuw': ['secretary', 'staff', 'admin'],
	'/beheer/(app)/inhoud/[id]': ['secretary', 'staff', 'admin'],
	// Members of any body on the trail, and staff.
	'/beheer/(app)/adviezen/[id]': ['wgSecretary', 'stuurgroepSecretary', 'staff', 'admin']
};

/** Form actions of body-scoped routes that need more than reading the body (body:manage). */
const bodyManagers: PersonaKey[] = ['secretary', 'staff', 'admin'];
/** Keepers of the example dossier: its body (Halle-Vilvoorde's mayors) has no persona here. */
const dossierKeepers: PersonaKey[] = ['staff', 'admin'];
const bodyScopedActions: Record<string, Record<string, PersonaKey[]>> = {
	// Reporting on an action of the example plan: its keepers (the Taskforce's secretary, staff).
	'/beheer/(app)/plannen/[slug]/acties/[id]': { default: bodyManagers },
	// Every form of the example dossier; empty posts change nothing (each needs its own fields, a
	// confirmation to delete, a closed dossier to reopen, the form's own list to set plan items).
	'/beheer/(app)/dossiers/[slug]': Object.fromEntries(
		[
			'update',
			'link',
			'unlink',
			'addAddressee',
			'removeAddressee',
			'sent',
			'answer',
			'addDocument',
			'removeDocument',
			'planItems',
			'close',
			'reopen',
			'delete'
		].map((action) => [action, dossierKeepers])
	),
	'/beheer/(app)/organen/[slug]': {
		addMembership: bodyManagers,
		updateMembership: bodyManagers,
		endMembership: bodyManagers,
		addParticipant: bodyManagers,
		endParticipant: bodyManagers
	},
	'/beheer/(app)/organen/[slug]/vergaderingen': { create: bodyManagers },
	'/beheer/(app)/organen/[slug]/vaste-agendapunten': {
		add: bodyManagers,
		update: bodyManagers,
		move: bodyManagers,
		remove: bodyManagers
	},
	'/beheer/(app)/vergaderingen/[id]': {
		publish: bodyManagers,
		hold: bodyManagers,
		startMinutes: bodyManagers,
		cancel: bodyManagers,
		deleteDraft: bodyManagers
	},
	'/beheer/(app)/vergaderingen/[id]/agenda': {
		add: bodyManagers,
		update: bodyManagers,
		delete: bodyManagers,
		move: bodyManagers,
		reorder: bodyManagers,
		share: bodyManagers,
		actions: bodyManagers
	},
	'/beheer/(app)/vergaderingen/[id]/aanwezigheid': { save: bodyManagers },
	'/beheer/(app)/vergaderingen/[id]/besluiten': { create: bodyManagers, update: bodyManagers },
	'/beheer/(app)/vergaderingen/[id]/advies': { forward: bodyManagers },
	'/beheer/(app)/organen/[slug]/adviezen': { place: bodyManagers, outcome: bodyManagers },
	// Empty posts change nothing: no item (404), and the held example has no draft to send.
	'/beheer/(app)/vergaderingen/[id]/verslag': {
		save: bodyManagers,
		correct: bodyManagers,
		preview: bodyManagers,
		sendReview: bodyManagers
	}
};

type Expectation = 'ok' | 'login' | 'forbidden' | 'any';

function expected(
	route: Route,
	access: RouteAccess,
	who: PersonaKey | 'anonymous',
	action: string | null = null
): Expectation {
	if (access === 'public' || access === 'open') return 'any';
	if (who === 'anonymous') return 'login';
	if (access === 'pending') return 'any';
	const principal: Principal = {
		kind: 'user',
		userId: 'x',
		name: who,
		email: who,
		role: platformRole[who],
		bodyRoles: {}
	};
	if (!can(principal, requiredPermission(access, action))) return 'forbidden';
	const scoped = (action && bodyScopedActions[route.id]?.[action]) || bodyScoped[route.id];
	if (scoped && !scoped.includes(who)) return 'forbidden';
	return 'ok';
}

function check(
	outcome: { status: number; location: string | null },
	want: Expectation,
	label: string
) {
	expect(outcome.status, `${label}: no server error`).toBeLessThan(500);
	if (want === 'login') {
		expect(outcome.status, label).toBe(303);
		expect(outcome.location ?? '', label).toContain('/beheer/inloggen');
	} else if (want === 'forbidden') {
		expect(outcome.status, label).toBe(403);
	} else if (want === 'ok') {
		expect([401, 403], label).not.toContain(outcome.status);
		expect(outcome.location ?? '', `${label}: not sent to login`).not.toContain('/beheer/inloggen');
	}
}

async function send(
	request: APIRequestContext,
	method: 'GET' | 'POST',
	url: string,
	cookie?: string
) {
	const headers: Record<string, string> = { accept: 'text/html' };
	if (cookie) headers.cookie = `sp_session=${cookie}`;
	const response =
		method === 'GET'
			? await request.get(url, { headers, maxRedirects: 0 })
			: await request.post(url, {
					headers: { ...headers, origin: new URL(test.info().project.use.baseURL!).origin },
					form: {},
					maxRedirects: 0
				});
	return { status: response.status(), location: response.headers()['location'] ?? null };
}

test.describe('permission matrix', () => {
	const tree = routeTree();

	test('every route of the tree declares its access, and every declaration is a route', () => {
		const ids = tree.map((r) => r.id).sort();
		const undeclared = ids.filter((id) => !(id in routeAccess));
		expect(undeclared, 'routes without a rule in src/lib/server/policy/routes.ts').toEqual([]);
		expect(
			Object.keys(routeAccess).filter((id) => !ids.includes(id)),
			'rules for routes that do not exist'
		).toEqual([]);
		for (const route of tree) {
			expect(() => urlOf(route.id)).not.toThrow();
			const access = routeAccess[route.id];
			const declared = typeof access === 'object' ? Object.keys(access.actions ?? {}) : [];
			for (const action of declared)
				expect(route.actions, `${route.id} has action ${action}`).toContain(action);
		}
		// The action scanner sees the actions (so none can escape the matrix).
		expect(tree.find((r) => r.id === '/beheer/(app)/gebruikers')?.actions).toContain('invite');
		expect(tree.find((r) => r.id === '/beheer/(open)/inloggen')?.actions).toEqual(['default']);
		expect(tree.filter((r) => r.id.startsWith('/beheer/(app)')).length).toBeGreaterThan(3);
	});

	for (const who of personas) {
		test(`GET of every route and POST of every form action as ${who}`, async ({ request }) => {
			const cookie = who === 'anonymous' ? undefined : scenario()[who].sessionToken;
			// Logging out ends the persona's session: keep it for last.
			const ordered = [...tree].sort(
				(a, b) => Number(a.id.includes('uitloggen')) - Number(b.id.includes('uitloggen'))
			);
			for (const route of ordered) {
				const access = routeAccess[route.id];
				const want = expected(route, access, who);
				const url = urlOf(route.id);
				check(await send(request, 'GET', url, cookie), want, `GET ${url} as ${who}`);
				for (const action of route.actions) {
					const target = action === 'default' ? url : `${url}?/${action}`;
					check(
						await send(request, 'POST', target, cookie),
						expected(route, access, who, action),
						`POST ${target} as ${who}`
					);
				}
			}
		});
	}

	test('a form posted from another origin is refused', async ({ request }) => {
		const response = await request.post('/beheer/inloggen', {
			headers: { origin: 'https://kwaadwillig.example', accept: 'text/html' },
			form: { email: 'admin@voorbeeld.test', password: 'x' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain('Cross-site');
	});
});
