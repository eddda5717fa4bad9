import { publicPlanDownload } from '$lib/server/plans/plans.web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => publicPlanDownload(event, 'csv');
