import { json } from '@sveltejs/kit';
import { database } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** Process up and database reachable. */
export const GET: RequestHandler = async () => {
	const ok = await database().ping();
	return json(
		{ status: ok ? 'ok' : 'database_unreachable' },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
