import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { database, isReady } from '$lib/server/app';
import { config } from '$lib/server/config';
import { metricsAccess } from '$lib/server/metrics/access';
import { contentType, scrape } from '$lib/server/metrics/metrics';
import type { RequestHandler } from './$types';

/** Prometheus text exposition of this process (metrics/metrics.ts); see docs/deploy.md. */
export const GET: RequestHandler = async ({ request, getClientAddress, locals }) => {
	const access = metricsAccess(
		request.headers.get('authorization'),
		getClientAddress,
		config().METRICS_TOKEN
	);
	if (access === 'hidden') error(404, translate(locals.locale, 'error.notFound.title'));
	if (access === 'unauthenticated') {
		return new Response('Unauthorized\n', {
			status: 401,
			headers: {
				'www-authenticate': 'Bearer realm="metrics"',
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'no-store'
			}
		});
	}
	const ready = isReady();
	const text = await scrape({ ready, database: ready ? database() : undefined });
	return new Response(text, {
		headers: { 'content-type': contentType, 'cache-control': 'no-store' }
	});
};
