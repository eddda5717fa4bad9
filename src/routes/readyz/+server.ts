import { json } from '@sveltejs/kit';
import { isReady } from '$lib/server/app';
import type { RequestHandler } from './$types';

/** Migrations done and seed checked: ready for traffic. */
export const GET: RequestHandler = () => {
	const ready = isReady();
	return json(
		{ status: ready ? 'ready' : 'starting' },
		{ status: ready ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
