import { abilities } from '$lib/server/policy';
import type { LayoutServerLoad } from './$types';

/** hooks.server.ts already required a completed login with workspace:enter for every (app) route. */
export const load: LayoutServerLoad = ({ locals }) => {
	const principal = locals.principal;
	return {
		me:
			principal.kind === 'user'
				? { name: principal.name, email: principal.email, role: principal.role }
				: null,
		abilities: abilities(principal)
	};
};
