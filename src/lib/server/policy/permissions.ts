/**
 * The one Permission vocabulary of the platform. Each domain's policy file says which platform
 * roles, body roles or API scopes grant which of these; `policy/index.ts` decides. Deny by default.
 */
export const platformPermissions = [
	/** Enter the workspace under /beheer. */
	'workspace:enter',
	'users:read',
	/** Invite people as users (staff may invite users; admins any role). */
	'users:invite',
	/** Change roles, disable accounts. */
	'users:manage',
	'audit:read',
	'tokens:manage',
	'jobs:read',
	/** Run a scheduled job now, outside its schedule (admins). */
	'jobs:run',
	'settings:manage',
	'structure:manage',
	/** Run the regional monitor: indicator catalogue, imports, boundaries, Streekfoto profiles. */
	'monitor:manage',
	/**
	 * Keep every plan: structure, measures, actions, overrides, adoption. A body's own plans are
	 * also kept by whoever has body:manage on that body; an action's owner posts its updates.
	 */
	'plans:manage',
	/** Write the partnership's own news and pages (those of no body); a body's are body:edit_content. */
	'content:manage'
] as const;

/** Permissions that hold within one body (scope: bodyId). */
export const bodyPermissions = [
	/** See a body's closed data: all members, closed items and documents. */
	'body:read_closed',
	/** Run the body: meetings, agendas, memberships. */
	'body:manage',
	/** Write the body's news and pages. */
	'body:edit_content'
] as const;

export type PlatformPermission = (typeof platformPermissions)[number];
export type BodyPermission = (typeof bodyPermissions)[number];
export type Permission = PlatformPermission | BodyPermission;

/** Scopes an API token can carry. */
export const apiScopes = ['observations:write', 'structure:read', 'meetings:read'] as const;
export type ApiScope = (typeof apiScopes)[number];
