import { observationsDownload } from '$lib/server/monitor/charts/downloads';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => observationsDownload(event, 'xlsx');
