import { publicMeasureCsv } from '$lib/server/plans/measures.web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => publicMeasureCsv(event);
