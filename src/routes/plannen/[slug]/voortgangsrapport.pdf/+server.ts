import { progressReportDownload } from '$lib/server/plans/report.web';
import type { RequestHandler } from './$types';

/** A published plan's progress report (no owner names); ?van=&tot= or the last full quarter. */
export const GET: RequestHandler = (event) => progressReportDownload(event, 'public', 'pdf');
