import type { PlatformRole } from '../db/schema';
import { bodyPermissions, platformPermissions, type Permission } from '../policy/permissions';

/** What each platform role may do everywhere. Body roles add permissions within a body. */
export const platformGrants: Record<PlatformRole, readonly Permission[]> = {
	admin: [...platformPermissions, ...bodyPermissions],
	staff: [
		'workspace:enter',
		'users:read',
		'users:invite',
		'audit:read',
		'tokens:manage',
		'structure:manage',
		'monitor:manage',
		'plans:manage',
		'content:manage',
		...bodyPermissions
	],
	user: ['workspace:enter']
};

/** Roles that must use a second factor. */
export const twoFactorRequired: readonly PlatformRole[] = ['admin', 'staff'];

/** Which roles a role may hand out in an invitation. */
export function mayAssignRole(inviter: PlatformRole, role: PlatformRole): boolean {
	return inviter === 'admin' || role === 'user';
}
