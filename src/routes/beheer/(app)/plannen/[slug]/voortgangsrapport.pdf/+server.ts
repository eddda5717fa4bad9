import { progressReportDownload } from '$lib/server/plans/report.web';
import type { RequestHandler } from './$types';

/** The progress report for whoever may read the plan in the workspace (with owner names). */
export const GET: RequestHandler = (event) => progressReportDownload(event, 'workspace', 'pdf');
