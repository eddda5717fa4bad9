/**
 * What a search may show beyond the public, per kind, from the same policy functions the
 * domains' own pages use. The public search (/zoeken) uses `publicScope` whoever is logged in,
 * so its pages can be cached and shared; the workspace search adds what the principal may read.
 * Dossiers take their visibility from the dossier register itself (kinds.records.ts).
 */
import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { closedBodyScope } from '../meetings/decisions.service';
import { canKeepPlan } from '../plans/plans.policy';
import { can, type Principal } from '../policy';

/** Body ids (null = every body) whose non-public records of a kind the reader sees. */
export type SearchScope = {
	view: 'public' | 'workspace';
	/** Closed meetings, items, minutes and decisions (body:read_closed). */
	closed: string[] | null;
	/** Plans that are not published (their keepers and the members of their body). */
	plans: string[] | null;
	/** The partnership's own plans (no body), when not published. */
	partnershipPlans: boolean;
	/** Draft and scheduled news and pages the reader may edit (body:edit_content). */
	content: string[] | null;
	/** The partnership's own drafts (content:manage). */
	partnershipContent: boolean;
};

export const publicScope: SearchScope = {
	view: 'public',
	closed: [],
	plans: [],
	partnershipPlans: false,
	content: [],
	partnershipContent: false
};

/** A body no one belongs to: a grant on it is a grant on every body. */
const ANY_BODY = '00000000-0000-4000-8000-000000000000';

/** The bodies for which `may` holds: all (null) when it holds for any body. */
function bodiesWhere(principal: Principal, may: (bodyId: string) => boolean): string[] | null {
	if (may(ANY_BODY)) return null;
	if (principal.kind !== 'user') return [];
	return Object.keys(principal.bodyRoles).filter(may);
}

export function workspaceScope(principal: Principal): SearchScope {
	const readsPlan = (bodyId: string | null) =>
		canKeepPlan(principal, { bodyId }) ||
		(bodyId !== null && can(principal, 'body:read_closed', { bodyId }));
	return {
		view: 'workspace',
		closed: closedBodyScope(principal),
		plans: bodiesWhere(principal, readsPlan),
		partnershipPlans: readsPlan(null),
		content: bodiesWhere(principal, (bodyId) => can(principal, 'body:edit_content', { bodyId })),
		partnershipContent: can(principal, 'content:manage')
	};
}

/** SQL: the body column is one of the scope's bodies. */
export function inScope(scope: string[] | null, column: AnyColumn | SQL): SQL {
	if (scope === null) return sql`true`;
	if (!scope.length) return sql`false`;
	return inArray(column as AnyColumn, scope);
}
