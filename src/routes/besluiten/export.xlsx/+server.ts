import { publicRegisterExport } from '$lib/server/exports/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => publicRegisterExport(event, 'xlsx');
