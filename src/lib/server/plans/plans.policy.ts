/**
 * Who may keep a plan and who may report on it. Staff and admins keep every plan (plans:manage);
 * a body's own plans are also kept by whoever runs that body (body:manage). An action's owner —
 * the person linked to the user — posts its updates, as do the plan's keepers. Services call these
 * before they touch anything.
 */
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { authorize, can, type Principal } from '../policy';

type PlanOwner = { bodyId: string | null };

export function canKeepPlan(principal: Principal, plan: PlanOwner): boolean {
	return (
		can(principal, 'plans:manage') ||
		(plan.bodyId !== null && can(principal, 'body:manage', { bodyId: plan.bodyId }))
	);
}

/** Whether the principal may start a plan: plans:manage, or running some body. */
export function mayStartPlans(principal: Principal): boolean {
	if (can(principal, 'plans:manage')) return true;
	return (
		principal.kind === 'user' &&
		Object.keys(principal.bodyRoles).some((bodyId) => can(principal, 'body:manage', { bodyId }))
	);
}

/** Throw forbidden unless the principal keeps this plan. */
export function authorizePlan(ctx: ServiceContext, plan: PlanOwner): void {
	if (canKeepPlan(ctx.principal, plan)) return;
	// Logged and thrown by the one policy function, with the narrower permission named.
	authorize(ctx.principal, plan.bodyId ? 'body:manage' : 'plans:manage', {
		bodyId: plan.bodyId ?? undefined
	});
}

/** Throw forbidden unless the principal keeps the plan or is the owner of the item reported on. */
export function authorizeUpdate(
	ctx: ServiceContext,
	plan: PlanOwner,
	owner: { personId: string | null; userPersonId: string | null }
): void {
	if (owner.personId && owner.userPersonId && owner.personId === owner.userPersonId) return;
	if (canKeepPlan(ctx.principal, plan)) return;
	if (ctx.principal.kind === 'anonymous') {
		throw new AppError('unauthenticated', 'Meld u aan om verder te gaan.');
	}
	throw new AppError(
		'forbidden',
		'Alleen de eigenaar van deze actie of wie het plan beheert, kan de voortgang melden.'
	);
}
