import { translate } from '$lib/i18n';
import { download } from '$lib/server/files/serve';
import { contextOf, load as orError, parseId } from '$lib/server/http';
import { translateMessage } from '$lib/server/messages';
import { importErrorsCsv } from '$lib/server/monitor/import/import.service';
import type { RequestHandler } from './$types';

/** Every error of an import, as CSV (regel;fout; line;error with the messages in English under /en). */
export const GET: RequestHandler = async (event) => {
	const { locale } = event.locals;
	const csv = await orError(
		Promise.resolve().then(() =>
			importErrorsCsv(contextOf(event), parseId(event.params.id), {
				header: translate(locale, 'ws.monitor.errorsCsv.header'),
				message: (m) => translateMessage(locale, m)
			})
		)
	);
	const name = locale === 'en' ? 'import-errors.csv' : 'importfouten.csv';
	return download(csv, 'text/csv; charset=utf-8', name, 'private, no-store');
};
