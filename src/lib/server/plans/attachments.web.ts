/**
 * Downloads of progress updates' attachments. In the workspace, for whoever may read the plan
 * (mayRead: a published plan for every workspace user, another only for its keepers and its
 * body's members); on the public site, for anyone, of published plans only. Anything else is a
 * 404, so an attachment of a plan one may not read does not reveal that it exists.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { serveFile } from '../files/serve';
import { contextOf } from '../http';
import { findAttachment, type FoundAttachment } from './attachments';
import { mayRead } from './plans.web';

const notFound = () =>
	new Response('Niet gevonden.', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

async function serve(event: RequestEvent, found: FoundAttachment | undefined, allowed: boolean) {
	if (!found || !allowed) return notFound();
	// The type is the one sniffed at upload; access is checked again on every use (no-cache).
	const response = await serveFile(event.locals.db, found.fileId, event.request, {
		allow: () => true
	});
	if (response.status === 404) return notFound();
	if (!found.plan.isPublic) response.headers.set('vary', 'cookie');
	return response;
}

/** GET /beheer/plannen/<slug>/acties/<id>/bijlagen/<fileId>: an attachment of the action's updates. */
export async function workspaceAttachment(
	event: RequestEvent<{ slug: string; id: string; fileId: string }>
): Promise<Response> {
	const found = await findAttachment(event.locals.db, {
		planSlug: event.params.slug,
		itemId: event.params.id,
		fileId: event.params.fileId
	});
	return serve(event, found, !!found && mayRead(contextOf(event), found.plan));
}

/** GET /plannen/<slug>/bijlagen/<fileId>: an attachment of an update of a published plan. */
export async function publicAttachment(
	event: RequestEvent<{ slug: string; fileId: string }>
): Promise<Response> {
	const found = await findAttachment(event.locals.db, {
		planSlug: event.params.slug,
		fileId: event.params.fileId
	});
	return serve(event, found, !!found && found.plan.isPublic);
}
