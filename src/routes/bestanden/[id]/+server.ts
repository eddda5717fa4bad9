import { serveFile, publicPurposes } from '$lib/server/files/serve';
import { load, parseId } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Files of public purposes (the site logo). Documents are served by the routes that guard them. */
export const GET: RequestHandler = async ({ params, locals, request }) =>
	load(
		(async () => serveFile(locals.db, parseId(params.id), request, { allow: publicPurposes }))()
	);
