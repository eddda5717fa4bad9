import { download } from '$lib/server/files/serve';
import { contextOf, load as orError, parseId } from '$lib/server/http';
import { importErrorsCsv } from '$lib/server/monitor/import/import.service';
import type { RequestHandler } from './$types';

/** Every error of an import, as CSV (regel;fout). */
export const GET: RequestHandler = async (event) => {
	const csv = await orError(
		Promise.resolve().then(() => importErrorsCsv(contextOf(event), parseId(event.params.id)))
	);
	return download(csv, 'text/csv; charset=utf-8', 'importfouten.csv', 'private, no-store');
};
