import { exportResponse } from '$lib/server/exchange/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => exportResponse(event, 'csv');
