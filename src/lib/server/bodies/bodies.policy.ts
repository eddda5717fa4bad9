import type { MembershipRole } from '../db/schema';
import type { BodyPermission } from '../policy/permissions';

/** What a membership role grants within its own body (and nowhere else). */
export const bodyRoleGrants: Record<BodyPermission, readonly MembershipRole[]> = {
	'body:read_closed': [
		'chair',
		'vice_chair',
		'secretary',
		'member',
		'observer',
		'expert',
		'support',
		'editor'
	],
	'body:manage': ['chair', 'vice_chair', 'secretary'],
	'body:edit_content': ['chair', 'secretary', 'editor']
};
