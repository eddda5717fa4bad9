/**
 * Who may do what. Authenticate once (hooks.server.ts builds the Principal); authorise here, in
 * services, against the one Permission vocabulary. Deny by default.
 */
import { platformGrants } from '../accounts/accounts.policy';
import { bodyRoleGrants } from '../bodies/bodies.policy';
import type { MembershipRole, PlatformRole } from '../db/schema';
import { AppError } from '../errors';
import { log } from '../log';
import {
	bodyPermissions,
	type ApiScope,
	type BodyPermission,
	type Permission
} from './permissions';

export type Principal =
	| { kind: 'anonymous' }
	/** The system itself and the CLI: trusted code paths. */
	| { kind: 'system' }
	| {
			kind: 'user';
			userId: string;
			name: string;
			email: string;
			role: PlatformRole;
			/** Active memberships of the person linked to this user: bodyId → roles. */
			bodyRoles: Record<string, MembershipRole[]>;
	  }
	| { kind: 'token'; tokenId: string; organisationId: string; scopes: ApiScope[] };

export const anonymous: Principal = { kind: 'anonymous' };
export const system: Principal = { kind: 'system' };

const isBodyPermission = (p: Permission): p is BodyPermission =>
	(bodyPermissions as readonly string[]).includes(p);

export function can(
	principal: Principal,
	permission: Permission,
	scope?: { bodyId?: string }
): boolean {
	switch (principal.kind) {
		case 'system':
			return true;
		case 'anonymous':
		case 'token':
			return false;
		case 'user': {
			if (platformGrants[principal.role].includes(permission)) return true;
			if (isBodyPermission(permission) && scope?.bodyId) {
				const roles = principal.bodyRoles[scope.bodyId] ?? [];
				return roles.some((r) => bodyRoleGrants[permission].includes(r));
			}
			return false;
		}
	}
}

export function hasScope(principal: Principal, scope: ApiScope): boolean {
	return (
		principal.kind === 'system' || (principal.kind === 'token' && principal.scopes.includes(scope))
	);
}

/** Throw forbidden (logged, without secrets) unless the principal may. */
export function authorize(
	principal: Principal,
	permission: Permission,
	scope?: { bodyId?: string },
	requestId?: string
): void {
	if (can(principal, permission, scope)) return;
	log().warn(
		{
			requestId,
			principal: principal.kind,
			userId: principal.kind === 'user' ? principal.userId : undefined,
			permission,
			scope
		},
		'access denied'
	);
	throw new AppError(
		principal.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
		principal.kind === 'anonymous'
			? 'Meld u aan om verder te gaan.'
			: 'U hebt geen toegang tot deze pagina of actie.'
	);
}

/** The abilities pages receive to show or hide actions (hiding is never the protection). */
export function abilities(principal: Principal, scope?: { bodyId?: string }) {
	const out: Partial<Record<Permission, boolean>> = {};
	for (const p of [...Object.values(platformGrants.admin)]) out[p] = can(principal, p, scope);
	return out;
}
