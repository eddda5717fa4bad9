/**
 * The inbox's form actions: a body's managers place an advice that body received, or record its
 * outcome. The body (by slug) is checked first — body:manage, before any input is read — and the
 * hop must be one the body received.
 */
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { adviceHops } from '../db/schema';
import { isUuid, notFound } from '../errors';
import { workspaceBody } from '../meetings/workspace.queries';
import { placeAdvice, recordOutcome } from './advice.service';

async function receivedHop(ctx: ServiceContext, slug: string, hopId: unknown) {
	const body = await workspaceBody(ctx, slug, 'body:manage');
	if (!isUuid(hopId)) throw notFound('Advies niet gevonden.');
	const [hop] = await ctx.db
		.select({ id: adviceHops.id, toBodyId: adviceHops.toBodyId })
		.from(adviceHops)
		.where(eq(adviceHops.id, hopId));
	if (!hop || hop.toBodyId !== body.id) throw notFound('Advies niet gevonden.');
	return hop.id;
}

/** Place an advice from the inbox of body `slug` (form values: hopId, meetingId). */
export async function placeFromInbox(
	ctx: ServiceContext,
	slug: string,
	values: Record<string, unknown>
) {
	const { hopId, ...rest } = values;
	return placeAdvice(ctx, await receivedHop(ctx, slug, hopId), rest);
}

/** Record an outcome from the inbox of body `slug` (form values: hopId and the outcome fields). */
export async function outcomeFromInbox(
	ctx: ServiceContext,
	slug: string,
	values: Record<string, unknown>
) {
	const { hopId, ...rest } = values;
	return recordOutcome(ctx, await receivedHop(ctx, slug, hopId), rest);
}
